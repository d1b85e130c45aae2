import { startOfShanghaiDay } from "../domain/dates.ts";
import { Refusal, type AnonCtx, type Ctx } from "./context.ts";

/**
 * Per-person brakes on new reports and tips, so one account cannot flood a unit's queue (one user once filed 500
 * hazards in 5 s, one chat 200 tips in 11 s). Counted in the store's throttle rows, so they hold across processes;
 * a refused step rolls its count back with it.
 */

/** Counts a new hazard report by this person; past `SENTINEL_REPORTS_PER_HOUR` in the clock hour, refuses. */
export async function countNewReport(ctx: Ctx): Promise<void> {
  const { key, window, limit } = reportThrottle(ctx);
  // One statement: count, then refuse past the limit (the refusal rolls the count back with the report).
  if ((await ctx.repo.tips.hit(key, window)) > limit) throw new Refusal("limit-reports", { limit });
}

/** The throttle row a report by this person counts in, its window (the clock hour) and the limit. */
export function reportThrottle(ctx: Ctx): { key: string; window: Date; limit: number } {
  return { key: `report:${ctx.user.id}`, window: new Date(Math.floor(ctx.now.getTime() / 3600_000) * 3600_000), limit: ctx.deps.config.SENTINEL_REPORTS_PER_HOUR };
}

/**
 * Counts a new tip from this chat; past `SENTINEL_TIPS_PER_DAY` on the day, refuses. Keyed by the chat's keyed hash
 * and dated to the day, like everything else of the anonymous lane: the row names no chat and no hour.
 */
export async function countNewTip(ctx: AnonCtx, opts: { check: boolean }): Promise<void> {
  const limit = ctx.deps.config.SENTINEL_TIPS_PER_DAY;
  const key = `tip-new:${ctx.deps.sealer.hashChat("tip-new", ctx.msg.platform, ctx.msg.chatId)}`;
  const day = startOfShanghaiDay(ctx.today);
  const count = opts.check ? (await ctx.repo.tips.hits(key, day)) + 1 : await ctx.repo.tips.hit(key, day);
  if (count > limit) throw new Refusal("limit-tips", { limit });
}
