import { Prisma as P } from "../generated/prisma/client.ts";
import type { Grant } from "../domain/permissions.ts";
import { sourceOf, type HazardLevel, type HazardSource, type HazardStatus, type RectificationPlan, type Role, type UnitKind } from "../domain/types.ts";
import type { HazardStats } from "../domain/stats.ts";
import type { DualReport } from "../domain/dual-report.ts";
import { TipRepo } from "./tip-repo.ts";
import { utc } from "./sql.ts";
import type { DriverQuery } from "./db.ts";
import { COUNT_SQL, type RowCounts } from "./counts.ts";
import { DeadlineRepo } from "./deadline-repo.ts";
import { RewardRepo } from "./reward-repo.ts";
import { OversightRepo } from "./oversight-repo.ts";
import { CheckRepo } from "./check-repo.ts";
import { LedgerRepo } from "./ledger-repo.ts";
import { WebRepo } from "./web-repo.ts";
import { OpsRepo } from "./ops-repo.ts";

type Tx = P.TransactionClient;

/** The actor of the bot's own steps (a scheduled 双报告): no person. */
export const SYSTEM_ACTOR = 0;

export interface HazardEventInput {
  kind: string;
  actorId: number;
  note: string | null;
  data?: Record<string, unknown>;
  /** Files sent with the step (keys of the file store). */
  attachments?: string[];
  at: Date;
}

/** A reporting window for the hazard counts: hazards reported in [from, to), counted as they stood at `to`. */
export interface StatsWindow {
  /** `null`: from the beginning. */
  from: Date | null;
  to: Date;
}

export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  /** When the unit was set up (reports due before it are nobody's to owe); present where the query reads it. */
  createdAt?: Date;
  /** Its own industry (行业), where the query reads it and one is set. */
  industry?: string | null;
}

export interface UserRow {
  id: number;
  platform: string;
  platformUserId: string;
  displayName: string;
  username: string | null;
  lang: string | null;
  superAdmin: boolean;
}

export interface BindingRow {
  platform: string;
  chatId: string;
  title: string | null;
  /** The group's language (群语言), when its admin set one. */
  lang: string | null;
  unit: UnitRow;
}

/** The sender of a message, as the platform names them. */
export interface NewSender {
  platform: string;
  platformUserId: string;
  displayName: string;
  username?: string | undefined;
  lang?: string | undefined;
}

/**
 * Writes the sender's row when `when` holds: created dated to the day only, its name brought up to date, a language
 * kept once set. Returns the row's columns (a CTE's body, for `touchUser` and `openMessage`).
 */
function upsertSender(u: NewSender, when: P.Sql): P.Sql {
  return P.sql`
    INSERT INTO "User" (platform, "platformUserId", "displayName", username, lang, "createdAt")
    SELECT ${u.platform}, ${u.platformUserId}, ${u.displayName}, ${u.username ?? null}, ${u.lang ?? null}, date_trunc('day', now() AT TIME ZONE 'UTC')
    WHERE ${when}
    ON CONFLICT (platform, "platformUserId") DO UPDATE
      SET "displayName" = EXCLUDED."displayName", username = EXCLUDED.username, lang = COALESCE("User".lang, EXCLUDED.lang)
    RETURNING id, platform, "platformUserId", "displayName", username, lang, "superAdmin"`;
}

/** How a message is claimed: a group's by its platform, chat and message id; a private chat's by a keyed hash and the day. */
export type MessageClaim = { platform: string; chatId: string; messageId: string } | { hashed: string; day: string };

/**
 * Claims a message once (a CTE's body: returns a row when this statement claimed it). A private chat's claim is
 * filed under "anon", as the tip lane's (`claimHashed`) is, dated to the day only.
 */
function claimOnce(c: MessageClaim, when: P.Sql = P.sql`true`): P.Sql {
  return "hashed" in c
    ? P.sql`INSERT INTO "InboundMessage" (platform, "chatId", "messageId", "claimedAt") SELECT 'anon', ${c.hashed}, '-', ${c.day}::date::timestamp WHERE ${when}
        ON CONFLICT DO NOTHING RETURNING 1`
    : P.sql`INSERT INTO "InboundMessage" (platform, "chatId", "messageId") SELECT ${c.platform}, ${c.chatId}, ${c.messageId} WHERE ${when}
        ON CONFLICT DO NOTHING RETURNING 1`;
}

/** The grants of the user `u` as `Grant[]` (JSON), in the order they were given, for a query with `u` in scope. */
const GRANTS_OF_U = P.sql`COALESCE((
  SELECT json_agg(json_build_object('role', g.role, 'unitPath', gn.path, 'unitKind', gn.kind) ORDER BY g.id)
  FROM "RoleGrant" g JOIN "Unit" gn ON gn.id = g."unitId" WHERE g."userId" = u.id
), '[]'::json)`;

/**
 * `GRANTS_OF_U` read under a share lock on each grant and its unit, for a message's transaction: a revocation or a
 * change of a unit's kind made at the same moment waits for the message to commit, or, committed first, is what the
 * message reads (a locking read sees the newest committed rows). So the authority a step is checked against holds
 * until the step commits.
 */
const LOCKED_GRANTS_OF_U = P.sql`COALESCE((
  SELECT json_agg(json_build_object('role', x.role, 'unitPath', x.path, 'unitKind', x.kind) ORDER BY x.id)
  FROM (SELECT g.id, g.role, gn.path, gn.kind FROM "RoleGrant" g JOIN "Unit" gn ON gn.id = g."unitId" WHERE g."userId" = u.id FOR SHARE OF g, gn) x
), '[]'::json)`;

/** A group's binding and its unit as columns, for a query with the binding `b` and its unit `n` in scope (`bindingOf`). */
const BINDING_COLUMNS = P.sql`b.title AS "bindingTitle", b.lang AS "bindingLang", n.id AS "unitId", n.name AS "unitName",
  n.kind::text AS "unitKind", n."parentId" AS "unitParentId", n.path AS "unitPath"`;

interface BindingColumns {
  bindingTitle: string | null;
  bindingLang: string | null;
  unitId: number | null;
  unitName: string;
  unitKind: UnitKind;
  unitParentId: number | null;
  unitPath: string;
}

/** `BINDING_COLUMNS` read back: null when the chat has no binding (or is not a group). */
function bindingOf(platform: string, chatId: string | null, r: BindingColumns): BindingRow | null {
  if (r.unitId === null || chatId === null) return null;
  return { platform, chatId, title: r.bindingTitle, lang: r.bindingLang, unit: { id: r.unitId, name: r.unitName, kind: r.unitKind, parentId: r.unitParentId, path: r.unitPath } };
}

/** The sender's columns with `GRANTS_OF_U` as `grants`, read back. */
const senderOf = (r: UserRow & { grants: Grant[] }): UserRow & { grants: Grant[] } => ({
  id: r.id, platform: r.platform, platformUserId: r.platformUserId, displayName: r.displayName, username: r.username, lang: r.lang, superAdmin: r.superAdmin, grants: r.grants,
});

/** What `Repo.standing` reads: the sender with their grants, the group's binding (if any), and the print of both. */
export interface Standing {
  user: UserRow & { grants: Grant[] };
  binding: BindingRow | null;
  print: string;
}

