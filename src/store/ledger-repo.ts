import { Prisma as P } from "../generated/prisma/client.ts";
import { sourceOf, type HazardLevel, type HazardSource, type HazardStatus, type UnitKind } from "../domain/types.ts";
import { utc } from "./sql.ts";

type Tx = P.TransactionClient;

/**
 * How many photos and files a hazard `h` holds, as the 台账 and the web ledger count them: the report's and every
 * step's (an index read of its few events).
 */
export const PHOTO_COUNT = P.sql`(cardinality(h.attachments)
  + coalesce((SELECT sum(cardinality(e.attachments)) FROM "HazardEvent" e WHERE e."hazardId" = h.id), 0))::int`;

/** A unit as the 台账 names it: its own industry (行业), if set, and its 主要负责人 (an enterprise's PRINCIPAL holders). */
export interface LedgerUnit {
  id: number;
  name: string;
  kind: UnitKind;
  path: string;
  industry: string | null;
  principals: string[];
}

/** Which hazards a 台账 lists: those of these units, reported in [from, to), major ones only or all. */
export interface LedgerQuery {
  unitIds: number[];
  majorOnly: boolean;
  from: Date | null;
  to: Date | null;
}

/** One hazard as the 台账 shows it: what it is, where it came from, its 五到位 plan, 督办 and close-out. No reporter. */
export interface LedgerHazard {
  id: number;
  year: number;
  unitId: number;
  source: HazardSource;
  description: string;
  location: string | null;
  level: HazardLevel | null;
  status: HazardStatus;
  reportedAt: Date;
  measures: string | null;
  responsible: string | null;
  funds: string | null;
  /** The rectification deadline, `YYYY-MM-DD`. */
  deadline: string | null;
  contingency: string | null;
  fixedOnSpot: boolean;
  supervised: boolean;
  supervisedBy: string | null;
  supervisedDeadline: string | null;
  closedAt: Date | null;
  /** Photos and files of the hazard: the report's and every step's since (a plan's, the fixed state's, ones added). */
  photos: number;
}

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const idsOf = (path: string) => path.split("/").filter(Boolean).map(Number);

/** Reads for the 台账 (hazard ledger): the units it covers, then the hazards a page at a time. */
export class LedgerRepo {
  constructor(private readonly tx: Tx) {}

  /**
   * The units in the subtrees at `paths` and every unit above them (a department's enterprise and its 主要负责人, an
   * industry set higher up), with the names of the PRINCIPAL holders of each enterprise. Two statements; as many rows as
   * units, never as hazards.
   */
  async units(paths: string[]): Promise<LedgerUnit[]> {
    const above = [...new Set(paths.flatMap(idsOf))];
    const units = await this.tx.$queryRaw<Omit<LedgerUnit, "principals">[]>`
      SELECT id, name, kind::text AS kind, path, industry FROM "Unit"
      WHERE path LIKE ANY (${paths.map((p) => p + "%")}::text[]) OR id = ANY (${above}::int[])
      ORDER BY path`;
    const enterprises = units.filter((u) => u.kind === "ENTERPRISE").map((u) => u.id);
    const holders = enterprises.length
      ? await this.tx.$queryRaw<{ unitId: number; name: string }[]>`
          SELECT g."unitId", u."displayName" AS name FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId"
          WHERE g.role = 'PRINCIPAL' AND g."unitId" = ANY (${enterprises}::int[])
          ORDER BY g."unitId", u.id`
      : [];
    return units.map((u) => ({ ...u, principals: holders.filter((h) => h.unitId === u.id).map((h) => h.name) }));
  }

  /**
   * The next page of the ledger: hazards after `afterId` in number order, at most `limit` (keyset pagination: each page
   * is one short indexed read, however far into the ledger it is). Not listed: reports withdrawn, rejected as untrue
   * or as duplicates — they are no hazards.
   */
  async page(q: LedgerQuery, afterId: number, limit: number): Promise<LedgerHazard[]> {
    const rows = await this.tx.$queryRaw<(Omit<LedgerHazard, "deadline" | "supervisedDeadline" | "source"> & { source: string; deadline: Date | null; supervisedDeadline: Date | null })[]>`
      SELECT h.id, h.year, h."unitId", h.source, h.description, h.location, h.level::text AS level, h.status::text AS status,
             h."reportedAt", h."planMeasures" AS measures, h."planResponsible" AS responsible, h."planFunds" AS funds,
             h.deadline, h."planContingency" AS contingency, h."fixedOnSpot", h.supervised, h."supervisedBy",
             h."supervisedDeadline", h."closedAt", ${PHOTO_COUNT} AS photos
      FROM "Hazard" h
      WHERE h.id > ${afterId} AND h."unitId" = ANY (${q.unitIds}::int[])
        AND h.status NOT IN ('WITHDRAWN', 'REJECTED', 'DUPLICATE')
        AND (${q.majorOnly}::boolean = false OR h.level = 'MAJOR')
        AND h."reportedAt" >= ${utc(q.from ?? new Date(0))} AND h."reportedAt" < ${utc(q.to ?? new Date(Date.UTC(9999, 0)))}
      ORDER BY h.id
      LIMIT ${limit}`;
    return rows.map((r) => ({ ...r, source: sourceOf(r.source), deadline: day(r.deadline), supervisedDeadline: day(r.supervisedDeadline) }));
  }
}
