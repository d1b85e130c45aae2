/**
 * 双报告: a major hazard is told at once to the regulator above (seed 004: 按分级属地原则向监管部门及时报告) and to the
 * enterprise's 职代会 / 职工大会 (seeds 000, 001, 002), and its 主要负责人 and 实际控制人 are notified (seed 003 第7条).
 * What was sent is recorded as it happened: a party nobody could reach is named, never claimed.
 */
export const DUAL_PARTIES = ["regulator", "principal", "controller", "congress"] as const;
export type DualParty = (typeof DUAL_PARTIES)[number];

export interface DualReport {
  /** The regulator above and how many of its chats (bound groups, officials who asked for private notices) were told. */
  regulator: { name: string; chats: number } | null;
  /** The people told, by name, per enterprise role. */
  principal: string[];
  controller: string[];
  congress: string[];
  /** The parties that nobody heard for: no regulator above or none of its chats bound, nobody holding the role. */
  missing: DualParty[];
  /** Made on an official's confirmation (true) or by the daily check of unconfirmed reports the criteria flag (false). */
  confirmed: boolean;
}

/** The record of a 双报告 from what was sent. */
export function dualReportOf(sent: Omit<DualReport, "missing">): DualReport {
  const missing = DUAL_PARTIES.filter((p) => (p === "regulator" ? !sent.regulator || sent.regulator.chats === 0 : sent[p].length === 0));
  return { ...sent, missing };
}

/** Whether the report reached every party the notices name. */
export const dualReportComplete = (r: DualReport): boolean => r.missing.length === 0;