export interface HazardRow {
  id: number;
  year: number;
  unit: UnitRow;
  reporterId: number;
  reporterName: string;
  reporterLang: string | null;
  platform: string;
  chatId: string;
  messageId: string;
  description: string;
  location: string | null;
  attachments: string[];
  status: HazardStatus;
  level: HazardLevel | null;
  indicators: string[];
  deadline: string | null;
  plan: RectificationPlan | null;
  source: HazardSource;
  fixedOnSpot: boolean;
  supervised: boolean;
  supervisedBy: string | null;
  supervisedDeadline: string | null;
  supervisingUnitId: number | null;
  closeAppliedAt: Date | null;
  /** Who accepted the close-out (验收销号), for which unit, with what opinion (验收意见). */
  closedByName: string | null;
  closedByUnitName: string | null;
  closeOpinion: string | null;
  closedAt: Date | null;
  dualReportedAt: Date | null;
  /** Exactly who the 双报告 reached (null before it was made). */
  dualReport: DualReport | null;
  /** The reporter said it was fixed on the spot (已当场整改). */
  spotFixClaimed: boolean;
  /** For a hazard made from a tip: the regulator that assigned it (交办). */
  assignedByUnitId: number | null;
  assignedByUnitName: string | null;
  duplicateOfId: number | null;
  reportedAt: Date;
  /** The language of the chat it was reported in (the group's 群语言), for notices sent there. */
  chatLang: string | null;
}

export interface EventRow {
  kind: string;
  toStatus: HazardStatus;
  /** `null` for the bot's own steps (双报告 sent by the schedule). */
  actorName: string | null;
  note: string | null;
  at: Date;
  /** Files sent with the step (keys of the file store, or older rows' platform references). */
  attachments: string[];
}

export interface ConversationRow {
  kind: string;
  step: string;
  version: number;
  data: Record<string, unknown>;
  updatedAt: Date;
}

export interface NewHazard {
  year: number;
  unitId: number;
  reporterId: number;
  platform: string;
  chatId: string;
  messageId: string;
  description: string;
  location: string | null;
  attachments: string[];
  indicators: string[];
  reportedAt: Date;
  source?: HazardSource;
  /** The reporter said it was fixed on the spot (已当场整改). */
  spotFixClaimed?: boolean;
  /** A hazard made from a tip: the regulator that assigns it. */
  assignedByUnitId?: number | null;
}

/** Columns a lifecycle step may change, besides the status. */
export interface HazardChange {
  level?: HazardLevel;
  deadline?: string | null;
  plan?: RectificationPlan;
  supervised?: boolean;
  supervisedBy?: string | null;
  supervisedDeadline?: string | null;
  supervisingUnitId?: number | null;
  supervisedAt?: Date;
  closeAppliedAt?: Date | null;
  closedById?: number | null;
  closedByUnitId?: number | null;
  closeOpinion?: string | null;
  dualReportedAt?: Date;
  dualReport?: DualReport;
  fixedOnSpot?: boolean;
  duplicateOfId?: number;
  confirmedAt?: Date;
  rectifiedAt?: Date | null;
  closedAt?: Date;
}

export interface HazardFilter {
  /** The subtrees to look in (an official may hold several separate units). */
  unitPaths: string[];
  statuses?: HazardStatus[];
  level?: HazardLevel;
  reporterId?: number;
  /** Only open hazards with a deadline before this Shanghai date. */
  overdueBefore?: string;
  limit: number;
}

/**
 * A hazard as one JSON value, with its unit, its reporter and the language of the chat it came from, for a query whose
 * FROM is `HAZARD_FROM`. JSON, so Prisma and the drivers (which parse a column's type each their own way: a
 * `timestamp` as local time, say) read it alike (`hazardOf`): `Repo.readHazard` sends it by the driver.
 */
const HAZARD_JSON = P.sql`json_build_object(
  'id', h.id, 'year', h.year, 'unit', json_build_object('id', u.id, 'name', u.name, 'kind', u.kind, 'parentId', u."parentId", 'path', u.path),
  'reporterId', h."reporterId", 'reporterName', r."displayName", 'reporterLang', r.lang, 'chatLang', b.lang,
  'platform', h.platform, 'chatId', h."chatId", 'messageId', h."messageId", 'description', h.description, 'location', h.location,
  'attachments', h.attachments, 'status', h.status, 'level', h.level, 'indicators', h.indicators, 'deadline', h.deadline,
  'planResponsible', h."planResponsible", 'planMeasures', h."planMeasures", 'planFunds', h."planFunds", 'planContingency', h."planContingency",
  'source', h.source, 'fixedOnSpot', h."fixedOnSpot", 'supervised', h.supervised, 'supervisedBy', h."supervisedBy",
  'supervisedDeadline', h."supervisedDeadline", 'supervisingUnitId', h."supervisingUnitId", 'closeAppliedAt', h."closeAppliedAt",
  'dualReportedAt', h."dualReportedAt", 'dualReport', h."dualReport", 'spotFixClaimed', h."spotFixClaimed",
  'closedByName', (SELECT cb."displayName" FROM "User" cb WHERE cb.id = h."closedById"),
  'closedByUnitName', (SELECT cu.name FROM "Unit" cu WHERE cu.id = h."closedByUnitId"), 'closeOpinion', h."closeOpinion", 'closedAt', h."closedAt",
  'assignedByUnitId', h."assignedByUnitId", 'assignedByUnitName', (SELECT au.name FROM "Unit" au WHERE au.id = h."assignedByUnitId"),
  'duplicateOfId', h."duplicateOfId", 'reportedAt', h."reportedAt")`;
const HAZARD_FROM = P.sql`"Hazard" h
  JOIN "Unit" u ON u.id = h."unitId"
  JOIN "User" r ON r.id = h."reporterId"
  LEFT JOIN "ChatBinding" b ON b.platform = h.platform AND b."chatId" = h."chatId"`;

/** `HAZARD_JSON` as parsed: dates as `YYYY-MM-DD`, instants as UTC without a zone (the columns are `timestamp(3)`). */
interface HazardJson extends Omit<HazardRow, "plan" | "source" | "closeAppliedAt" | "dualReportedAt" | "reportedAt" | "closedAt"> {
  closedAt: string | null;
  planResponsible: string | null;
  planMeasures: string | null;
  planFunds: string | null;
  planContingency: string | null;
  source: string;
  closeAppliedAt: string | null;
  dualReportedAt: string | null;
  reportedAt: string;
}

const instant = (s: string): Date => new Date(s + "Z");

function hazardOf(j: HazardJson): HazardRow {
  const { planResponsible, planMeasures, planFunds, planContingency, source, closeAppliedAt, dualReportedAt, reportedAt, closedAt, ...h } = j;
  return {
    ...h,
    plan:
      planResponsible !== null && h.deadline !== null
        ? { responsible: planResponsible, measures: planMeasures ?? "", funds: planFunds ?? "", deadline: h.deadline, contingency: planContingency ?? "" }
        : null,
    source: sourceOf(source),
    closeAppliedAt: closeAppliedAt === null ? null : instant(closeAppliedAt),
    dualReportedAt: dualReportedAt === null ? null : instant(dualReportedAt),
    closedAt: closedAt === null ? null : instant(closedAt),
    reportedAt: instant(reportedAt),
  };
}

