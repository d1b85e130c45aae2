import { parseDate } from "../../domain/dates.ts";
import { allowedActions, nextStatus, type HazardAction } from "../../domain/lifecycle.ts";
import type { PlanField, RectificationPlan } from "../../domain/types.ts";
import type { HazardChange, HazardRow } from "../../store/index.ts";
import { rewardConfirmed, rewardDuplicate } from "./rewards.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { firstWord, missingPlanFields, parseLevel, parsePlanFields, parseRejection, words } from "../parse.ts";
import type { Feature } from "../bot.ts";
import { numberOf, officialHazard, visibleHazard } from "./hazards.ts";

const MAX_NOTE = 500;

/** A date that must be today or later, or a refusal naming the format. */
function futureDate(ctx: Ctx, input: string): string {
  const date = parseDate(input);
  if (!date) throw new Refusal("refuse-date-format", { input: input.slice(0, 40) });
  if (date < ctx.today) throw new Refusal("refuse-date-past", { date, today: ctx.today });
  return date;
}

function note(text: string): string | null {
  const t = text.trim();
  if ([...t].length > MAX_NOTE) throw new Refusal("refuse-too-long", { limit: MAX_NOTE });
  return t || null;
}

/**
 * Applies one lifecycle step: refuses a step the status does not allow (saying which are), records the event,
 * and tells the reporter in the chat where they reported.
 */
async function apply(
  ctx: Ctx,
  h: HazardRow,
  action: HazardAction,
  change: HazardChange,
  why: string | null,
  data?: Record<string, unknown>,
): Promise<string> {
  const to = nextStatus(h.status, action);
  if (!to) {
    const next = allowedActions(h.status).map((a) => ctx.t(`action-${a}`));
    throw new Refusal(next.length ? "refuse-transition" : "refuse-transition-final", {
      number: numberOf(h),
      status: ctx.t(`status-${h.status}`),
      action: ctx.t(`action-${action}`),
      next: ctx.list(next),
    });
  }
  const ok = await ctx.repo.transition(h.id, h.status, to, change, {
    kind: action.toUpperCase(),
    actorId: ctx.user.id,
    note: why,
    at: ctx.now,
    ...(data ? { data } : {}),
  });
  // Another official moved it between our read and our write: nothing was changed; say so.
  if (!ok) throw new Refusal("refuse-concurrent", { number: numberOf(h) });
  const number = numberOf(h);
  ctx.notify(
    { platform: h.platform, chatId: h.chatId, replyToMessageId: h.messageId },
    h.reporterLang,
    "notify-reporter",
    { number, action, who: ctx.user.displayName, note: why ?? "none" },
  );
  return number;
}

async function confirm(ctx: Ctx, args: string): Promise<void> {
  const [ref, levelWord, deadlineWord] = words(args);
  const h = await officialHazard(ctx, ref, "usage-confirm");
  const level = parseLevel(levelWord);
  if (!level) throw new Refusal("usage-confirm");
  const deadline = deadlineWord ? futureDate(ctx, deadlineWord) : null;
  const number = await apply(ctx, h, "confirm", { level, confirmedAt: ctx.now, ...(deadline ? { deadline } : {}) }, null, { level, deadline });
  const earned = await rewardConfirmed(ctx, h, level);
  const text = ctx.t(level === "MAJOR" ? "confirmed-major" : "confirmed", { number, level: ctx.t(`level-${level}`), deadline: deadline ?? "none" });
  ctx.replyText(earned ? `${text}\n${earned}` : text);
}

async function reject(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-reject");
  const { reason, duplicateOf } = parseRejection(rest);
  if (!reason) throw new Refusal("usage-reject");
  let change: HazardChange = {};
  let original: HazardRow | null = null;
  if (duplicateOf) {
    original = await visibleHazard(ctx, duplicateOf, "usage-reject");
    if (original.id === h.id) throw new Refusal("refuse-duplicate-self");
    change = { duplicateOfId: original.id };
  }
  const number = await apply(ctx, h, "reject", change, note(reason));
  const lines = original ? await rewardDuplicate(ctx, h, original) : [];
  ctx.replyText([ctx.t("rejected", { number, reason }), ...lines].join("\n"));
}

async function plan(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-plan");
  const fields = parsePlanFields(rest);
  const missing = missingPlanFields(fields);
  if (missing.length) {
    throw new Refusal("refuse-plan-missing", { missing: ctx.list(missing.map((f: PlanField) => ctx.t(`plan-${f}`))) });
  }
  for (const f of ["responsible", "measures", "funds", "contingency"] as const) {
    if ([...fields[f]!].length > MAX_NOTE) throw new Refusal("refuse-too-long", { limit: MAX_NOTE });
  }
  const p: RectificationPlan = {
    responsible: fields.responsible!,
    measures: fields.measures!,
    funds: fields.funds!,
    deadline: futureDate(ctx, fields.deadline!),
    contingency: fields.contingency!,
  };
  const revised = h.status === "RECTIFYING";
  const number = await apply(ctx, h, "plan", { plan: p }, null, { ...p });
  ctx.reply(revised ? "plan-revised" : "plan-recorded", { number, ...p });
}

async function rectified(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-rectified");
  const why = note(rest);
  const number = await apply(ctx, h, "rectified", { rectifiedAt: ctx.now }, why);
  ctx.reply("rectified", { number });
}

async function close(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-close");
  const why = note(rest);
  const number = await apply(ctx, h, "close", { closedAt: ctx.now, ...(h.supervised ? { supervised: false } : {}) }, why);
  ctx.reply("closed", { number });
}

async function supervise(ctx: Ctx, args: string): Promise<void> {
  const parts = words(args);
  const [ref] = parts;
  const h = await officialHazard(ctx, ref, "usage-supervise");
  if (parts.length < 3) throw new Refusal("usage-supervise");
  // Only a major hazard is listed (挂牌督办); a status that allows no supervision is refused by `apply` with the next steps.
  if (nextStatus(h.status, "supervise") && h.level !== "MAJOR") throw new Refusal("refuse-supervise-general", { number: numberOf(h) });
  const deadline = futureDate(ctx, parts[parts.length - 1]!);
  const authority = parts.slice(1, -1).join(" ");
  checkLength(authority, 100);
  const number = await apply(ctx, h, "supervise", { supervised: true, supervisedBy: authority, supervisedDeadline: deadline }, null, { authority, deadline });
  ctx.reply("supervised", { number, authority, deadline });
}

async function unsupervise(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-unsupervise");
  if (!h.supervised) throw new Refusal("refuse-not-supervised", { number: numberOf(h) });
  const why = note(rest);
  const number = await apply(ctx, h, "unsupervise", { supervised: false, supervisedDeadline: null }, why);
  ctx.reply("unsupervised", { number });
}

/** The lifecycle an official takes a hazard through: confirm or reject, plan, rectify, close; supervision. */
export const lifecycle: Feature = {
  commands: { confirm, reject, plan, rectified, close, supervise, unsupervise },
};
