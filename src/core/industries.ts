import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { indicatorsFor, type Industries } from "../domain/industries.ts";
import type { UnitRow } from "../store/index.ts";
import type { Ctx } from "./context.ts";
import type { MajorHazardIndicator } from "../domain/major-hazard.ts";
import { PROMPTS_DIR } from "./i18n.ts";

const schema = z.object({
  industries: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z][a-z0-9-]*$/),
        names: z.array(z.string().trim().min(1)).min(1),
        highRisk: z.boolean(),
        sources: z.array(z.string().min(1)),
      }),
    )
    .min(1),
  general: z.array(z.string().min(1)),
});

/**
 * The industries (prompts/industries.json), checked at start: every source names indicators that exist, and no name
 * belongs to two industries (a wrong file stops start-up, naming what is wrong).
 */
export function loadIndustries(indicators: readonly MajorHazardIndicator[], file = path.join(PROMPTS_DIR, "industries.json")): Industries {
  const data = schema.parse(JSON.parse(readFileSync(file, "utf8")));
  const known = new Set(indicators.map((i) => i.source));
  const seen = new Map<string, string>();
  for (const i of data.industries) {
    for (const s of i.sources) if (!known.has(s)) throw new Error(`prompts/industries.json: ${i.key} names source "${s}", which no indicator has`);
    for (const n of i.names) {
      if (seen.has(n)) throw new Error(`prompts/industries.json: "${n}" names both ${seen.get(n)} and ${i.key}`);
      seen.set(n, i.key);
    }
  }
  for (const s of data.general) if (!known.has(s)) throw new Error(`prompts/industries.json: general source "${s}", which no indicator has`);
  return { list: data.industries, general: data.general };
}

/**
 * The indicators that hint a unit's reports: its industry's own standard first, the general ones after, no other
 * industry's (prompts/industries.json; a unit of no listed industry gets them all).
 */
export async function indicatorsOfUnit(ctx: Pick<Ctx, "repo" | "deps">, unit: UnitRow): Promise<MajorHazardIndicator[]> {
  const industry = (await ctx.repo.checks.industries([unit.id])).get(unit.id) ?? null;
  return indicatorsFor(ctx.deps.industries, ctx.deps.indicators, industry);
}