/** The newest `take` events of hazard `id` as one JSON array, oldest first, with who did each (`eventOf`). */
const eventsJson = (id: number, take: number) => P.sql`COALESCE((
  SELECT json_agg(json_build_object('kind', e.kind, 'toStatus', e."toStatus", 'note', e.note, 'at', e.at, 'actorId', e."actorId",
                                    'actorName', a."displayName", 'attachments', e.attachments) ORDER BY e.id)
  FROM (SELECT * FROM "HazardEvent" WHERE "hazardId" = ${id} ORDER BY id DESC LIMIT ${take}) e
  LEFT JOIN "User" a ON a.id = e."actorId"
), '[]'::json)`;

interface EventJson {
  kind: string;
  toStatus: HazardStatus;
  note: string | null;
  at: string;
  actorId: number;
  actorName: string | null;
  attachments: string[] | null;
}

const eventOf = (e: EventJson): EventRow => ({
  kind: e.kind,
  toStatus: e.toStatus,
  note: e.note,
  at: instant(e.at),
  actorName: e.actorId === SYSTEM_ACTOR ? null : (e.actorName ?? "?"),
  attachments: e.attachments ?? [],
});

const toDay = (s: string | null | undefined): Date | null | undefined =>
  s === undefined ? undefined : s === null ? null : new Date(`${s}T00:00:00Z`);

interface StatsRow {
  i: number;
  gf: number;
  gr: number;
  mf: number;
  mr: number;
  sup: number;
  pending: number;
  overdue: number;
  ms: number;
  mi: number;
  mt: number;
}

/** The counts of 统计 over the joined hazards `h`, as they stood at `hi` (see `Repo.stats`). */
const statsCounts = (hi: P.Sql, today: string): P.Sql => P.sql`
  count(h.id) FILTER (WHERE h.level = 'GENERAL' AND h."confirmedAt" < ${hi})::int AS gf,
  count(h.id) FILTER (WHERE h.level = 'GENERAL' AND h."rectifiedAt" < ${hi})::int AS gr,
  count(h.id) FILTER (WHERE h.level = 'MAJOR' AND h."confirmedAt" < ${hi})::int AS mf,
  count(h.id) FILTER (WHERE h.level = 'MAJOR' AND h."rectifiedAt" < ${hi})::int AS mr,
  count(h.id) FILTER (WHERE h."supervisedAt" < ${hi})::int AS sup,
  count(h.id) FILTER (WHERE h.level = 'MAJOR' AND h."confirmedAt" < ${hi} AND h.source IN ('REPORT', 'SELF'))::int AS ms,
  count(h.id) FILTER (WHERE h.level = 'MAJOR' AND h."confirmedAt" < ${hi} AND h.source = 'INSPECTION')::int AS mi,
  count(h.id) FILTER (WHERE h.level = 'MAJOR' AND h."confirmedAt" < ${hi} AND h.source = 'TIP')::int AS mt,
  count(h.id) FILTER (WHERE h.status = 'REPORTED')::int AS pending,
  count(h.id) FILTER (WHERE h.status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING')
    AND (h.deadline < ${today}::date OR h."supervisedDeadline" < ${today}::date))::int AS overdue`;

const toStats = (r: StatsRow): HazardStats => ({
  general: { found: r.gf, rectified: r.gr },
  major: { found: r.mf, rectified: r.mr },
  supervised: r.sup,
  majorBySource: { self: r.ms, inspection: r.mi, tip: r.mt },
  pending: r.pending,
  overdue: r.overdue,
});

const HOUR = 3_600_000;

/** The Shanghai month an instant starts (`YYYY-MM-01`), or null when it is not a month's first instant there. */
function monthOf(d: Date): string | null {
  const local = new Date(d.getTime() + 8 * HOUR);
  if (local.getUTCDate() !== 1 || local.getTime() % (24 * HOUR) !== 0) return null;
  return local.toISOString().slice(0, 10);
}

/** The first day of the Shanghai month after the one `d` falls in (`YYYY-MM-01`). */
function nextMonthOf(d: Date): string {
  const local = new Date(d.getTime() + 8 * HOUR);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** The instant a Shanghai month starts (`-infinity` is before everything; then `fallback`'s own time). */
function startOfMonth(month: string, fallback: Date): number {
  return month === "-infinity" ? fallback.getTime() : Date.parse(`${month}T00:00:00+08:00`);
}

/** A tally group's sums (null where no row matched a filter) as counts. */
const zeroNulls = (r: StatsRow): StatsRow => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? 0])) as unknown as StatsRow;

function addStats(a: HazardStats, b: HazardStats): HazardStats {
  return {
    general: { found: a.general.found + b.general.found, rectified: a.general.rectified + b.general.rectified },
    major: { found: a.major.found + b.major.found, rectified: a.major.rectified + b.major.rectified },
    supervised: a.supervised + b.supervised,
    majorBySource: { self: a.majorBySource.self + b.majorBySource.self, inspection: a.majorBySource.inspection + b.majorBySource.inspection, tip: a.majorBySource.tip + b.majorBySource.tip },
    pending: a.pending + b.pending,
    overdue: a.overdue + b.overdue,
  };
}

const unitRow = (u: UnitRow): UnitRow => ({
  id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, path: u.path,
  ...(u.createdAt ? { createdAt: u.createdAt } : {}),
  ...(u.industry ? { industry: u.industry } : {}),
});

/**
 * The queries the use cases need, inside one transaction. Every method is one or two statements;
 * a message should cost a handful of them (see DESIGN.md, performance).
 */
export class Repo {
  readonly tips: TipRepo;
  readonly deadlines: DeadlineRepo;
  readonly rewards: RewardRepo;
  readonly oversight: OversightRepo;
  readonly checks: CheckRepo;
  readonly ledger: LedgerRepo;
  readonly web: WebRepo;
  readonly ops: OpsRepo;

  /** `driver`: the driver's own query, outside any transaction (`Store.once`), for `fileReport`. */
  constructor(
    private readonly tx: Tx,
    private readonly driver: DriverQuery | null = null,
  ) {
    this.checks = new CheckRepo(tx);
    this.tips = new TipRepo(tx);
    this.deadlines = new DeadlineRepo(tx);
    this.rewards = new RewardRepo(tx);
    this.oversight = new OversightRepo(tx);
    this.ledger = new LedgerRepo(tx);
    this.web = new WebRepo(tx);
    this.ops = new OpsRepo(tx);
  }

  /** Whether the store answers (the health check). */
  /** Rows in the tables a restore is judged by (see counts.ts). */
  async counts(): Promise<RowCounts> {
    return (await this.tx.$queryRawUnsafe<RowCounts[]>(COUNT_SQL))[0]!;
  }

  async ping(): Promise<boolean> {
    await this.tx.$queryRaw`SELECT 1`;
    return true;
  }

  /**
   * Claims a scheduled message before it is sent: true for the first claimant, and for anyone retaking a claim
   * left unsent for `staleMs` (its sender crashed). Mark it sent after sending.
   */
  async claimJob(key: string, now: Date, staleMs = 5 * 60_000): Promise<boolean> {
    const rows = await this.tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "JobClaim" (key, "claimedAt") VALUES (${key}, ${utc(now)})
      ON CONFLICT (key) DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt"
        WHERE "JobClaim"."sentAt" IS NULL AND "JobClaim".outcome IS NULL AND "JobClaim"."claimedAt" < ${utc(new Date(now.getTime() - staleMs))}
      RETURNING key`;
    return rows.length === 1;
  }

  /** `claimJob` for a batch of keys, in one statement; returns the keys claimed. */
  async claimJobs(keys: string[], now: Date, staleMs = 5 * 60_000): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "JobClaim" (key, "claimedAt") SELECT k, ${utc(now)} FROM unnest(${keys}::text[]) AS k
      ON CONFLICT (key) DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt"
        WHERE "JobClaim"."sentAt" IS NULL AND "JobClaim".outcome IS NULL AND "JobClaim"."claimedAt" < ${utc(new Date(now.getTime() - staleMs))}
      RETURNING key`;
    return new Set(rows.map((r) => r.key));
  }

