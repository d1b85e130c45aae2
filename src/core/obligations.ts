import path from "node:path";
import { z } from "zod";
import { loadJsonSetting } from "../config.ts";
import type { Obligation } from "../domain/obligations.ts";
import { PROMPTS_DIR } from "./i18n.ts";
import type { OneOffRow } from "../store/index.ts";

const schema = z.object({
  obligations: z.array(
    z.object({
      key: z.string().regex(/^[a-z][a-z0-9-]*$/).refine((k) => !k.startsWith("once-"), "once-… keys are for one-off obligations"),
      name: z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) }),
      keywords: z.array(z.string().min(1)).min(1),
      recurrence: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("monthly"), day: z.number().int().min(1).max(31) }),
        z.object({ kind: z.literal("annual"), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
      ]),
      attachTable: z.boolean().optional(),
      owedBy: z.enum(["children", "subtree"]).optional(),
      receivers: z.array(z.string().min(1)).min(1).optional(),
    }),
  ),
});

/**
 * The recurring obligations: `prompts/obligations.json` (monthly report and table by the 18th, annual summary by
 * 10 December), or the file at `SENTINEL_OBLIGATIONS`. Each names its receiving units (`receivers`, by name; default:
 * every unit with units below it) and who owes it (`owedBy`: the units directly below, or every unit below).
 */
export function loadObligations(file: string | undefined): Obligation[] {
  const p = file ?? path.join(PROMPTS_DIR, "obligations.json");
  const data = loadJsonSetting("SENTINEL_OBLIGATIONS", p, schema);
  return data.obligations.map((o) => ({ ...o, attachTable: o.attachTable ?? false, owedBy: o.owedBy ?? "children" }));
}

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
