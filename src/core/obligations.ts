import type { Obligation } from "../domain/obligations.ts";
import type { OneOffRow } from "../store/index.ts";

/** A one-off obligation as the domain sees it. */
export function oneOff(row: OneOffRow): Obligation {
  return {
    key: `once-${row.id}`,
    name: { "zh-CN": row.name, en: row.name },
    keywords: [row.keyword],
    recurrence: { kind: "once", date: row.dueDate },
    owedBy: row.owedBy,
    createdOn: row.createdOn,
  };
}