  /** `markJobSent` for a batch of keys, in one statement. */
  async markJobsSent(keys: string[], now: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.tx.jobClaim.updateMany({ where: { key: { in: keys } }, data: { sentAt: now, outcome: "sent" } });
  }

  async markJobSent(key: string, now: Date): Promise<void> {
    await this.tx.jobClaim.update({ where: { key }, data: { sentAt: now, outcome: "sent" } });
  }

  /**
   * Claims a private-chat message (or any of the anonymous lane) under a keyed hash, dated to the day: a redelivery or a second process
   * finds it taken, and the claim table holds no chat id or hour. Old claims are purged (see `purgeAnonClaims`).
   */
  async claimHashed(key: string, day: string): Promise<boolean> {
    const n = await this.tx.$executeRaw`
      INSERT INTO "InboundMessage" (platform, "chatId", "messageId", "claimedAt")
      VALUES ('anon', ${key}, '-', ${day}::date::timestamp) ON CONFLICT DO NOTHING`;
    return n === 1;
  }

  /** Drops message claims older than `before` (a redelivery comes within hours, not days). */
  async purgeClaims(before: Date): Promise<number> {
    return this.tx.$executeRaw`DELETE FROM "InboundMessage" WHERE "claimedAt" < ${utc(before)}`;
  }

  /** Drops dialogs of a kind of chat (e.g. the anonymous lane's) not touched since before `before`. */
  async purgeConversations(platform: string, before: Date): Promise<number> {
    return (await this.tx.conversation.deleteMany({ where: { platform, updatedAt: { lt: before } } })).count;
  }

  /** Drops the named chats' dialogs (half-finished reports and the like) not touched since before `before`. */
  async purgeStaleDialogs(before: Date): Promise<number> {
    return (await this.tx.conversation.deleteMany({ where: { platform: { not: "anon" }, updatedAt: { lt: before } } })).count;
  }

  /**
   * Rewrites every row of the anonymous lane in this one transaction, in random order: the hashed claims, the sealed
   * dialogs, the throttle counters and every tip event are deleted and inserted again, and every tip is updated in
   * place (nothing changes but the row version: `Tip.version` keeps its meaning). Afterwards they all carry this
   * transaction's id, and the re-inserted rows sit together in their tables in an order that says nothing: neither
   * `xmin` nor `ctid` orders a tip against other traffic. The dead versions go with the next `Store.vacuum`.
   * Returns how many rows were rewritten.
   */
  async rewriteAnonymousLane(): Promise<number> {
    let n = 0;
    n += await this.tx.$executeRaw`
      WITH d AS (DELETE FROM "InboundMessage" WHERE platform = 'anon' RETURNING platform, "chatId", "messageId", "claimedAt")
      INSERT INTO "InboundMessage" (platform, "chatId", "messageId", "claimedAt") SELECT * FROM d ORDER BY random()`;
    n += await this.tx.$executeRaw`
      WITH d AS (DELETE FROM "Conversation" WHERE platform = 'anon' RETURNING platform, "chatId", "userId", kind, step, version, data, "updatedAt")
      INSERT INTO "Conversation" (platform, "chatId", "userId", kind, step, version, data, "updatedAt") SELECT * FROM d ORDER BY random()`;
    n += await this.tx.$executeRaw`
      WITH d AS (DELETE FROM "Throttle" RETURNING key, "windowStart", count)
      INSERT INTO "Throttle" (key, "windowStart", count) SELECT * FROM d ORDER BY random()`;
    n += await this.tx.$executeRaw`
      WITH d AS (DELETE FROM "TipEvent" RETURNING id, "tipId", kind, "actorId", body, data, "on")
      INSERT INTO "TipEvent" (id, "tipId", kind, "actorId", body, data, "on") SELECT * FROM d ORDER BY random()`;
    n += await this.tx.$executeRaw`
      WITH d AS (DELETE FROM "TipFile" RETURNING id, "tipId", kind, data, "madeOn")
      INSERT INTO "TipFile" (id, "tipId", kind, data, "madeOn") SELECT * FROM d ORDER BY random()`;
    n += await this.tx.$executeRaw`UPDATE "Tip" SET year = year`;
    return n;
  }

  async purgeHashedClaims(beforeDay: string): Promise<number> {
    return this.tx.$executeRaw`DELETE FROM "InboundMessage" WHERE platform = 'anon' AND "claimedAt" < ${beforeDay}::date::timestamp`;
  }

  /**
   * Finds or creates the sender, refreshing the name and language the platform gave, and reads their roles (as
   * `grantsOf` does): one statement. The row is dated to the day only, so the sender table cannot say who first wrote
   * to the bot around the time a tip came in.
   */
  async touchUser(u: NewSender): Promise<UserRow & { grants: Grant[] }> {
    const rows = await this.tx.$queryRaw<(UserRow & { grants: Grant[] })[]>`
      WITH u AS (${upsertSender(u, P.sql`true`)})
      SELECT u.*, ${GRANTS_OF_U} AS grants FROM u`;
    return rows[0]!;
  }

  async setLang(userId: number, lang: string): Promise<void> {
    await this.tx.user.update({ where: { id: userId }, data: { lang } });
  }

  async findBinding(platform: string, chatId: string): Promise<BindingRow | null> {
    const rows = await this.tx.$queryRaw<BindingColumns[]>`
      SELECT ${BINDING_COLUMNS} FROM "ChatBinding" b JOIN "Unit" n ON n.id = b."unitId" WHERE b.platform = ${platform} AND b."chatId" = ${chatId}`;
    return rows[0] ? bindingOf(platform, chatId, rows[0]) : null;
  }

  /** Sets a bound group's language (群语言); `null` returns it to the deployment's default. */
  async setBindingLang(platform: string, chatId: string, lang: string | null): Promise<void> {
    await this.tx.chatBinding.updateMany({ where: { platform, chatId }, data: { lang } });
  }

  async bindChat(platform: string, chatId: string, title: string | null, unitId: number): Promise<void> {
    await this.tx.chatBinding.upsert({
      where: { platform_chatId: { platform, chatId } },
      create: { platform, chatId, title, unitId },
      update: { title, unitId },
    });
  }

  async unbindChat(platform: string, chatId: string): Promise<boolean> {
    return (await this.tx.chatBinding.deleteMany({ where: { platform, chatId } })).count > 0;
  }

  /**
   * Someone's roles with their units' paths and kinds: one statement (every report asks, to know its channel), under a
   * share lock on the grants and their units, as a message's own grants are read (`LOCKED_GRANTS_OF_U`).
   */
  async grantsOf(userId: number): Promise<Grant[]> {
    return this.tx.$queryRaw<Grant[]>`
      SELECT g.role::text AS role, u.path AS "unitPath", u.kind::text AS "unitKind"
      FROM "RoleGrant" g JOIN "Unit" u ON u.id = g."unitId"
      WHERE g."userId" = ${userId}
      ORDER BY g.id
      FOR SHARE OF g, u`;
  }

