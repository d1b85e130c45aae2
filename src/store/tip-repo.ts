import { randomBytes } from "node:crypto";
import { Prisma as P } from "../generated/prisma/client.ts";
import type { RewardState, TipEventKind, TipKind, TipStatus } from "../domain/tips.ts";
import type { UnitRow, UserRow } from "./repo.ts";
import { utc } from "./sql.ts";

type Tx = P.TransactionClient;

/** How a tip's sealed file is named in the tip's content (see `TipRepo.addFile`). */
export const TIP_FILE = "tipfile:";

/** A tip as stored: texts still sealed, dates as Shanghai days (`YYYY-MM-DD`). */
export interface TipRow {
  id: number;
  year: number;
  unit: UnitRow;
  kind: TipKind;
  status: TipStatus;
  receivedOn: string;
  content: string;
  identity: string | null;
  contact: string | null;
  extended: boolean;
  findingOn: string | null;
  substantiated: boolean | null;
  feedbackOn: string | null;
  fineYuan: number | null;
  accidentGrade: string | null;
  accidentDeaths: number | null;
  sameAsId: number | null;
  hazardId: number | null;
  reward: RewardState;
  rewardYuan: number | null;
  closedOn: string | null;
  unread: boolean;
  /** Bumped by every change (see `TipRepo.change`). */
  version: number;
}

export interface TipEventRow {
  kind: TipEventKind;
  /** The handler who acted, or null for the tipster. */
  actorName: string | null;
  body: string | null;
  data: Record<string, unknown> | null;
  on: string;
}

/** Columns a handler's or the tipster's step may change. */
export type TipChange = Partial<
  Pick<TipRow, "kind" | "status" | "substantiated" | "identity" | "contact" | "extended" | "fineYuan" | "accidentGrade" | "accidentDeaths" | "sameAsId" | "hazardId" | "reward" | "rewardYuan" | "unread">
> & { findingOn?: string | null; feedbackOn?: string | null; closedOn?: string | null };

const DATE_FIELDS = ["findingOn", "feedbackOn", "closedOn"] as const;
const asDay = (s: string) => new Date(`${s}T00:00:00Z`);
const dayOf = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/**
 * What a step expects of the tip it read: still in one of `status`, and where given, at `version` (a handler's step,
 * which decided on everything it read) or in `reward` (the tipster's claim, which must not undo an approval).
 */
export interface TipGuard {
  status: readonly TipStatus[];
  version?: number;
  reward?: RewardState;
}

type TipWithUnit = P.TipGetPayload<{ include: { unit: true } }>;

function toTip(t: TipWithUnit): TipRow {
  return {
    id: t.id,
    year: t.year,
    unit: { id: t.unit.id, name: t.unit.name, kind: t.unit.kind, parentId: t.unit.parentId, path: t.unit.path },
    kind: t.kind,
    status: t.status,
    receivedOn: dayOf(t.receivedOn)!,
    content: t.content,
    identity: t.identity,
    contact: t.contact,
    extended: t.extended,
    findingOn: dayOf(t.findingOn),
    substantiated: t.substantiated,
    feedbackOn: dayOf(t.feedbackOn),
    fineYuan: t.fineYuan,
    accidentGrade: t.accidentGrade,
    accidentDeaths: t.accidentDeaths,
    sameAsId: t.sameAsId,
    hazardId: t.hazardId,
    reward: t.reward,
    rewardYuan: t.rewardYuan,
    closedOn: dayOf(t.closedOn),
    unread: t.unread,
    version: t.version,
  };
}

/** The store's side of tips. Every date it writes is a day: the store never learns the hour a tipster wrote. */
export class TipRepo {
  constructor(private readonly tx: Tx) {}

  async create(t: { year: number; unitId: number; kind: TipKind; codeHash: string; receivedOn: string; content: string; identity: string | null }): Promise<number> {
    const row = await this.tx.tip.create({
      data: { ...t, receivedOn: asDay(t.receivedOn), events: { create: { kind: "RECEIVED", on: asDay(t.receivedOn) } } },
      select: { id: true },
    });
    return row.id;
  }

  async byCode(codeHash: string): Promise<TipRow | null> {
    const t = await this.tx.tip.findUnique({ where: { codeHash }, include: { unit: true } });
    return t && toTip(t);
  }

  /** The tips recorded as on the same facts as this one (pointing to it). */
  async sameAs(id: number): Promise<TipRow[]> {
    const rows = await this.tx.tip.findMany({ where: { sameAsId: id }, include: { unit: true } });
    return rows.map(toTip);
  }

  async get(id: number): Promise<TipRow | null> {
    const t = await this.tx.tip.findUnique({ where: { id }, include: { unit: true } });
    return t && toTip(t);
  }

