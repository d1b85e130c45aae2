import { Prisma as P } from "../generated/prisma/client.ts";
import type { Role, UnitKind } from "../domain/types.ts";
import type { UnitRow, UserRow } from "./repo.ts";
import { utc } from "./sql.ts";

type Tx = P.TransactionClient;

/** A bound group, with its language (群语言). */
export interface GroupRef {
  platform: string;
  chatId: string;
  lang: string | null;
  unitId: number;
}

/** What the deadline chase needs of an open hazard. */
export interface ChaseRow {
  id: number;
  year: number;
  unitId: number;
  unitPath: string;
  status: string;
  level: string | null;
  description: string;
  deadline: string | null;
  supervisedDeadline: string | null;
  supervisingUnitId: number | null;
  planResponsible: string | null;
  /** The Shanghai day it was reported (the chase of a report nobody confirmed counts from it). */
  reportedOn: string;
}

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const idsOf = (path: string) => path.split("/").filter(Boolean).map(Number);

/** Who is told what about a hazard beyond its own chat: the units above it, their groups and people (监管, 双报告, 催办). */
export class OversightRepo {
  constructor(private readonly tx: Tx) {}

  /** The units from the root down to the unit at `path`, itself included. */
  async chain(path: string): Promise<UnitRow[]> {
    const ids = idsOf(path);
    const rows = await this.tx.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true, parentId: true, path: true } });
    return rows.sort((a, b) => a.path.length - b.path.length).map((u) => ({ ...u, kind: u.kind as UnitKind }));
  }

  async unit(id: number): Promise<UnitRow | null> {
    const u = await this.tx.unit.findUnique({ where: { id }, select: { id: true, name: true, kind: true, parentId: true, path: true } });
    return u && { ...u, kind: u.kind as UnitKind };
  }

  /** The groups bound to these units. */
  async groupsOf(unitIds: number[]): Promise<GroupRef[]> {
    if (unitIds.length === 0) return [];
    return this.tx.chatBinding.findMany({ where: { unitId: { in: unitIds } }, select: { platform: true, chatId: true, lang: true, unitId: true }, orderBy: { id: "asc" } });
  }

  /** People holding `role` on exactly this unit (an enterprise's 主要负责人). */
  async holders(unitId: number, role: Role): Promise<UserRow[]> {
    return this.tx.$queryRaw<UserRow[]>`
      SELECT DISTINCT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin"
      FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId"
      WHERE g."unitId" = ${unitId} AND g.role = ${role}::"Role"
      ORDER BY u.id`;
  }

  /**
   * The enterprises in the subtrees at `paths` with the names of those holding each of `roles` on them (the parties of
   * 双报告), enterprises by name.
   */
  async parties(paths: string[], roles: Role[]): Promise<{ unit: UnitRow; holders: Partial<Record<Role, string[]>> }[]> {
    const rows = await this.tx.$queryRaw<{ id: number; name: string; kind: UnitKind; parentId: number | null; path: string; holders: Record<string, string[]> | null }[]>`
      SELECT n.id, n.name, n.kind::text AS kind, n."parentId", n.path,
             (SELECT json_object_agg(x.role, x.names) FROM (
                SELECT g.role::text AS role, json_agg(u."displayName" ORDER BY u.id) AS names
                FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId"
                WHERE g."unitId" = n.id AND g.role::text = ANY(${roles}::text[]) GROUP BY g.role) x) AS holders
      FROM "Unit" n
      WHERE n.kind = 'ENTERPRISE' AND EXISTS (SELECT 1 FROM unnest(${paths}::text[]) p WHERE n.path LIKE p || '%')
      ORDER BY n.name`;
    return rows.map(({ holders, ...u }) => ({ unit: u, holders: (holders ?? {}) as Partial<Record<Role, string[]>> }));
  }

  /** People of the units on `path` (grants there or above) with this display name: a plan's responsible person, if known. */
  async peopleNamed(name: string, path: string): Promise<UserRow[]> {
    return this.tx.$queryRaw<UserRow[]>`
      SELECT DISTINCT u.id, u.platform, u."platformUserId", u."displayName", u.username, u.lang, u."superAdmin"
      FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId"
      WHERE u."displayName" = ${name} AND g."unitId" = ANY(${idsOf(path)}::int[])
      ORDER BY u.id LIMIT 3`;
  }

  /**
   * Open hazards with a rectification or 督办 deadline on or before `until`, and reports still unconfirmed that were
   * filed before `reportedBefore`: what the chase looks at.
   */
  async chaseCandidates(until: string, reportedBefore: Date): Promise<ChaseRow[]> {
    const rows = await this.tx.$queryRaw<(Omit<ChaseRow, "deadline" | "supervisedDeadline"> & { deadline: Date | null; supervisedDeadline: Date | null })[]>`
      SELECT h.id, h.year, h."unitId", u.path AS "unitPath", h.status::text AS status, h.level::text AS level, h.description,
             h.deadline, h."supervisedDeadline", h."supervisingUnitId", h."planResponsible",
             to_char(h."reportedAt" + interval '8 hours', 'YYYY-MM-DD') AS "reportedOn"
      FROM "Hazard" h JOIN "Unit" u ON u.id = h."unitId"
      WHERE h.status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING')
        AND (h.deadline <= ${until}::date OR h."supervisedDeadline" <= ${until}::date
             OR (h.status = 'REPORTED' AND h."reportedAt" < ${utc(reportedBefore)}))
      ORDER BY h.id`;
    return rows.map((r) => ({ ...r, deadline: day(r.deadline), supervisedDeadline: day(r.supervisedDeadline) }));
  }

  /** The unit whose tip handler turned a tip into this hazard (the regulator that alone may turn it down). */
  async tipUnitOf(hazardId: number): Promise<UnitRow | null> {
    const t = await this.tx.tip.findFirst({ where: { hazardId }, select: { unit: { select: { id: true, name: true, kind: true, parentId: true, path: true } } } });
    return t && { ...t.unit, kind: t.unit.kind as UnitKind };
  }

  /** Reports the criteria flag as major, still unconfirmed, filed before `before` and not yet reported up. */
  async unconfirmedMajor(before: Date): Promise<number[]> {
    const rows = await this.tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Hazard"
      WHERE status = 'REPORTED' AND cardinality(indicators) > 0 AND "dualReportedAt" IS NULL AND "reportedAt" < ${utc(before)}
      ORDER BY id`;
    return rows.map((r) => r.id);
  }
}
