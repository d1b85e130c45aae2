import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ConfigError, loadJsonSetting } from "../config.ts";
import { layoutError, type Campaign } from "../domain/campaign.ts";
import { parseDate } from "../domain/dates.ts";
import { PROMPTS_DIR } from "./i18n.ts";

export const CAMPAIGNS_DIR = path.join(PROMPTS_DIR, "campaigns");

const names = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });
const date = z.string().refine((s) => parseDate(s) === s, "a date, YYYY-MM-DD");

const schema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: names,
  notice: z.string().min(1),
  start: date,
  end: date,
  obligations: z.array(
    z.object({
      key: z.string().regex(/^[a-z][a-z0-9-]*$/).refine((k) => !k.startsWith("once-"), "once-… keys are for one-off obligations"),
      name: names,
      keywords: z.array(z.string().min(1)).min(1),
      recurrence: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("monthly"), day: z.number().int().min(1).max(31) }),
        z.object({ kind: z.literal("annual"), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
      ]),
      attachTable: z.boolean().default(false),
      owedBy: z.enum(["children", "subtree"]).default("children"),
      receivers: z.array(z.string().min(1)).min(1).optional(),
    }),
  ),
  figures: z.array(
    z.object({
      key: z.string().regex(/^[a-z][a-z0-9-]*$/),
      kind: z.enum(["count", "amount", "text"]),
      total: z.enum(["cumulative", "latest", "month"]),
      by: z.enum(["any", "regulator"]),
      words: z.array(z.string().min(1)).min(1),
      label: names,
    }),
  ),
  problems: z.array(z.string().min(1)),
  table: z.object({
    title: z.string().min(1),
    columns: z.array(z.number().positive().max(255)).min(1),
    frame: z.string(),
    printTitles: z.string(),
    rows: z.record(z.string().regex(/^\d+$/), z.number().positive().max(409)),
    cells: z.array(
      z.object({
        at: z.string(),
        text: z.string().optional(),
        value: z.string().optional(),
        style: z.enum(["title", "label", "field", "head", "category", "measure", "value", "text", "note"]).optional(),
      }),
    ),
  }),
});

/** One campaign file, checked: its shape, its layout (no overlapping cells, every value known), unique words. */
export function loadCampaign(file: string): Campaign {
  const c = loadJsonSetting("SENTINEL_CAMPAIGNS", file, schema);
  const fail = (why: string) => {
    throw new ConfigError(`Invalid configuration:\n  SENTINEL_CAMPAIGNS: ${file}: ${why}`);
  };
  if (c.end < c.start) fail("end before start");
  const words = c.figures.flatMap((f) => f.words.map((w) => w.toLowerCase()));
  const twice = words.find((w, i) => words.indexOf(w) !== i);
  if (twice) fail(`the word "${twice}" names two figures`);
  const err = layoutError(c);
  if (err) fail(err);
  return c;
}

/**
 * The campaigns of this deployment: `SENTINEL_CAMPAIGNS` (names in prompts/campaigns/ or paths to files, comma
 * separated), by default every file in prompts/campaigns/. Each is in force from its start until the next one's.
 */
export function loadCampaigns(setting: string | undefined): Campaign[] {
  const entries = setting
    ? setting.split(",").map((s) => s.trim()).filter(Boolean)
    : readdirSync(CAMPAIGNS_DIR).filter((f) => f.endsWith(".json")).sort();
  const campaigns = entries.map((e) => loadCampaign(e.includes("/") ? e : path.join(CAMPAIGNS_DIR, e.endsWith(".json") ? e : `${e}.json`)));
  if (campaigns.length === 0) throw new ConfigError("Invalid configuration:\n  SENTINEL_CAMPAIGNS: no campaign");
  const keys = campaigns.map((c) => c.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new ConfigError(`Invalid configuration:\n  SENTINEL_CAMPAIGNS: the campaign "${dup}" is given twice`);
  return campaigns.sort((a, b) => a.start.localeCompare(b.start));
}
