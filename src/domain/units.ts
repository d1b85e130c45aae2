import type { Role, UnitKind } from "./types.ts";

// How regulators are named: 县应急管理局, 市住建委, 安委办, 街道办事处, 丁县 … (the migration uses the same pattern).
const REGULATOR_NAME = /(局|厅|委|办|委员会|管委会|政府|办事处|街道|安委会|监管|省|市|县|区|乡|镇)$/;

/**
 * The kind a new unit gets when its creator does not say: a unit under an enterprise (or a department) is a department;
 * otherwise a name like a regulator's is a regulator, any other an enterprise.
 */
export function defaultUnitKind(name: string, parentKind: UnitKind | null): UnitKind {
  if (parentKind === "ENTERPRISE" || parentKind === "DEPARTMENT") return "DEPARTMENT";
  return REGULATOR_NAME.test(name) ? "REGULATOR" : "ENTERPRISE";
}

/**
 * Whether a unit of `kind` may sit under a parent of `parentKind`: regulators under regulators only, enterprises under
 * regulators (or at the top), departments under enterprises or departments.
 */
export function kindFitsParent(kind: UnitKind, parentKind: UnitKind | null): boolean {
  if (kind === "DEPARTMENT") return parentKind === "ENTERPRISE" || parentKind === "DEPARTMENT";
  return parentKind === null || parentKind === "REGULATOR";
}

/** The side a role word belongs to: 监管人员 is a regulator's word; 安全管理员 and 主要负责人 an enterprise's. */
export type RoleSide = "regulator" | "enterprise" | null;

/**
 * Whether `role`, granted with a word of `side`, fits a unit of `kind`. A regulator has 监管人员 and 举报处理人 (a tip is
 * received by a regulator, never by the enterprise it names); an enterprise and its departments 安全管理员; 主要负责人,
 * 实际控制人 and the 职代会 contact are the enterprise's own (not a department's). Workers and admins fit anywhere.
 */
export function roleFits(role: Role, side: RoleSide, kind: UnitKind): boolean {
  if (role === "PRINCIPAL" || role === "CONTROLLER" || role === "CONGRESS") return kind === "ENTERPRISE";
  if (role === "TIP_HANDLER") return kind === "REGULATOR";
  if (role !== "OFFICIAL" || side === null) return true;
  return side === "regulator" ? kind === "REGULATOR" : kind !== "REGULATOR";
}

/** The nearest unit at or above `unit` (by the ids in its path) that is a regulator, if any. */
export function nearestOfKind<U extends { id: number; kind: UnitKind }>(chain: readonly U[], kinds: readonly UnitKind[]): U | null {
  for (let i = chain.length - 1; i >= 0; i--) if (kinds.includes(chain[i]!.kind)) return chain[i]!;
  return null;
}
