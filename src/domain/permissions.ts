import type { Role } from "./types.ts";

/** A role someone holds on a unit, with that unit's tree path (`/1/4/`). */
export interface Grant {
  role: Role;
  unitPath: string;
}

// An admin may do what an official may, and an official what a worker may.
const RANK: Record<Role, number> = { WORKER: 1, OFFICIAL: 2, ADMIN: 3 };

/**
 * Whether the grants give at least `role` on the unit at `targetPath`. A role holds for its unit and every unit
 * below it: a county office's official acts on its enterprises, never on a sibling county.
 * A super-admin (from configuration or the one-time code) holds every role everywhere.
 */
export function holdsRole(grants: readonly Grant[], targetPath: string, role: Role, superAdmin = false): boolean {
  if (superAdmin) return true;
  return grants.some((g) => RANK[g.role] >= RANK[role] && targetPath.startsWith(g.unitPath));
}

/** The highest units (no one inside another) on which the grants give at least `role`. */
export function topUnits(grants: readonly Grant[], role: Role): string[] {
  const paths = [...new Set(grants.filter((g) => RANK[g.role] >= RANK[role]).map((g) => g.unitPath))];
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q))).sort();
}
