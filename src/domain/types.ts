/** The words of DESIGN.md as code. Plain string unions, so the store's enums fit them as they are. */

export const HAZARD_STATUSES = ["REPORTED", "CONFIRMED", "RECTIFYING", "RECTIFIED", "CLOSED", "REJECTED", "DUPLICATE", "WITHDRAWN"] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_LEVELS = ["GENERAL", "MAJOR"] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

/**
 * `OFFICIAL` is a regulator's 监管人员 or an enterprise's 安全管理员 (the unit's kind says which); `PRINCIPAL` is an
 * enterprise's 主要负责人, `CONTROLLER` its 实际控制人, `CONGRESS` the contact of its 职代会 / 职工大会 (e.g. the 工会 chair),
 * whom 双报告 tells of every major hazard. `TIP_HANDLER` (举报处理人, a regulator's only) stands apart from the ranks: tips are
 * confidential even from other officials and admins.
 */
export const ROLES = ["WORKER", "OFFICIAL", "ADMIN", "TIP_HANDLER", "PRINCIPAL", "CONTROLLER", "CONGRESS"] as const;
export type Role = (typeof ROLES)[number];

/** 监管部门, 企业 (生产经营单位), or a department under an enterprise. */
export const UNIT_KINDS = ["REGULATOR", "ENTERPRISE", "DEPARTMENT"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * 来源渠道: how a hazard came in, decided when it is filed. `REPORT` 随手拍 (a worker's report), `SELF` 自查 (the
 * enterprise's own 安全管理员 or 主要负责人), `INSPECTION` 检查 (监管人员 of a regulator over the unit), `TIP` 举报 (a tip a
 * regulator turned into a hazard: nobody's report). Hazards filed before `SELF` and `INSPECTION` existed keep `REPORT`.
 */
export const HAZARD_SOURCES = ["REPORT", "SELF", "INSPECTION", "TIP"] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

/** A stored channel as this version knows it (one it does not know reads as a report). */
export const sourceOf = (s: string): HazardSource => ((HAZARD_SOURCES as readonly string[]).includes(s) ? (s as HazardSource) : "REPORT");

/** 五到位: responsible person, measures, funds, deadline, contingency plan. */
export interface RectificationPlan {
  responsible: string;
  measures: string;
  funds: string;
  /** Asia/Shanghai calendar date, `YYYY-MM-DD`. */
  deadline: string;
  contingency: string;
}

export const PLAN_FIELDS = ["responsible", "measures", "funds", "deadline", "contingency"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