  /**
   * Changes a tip when it is still as `guard` expects (another handler, or the tipster, may have acted first) and
   * records the event. Returns false when the tip moved on: the caller refuses, nothing is overwritten.
   * Every change bumps the version, so of two steps on the same read exactly one applies — also on PostgreSQL, where
   * the second update waits for the first and then re-checks its guard against the committed row.
   */
  async change(
    id: number,
    guard: TipGuard,
    change: TipChange,
    event: { kind: TipEventKind; actorId: number | null; body?: string | null; data?: Record<string, unknown>; on: string } | null,
  ): Promise<boolean> {
    const data: P.TipUpdateManyMutationInput = {};
    for (const [k, v] of Object.entries(change)) {
      (data as Record<string, unknown>)[k] = (DATE_FIELDS as readonly string[]).includes(k) && typeof v === "string" ? asDay(v) : v;
    }
    const where: P.TipWhereInput = {
      id,
      status: { in: [...guard.status] },
      ...(guard.version !== undefined ? { version: guard.version } : {}),
      ...(guard.reward !== undefined ? { reward: guard.reward } : {}),
    };
    // Nothing to change but an event to record: still only while the tip is as the caller read it.
    const n = Object.keys(data).length
      ? (await this.tx.tip.updateMany({ where, data: { ...data, version: { increment: 1 } } })).count
      : await this.tx.tip.count({ where });
    if (n !== 1) return false;
    if (event) await this.addEvent(id, event);
    return true;
  }

  async addEvent(tipId: number, e: { kind: TipEventKind; actorId: number | null; body?: string | null; data?: Record<string, unknown>; on: string }): Promise<void> {
    await this.tx.tipEvent.create({
      data: {
        tipId,
        kind: e.kind,
        actorId: e.actorId,
        body: e.body ?? null,
        on: asDay(e.on),
        ...(e.data ? { data: e.data as P.InputJsonValue } : {}),
      },
    });
  }

