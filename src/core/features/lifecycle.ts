import { parseDate } from "../../domain/dates.ts";
import { allowedActions, nextStatus, saysNothing, type HazardAction } from "../../domain/lifecycle.ts";
import { nearestOfKind } from "../../domain/units.ts";
import { regulates } from "../../domain/permissions.ts";
import type { HazardLevel, PlanField, RectificationPlan } from "../../domain/types.ts";
import type { HazardChange, HazardRow, UnitRow } from "../../store/index.ts";
import { rewardConfirmed, rewardDuplicate } from "./rewards.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { firstWord, missingPlanFields, parseLevel, parsePlanFields, parseRejection, splitOnTheSpot, words } from "../parse.ts";
import type { Feature } from "../bot.ts";
import { numberOf, officialHazard, visibleHazard } from "./hazards.ts";
import { bothSides, reportUp, requireRegulator, tell } from "./oversight.ts";
import { excerpt } from "../input.ts";

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
 * and tells the reporter in the chat where they reported, whatever the channel (a hazard made from a tip has no
 * reporter to tell).
 */
async function apply(
  ctx: Ctx,
  h: HazardRow,
  action: HazardAction,
  change: HazardChange,
  why: string | null,
  data?: Record<string, unknown>,
  tellArgs: Record<string, string> = {},
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
  if (h.source !== "TIP") {
    ctx.notify(
      { platform: h.platform, chatId: h.chatId, replyToMessageId: h.messageId },
      h.chatLang,
      "notify-reporter",
      { number, action, who: ctx.user.displayName, note: why ?? "none", ...tellArgs },
    );
  }
  return number;
}

async function confirm(ctx: Ctx, args: string): Promise<void> {
  const { text, onTheSpot } = splitOnTheSpot(args);
  const [ref, levelWord, deadlineWord] = words(text);
  const h = await officialHazard(ctx, ref, "usage-confirm");
  const level = parseLevel(levelWord);
  if (!level) throw new Refusal("usage-confirm");
  if (onTheSpot) {
    await fixOnTheSpot(ctx, h, level);
    const earned = await rewardConfirmed(ctx, h, level);
    const reply = ctx.t("fixed-on-spot", { number: numberOf(h) });
    ctx.replyText(earned ? `${reply}\n${earned}` : reply);
    return;
  }
  const deadline = deadlineWord ? futureDate(ctx, deadlineWord) : null;
  const number = await apply(ctx, h, "confirm", { level, confirmedAt: ctx.now, ...(deadline ? { deadline } : {}) }, null, { level, deadline });
  const earned = await rewardConfirmed(ctx, h, level);
  const lines = [ctx.t(level === "MAJOR" ? "confirmed-major" : "confirmed", { number, level: ctx.t(`level-${level}`), deadline: deadline ?? "none" })];
  if (earned) lines.push(earned);
  if (level === "MAJOR") {
    const up = await reportUp(ctx.deps, ctx.repo, { ...h, status: "CONFIRMED", level, deadline: deadline ?? h.deadline }, { actorId: ctx.user.id, now: ctx.now, confirmed: true });
    ctx.out.push(...up.filter((m) => !(m.platform === ctx.msg.platform && m.chatId === ctx.msg.chatId)));
    if (up.length) lines.push(ctx.t("dual-report-sent", { number, count: up.length }));
  }
  // One answer: a platform that sends in turn must not let the next command's answer overtake part of it.
  ctx.replyText(lines.join("\n"));
}

/**
 * 即查即改: a general hazard fixed on the spot closes at once, found and rectified, with no five-part plan; a major one
 * (or one the criteria flag as major) never does.
 */
export async function fixOnTheSpot(ctx: Ctx, h: HazardRow, level: HazardLevel): Promise<void> {
  if (level === "MAJOR" || h.indicators.length > 0) throw new Refusal("refuse-fix-major", { number: numberOf(h) });
  await apply(ctx, h, "fix", { level, confirmedAt: ctx.now, rectifiedAt: ctx.now, closedAt: ctx.now, fixedOnSpot: true }, null, { level });
}

/** Only the regulator above may turn down a hazard made from a tip: the enterprise it names cannot. */
async function requireTipRegulator(ctx: Ctx, h: HazardRow): Promise<void> {
  if (h.source !== "TIP") return;
  const tipUnit = await ctx.repo.oversight.tipUnitOf(h.id);
  if (!regulates(await ctx.grants(), tipUnit?.path ?? h.unit.path, ctx.isSuperAdmin)) {
    throw new Refusal("refuse-tip-hazard-reject", { number: numberOf(h), regulator: tipUnit?.name ?? "none" });
  }
}