  async grantsWithUnits(userId: number): Promise<{ role: Role; unit: UnitRow }[]> {
    const rows = await this.tx.roleGrant.findMany({ where: { userId }, include: { unit: true }, orderBy: { id: "asc" } });
    return rows.map((g) => ({ role: g.role, unit: unitRow(g.unit) }));
  }

  /** Adds a role; `false` when it was already held. */
  async addGrant(userId: number, unitId: number, role: Role, grantedById: number): Promise<boolean> {
    const n = await this.tx.roleGrant.createMany({ data: [{ userId, unitId, role, grantedById }], skipDuplicates: true });
    return n.count === 1;
  }

  async removeGrant(userId: number, unitId: number, role: Role): Promise<boolean> {
    return (await this.tx.roleGrant.deleteMany({ where: { userId, unitId, role } })).count > 0;
  }

  /** Whether anyone can administer yet (a super-admin or an ADMIN grant). */
  async hasAnyAdmin(): Promise<boolean> {
    const [supers, grants] = await Promise.all([
      this.tx.user.count({ where: { superAdmin: true } }),
      this.tx.roleGrant.count({ where: { role: "ADMIN" } }),
    ]);
    return supers + grants > 0;
  }

  /** Everyone who administers somewhere: super-admins and holders of an ADMIN grant, each once. */
  async admins(): Promise<UserRow[]> {
    return this.tx.user.findMany({
      where: { OR: [{ superAdmin: true }, { grants: { some: { role: "ADMIN" } } }] },
      select: { id: true, platform: true, platformUserId: true, displayName: true, username: true, lang: true, superAdmin: true },
      orderBy: { id: "asc" },
    });
  }

  async makeSuperAdmin(userId: number): Promise<void> {
    await this.tx.user.update({ where: { id: userId }, data: { superAdmin: true } });
  }

  async findUserById(platform: string, platformUserId: string): Promise<UserRow | null> {
    return this.tx.user.findUnique({ where: { platform_platformUserId: { platform, platformUserId } } });
  }

  /** People of one platform the bot has seen, by display name, @username or platform id. */
  async findUsers(platform: string, who: string): Promise<UserRow[]> {
    const name = who.replace(/^@/, "");
    return this.tx.user.findMany({
      where: { platform, OR: [{ displayName: name }, { username: name }, { platformUserId: name }] },
      take: 10,
      orderBy: { id: "asc" },
    });
  }

  async getSetting(key: string): Promise<string | null> {
    return (await this.tx.setting.findUnique({ where: { key } }))?.value ?? null;
  }

  /** Several settings in one statement: those of `keys` that are set. */
  async getSettings(keys: string[]): Promise<Map<string, string>> {
    const rows = await this.tx.setting.findMany({ where: { key: { in: keys } } });
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }

  async deleteSetting(key: string): Promise<void> {
    await this.tx.setting.deleteMany({ where: { key } });
  }

  async createUnit(name: string, parent: UnitRow | null, kind: UnitKind, createdAt: Date = new Date()): Promise<UnitRow> {
    // The path includes the unit's own id, known only after the insert: one statement does both.
    const rows = await this.tx.$queryRaw<UnitRow[]>`
      WITH next AS (SELECT nextval(pg_get_serial_sequence('"Unit"', 'id'))::int AS id)
      INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt")
      SELECT id, ${name}, ${kind}::"UnitKind", ${parent?.id ?? null}::int, ${parent?.path ?? "/"} || id || '/', ${utc(createdAt)} FROM next
      RETURNING id, name, kind::text AS kind, "parentId", path`;
    return rows[0]!;
  }

  async setUnitKind(unitId: number, kind: UnitKind): Promise<void> {
    await this.tx.unit.update({ where: { id: unitId }, data: { kind } });
  }

  async setUnitIndustry(unitId: number, industry: string | null): Promise<void> {
    await this.tx.unit.update({ where: { id: unitId }, data: { industry } });
  }

  async findUnitByName(name: string): Promise<UnitRow | null> {
    const u = await this.tx.unit.findUnique({ where: { name } });
    return u && unitRow(u);
  }

  /** The units at these paths (not below them), by path. */
  async unitsAt(paths: string[]): Promise<UnitRow[]> {
    if (paths.length === 0) return [];
    const rows = await this.tx.unit.findMany({ where: { path: { in: paths } }, orderBy: { path: "asc" } });
    return rows.map(unitRow);
  }

  async listUnits(underPath = "/"): Promise<UnitRow[]> {
    const rows = await this.tx.unit.findMany({ where: { path: { startsWith: underPath } }, orderBy: { path: "asc" } });
    return rows.map(unitRow);
  }

  async getConversation(platform: string, chatId: string, userId: string): Promise<ConversationRow | null> {
    const c = await this.tx.conversation.findUnique({ where: { platform_chatId_userId: { platform, chatId, userId } } });
    return c && { kind: c.kind, step: c.step, version: c.version, data: c.data as Record<string, unknown>, updatedAt: c.updatedAt };
  }

  async saveConversation(platform: string, chatId: string, userId: string, c: Omit<ConversationRow, "updatedAt">, now: Date): Promise<void> {
    const data = { kind: c.kind, step: c.step, version: c.version, data: c.data as P.InputJsonValue, updatedAt: now };
    await this.tx.conversation.upsert({
      where: { platform_chatId_userId: { platform, chatId, userId } },
      create: { platform, chatId, userId, ...data },
      update: data,
    });
  }

  async deleteConversation(platform: string, chatId: string, userId: string): Promise<boolean> {
    return (await this.tx.conversation.deleteMany({ where: { platform, chatId, userId } })).count > 0;
  }

  /** Files a hazard and its first event, in one statement. */
  async createHazard(h: NewHazard): Promise<{ id: number; year: number }> {
    const rows = await this.tx.$queryRaw<{ id: number; year: number }[]>`
      WITH n AS (
        -- The number (the id) from a counter row in this transaction, not the id sequence: numbers run without gaps,
        -- also across a rollback or a kill -9. Concurrent reports wait here for each other's commit, one row lock each.
        INSERT INTO "Counter" (name, last) VALUES ('hazard', 1)
        ON CONFLICT (name) DO UPDATE SET last = "Counter".last + 1
        RETURNING last
      ), h AS (
        INSERT INTO "Hazard" (id, year, "unitId", "reporterId", platform, "chatId", "messageId", description, location,
                              attachments, indicators, "reportedAt", source, "spotFixClaimed", "assignedByUnitId")
        SELECT n.last, ${h.year}, ${h.unitId}, ${h.reporterId}, ${h.platform}, ${h.chatId}, ${h.messageId}, ${h.description},
               ${h.location}, ${h.attachments}::text[], ${h.indicators}::text[], ${utc(h.reportedAt)},
               ${h.source ?? "REPORT"}, ${h.spotFixClaimed ?? false}, ${h.assignedByUnitId ?? null}::int FROM n
        RETURNING id, year
      ), e AS (
        INSERT INTO "HazardEvent" ("hazardId", kind, "toStatus", "actorId", at)
        SELECT id, 'REPORTED', 'REPORTED', ${h.source === "TIP" ? SYSTEM_ACTOR : h.reporterId}, ${utc(h.reportedAt)} FROM h
      )
      SELECT id, year FROM h`;
    return rows[0]!;
  }

