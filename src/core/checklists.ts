import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FREQUENCIES, type ChecklistTemplate } from "../domain/checks.ts";
import type { MajorHazardIndicator } from "../domain/major-hazard.ts";
import { PROMPTS_DIR } from "./i18n.ts";

export const CHECKLISTS_DIR = path.join(PROMPTS_DIR, "checklists");

const schema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) }),
  industry: z.string().min(1),
  items: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        frequency: z.enum(FREQUENCIES),
        zh: z.string().min(1).max(200),
        en: z.string().min(1).max(300),
        basis: z.string().min(1),
        indicator: z.string().optional(),
      }),
    )
    .min(1),
});

/**
 * The checklist templates (`prompts/checklists/*.json`), checked at start: each file's key is its name, item ids are
 * unique, and every `indicator` names one of the major-hazard indicators (a wrong file stops start-up, naming it).
 */
export function loadChecklists(indicators: readonly MajorHazardIndicator[], dir = CHECKLISTS_DIR): ChecklistTemplate[] {
  const known = new Set(indicators.map((i) => i.id));
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const where = `prompts/checklists/${f}`;
      const t = schema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8")));
      if (`${t.key}.json` !== f) throw new Error(`${where}: key "${t.key}" is not the file's name`);
      const ids = new Set<string>();
      for (const item of t.items) {
        if (ids.has(item.id)) throw new Error(`${where}: item "${item.id}" twice`);
        ids.add(item.id);
        if (item.indicator && !known.has(item.indicator)) throw new Error(`${where}: item "${item.id}" names unknown indicator "${item.indicator}"`);
      }
      return t;
    });
}