async function reject(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const { reason, duplicateOf } = parseRejection(rest);
  // `驳回 编号 重复 原编号` is still understood; a duplicate is its own outcome, never 不属实.
  if (duplicateOf) return duplicate(ctx, `${ref ?? ""} ${duplicateOf}`);
  const h = await officialHazard(ctx, ref, "usage-reject");
  if (!reason) throw new Refusal("usage-reject");
  await requireTipRegulator(ctx, h);
  const number = await apply(ctx, h, "reject", {}, note(reason));
  ctx.reply("rejected", { number, reason });
}

async function duplicate(ctx: Ctx, args: string): Promise<void> {
  const [ref, originalRef, ...more] = words(args);
  const h = await officialHazard(ctx, ref, "usage-duplicate");
  if (!originalRef) throw new Refusal("usage-duplicate");
  const original = await visibleHazard(ctx, originalRef, "usage-duplicate");
  if (original.id === h.id) throw new Refusal("refuse-duplicate-self");
  await requireTipRegulator(ctx, h);
  const why = note(more.join(" "));
  // The reporter hears which report theirs repeats (the reason, if any, is for the record).
  const number = await apply(ctx, h, "duplicate", { duplicateOfId: original.id }, why, { original: numberOf(original) }, {
    note: ctx.t("duplicate-note", { original: numberOf(original) }),
  });
  const lines = await rewardDuplicate(ctx, h, original);
  ctx.replyText([ctx.t("duplicated", { number, original: numberOf(original) }), ...lines].join("\n"));
}

async function withdraw(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await visibleHazard(ctx, ref, "usage-withdraw");
  if (h.reporterId !== ctx.user.id || h.source === "TIP") throw new Refusal("refuse-withdraw-not-yours", { number: numberOf(h) });
  if (h.status !== "REPORTED") throw new Refusal("refuse-withdraw-late", { number: numberOf(h), status: ctx.t(`status-${h.status}`) });
  const number = await apply(ctx, h, "withdraw", {}, note(rest));
  ctx.reply("withdrawn", { number });
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
    // 五到位 means each part is in place: "无" is not a measure, "待定" not a person.
    if (saysNothing(fields[f]!)) throw new Refusal("refuse-plan-empty-part", { part: ctx.t(`plan-${f}`), value: fields[f]! });
  }
  const p: RectificationPlan = {
    responsible: fields.responsible!,
    measures: fields.measures!,
    funds: fields.funds!,
    deadline: futureDate(ctx, fields.deadline!),
    contingency: fields.contingency!,
  };
  // A listed hazard's deadline is the regulator's: the plan may finish earlier, never later.
  if (h.supervised && h.supervisedDeadline && p.deadline > h.supervisedDeadline && !(await ctx.regulates(h))) {
    throw new Refusal("refuse-plan-past-supervised", { number: numberOf(h), deadline: p.deadline, supervised: h.supervisedDeadline, authority: h.supervisedBy ?? "" });
  }
  const revised = h.status === "RECTIFYING";
  const number = await apply(ctx, h, "plan", { plan: p }, null, { ...p });
  ctx.reply(revised ? "plan-revised" : "plan-recorded", { number, ...p });
}

async function rectified(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-rectified");
  const why = note(rest);
  const number = await apply(ctx, h, "rectified", { rectifiedAt: ctx.now }, why);
  ctx.reply(h.supervised ? "rectified-supervised" : "rectified", { number, authority: h.supervisedBy ?? "" });
}

/** 申请销号: the enterprise asks the supervising regulator to accept the rectification of a listed hazard. */
async function applyClose(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-apply-close");
  if (!h.supervised) throw new Refusal("refuse-apply-not-supervised", { number: numberOf(h) });
  if (h.closeAppliedAt && h.status === "RECTIFIED") throw new Refusal("refuse-apply-again", { number: numberOf(h), authority: h.supervisedBy ?? "" });
  const why = note(rest);
  const number = await apply(ctx, h, "apply", { closeAppliedAt: ctx.now }, why);
  tell(ctx, await bothSides(ctx.repo, h), "notice-close-applied", { number, unit: h.unit.name, who: ctx.user.displayName, note: why ?? "none" });
  ctx.reply("close-applied", { number, authority: h.supervisedBy ?? "" });
}

/**
 * 销号 / 验收销号. An unlisted hazard is closed by its unit's officials; a listed one only by the supervising regulator,
 * after the enterprise applied. Closing keeps the listing on record: the hazard stays counted as 挂牌督办.
 */
