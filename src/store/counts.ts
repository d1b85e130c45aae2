/**
 * The tables a restore is judged by — what people filed and what was decided — counted in one statement. The restore
 * prints them, so an operator can compare with the bot that took the backup (`Repo.counts`).
 */
export const COUNTED = ["Unit", "User", "Hazard", "HazardEvent", "Tip", "TipEvent", "Obligation", "Submission", "RewardEntry"] as const;

export type RowCounts = Record<(typeof COUNTED)[number], number>;

export const COUNT_SQL = `SELECT ${COUNTED.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(", ")}`;