  /**
   * A message's first statement in its transaction: claims it (a group's by its platform, chat and message id; a private
   * chat's under a keyed hash dated to the day, as `claimHashed` does), writes the sender's row as `touchUser` does (`touch`) or only reads it, with their grants,
   * and reads the group's binding (`groupChatId`). A message claimed before gets `{ claimed: false }`, and nothing is
   * written. Three statements' work in one round trip: every message pays it.
   */
  async openMessage(m: {
    claim: MessageClaim;
    sender: NewSender;
    touch: boolean;
    groupChatId: string | null;
  }): Promise<{ claimed: false } | { claimed: true; user: (UserRow & { grants: Grant[] }) | null; binding: BindingRow | null }> {
    const u = m.sender;
    const rows = await this.tx.$queryRaw<({ claimed: boolean } & Omit<UserRow, "id"> & { id: number | null; grants: Grant[] } & BindingColumns)[]>`
      WITH c AS (${claimOnce(m.claim)}), t AS (${upsertSender(u, P.sql`${m.touch}::boolean AND EXISTS (SELECT 1 FROM c)`)}), u AS (
        SELECT * FROM t
        UNION ALL
        SELECT id, platform, "platformUserId", "displayName", username, lang, "superAdmin" FROM "User"
        WHERE NOT ${m.touch}::boolean AND EXISTS (SELECT 1 FROM c) AND platform = ${u.platform} AND "platformUserId" = ${u.platformUserId}
      )
      SELECT EXISTS (SELECT 1 FROM c) AS claimed, u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin",
             ${LOCKED_GRANTS_OF_U} AS grants, ${BINDING_COLUMNS}
      FROM (SELECT 1) one
      LEFT JOIN u ON true
      LEFT JOIN ("ChatBinding" b JOIN "Unit" n ON n.id = b."unitId") ON b.platform = ${u.platform} AND b."chatId" = ${m.groupChatId} AND EXISTS (SELECT 1 FROM c)`;
    const r = rows[0]!;
    if (!r.claimed) return { claimed: false };
    return {
      claimed: true,
      user: r.id === null ? null : senderOf({ ...r, id: r.id }),
      binding: bindingOf(u.platform, m.groupChatId, r),
    };
  }

  /**
   * The sender's standing in a chat, read in one statement: their row with their grants, the group's binding and unit
   * (`groupChatId`; null in a private chat), and the print of all of it (`sentinel_standing_print`) that the one-statement
   * lanes check (`fileReport`, `readHazard`). Null when the sender is not stored.
   */
  async standing(platform: string, groupChatId: string | null, platformUserId: string): Promise<Standing | null> {
    const rows = await this.tx.$queryRaw<(UserRow & { grants: Grant[]; print: string } & BindingColumns)[]>`
      SELECT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin", ${GRANTS_OF_U} AS grants,
             ${BINDING_COLUMNS}, sentinel_standing_print(${platform}, ${platformUserId}, ${groupChatId}) AS print
      FROM "User" u LEFT JOIN ("ChatBinding" b JOIN "Unit" n ON n.id = b."unitId") ON b.platform = ${platform} AND b."chatId" = ${groupChatId}
      WHERE u.platform = ${platform} AND u."platformUserId" = ${platformUserId}`;
    const r = rows[0];
    if (!r) return null;
    return {
      user: senderOf(r),
      binding: bindingOf(platform, groupChatId, r),
      print: r.print,
    };
  }

  /**
   * A question about one hazard in one statement, outside any transaction (sent by the driver: only on a `Store.once`
   * repo): claims the message and reads the hazard with its newest `take` events, as `openMessage`, `getHazard` and
   * `events` do in a transaction. Nothing is claimed when the sender's standing no longer matches `print` (`stale`),
   * or when `tipDialog` (a private chat's sealed key) has a tip under way, which the anonymous lane takes (`busy`);
   * `duplicate` when the message was claimed before. The claim commits with the statement.
   */
  async readHazard(q: {
    claim: MessageClaim;
    platform: string;
    platformUserId: string;
    groupChatId: string | null;
    print: string;
    tipDialog: string | null;
    hazardId: number;
    take: number;
  }): Promise<{ outcome: "stale" | "busy" | "duplicate" } | { outcome: "read"; hazard: HazardRow | null; events: EventRow[] }> {
    if (!this.driver) throw new Error("readHazard runs on its own (Store.once), not inside a transaction");
    const busy = q.tipDialog === null ? P.sql`false` : P.sql`EXISTS (SELECT 1 FROM "Conversation" WHERE platform = 'anon' AND "chatId" = ${q.tipDialog} AND "userId" = '-')`;
    const sql = P.sql`
      WITH s AS (
        SELECT sentinel_standing_print(${q.platform}, ${q.platformUserId}, ${q.groupChatId}::text) IS NOT DISTINCT FROM ${q.print}::text AS fresh, ${busy} AS busy
      ), c AS (${claimOnce(q.claim, P.sql`(SELECT fresh AND NOT busy FROM s)`)})
      SELECT s.fresh, s.busy, EXISTS (SELECT 1 FROM c) AS claimed,
             (SELECT ${HAZARD_JSON} FROM ${HAZARD_FROM} WHERE h.id = ${q.hazardId} AND EXISTS (SELECT 1 FROM c)) AS hazard,
             CASE WHEN EXISTS (SELECT 1 FROM c) THEN ${eventsJson(q.hazardId, q.take)} END AS events
      FROM s`;
    // Named, so that pg prepares it once per connection and keeps its plan; one name per shape of the statement.
    const name = `sentinel_read_hazard_${"hashed" in q.claim ? "hashed" : "plain"}_${q.tipDialog === null ? "any" : "tip"}`;
    const r = (await this.driver<{ fresh: boolean; busy: boolean; claimed: boolean; hazard: HazardJson | null; events: EventJson[] | null }>(sql.text, sql.values, name))[0]!;
    if (!r.fresh) return { outcome: "stale" };
    if (r.busy) return { outcome: "busy" };
    if (!r.claimed) return { outcome: "duplicate" };
    return { outcome: "read", hazard: r.hazard && hazardOf(r.hazard), events: (r.events ?? []).map(eventOf) };
  }

  /**
   * Files a report in one statement, outside any transaction (`sentinel_file_report`, sent by the driver: only on a
   * `Store.once` repo): claims the message, counts it against the sender's hourly limit, numbers the hazard and files
   * it with its first event, as `openMessage`, `tips.hit` and `createHazard` do in a transaction. Nothing is done
   * when the sender's standing no longer matches `print` (`stale`), the message was claimed before (`duplicate`), or
   * it is over the limit (`limit`: the statement is rolled back whole, the claim and the count with it).
   */
  async fileReport(
    h: NewHazard & { source: Exclude<HazardSource, "TIP">; platformUserId: string; print: string; throttle: { key: string; window: Date; limit: number } },
  ): Promise<{ outcome: "stale" | "duplicate" | "limit" | "filed"; id: number | null }> {
    if (!this.driver) throw new Error("fileReport runs on its own (Store.once), not inside a transaction");
    const sql = `SELECT outcome, hazard_id AS id FROM sentinel_file_report($1, $2, $3, $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC', $8::int,
      $9::int, $10::int, $11::int, $12, $13, $14::text[], $15::text[], $16::timestamptz AT TIME ZONE 'UTC', $17)`;
    const params = [
      h.platform, h.chatId, h.messageId, h.platformUserId, h.print, h.throttle.key, h.throttle.window.toISOString(), h.throttle.limit,
      h.year, h.unitId, h.reporterId, h.description, h.location, h.attachments, h.indicators, h.reportedAt.toISOString(), h.source,
    ];
    try {
      return (await this.driver<{ outcome: "stale" | "duplicate" | "filed"; id: number | null }>(sql, params))[0]!;
    } catch (err) {
      // The function's own SQLSTATE for a report over the limit (pg's and PGlite's errors both carry `code`).
      if ((err as { code?: string }).code === "SL001") return { outcome: "limit", id: null };
      throw err;
    }
  }

