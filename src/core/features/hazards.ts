import { formatHazardNumber, parseHazardNumber, type HazardNumber } from "../../domain/hazard-number.ts";
import type { HazardRow } from "../../store/index.ts";
import { holdsRole } from "../../domain/permissions.ts";
import { Refusal, type Ctx } from "../context.ts";

export const numberOf = (h: { year: number; id: number }) => formatHazardNumber(h.year, h.id);

/**
 * The hazard a person named, if they may see it: its reporter, officials over its unit, and members of a group
 * bound to its unit. Anyone else gets the same answer as for an unknown number, so numbers reveal nothing.
 */
export async function visibleHazard(ctx: Ctx, ref: string | undefined, usage: string, opts: { lock?: boolean } = {}): Promise<HazardRow> {
  if (!ref) throw new Refusal(usage);
  const parsed = parseHazardNumber(ref);
  if (!parsed) throw new Refusal("refuse-number-format", { input: ref.slice(0, 40) });
  return shownTo(ctx, ref, parsed, await ctx.repo.getHazard(parsed.id, opts));
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

/**
 * The hazard, for an action only an official over its unit may take: read under a row lock, so the action decides on
 * the hazard as it is when the action commits (a second step on it waits, then reads this one's result).
 */
export async function officialHazard(ctx: Ctx, ref: string | undefined, usage: string): Promise<HazardRow> {
  const h = await visibleHazard(ctx, ref, usage, { lock: true });
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

/** Where a notice goes and in which language: a group in its 群语言, a person in their own. */
export interface Recipient {
  platform: string;
  chatId: string;
  lang: string | null;
}

/**
 * The chat a hazard was reported in, where its reporter hears of it; none for a hazard made from a tip: nobody reported
 * it there (it was filed from the tip desk's private chat), and its unit must not learn where it came from.
 */
export function reporterChat(h: HazardRow): (Recipient & { replyToMessageId: string }) | null {
  return h.source === "TIP" ? null : { platform: h.platform, chatId: h.chatId, lang: h.chatLang, replyToMessageId: h.messageId };
}

/**
 * Whether the sender may know that a hazard came from a tip: the regulators over its unit and the tip desk may; the
 * enterprise it was assigned to never does (it sees “监管部门交办”, see `sourceLabel`).
 */
export async function seesTipSource(ctx: Ctx, h: HazardRow): Promise<boolean> {
  return (await ctx.regulates(h)) || holdsRole(await ctx.grants(), h.unit.path, "TIP_HANDLER");
}

/** The channel (来源) as the sender may see it: a tip's hazard is “监管部门交办” to its own unit. */
export async function sourceLabel(ctx: Ctx, h: HazardRow): Promise<string> {
  if (h.source === "TIP" && !(await seesTipSource(ctx, h))) return ctx.t("source-ASSIGNED");
  return ctx.t(`source-${h.source}`);
}

/** Who took a step the bot recorded without a person: a tip's hazard names the regulator that assigned it. */
export function systemActor(ctx: Ctx, h: HazardRow, kind: string): string {
  if (h.source === "TIP") return h.assignedByUnitName ?? ctx.t("authority-regulator-above");
  return ctx.t(kind === "REPORTED" ? "actor-tip-desk" : "actor-system");
}
