import { Prisma as P } from "../generated/prisma/client.ts";
import type { ReportRewardRules } from "../domain/report-rewards.ts";
import type { UnitRow } from "./repo.ts";
import { utc } from "./sql.ts";

type Tx = P.TransactionClient;

export interface RewardEntryRow {
  id: number;
  kind: string;
  hazardId: number;
  hazardYear: number;
  userId: number;
  userName: string;
  unitId: number;
  month: string;
  amount: number;
  points: number;
  refId: number | null;
  note: string | null;
  at: Date;
}

export interface HonorRow {
  userId: number;
  name: string;
  hidden: boolean;
  general: number;
  major: number;
}

const unitIdsOf = (path: string) => path.split("/").filter(Boolean).map(Number);

/** The reward ledger and the units' reward rules. The ledger is only ever added to. */
export class RewardRepo {
  constructor(private readonly tx: Tx) {}

  /** The rules of the nearest unit at or above `unit` that has its own, with that unit's id; null: none. */
  async rulesFor(unit: UnitRow): Promise<{ unitId: number; rules: Partial<ReportRewardRules> } | null> {
    const ids = unitIdsOf(unit.path);
    const rows = await this.tx.rewardRuleSet.findMany({ where: { unitId: { in: ids } } });
    for (const id of [...ids].reverse()) {
      const r = rows.find((x) => x.unitId === id);
      if (r) return { unitId: id, rules: r.rules as Partial<ReportRewardRules> };
    }
    return null;
  }

  /**
   * Stores a unit's own rules (only what it set: the rest keeps following the units above) and records the change
   * with the rules in force before and after.
   */
  async setRules(unitId: number, own: Partial<ReportRewardRules>, before: ReportRewardRules, after: ReportRewardRules, actorId: number, at: Date): Promise<void> {
    const rules = own as unknown as P.InputJsonValue;
    await this.tx.rewardRuleSet.upsert({ where: { unitId }, create: { unitId, rules, updatedById: actorId, updatedAt: at }, update: { rules, updatedById: actorId, updatedAt: at } });
    await this.tx.rewardRuleEvent.create({ data: { unitId, actorId, before: before as unknown as P.InputJsonValue, after: after as unknown as P.InputJsonValue, at } });
  }

  /** The reports rejected as duplicates of this hazard: their reporters and when they reported. */
  async duplicatesOf(hazardId: number): Promise<{ id: number; reporterId: number; reportedAt: Date }[]> {
    return this.tx.hazard.findMany({ where: { duplicateOfId: hazardId, status: "DUPLICATE" }, select: { id: true, reporterId: true, reportedAt: true } });
  }

  /** The changes of a unit's rules, oldest first. */
  async ruleEvents(unitId: number): Promise<{ actorId: number; before: unknown; after: unknown; at: Date }[]> {
    return this.tx.rewardRuleEvent.findMany({ where: { unitId }, orderBy: { id: "asc" }, select: { actorId: true, before: true, after: true, at: true } });
  }

  /** Adds an entry; false when its dedupe key was taken (the same earning recorded before). */
  async add(e: { kind: string; dedupeKey: string; hazardId: number; userId: number; unitId: number; month: string; amount: number; points: number; refId?: number | null; actorId?: number | null; note?: string | null; at: Date }): Promise<boolean> {
    const n = await this.tx.rewardEntry.createMany({ data: [{ ...e, refId: e.refId ?? null, actorId: e.actorId ?? null, note: e.note ?? null }], skipDuplicates: true });
    return n.count === 1;
  }

  /** What a person earned in a month (earnings, bonuses and corrections). */
  async earnedInMonth(userId: number, month: string): Promise<number> {
    const r = await this.tx.rewardEntry.aggregate({ where: { userId, month, kind: { in: ["EARN", "FIRST", "CORRECTION"] } }, _sum: { amount: true } });
    return r._sum.amount ?? 0;
  }

  /** Entries in the order they were added: of one person, of one hazard, or of the units under `paths` in a month. */
  async entries(f: { userId?: number; hazardId?: number; paths?: string[]; month?: string }): Promise<RewardEntryRow[]> {
    return this.tx.$queryRaw<RewardEntryRow[]>`
      SELECT e.id, e.kind, e."hazardId", h.year AS "hazardYear", e."userId", u."displayName" AS "userName", e."unitId", e.month,
             e.amount, e.points, e."refId", e.note, e.at
      FROM "RewardEntry" e JOIN "Hazard" h ON h.id = e."hazardId" JOIN "User" u ON u.id = e."userId"
      JOIN "Unit" n ON n.id = e."unitId"
      WHERE (${f.userId ?? null}::int IS NULL OR e."userId" = ${f.userId ?? null}::int)
        AND (${f.hazardId ?? null}::int IS NULL OR e."hazardId" = ${f.hazardId ?? null}::int)
        AND (${f.month ?? null}::text IS NULL OR e.month = ${f.month ?? null}::text)
        AND n.path LIKE ANY (${(f.paths ?? ["/"]).map((p) => p + "%")}::text[])
      ORDER BY e.id`;
  }

  /**
   * The month's reporters under `paths`: confirmed reports by level (rejected ones never count). The unit's own
   * people's reports only — 随手拍 and 自查 — not a regulator's inspection findings (检查) nor hazards made from tips (举报).
   */
  async honor(paths: string[], from: Date, to: Date): Promise<HonorRow[]> {
    return this.tx.$queryRaw<HonorRow[]>`
      SELECT u.id AS "userId", u."displayName" AS name, u."honorHidden" AS hidden,
             count(*) FILTER (WHERE h.level = 'GENERAL')::int AS general,
             count(*) FILTER (WHERE h.level = 'MAJOR')::int AS major
      FROM "Hazard" h JOIN "User" u ON u.id = h."reporterId" JOIN "Unit" n ON n.id = h."unitId"
      WHERE h."confirmedAt" >= ${utc(from)} AND h."confirmedAt" < ${utc(to)} AND h.source IN ('REPORT', 'SELF')
        AND n.path LIKE ANY (${paths.map((p) => p + "%")}::text[])
      GROUP BY u.id, u."displayName", u."honorHidden"
      ORDER BY count(*) FILTER (WHERE h.level = 'MAJOR') DESC, count(*) DESC, u.id`;
  }

  async setHonorHidden(userId: number, hidden: boolean): Promise<void> {
    await this.tx.user.update({ where: { id: userId }, data: { honorHidden: hidden } });
  }

  async user(id: number): Promise<{ platform: string; platformUserId: string; displayName: string; lang: string | null } | null> {
    return this.tx.user.findUnique({ where: { id }, select: { platform: true, platformUserId: true, displayName: true, lang: true } });
  }
}
