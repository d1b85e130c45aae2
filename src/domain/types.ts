/** The words of DESIGN.md as code. Plain string unions, so the store's enums fit them as they are. */

export const HAZARD_STATUSES = ["REPORTED", "CONFIRMED", "RECTIFYING", "RECTIFIED", "CLOSED", "REJECTED"] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_LEVELS = ["GENERAL", "MAJOR"] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

/** `TIP_HANDLER` (举报处理人) stands apart from the ranks: tips are confidential even from other officials and admins. */
export const ROLES = ["WORKER", "OFFICIAL", "ADMIN", "TIP_HANDLER"] as const;
export type Role = (typeof ROLES)[number];

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
