import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { MajorHazardIndicator } from "../domain/major-hazard.ts";
import { PROMPTS_DIR } from "./i18n.ts";

const schema = z.object({
  indicators: z.array(
    z.object({
      id: z.string().min(1),
      source: z.string().trim().min(1),
      standard: z.string().trim().min(1),
      zh: z.string().min(1),
      en: z.string().min(1),
      all: z.array(z.array(z.string().min(1)).min(1)).min(1),
    }),
  ),
});

/** The major-hazard indicator list (prompts/major-hazard-indicators.json), checked on load. */
export function loadIndicators(file = path.join(PROMPTS_DIR, "major-hazard-indicators.json")): MajorHazardIndicator[] {
  return schema.parse(JSON.parse(readFileSync(file, "utf8"))).indicators;
}