  /**
   * One hazard. `lock`: for a step that changes it, read under a row lock held to the end of the transaction, so what
   * the step decides on (the status, the level, the listing, an application) is what it writes against: a second step
   * on the same hazard waits, then reads the first one's result.
   */
  async getHazard(id: number, opts: { lock?: boolean } = {}): Promise<HazardRow | null> {
    return (await this.hazardRows(P.sql`h.id = ${id}`, opts.lock ? P.sql`FOR UPDATE OF h` : P.empty))[0] ?? null;
  }

  /**
   * Hazards with their unit, reporter and the language of the chat they came from, in one statement (Prisma's
   * `include` took four: the hazard, its unit, its reporter, the chat).
   */
  private async hazardRows(where: P.Sql, tail: P.Sql): Promise<HazardRow[]> {
    const rows = await this.tx.$queryRaw<{ h: HazardJson }[]>`SELECT ${HAZARD_JSON} AS h FROM ${HAZARD_FROM} WHERE ${where} ${tail}`;
    return rows.map((r) => hazardOf(r.h));
  }

  /**
   * Moves a hazard from `from` to `to` and records the event, or returns `false` when the hazard is no longer
   * in `from` (another official acted first): the caller re-reads and refuses, nothing is overwritten.
   */
  async transition(
    id: number,
    from: HazardStatus,
    to: HazardStatus,
    change: HazardChange,
    event: HazardEventInput,
    once?: "dualReport",
  ): Promise<boolean> {
    const { plan, deadline, supervisedDeadline, dualReport, ...rest } = change;
    const data: P.HazardUpdateManyMutationInput = {
      ...rest,
      ...(dualReport ? { dualReport: dualReport as unknown as P.InputJsonValue } : {}),
      status: to,
      ...(deadline !== undefined ? { deadline: toDay(deadline) } : {}),
      ...(supervisedDeadline !== undefined ? { supervisedDeadline: toDay(supervisedDeadline) } : {}),
      ...(plan
        ? {
            planResponsible: plan.responsible,
            planMeasures: plan.measures,
            planFunds: plan.funds,
            planContingency: plan.contingency,
            deadline: toDay(plan.deadline),
          }
        : {}),
    };
    // `once`: a step that may be taken once only (双报告), whoever of two processes tries it.
    const n = await this.tx.hazard.updateMany({ where: { id, status: from, ...(once === "dualReport" ? { dualReportedAt: null } : {}) }, data });
    if (n.count !== 1) return false;
    await this.tx.hazardEvent.create({
      data: {
        hazardId: id,
        kind: event.kind,
        fromStatus: from,
        toStatus: to,
        actorId: event.actorId,
        note: event.note,
        at: event.at,
        ...(event.data ? { data: event.data as P.InputJsonValue } : {}),
        ...(event.attachments?.length ? { attachments: event.attachments } : {}),
      },
    });
    return true;
  }

  /** The newest `take` events, shown oldest first, with who did each (one statement). */
  async events(hazardId: number, take = 20): Promise<EventRow[]> {
    const rows = await this.tx.$queryRaw<{ events: EventJson[] }[]>`SELECT ${eventsJson(hazardId, take)} AS events`;
    return rows[0]!.events.map(eventOf);
  }

  /** The steps of a hazard that carry files, oldest first: the evidence after the report's own photos. */
  async stepFiles(hazardId: number): Promise<{ kind: string; toStatus: HazardStatus; at: Date; attachments: string[] }[]> {
    return this.tx.$queryRaw`
      SELECT kind, "toStatus"::text AS "toStatus", at, attachments FROM "HazardEvent"
      WHERE "hazardId" = ${hazardId} AND cardinality(attachments) > 0 ORDER BY id`;
  }

  async listHazards(f: HazardFilter): Promise<HazardRow[]> {
    const patterns = f.unitPaths.map((p) => p + "%");
    const inScope = P.sql`h."unitId" IN (SELECT id FROM "Unit" WHERE path LIKE ANY (${patterns}::text[]))`;
    if (f.overdueBefore) {
      // Open hazards past either deadline, the longest overdue first. Each deadline is its own ordered range of a
      // partial index over open hazards (see the migration open_deadline_indexes), cut at the limit, then merged:
      // an OR over the two deadlines read every open hazard with a deadline and sorted them.
      const before = f.overdueBefore;
      const open = P.sql`h.status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING')`;
      const ids = P.sql`h.id IN (
        (SELECT h.id FROM "Hazard" h WHERE ${open} AND h.deadline < ${before}::date AND ${inScope} ORDER BY h.deadline, h.id LIMIT ${f.limit})
        UNION ALL
        (SELECT h.id FROM "Hazard" h WHERE ${open} AND h."supervisedDeadline" < ${before}::date AND ${inScope} ORDER BY h."supervisedDeadline", h.id LIMIT ${f.limit}))`;
      const due = P.sql`LEAST(CASE WHEN h.deadline < ${before}::date THEN h.deadline END, CASE WHEN h."supervisedDeadline" < ${before}::date THEN h."supervisedDeadline" END)`;
      return this.hazardRows(P.sql`${ids} AND ${open}`, P.sql`ORDER BY ${due}, h.id LIMIT ${f.limit}`);
    }
    const conditions = [
      inScope,
      // A withdrawn report is gone from lists unless asked for by name (its history stays).
      f.statuses ? P.sql`h.status::text IN (${P.join(f.statuses)})` : P.sql`h.status <> 'WITHDRAWN'`,
      ...(f.level ? [P.sql`h.level = ${f.level}::"HazardLevel"`] : []),
      // A hazard made from a tip is nobody's report: it is not in its handler's "my reports" (every other channel is).
      ...(f.reporterId !== undefined ? [P.sql`h."reporterId" = ${f.reporterId} AND h.source <> 'TIP'`] : []),
    ];
    return this.hazardRows(P.join(conditions, " AND "), P.sql`ORDER BY h.id DESC LIMIT ${f.limit}`);
  }

  /**
   * Counts for the subtrees at `unitPaths` as they stood at `to`: found = confirmed before `to` (a level set) among
   * hazards reported in [from, to); rectified = of those, rectified before `to`. The one definition of 统计, the
   * statistics table and the trend (see `windowStats`).
   */
  async stats(unitPaths: string[], from: Date | null, to: Date, today: string, opts: { exact?: boolean } = {}): Promise<HazardStats> {
    return (await this.windowStats(unitPaths, [{ from, to }], today, opts))[0]!;
  }