async function close(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-close");
  if (h.supervised) {
    await requireRegulator(ctx, h, "close");
    if (!h.closeAppliedAt && h.status === "RECTIFIED") throw new Refusal("refuse-close-not-applied", { number: numberOf(h) });
  }
  const why = note(rest);
  const number = await apply(ctx, h, "close", { closedAt: ctx.now }, why);
  if (h.supervised) tell(ctx, await bothSides(ctx.repo, h), "notice-closed", { number, unit: h.unit.name, who: ctx.user.displayName, note: why ?? "none" });
  ctx.reply("closed", { number });
}

/** 退回: the supervising regulator does not accept the rectification; back to 整改中. */
async function sendBack(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-return");
  if (!h.supervised) throw new Refusal("refuse-return-not-supervised", { number: numberOf(h) });
  await requireRegulator(ctx, h, "return");
  const why = note(rest);
  if (!why) throw new Refusal("usage-return");
  const number = await apply(ctx, h, "return", { closeAppliedAt: null, rectifiedAt: null }, why);
  tell(ctx, await bothSides(ctx.repo, h), "notice-returned", { number, unit: h.unit.name, who: ctx.user.displayName, note: why });
  ctx.reply("returned", { number });
}

/** The regulator that lists the hazard: one the sender acts for, nearest above the hazard's unit. */
async function listingRegulator(ctx: Ctx, h: HazardRow): Promise<UnitRow | null> {
  const chain = await ctx.repo.oversight.chain(h.unit.path);
  const grants = await ctx.grants();
  const mine = chain.filter((u) => u.kind === "REGULATOR" && regulates(grants, u.path, ctx.isSuperAdmin));
  return nearestOfKind(mine, ["REGULATOR"]);
}

/** `挂牌督办 编号 [督办单位] 期限`: lists a major hazard (a regulator above it only); again, it moves the 督办 deadline. */
async function supervise(ctx: Ctx, args: string): Promise<void> {
  const parts = words(args);
  const [ref] = parts;
  const h = await officialHazard(ctx, ref, "usage-supervise");
  if (parts.length < 2) throw new Refusal("usage-supervise");
  await requireRegulator(ctx, h, "supervise");
  // Only a major hazard is listed (挂牌督办); a status that allows no supervision is refused by `apply` with the next steps.
  if (nextStatus(h.status, "supervise") && h.level !== "MAJOR") throw new Refusal("refuse-supervise-general", { number: numberOf(h) });
  const deadline = futureDate(ctx, parts[parts.length - 1]!);
  const regulator = (h.supervised && h.supervisingUnitId ? await ctx.repo.oversight.unit(h.supervisingUnitId) : null) ?? (await listingRegulator(ctx, h));
  const authority = parts.slice(1, -1).join(" ") || regulator?.name || ctx.t("scope-all");
  checkLength(authority, 100);
  const moved = h.supervised;
  const number = await apply(
    ctx,
    h,
    "supervise",
    { supervised: true, supervisedBy: authority, supervisedDeadline: deadline, supervisingUnitId: regulator?.id ?? null, ...(h.supervised ? {} : { supervisedAt: ctx.now }) },
    null,
    { authority, deadline, ...(moved ? { from: h.supervisedDeadline } : {}) },
  );
  tell(ctx, await bothSides(ctx.repo, { ...h, supervised: true, supervisingUnitId: regulator?.id ?? null }), moved ? "notice-supervise-moved" : "notice-supervised", { number, unit: h.unit.name, authority, deadline, text: excerpt(h.description.replace(/\s+/g, " "), 60) });
  ctx.reply(moved ? "supervise-moved" : "supervised", { number, authority, deadline });
}

async function unsupervise(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-unsupervise");
  if (!h.supervised) throw new Refusal("refuse-not-supervised", { number: numberOf(h) });
  await requireRegulator(ctx, h, "unsupervise");
  const why = note(rest);
  const number = await apply(ctx, h, "unsupervise", { supervised: false, supervisedDeadline: null, closeAppliedAt: null }, why);
  tell(ctx, await bothSides(ctx.repo, h), "notice-unsupervised", { number, unit: h.unit.name, who: ctx.user.displayName, note: why ?? "none" });
  ctx.reply("unsupervised", { number });
}

/** The lifecycle: confirm, reject or mark a duplicate, plan, rectify, close; supervision and its two-step close-out. */
export const lifecycle: Feature = {
  commands: { confirm, reject, duplicate, withdraw, plan, rectified, "apply-close": applyClose, close, return: sendBack, supervise, unsupervise },
};
