import type { MajorHazardIndicator } from "./major-hazard.ts";

/**
 * Industries (行业) as data (prompts/industries.json): which are 高危行业 (a leader-led check every month, seed 003
 * 第6条) and which 重大事故隐患判定标准 hint a unit's reports. Pure: matching a unit's industry name to an entry.
 */
export interface Industry {
  key: string;
  names: string[];
  highRisk: boolean;
  /** Indicator sources of the industry's own standards, in the order they are cited. */
  sources: string[];
}

export interface Industries {
  list: Industry[];
  /** Indicator sources that apply to every industry, cited after its own. */
  general: string[];
}

/** The entry a unit's industry names: the whole name first, else the longest listed name it contains. */
export function industryOf(industries: Industries, name: string | null | undefined): Industry | null {
  const s = name?.trim();
  if (!s) return null;
  const exact = industries.list.find((i) => i.names.includes(s));
  if (exact) return exact;
  let best: { industry: Industry; length: number } | null = null;
  for (const industry of industries.list) {
    for (const n of industry.names) if (s.includes(n) && (!best || n.length > best.length)) best = { industry, length: n.length };
  }
  return best?.industry ?? null;
}

/** Whether a unit of this industry is of a 高危行业 (its leaders check monthly). */
export const isHighRisk = (industries: Industries, name: string | null | undefined): boolean => industryOf(industries, name)?.highRisk ?? false;

/**
 * The indicators that hint a unit's reports: its industry's own standards first, then the general ones; the other
 * industries' never (a chemical plant's confined space is judged by the chemical standard, not the 工贸 one). A unit
 * of no industry, or of one not listed, gets every indicator, general ones first.
 */
export function indicatorsFor(industries: Industries, indicators: readonly MajorHazardIndicator[], name: string | null | undefined): MajorHazardIndicator[] {
  const industry = industryOf(industries, name);
  const general = indicators.filter((i) => industries.general.includes(i.source));
  if (!industry) return [...general, ...indicators.filter((i) => !industries.general.includes(i.source))];
  const own = industry.sources.flatMap((s) => indicators.filter((i) => i.source === s));
  return [...own, ...general];
}