  async events(tipId: number): Promise<TipEventRow[]> {
    const rows = await this.tx.tipEvent.findMany({ where: { tipId }, orderBy: { id: "asc" } });
    const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is number => x !== null))];
    const actors = await this.tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
    const names = new Map(actors.map((a) => [a.id, a.displayName]));
    return rows.map((r) => ({
      kind: r.kind as TipEventKind,
      actorName: r.actorId === null ? null : (names.get(r.actorId) ?? "?"),
      body: r.body,
      data: r.data as Record<string, unknown> | null,
      on: dayOf(r.on)!,
    }));
  }

  /** Tips received by the units under `unitPaths`, newest first: open ones (and closed ones still needing a step), or all. */
  async list(unitPaths: string[], opts: { includeClosed: boolean; limit: number }): Promise<TipRow[]> {
    const rows = await this.tx.tip.findMany({
      where: {
        unit: { OR: unitPaths.map((p) => ({ path: { startsWith: p } })) },
        // A closed tip stays listed while the tipster has news or a reward is still to be decided or paid.
        ...(opts.includeClosed ? {} : { OR: [{ status: { not: "CLOSED" } }, { unread: true }, { reward: { in: ["CLAIMED", "APPROVED"] } }] }),
      },
      include: { unit: true },
      orderBy: { id: "desc" },
      take: opts.limit,
    });
    return rows.map(toTip);
  }

  /** Counts kept from purged tips, per outcome, for the units under `unitPaths`. */
  async purgedCounts(unitPaths: string[]): Promise<{ outcome: string; count: number }[]> {
    const rows = await this.tx.$queryRaw<{ outcome: string; count: number }[]>`
      SELECT c.outcome, sum(c.count)::int AS count FROM "TipCount" c JOIN "Unit" u ON u.id = c."unitId"
      WHERE u.path LIKE ANY (${unitPaths.map((p) => p + "%")}::text[]) GROUP BY c.outcome ORDER BY c.outcome`;
    return rows;
  }

  /** The people holding `TIP_HANDLER` on the unit at `path` or a unit above it. */
  async handlersOf(path: string): Promise<UserRow[]> {
    return this.tx.$queryRaw<UserRow[]>`
      SELECT DISTINCT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin"
      FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId" JOIN "Unit" n ON n.id = g."unitId"
      WHERE g.role = 'TIP_HANDLER' AND ${path} LIKE n.path || '%'
      ORDER BY u.id`;
  }

  /** Who hears of a change to the tip handlers of `unit`: the admins of the unit above (of the unit itself at the top) and the super admins. */
  async overseersOf(unit: UnitRow): Promise<UserRow[]> {
    return this.tx.$queryRaw<UserRow[]>`
      SELECT DISTINCT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin"
      FROM "User" u LEFT JOIN "RoleGrant" g ON g."userId" = u.id AND g.role = 'ADMIN'
      WHERE u."superAdmin" OR g."unitId" = ${unit.parentId ?? unit.id}
      ORDER BY u.id`;
  }

  /** Everyone holding `TIP_HANDLER` anywhere, with the units they hold it on. */
  async allHandlers(): Promise<{ user: UserRow; unitPath: string }[]> {
    const rows = await this.tx.$queryRaw<(UserRow & { unitPath: string })[]>`
      SELECT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin", n.path AS "unitPath"
      FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId" JOIN "Unit" n ON n.id = g."unitId"
      WHERE g.role = 'TIP_HANDLER' ORDER BY u.id, n.path`;
    return rows.map(({ unitPath, ...user }) => ({ user, unitPath }));
  }

  /** The unit whose name the text mentions (the longest name wins), if any. */
  async unitMentioned(text: string): Promise<UnitRow | null> {
    const rows = await this.tx.$queryRaw<UnitRow[]>`
      SELECT id, name, kind::text AS kind, "parentId", path FROM "Unit" WHERE strpos(${text}, name) > 0 ORDER BY length(name) DESC, id LIMIT 1`;
    return rows[0] ?? null;
  }

  /**
   * Counts one attempt against a fixed window and returns the count so far in it (this one included).
   * `windowStart` is the start of the current window; an older window restarts at 1.
   */
  async hit(key: string, windowStart: Date): Promise<number> {
    const rows = await this.tx.$queryRaw<{ count: number }[]>`
      INSERT INTO "Throttle" (key, "windowStart", count) VALUES (${key}, ${utc(windowStart)}, 1)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN "Throttle"."windowStart" = EXCLUDED."windowStart" THEN "Throttle".count + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING count`;
    return rows[0]!.count;
  }

  async hits(key: string, windowStart: Date): Promise<number> {
    const t = await this.tx.throttle.findUnique({ where: { key } });
    return t && t.windowStart.getTime() === windowStart.getTime() ? t.count : 0;
  }

  /**
   * Keeps a tip's file, sealed (`sealBytes`), under a random id (not a serial: ids in order would say which came
   * first) and the day only. Returns the reference the tip dialog carries: `tipfile:<id>`.
   */
  async addFile(kind: string, sealed: string, day: string): Promise<string> {
    const id = randomBytes(16).toString("hex");
    await this.tx.$executeRaw`INSERT INTO "TipFile" (id, "tipId", kind, data, "madeOn") VALUES (${id}, NULL, ${kind}, ${sealed}, ${day}::date)`;
    return `${TIP_FILE}${id}`;
  }

  /** Binds the files a tip (or a tipster's addition to it) carries to the tip, so they go when it goes. */
  async bindFiles(tipId: number, refs: readonly string[]): Promise<void> {
    const ids = refs.filter((r) => r.startsWith(TIP_FILE)).map((r) => r.slice(TIP_FILE.length));
    if (ids.length) await this.tx.$executeRaw`UPDATE "TipFile" SET "tipId" = ${tipId} WHERE id = ANY(${ids}::text[]) AND ("tipId" IS NULL OR "tipId" = ${tipId})`;
  }

  /** A file of the tip, still sealed; null when the reference is not one of this tip's files. */
  async file(tipId: number, ref: string): Promise<{ kind: string; sealed: string } | null> {
    if (!ref.startsWith(TIP_FILE)) return null;
    const rows = await this.tx.$queryRaw<{ kind: string; data: string }[]>`
      SELECT kind, data FROM "TipFile" WHERE id = ${ref.slice(TIP_FILE.length)} AND "tipId" = ${tipId}`;
    return rows[0] ? { kind: rows[0].kind, sealed: rows[0].data } : null;
  }

  /** Removes files sent before `beforeDay` that no tip was filed with (a dialog dropped half way). */
  async purgeUnboundFiles(beforeDay: string): Promise<number> {
    return this.tx.$executeRaw`DELETE FROM "TipFile" WHERE "tipId" IS NULL AND "madeOn" < ${beforeDay}::date`;
  }

  async purgeThrottles(before: Date): Promise<void> {
    await this.tx.throttle.deleteMany({ where: { windowStart: { lt: before } } });
  }

  /** Removes the hourly counts of failed receipt-code look-ups (`tip-code:` keys), whatever their hour. */
  async purgeLookupThrottles(): Promise<void> {
    await this.tx.throttle.deleteMany({ where: { key: { startsWith: "tip-code:" } } });
  }

  /**
   * Deletes tips closed before `beforeDay` with their events, adding them to the counts first. Returns how many.
   * A hazard made from a tip stays: it never pointed back to the tip.
   */
  async purgeClosed(beforeDay: string): Promise<number> {
    await this.tx.$executeRaw`
      INSERT INTO "TipCount" ("unitId", month, kind, outcome, count)
      SELECT "unitId", to_char("receivedOn", 'YYYY-MM'), kind,
             CASE substantiated WHEN true THEN 'SUBSTANTIATED' WHEN false THEN 'UNSUBSTANTIATED' ELSE 'NONE' END,
             count(*)::int
      FROM "Tip" WHERE status = 'CLOSED' AND "closedOn" < ${beforeDay}::date
      GROUP BY 1, 2, 3, 4
      ON CONFLICT ("unitId", month, kind, outcome) DO UPDATE SET count = "TipCount".count + EXCLUDED.count`;
    return this.tx.$executeRaw`DELETE FROM "Tip" WHERE status = 'CLOSED' AND "closedOn" < ${beforeDay}::date`;
  }
}
