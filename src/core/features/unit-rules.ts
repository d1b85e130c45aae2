import { deadlineAfter } from "../../domain/chase.ts";
import type { HazardLevel } from "../../domain/types.ts";
import type { UnitRow } from "../../store/index.ts";
import { Refusal, type BotDeps, type Ctx } from "../context.ts";
import { parseLevel, words } from "../parse.ts";
import type { Repo } from "../../store/index.ts";
import type { Feature } from "../bot.ts";

const daysKey = (unitId: number, level: HazardLevel): string => `deadline-days:${unitId}:${level}`;
const idsOf = (path: string) => path.split("/").filter(Boolean).map(Number);
const NO_DAYS = ["无", "不设", "清除", "none", "0"];
const MAX_DAYS = 365;

/**
 * The days a hazard of `level` confirmed without a deadline gets: its unit's own 整改时限, else the nearest unit's above
 * it, else the deployment's (`SENTINEL_DEADLINE_DAYS_*`); 0 means none (the confirmation asks for a date). `from` names
 * the unit whose rule it is (null: the deployment's).
 */
export async function deadlineDays(deps: BotDeps, repo: Repo, unit: UnitRow, level: HazardLevel): Promise<{ days: number; from: number | null }> {
  const ids = idsOf(unit.path).reverse();
  const set = await repo.getSettings(ids.map((id) => daysKey(id, level)));
  for (const id of ids) {
    const v = set.get(daysKey(id, level));
    if (v !== undefined) return { days: Number(v), from: id };
  }
  return { days: level === "MAJOR" ? deps.config.SENTINEL_DEADLINE_DAYS_MAJOR : deps.config.SENTINEL_DEADLINE_DAYS_GENERAL, from: null };
}

/** The default deadline of a hazard of `level` in `unit` confirmed today, or null when there is none. */
export async function defaultDeadline(ctx: Ctx, unit: UnitRow, level: HazardLevel): Promise<{ date: string; days: number } | null> {
  const { days } = await deadlineDays(ctx.deps, ctx.repo, unit, level);
  return days > 0 ? { date: deadlineAfter(ctx.deps.calendar, ctx.today, days), days } : null;
}

/**
 * `整改时限 [一般|重大] [天数|无]`, in a unit's group: the deadline a hazard of that level gets when an official confirms it
 * without one (calendar days; a day off moves it to the next working day). Without a number: the rules in force.
 * Set by an official of the unit; units below without their own share it.
 */
async function deadlineRule(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  const [levelWord, daysWord] = words(args);
  const level = levelWord ? parseLevel(levelWord) : null;
  if (!level || !daysWord) {
    if (levelWord && !level) throw new Refusal("usage-deadline-days");
    const shown = async (l: HazardLevel) => (await deadlineDays(ctx.deps, ctx.repo, binding.unit, l)).days;
    ctx.reply("deadline-days-shown", { unit: binding.unit.name, general: await shown("GENERAL"), major: await shown("MAJOR") });
    return;
  }
  const days = NO_DAYS.includes(daysWord.toLowerCase()) ? 0 : Number(daysWord.replace(/天$|days?$/i, ""));
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) throw new Refusal("refuse-deadline-days", { input: daysWord, max: MAX_DAYS });
  await ctx.repo.setSetting(daysKey(binding.unit.id, level), String(days));
  ctx.reply("deadline-days-set", { unit: binding.unit.name, level: ctx.t(`level-${level}`), days });
}

export const unitRules: Feature = { commands: { "deadline-days": deadlineRule } };
