import type { HazardSource, Role, UnitKind } from "./types.ts";

/** A role someone holds on a unit, with that unit's tree path (`/1/4/`) and kind. */
export interface Grant {
  role: Role;
  unitPath: string;
  /** The unit's kind, where the caller knows it (a grant without it is never a regulator's). */
  unitKind?: UnitKind;
}

// An admin may do what an official may, and an official what a worker may; an enterprise's 主要负责人 and 实际控制人 what
// its 安全管理员 may. A tip handler holds no rank: it is a separate duty, held only where it is granted; so is the
// 职代会 contact, who is told of major hazards and otherwise a worker.
const RANK: Record<Role, number> = { TIP_HANDLER: 0, WORKER: 1, CONGRESS: 1, OFFICIAL: 2, PRINCIPAL: 2, CONTROLLER: 2, ADMIN: 3 };

/** The duties that only their own grant gives (no rank includes them). */
const DUTIES: ReadonlySet<Role> = new Set(["TIP_HANDLER", "CONGRESS"]);

const gives = (held: Role, wanted: Role): boolean => (DUTIES.has(wanted) ? held === wanted : RANK[held] >= RANK[wanted]);

/** The enterprise's own leaders: 主要负责人 and 实际控制人 (a leader-led check is theirs, seed 003 第6条). */
export const LEADER_ROLES: readonly Role[] = ["PRINCIPAL", "CONTROLLER"];

/**
 * Whether the grants make someone a leader of the unit at `targetPath`: its enterprise's 主要负责人 or 实际控制人 (a grant
 * of theirs at or above it). Rank does not make one: an admin or a 安全管理员 answering a leader-led round leaves it not led.
 */
export function leads(grants: readonly Grant[], targetPath: string): boolean {
  return grants.some((g) => LEADER_ROLES.includes(g.role) && targetPath.startsWith(g.unitPath));
}

/**
 * Whether the grants give at least `role` on the unit at `targetPath`. A role holds for its unit and every unit
 * below it: a county office's official acts on its enterprises, never on a sibling county.
 * A super-admin (from configuration or the one-time code) holds every role everywhere, except `TIP_HANDLER`:
 * whoever reads tips is granted it by name, so the list of people who can is the list of grants.
 */
export function holdsRole(grants: readonly Grant[], targetPath: string, role: Role, superAdmin = false): boolean {
  if (superAdmin && role !== "TIP_HANDLER") return true;
  return grants.some((g) => gives(g.role, role) && targetPath.startsWith(g.unitPath));
}

/** The highest units (no one inside another) on which the grants give at least `role`. */
export function topUnits(grants: readonly Grant[], role: Role): string[] {
  const paths = [...new Set(grants.filter((g) => gives(g.role, role)).map((g) => g.unitPath))];
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q))).sort();
}

/**
 * Whether the grants make someone a regulator over the unit at `targetPath`: 监管人员 (or an admin) of a regulator at or
 * above it. Only a regulator lists a hazard for supervision, removes the listing, moves a listed deadline and accepts
 * the close-out; an enterprise's own staff, whatever their rank there, never do.
 */
export function regulates(grants: readonly Grant[], targetPath: string, superAdmin = false): boolean {
  if (superAdmin) return true;
  return grants.some((g) => g.unitKind === "REGULATOR" && (g.role === "OFFICIAL" || g.role === "ADMIN") && targetPath.startsWith(g.unitPath));
}

/** Whether any grant is held on a regulator (its staff earn no report rewards, as the national reward rules say). */
export function isRegulatorStaff(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.unitKind === "REGULATOR" && g.role !== "TIP_HANDLER");
}

/**
 * The channel (来源渠道) of a report filed in a unit's group by someone with these grants: 检查 when they are 监管人员 of a
 * regulator over the unit (`regulates`), 自查 when they are the enterprise's own 安全管理员 or 主要负责人 (a grant on the
 * enterprise, or one of its departments, at or above the unit), else 随手拍. Someone who is both (rare) reports as the
 * regulator. A super-admin as such is neither: their report is a 随手拍 unless they hold such a grant.
 */
export function reportChannel(grants: readonly Grant[], unitPath: string): Exclude<HazardSource, "TIP"> {
  if (regulates(grants, unitPath)) return "INSPECTION";
  const own = grants.some(
    (g) => (g.role === "OFFICIAL" || LEADER_ROLES.includes(g.role)) && (g.unitKind === "ENTERPRISE" || g.unitKind === "DEPARTMENT") && unitPath.startsWith(g.unitPath),
  );
  return own ? "SELF" : "REPORT";
}
