import { Prisma as P } from "../generated/prisma/client.ts";
import type { UnitRow, UserRow } from "./repo.ts";
import { shanghaiDate } from "../domain/dates.ts";
import { utc } from "./sql.ts";

type Tx = P.TransactionClient;

export interface OneOffRow {
  id: number;
  receiverUnitId: number;
  name: string;
  keyword: string;
  dueDate: string;
  owedBy: "children" | "subtree";
  createdOn: string;
}

type ObligationRecord = { id: number; receiverUnitId: number; name: string; keyword: string; dueDate: Date; owedBy: string; createdAt: Date };
const toOneOff = (r: ObligationRecord): OneOffRow => ({
  id: r.id,
  receiverUnitId: r.receiverUnitId,
  name: r.name,
  keyword: r.keyword,
  dueDate: day(r.dueDate),
  owedBy: r.owedBy === "subtree" ? "subtree" : "children",
  createdOn: shanghaiDate(r.createdAt),
});

export interface SubmissionRow {
  unitId: number;
  submittedAt: Date;
  submittedBy: string;
  late: boolean;
  via: string;
}

export interface ChatRef {
  platform: string;
  chatId: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The store's side of obligations, submissions and recorded figures. */
export class DeadlineRepo {
  constructor(private readonly tx: Tx) {}

  async addOneOff(o: { receiverUnitId: number; name: string; keyword: string; dueDate: string; owedBy: "children" | "subtree"; createdById: number; createdAt: Date }): Promise<OneOffRow> {
    const r = await this.tx.obligation.create({ data: { ...o, dueDate: new Date(`${o.dueDate}T00:00:00Z`) } });
    return toOneOff(r);
  }

  /**
   * One-off obligations received by these units (all when `receiverIds` is null), optionally only those due in
   * [from, to] (the reminder round looks at the ones whose ladder may be running).
   */
  async oneOffs(receiverIds: number[] | null, due?: { from: string; to: string }): Promise<OneOffRow[]> {
    const rows = await this.tx.obligation.findMany({
      where: {
        ...(receiverIds ? { receiverUnitId: { in: receiverIds } } : {}),
        ...(due ? { dueDate: { gte: new Date(`${due.from}T00:00:00Z`), lte: new Date(`${due.to}T00:00:00Z`) } } : {}),
      },
      orderBy: { dueDate: "asc" },
    });
    return rows.map(toOneOff);
  }

  async removeOneOff(id: number): Promise<boolean> {
    return (await this.tx.obligation.deleteMany({ where: { id } })).count > 0;
  }

  /** Records a submission; the first one stands (`false` when the unit had submitted already). */
  async submit(s: { obligationKey: string; period: string; unitId: number; submittedById: number; submittedAt: Date; late: boolean; via: string; fileRef: string | null }): Promise<boolean> {
    const n = await this.tx.submission.createMany({ data: [s], skipDuplicates: true });
    return n.count === 1;
  }

  /** Submissions for an obligation and period, by unit. */
  async submissions(obligationKey: string, period: string, unitIds: number[]): Promise<Map<number, SubmissionRow>> {
    const rows = await this.tx.submission.findMany({ where: { obligationKey, period, unitId: { in: unitIds } } });
    const users = await this.tx.user.findMany({ where: { id: { in: rows.map((r) => r.submittedById) } }, select: { id: true, displayName: true } });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return new Map(
      rows.map((r) => [r.unitId, { unitId: r.unitId, submittedAt: r.submittedAt, submittedBy: names.get(r.submittedById) ?? "?", late: r.late, via: r.via }]),
    );
  }

  /** The chats bound to a unit. */
  async chatsOf(unitId: number): Promise<ChatRef[]> {
    return this.tx.chatBinding.findMany({ where: { unitId }, select: { platform: true, chatId: true }, orderBy: { id: "asc" } });
  }

  /**
   * The chats of many units at once (a reminder round reads them in one statement, not one per unit): each unit's
   * bound chats, then the private chats of its officials and admins who asked for reminders there.
   */
  async recipientsOf(unitIds: number[]): Promise<Map<number, { chats: ChatRef[]; people: UserRow[] }>> {
    const out = new Map<number, { chats: ChatRef[]; people: UserRow[] }>(unitIds.map((id) => [id, { chats: [], people: [] }]));
    if (unitIds.length === 0) return out;
    // Arrays as one parameter (`= ANY`): Prisma's `in` sends a parameter per id, which PGlite parses and plans slowly.
    const chats = await this.tx.$queryRaw<{ unitId: number; platform: string; chatId: string }[]>`
      SELECT "unitId", platform, "chatId" FROM "ChatBinding" WHERE "unitId" = ANY(${unitIds}::int[]) ORDER BY id`;
    for (const c of chats) out.get(c.unitId)!.chats.push({ platform: c.platform, chatId: c.chatId });
    const people = await this.tx.$queryRaw<(UserRow & { unitId: number })[]>`
      SELECT DISTINCT g."unitId", u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin"
      FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId"
      WHERE g."unitId" = ANY(${unitIds}::int[]) AND g.role IN ('OFFICIAL', 'ADMIN') AND u."remindPrivately"
      ORDER BY g."unitId", u.id`;
    for (const { unitId, ...p } of people) out.get(unitId)!.people.push(p);
    return out;
  }

