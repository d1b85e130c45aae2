import { formatHazardNumber, parseHazardNumber, type HazardNumber } from "../../domain/hazard-number.ts";
import type { HazardRow } from "../../store/index.ts";
import { Refusal, type Ctx } from "../context.ts";

export const numberOf = (h: { year: number; id: number }) => formatHazardNumber(h.year, h.id);

/**
 * The hazard a person named, if they may see it: its reporter, officials over its unit, and members of a group
 * bound to its unit. Anyone else gets the same answer as for an unknown number, so numbers reveal nothing.
 */
export async function visibleHazard(ctx: Ctx, ref: string | undefined, usage: string): Promise<HazardRow> {
  if (!ref) throw new Refusal(usage);
  const parsed = parseHazardNumber(ref);
  if (!parsed) throw new Refusal("refuse-number-format", { input: ref.slice(0, 40) });
  return shownTo(ctx, ref, parsed, await ctx.repo.getHazard(parsed.id));
}

/** `h`, read for the number `ref` (parsed), if the sender may see it (see `visibleHazard`). */
export async function shownTo(ctx: Ctx, ref: string, parsed: HazardNumber, h: HazardRow | null): Promise<HazardRow> {
  const shown = parsed.year === null ? ref : formatHazardNumber(parsed.year, parsed.id);
  if (!h || (parsed.year !== null && parsed.year !== h.year)) throw new Refusal("refuse-number-unknown", { number: shown });
  const mine = h.reporterId === ctx.user.id;
  const ownGroup = ctx.binding?.unit.id === h.unit.id;
  if (!mine && !ownGroup && !(await ctx.can("OFFICIAL", h.unit))) {
    throw new Refusal("refuse-number-unknown", { number: shown });
  }
  return h;
}

/** The hazard, for an action only an official over its unit may take. */
export async function officialHazard(ctx: Ctx, ref: string | undefined, usage: string): Promise<HazardRow> {
  const h = await visibleHazard(ctx, ref, usage);
  await ctx.require("OFFICIAL", h.unit);
  return h;
}

/** A one-line summary for lists: number, status, level, unit, start of the description. */
export function hazardLine(ctx: Ctx, h: HazardRow): string {
  const text = [...h.description.replace(/\s+/g, " ")];
  return ctx.t("hazard-line", {
    number: numberOf(h),
    status: ctx.t(`status-${h.status}`),
    level: h.level ? ctx.t(`level-${h.level}`) : "none",
    unit: h.unit.name,
    text: text.length > 24 ? text.slice(0, 24).join("") + "…" : text.join(""),
    deadline: h.deadline ?? "none",
  });
}