  /**
   * `stats` for several windows at once, in one grouped query, in the windows' order: the trend's twelve months and
   * their cumulative figures are the numbers `统计 <month>` gives for each month, by construction.
   */
  async windowStats(unitPaths: string[], windows: StatsWindow[], today: string, opts: { exact?: boolean; recount?: boolean } = {}): Promise<HazardStats[]> {
    if (windows.length === 0) return [];
    // `exact`: the units at these paths only, not the units below them.
    const scope = P.sql`(SELECT id FROM "Unit" WHERE path LIKE ANY (${unitPaths.map((p) => (opts.exact ? p : p + "%"))}::text[]))`;
    // Windows that end at a Shanghai month's start (统计, the trend, the table: all of them) are read from the tally,
    // a window's first days before its first whole month from the hazards (the campaign's start, mid-month);
    // `recount` reads everything from the hazards (the check that the tally is right).
    const ends = windows.map((w) => monthOf(w.to));
    if (opts.recount || ends.some((e) => e === null)) return this.recount(scope, windows.map((w) => ({ ...w, at: w.to })), today);
    const starts = windows.map((w) => (w.from === null ? "-infinity" : (monthOf(w.from) ?? nextMonthOf(w.from))));
    const heads = windows.map((w, i) => ({ i, from: w.from, to: new Date(Math.min(startOfMonth(starts[i]!, w.to), w.to.getTime())), at: w.to }));
    const partial = heads.filter((h) => h.from !== null && h.from.getTime() < h.to.getTime());
    const rows = await this.tx.$queryRaw<StatsRow[]>`
      WITH w AS (SELECT u.i::int AS i, u.lo::date AS lo, u.hi::date AS hi FROM unnest(${starts}::text[], ${ends as string[]}::text[]) WITH ORDINALITY AS u(lo, hi, i))
      SELECT w.i,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'GENERAL' AND t.confirmed < w.hi), 0)::int AS gf,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'GENERAL' AND t.rectified < w.hi), 0)::int AS gr,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < w.hi), 0)::int AS mf,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.rectified < w.hi), 0)::int AS mr,
        COALESCE(sum(t.n) FILTER (WHERE t.supervised < w.hi), 0)::int AS sup,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < w.hi AND t.source IN ('REPORT', 'SELF')), 0)::int AS ms,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < w.hi AND t.source = 'INSPECTION'), 0)::int AS mi,
        COALESCE(sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < w.hi AND t.source = 'TIP'), 0)::int AS mt,
        COALESCE(sum(t.n) FILTER (WHERE t.status = 'REPORTED'), 0)::int AS pending,
        COALESCE(sum(t.n) FILTER (WHERE t.due < ${today}::date), 0)::int AS overdue
      FROM w LEFT JOIN (
        -- The scope's units summed first: a province's 1,000 units × their handful of kinds of hazard become that
        -- handful, before each window's ten sums (half the time of summing per unit, on PGlite).
        SELECT month, level, source, status, confirmed, rectified, supervised, due, sum(n) AS n
        FROM "HazardTally"
        WHERE "unitId" IN ${scope} AND n <> 0 AND month >= (SELECT min(lo) FROM w) AND month < (SELECT max(hi) FROM w)
        GROUP BY month, level, source, status, confirmed, rectified, supervised, due
      ) t ON t.month >= w.lo AND t.month < w.hi
      GROUP BY w.i
      ORDER BY w.i`;
    const out = rows.map(toStats);
    if (partial.length) {
      const more = await this.recount(scope, partial, today);
      partial.forEach((h, j) => (out[h.i] = addStats(out[h.i]!, more[j]!)));
    }
    return out;
  }

  /**
   * `windowStats` read from the hazards themselves: those reported in [from, to), as they stood at `at`.
   */
  private async recount(scope: P.Sql, windows: { from: Date | null; to: Date; at: Date }[], today: string): Promise<HazardStats[]> {
    const froms = windows.map((w) => (w.from ?? new Date(0)).toISOString());
    const tos = windows.map((w) => w.to.toISOString());
    const ats = windows.map((w) => w.at.toISOString());
    const rows = await this.tx.$queryRaw<StatsRow[]>`
      WITH w AS (
        -- Instants as values of the timestamp(3) columns, kept in UTC, as utc() in sql.ts makes one.
        SELECT u.i::int AS i, (u.f::timestamptz AT TIME ZONE 'UTC') AS lo, (u.t::timestamptz AT TIME ZONE 'UTC') AS hi,
               (u.a::timestamptz AT TIME ZONE 'UTC') AS at
        FROM unnest(${froms}::text[], ${tos}::text[], ${ats}::text[]) WITH ORDINALITY AS u(f, t, a, i)
      )
      SELECT w.i, ${statsCounts(P.sql`w.at`, today)}
      FROM w
      LEFT JOIN "Hazard" h
        ON h."unitId" IN ${scope}
        AND h."reportedAt" >= w.lo AND h."reportedAt" < w.hi
      GROUP BY w.i
      ORDER BY w.i`;
    return rows.map(toStats);
  }

  /**
   * `stats` of each unit on its own (exact), for every unit of the subtree at `path`, in one grouped query: the
   * statistics table's per-unit sheets of a whole tree (a query per sheet took seconds for a province). Units with
   * no hazards in the window are absent: they count zero.
   */
  async statsByUnit(path: string, from: Date, to: Date, today: string): Promise<Map<number, HazardStats>> {
    const scope = P.sql`h."unitId" IN (SELECT id FROM "Unit" WHERE path LIKE ${path + "%"})`;
    const byHazards = async (lo: Date, hi: Date) =>
      this.tx.$queryRaw<StatsRow[]>`
        SELECT h."unitId" AS i, ${statsCounts(utc(to), today)}
        FROM "Hazard" h
        WHERE ${scope} AND h."reportedAt" >= ${utc(lo)} AND h."reportedAt" < ${utc(hi)}
        GROUP BY h."unitId"`;
    const end = monthOf(to);
    if (end === null) return new Map((await byHazards(from, to)).map((r) => [r.i, toStats(r)]));
    // As windowStats: whole months from the tally, the days before the first whole month from the hazards.
    const start = monthOf(from) ?? nextMonthOf(from);
    const rows = await this.tx.$queryRaw<StatsRow[]>`
      SELECT t."unitId" AS i,
        sum(t.n) FILTER (WHERE t.level = 'GENERAL' AND t.confirmed < ${end}::date)::int AS gf,
        sum(t.n) FILTER (WHERE t.level = 'GENERAL' AND t.rectified < ${end}::date)::int AS gr,
        sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < ${end}::date)::int AS mf,
        sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.rectified < ${end}::date)::int AS mr,
        sum(t.n) FILTER (WHERE t.supervised < ${end}::date)::int AS sup,
        sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < ${end}::date AND t.source IN ('REPORT', 'SELF'))::int AS ms,
        sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < ${end}::date AND t.source = 'INSPECTION')::int AS mi,
        sum(t.n) FILTER (WHERE t.level = 'MAJOR' AND t.confirmed < ${end}::date AND t.source = 'TIP')::int AS mt,
        sum(t.n) FILTER (WHERE t.status = 'REPORTED')::int AS pending,
        sum(t.n) FILTER (WHERE t.due < ${today}::date)::int AS overdue
      FROM "HazardTally" t
      WHERE t."unitId" IN (SELECT id FROM "Unit" WHERE path LIKE ${path + "%"}) AND t.month >= ${start}::date AND t.month < ${end}::date AND t.n <> 0
      GROUP BY t."unitId"`;
    const out = new Map(rows.map((r) => [r.i, toStats(zeroNulls(r))]));
    const headEnd = new Date(Math.min(Date.parse(`${start}T00:00:00+08:00`), to.getTime()));
    if (from.getTime() < headEnd.getTime()) {
      for (const r of await byHazards(from, headEnd)) out.set(r.i, out.has(r.i) ? addStats(out.get(r.i)!, toStats(r)) : toStats(r));
    }
    return out;
  }

}