  /** The units that submitted, for many (obligation, period) pairs in one statement; keyed `<obligation>|<period>`. */
  async submittedUnits(pairs: { obligationKey: string; period: string }[]): Promise<Map<string, Set<number>>> {
    const out = new Map<string, Set<number>>(pairs.map((p) => [`${p.obligationKey}|${p.period}`, new Set<number>()]));
    if (pairs.length === 0) return out;
    const rows = await this.tx.$queryRaw<{ obligationKey: string; period: string; unitId: number }[]>`
      SELECT s."obligationKey", s.period, s."unitId"
      FROM "Submission" s JOIN unnest(${pairs.map((p) => p.obligationKey)}::text[], ${pairs.map((p) => p.period)}::text[]) AS w(o, p)
        ON s."obligationKey" = w.o AND s.period = w.p`;
    for (const r of rows) out.get(`${r.obligationKey}|${r.period}`)?.add(r.unitId);
    return out;
  }

  /**
   * Claims a batch of reminders in one statement: each key is taken when nobody holds it, or when its claimant left it
   * unsent for `staleMs` (that process died) — and only while its unit has still not submitted (a report that just
   * came in wins). Returns the keys claimed; send those, then mark them sent (`Repo.markJobsSent`).
   */
  async claimMany(items: { key: string; obligationKey: string; period: string; unitId: number | null }[], now: Date, staleMs: number): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const rows = await this.tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "JobClaim" (key, "claimedAt")
      SELECT w.key, ${utc(now)}
      FROM unnest(${items.map((i) => i.key)}::text[], ${items.map((i) => i.obligationKey)}::text[], ${items.map((i) => i.period)}::text[],
                  ${items.map((i) => i.unitId)}::int[]) AS w(key, o, p, unit)
      WHERE w.unit IS NULL OR NOT EXISTS (SELECT 1 FROM "Submission" s WHERE s."obligationKey" = w.o AND s.period = w.p AND s."unitId" = w.unit)
      ON CONFLICT (key) DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt"
        WHERE "JobClaim"."sentAt" IS NULL AND "JobClaim".outcome IS NULL AND "JobClaim"."claimedAt" < ${utc(new Date(now.getTime() - staleMs))}
      RETURNING key`;
    return new Set(rows.map((r) => r.key));
  }


  /**
   * Records steps whose window passed unsent (new records, or claims a dead process left unsent), in two statements.
   * Returns the keys newly recorded; those sent or recorded before are left as they are.
   */
  async recordSkippedMany(keys: string[], now: Date): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "JobClaim" (key, "claimedAt", outcome) SELECT k, ${utc(now)}, 'skipped' FROM unnest(${keys}::text[]) AS k
      ON CONFLICT (key) DO UPDATE SET outcome = 'skipped' WHERE "JobClaim".outcome IS NULL AND "JobClaim"."sentAt" IS NULL
      RETURNING key`;
    return rows.map((r) => r.key);
  }

  /** Officials and admins of exactly this unit who asked for reminders in their private chat. */
  async privateRecipients(unitId: number): Promise<UserRow[]> {
    return this.tx.$queryRaw<UserRow[]>`
      SELECT DISTINCT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin"
      FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId"
      WHERE g."unitId" = ${unitId} AND g.role IN ('OFFICIAL', 'ADMIN') AND u."remindPrivately"
      ORDER BY u.id`;
  }

  async setRemindPrivately(userId: number, on: boolean): Promise<void> {
    await this.tx.user.update({ where: { id: userId }, data: { remindPrivately: on } });
  }

  /** Every unit, for the reminder round (a tree of a few thousand units is one small read). */
  async allUnits(): Promise<UnitRow[]> {
    return this.tx.unit.findMany({ select: { id: true, name: true, kind: true, parentId: true, path: true, createdAt: true }, orderBy: { id: "asc" } });
  }

  async setFigure(f: { unitId: number; month: string; key: string; value: string; recordedById: number; recordedAt: Date }): Promise<void> {
    await this.tx.figure.upsert({
      where: { unitId_month_key: { unitId: f.unitId, month: f.month, key: f.key } },
      create: f,
      update: { value: f.value, recordedById: f.recordedById, recordedAt: f.recordedAt },
    });
  }

  /** Every value these units recorded for the months `from`…`to` (`YYYY-MM`), for totals since a campaign began. */
  async figureRows(unitIds: number[], from: string, to: string): Promise<{ unitId: number; month: string; key: string; value: string }[]> {
    if (unitIds.length === 0) return [];
    return this.tx.figure.findMany({
      where: { unitId: { in: unitIds }, month: { gte: from, lte: to } },
      select: { unitId: true, month: true, key: true, value: true },
    });
  }

  async figures(unitIds: number[], month: string): Promise<Map<number, Map<string, string>>> {
    const rows = await this.tx.figure.findMany({ where: { unitId: { in: unitIds }, month } });
    const out = new Map<number, Map<string, string>>();
    for (const r of rows) {
      const m = out.get(r.unitId) ?? new Map<string, string>();
      m.set(r.key, r.value);
      out.set(r.unitId, m);
    }
    return out;
  }

  /** The claims among these keys: whether sent or skipped, and when claimed. */
  async claims(keys: string[]): Promise<Map<string, { claimedAt: Date; sentAt: Date | null; outcome: string | null }>> {
    const rows = await this.tx.$queryRaw<{ key: string; claimedAt: Date; sentAt: Date | null; outcome: string | null }[]>`
      SELECT key, "claimedAt", "sentAt", outcome FROM "JobClaim" WHERE key = ANY(${keys}::text[])`;
    return new Map(rows.map((r) => [r.key, { claimedAt: r.claimedAt, sentAt: r.sentAt, outcome: r.outcome }]));
  }

}
