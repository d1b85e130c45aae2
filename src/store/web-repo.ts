import { Prisma as P } from "../generated/prisma/client.ts";
import type { HazardLevel, HazardSource, HazardStatus } from "../domain/types.ts";
import { PHOTO_COUNT, type LedgerHazard } from "./ledger-repo.ts";
import { sourceOf } from "../domain/types.ts";
import { utc } from "./sql.ts";
import type { UserRow } from "./repo.ts";

type Tx = P.TransactionClient;

/**
 * Which hazards a page of the web ledger lists (`/web/`): the subtrees at `unitPaths` (or, for someone who holds no
 * role, the hazards they reported), narrowed by the filters, newest first, after the keyset cursor.
 */
export interface WebHazardFilter {
  unitPaths: string[];
  /** Only the hazards this person reported (as `我的隐患` lists them: not the ones made from tips). */
  reporterId?: number;
  status?: HazardStatus;
  level?: HazardLevel;
  source?: HazardSource;
  /** Only open hazards past a deadline (rectification or 督办) before this Shanghai date (`isOverdue`). */
  overdueBefore?: string;
  /** Only hazards listed for supervision (挂牌督办). */
  supervised?: boolean;
  /** Reported (发现) in [from, to). */
  from?: Date;
  to?: Date;
  /** The keyset cursor: hazards numbered below this id (the last one of the page before). */
  before?: number;
  limit: number;
}

/** A hazard as the web ledger's list shows it: the 台账's columns and its unit's name. */
export type WebHazardRow = LedgerHazard & { unitName: string };

/** A web session as a request finds it: the person (read afresh each time) and the hash of its CSRF token. */
export interface WebSessionRow {
  user: UserRow;
  csrfHash: string | null;
  expiresAt: Date;
}

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The web ledger's links and sessions (stored only as keyed hashes, see src/web/session.ts) and its one list query.
 * Nothing here reads a tip.
 */
export class WebRepo {
  constructor(private readonly tx: Tx) {}

  /** Stores a one-time login link's hash for `userId`, valid until `expiresAt`; drops links and sessions long expired. */
  async createLink(hash: string, userId: number, expiresAt: Date, now: Date): Promise<void> {
    await this.tx.$executeRaw`DELETE FROM "WebSession" WHERE "expiresAt" < ${utc(now)}`;
    await this.tx.$executeRaw`
      INSERT INTO "WebSession" (hash, kind, "userId", "expiresAt") VALUES (${hash}, 'link', ${userId}, ${utc(expiresAt)})`;
  }

  /**
   * Uses a link: marks it used and returns its person's id, in one statement, only when it is a link, unused and
   * unexpired. Two requests racing for one link: one wins (the row lock), the other finds it used.
   */
  async consumeLink(hash: string, now: Date): Promise<number | null> {
    const rows = await this.tx.$queryRaw<{ userId: number }[]>`
      UPDATE "WebSession" SET "usedAt" = ${utc(now)}
      WHERE hash = ${hash} AND kind = 'link' AND "usedAt" IS NULL AND "expiresAt" > ${utc(now)}
      RETURNING "userId"`;
    return rows[0]?.userId ?? null;
  }

  async createSession(hash: string, userId: number, csrfHash: string, expiresAt: Date): Promise<void> {
    await this.tx.$executeRaw`
      INSERT INTO "WebSession" (hash, kind, "userId", "csrfHash", "expiresAt")
      VALUES (${hash}, 'session', ${userId}, ${csrfHash}, ${utc(expiresAt)})`;
  }

  /** The live session with this hash and its person (one statement), or null when there is none or it expired. */
  async session(hash: string, now: Date): Promise<WebSessionRow | null> {
    const rows = await this.tx.$queryRaw<(UserRow & { csrfHash: string | null; expiresAt: Date })[]>`
      SELECT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin", s."csrfHash", s."expiresAt"
      FROM "WebSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s.hash = ${hash} AND s.kind = 'session' AND s."expiresAt" > ${utc(now)}`;
    const r = rows[0];
    if (!r) return null;
    const { csrfHash, expiresAt, ...user } = r;
    return { user, csrfHash, expiresAt };
  }

  /** Ends a session (logout). */
  async endSession(hash: string): Promise<boolean> {
    return (await this.tx.$executeRaw`DELETE FROM "WebSession" WHERE hash = ${hash} AND kind = 'session'`) > 0;
  }

  /**
   * One page of the web ledger, newest first: one statement, keyset-paged on the hazard's number (`id < before`), so
   * page 1,000 costs what page 1 does. The scope is the units' subtrees (`Unit.path` index) and the order the primary
   * key's; the filters are columns of the row (a withdrawn report is left out unless asked for, as lists do).
   */
  async hazards(f: WebHazardFilter): Promise<WebHazardRow[]> {
    const open = P.sql`h.status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING')`;
    const conditions: P.Sql[] = [
      P.sql`h."unitId" IN (SELECT id FROM "Unit" WHERE path LIKE ANY (${f.unitPaths.map((p) => p + "%")}::text[]))`,
      f.status ? P.sql`h.status = ${f.status}::"HazardStatus"` : P.sql`h.status <> 'WITHDRAWN'`,
      ...(f.reporterId !== undefined ? [P.sql`h."reporterId" = ${f.reporterId} AND h.source <> 'TIP'`] : []),
      ...(f.level ? [P.sql`h.level = ${f.level}::"HazardLevel"`] : []),
      ...(f.source ? [P.sql`h.source = ${f.source}`] : []),
      ...(f.overdueBefore ? [P.sql`${open} AND (h.deadline < ${f.overdueBefore}::date OR h."supervisedDeadline" < ${f.overdueBefore}::date)`] : []),
      ...(f.supervised ? [P.sql`h.supervised`] : []),
      ...(f.from ? [P.sql`h."reportedAt" >= ${utc(f.from)}`] : []),
      ...(f.to ? [P.sql`h."reportedAt" < ${utc(f.to)}`] : []),
      ...(f.before !== undefined ? [P.sql`h.id < ${f.before}`] : []),
    ];
    const rows = await this.tx.$queryRaw<(Omit<WebHazardRow, "deadline" | "supervisedDeadline" | "source"> & { source: string; deadline: Date | null; supervisedDeadline: Date | null })[]>`
      SELECT h.id, h.year, h."unitId", u.name AS "unitName", h.source, h.description, h.location, h.level::text AS level,
             h.status::text AS status, h."reportedAt", h."planMeasures" AS measures, h."planResponsible" AS responsible,
             h."planFunds" AS funds, h.deadline, h."planContingency" AS contingency, h."fixedOnSpot", h.supervised,
             h."supervisedBy", h."supervisedDeadline", h."closedAt", ${PHOTO_COUNT} AS photos
      FROM "Hazard" h JOIN "Unit" u ON u.id = h."unitId"
      WHERE ${P.join(conditions, " AND ")}
      ORDER BY h.id DESC
      LIMIT ${f.limit}`;
    return rows.map((r) => ({ ...r, source: sourceOf(r.source), deadline: day(r.deadline), supervisedDeadline: day(r.supervisedDeadline) }));
  }
}
