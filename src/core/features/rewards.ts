import { isRegulatorStaff } from "../../domain/permissions.ts";
import { monthRange, parseMonth, shanghaiMonth } from "../../domain/dates.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import { DEFAULT_REPORT_REWARDS, MAX_RULE_VALUE, earnFor, firstBonus, maskName, parseRuleChanges, type Earning, type ReportRewardRules } from "../../domain/report-rewards.ts";
import { topUnits } from "../../domain/permissions.ts";
import type { HazardLevel } from "../../domain/types.ts";
import type { HazardRow, RewardEntryRow, UnitRow } from "../../store/index.ts";
import { privateChatOf } from "../messages.ts";
import { pickLang } from "../i18n.ts";
import { Refusal, type Ctx } from "../context.ts";
import { MAX_YUAN, firstWord, words } from "../parse.ts";
import { excerpt } from "../input.ts";
import type { Feature } from "../bot.ts";
import { officialHazard } from "./hazards.ts";

/** The rules in force for a unit: its own, the nearest unit's above it, or the defaults. */
async function rulesOf(ctx: Ctx, unit: UnitRow): Promise<{ rules: ReportRewardRules; from: number | null; own: Partial<ReportRewardRules> }> {
  const found = await ctx.repo.rewards.rulesFor(unit);
  return { rules: { ...DEFAULT_REPORT_REWARDS, ...(found?.rules ?? {}) }, from: found?.unitId ?? null, own: found?.unitId === unit.id ? found.rules : {} };
}

function explain(ctx: Ctx, e: Earning): string {
  return e.steps.map((s) => ctx.t(s.id, { ...s.args, ...(typeof s.args.level === "string" ? { level: ctx.t(`level-${s.args.level}`) } : {}) })).join(ctx.t("list-separator"));
}

/**
 * Tells a reporter what a report earned, where the unit's rules say (the group they reported in, or privately).
 * Returns the text instead when that is the chat the official is acting in: it goes in the same answer.
 */
async function tellReporter(ctx: Ctx, h: HazardRow, rules: ReportRewardRules, id: string, args: Record<string, string | number>): Promise<string | null> {
  // A hazard made from a tip has no reporter: whoever filed it at the tip desk is not to be told as one.
  if (h.source === "TIP") return null;
  // Posted in a group after someone else's command: the reporter is named, so the group knows whose report it was.
  args = { ...args, reporter: h.reporterName };
  if (rules.notify === "private") {
    const u = await ctx.repo.rewards.user(h.reporterId);
    if (u) ctx.notify({ platform: u.platform, chatId: privateChatOf(u.platform, u.platformUserId) }, u.lang, id, args);
    return null;
  }
  const text = ctx.deps.prompts.t(pickLang(h.chatLang, ctx.deps.config.SENTINEL_LANG), id, args);
  if (h.platform === ctx.msg.platform && h.chatId === ctx.msg.chatId) return text;
  // The reporter's group already hears of the step (a notice replying to the report): one message, not two.
  const notice = ctx.out.find((o) => o.platform === h.platform && o.chatId === h.chatId && o.replyToMessageId === h.messageId);
  if (notice) notice.text += `\n${text}`;
  else ctx.out.push({ platform: h.platform, chatId: h.chatId, text, replyToMessageId: h.messageId });
  return null;
}

/**
 * A report confirmed: it earns what the unit's rules say, recorded once in the ledger, and the reporter is told why.
 * Returns the line for this chat's answer when the reporter is in it.
 */
export async function rewardConfirmed(ctx: Ctx, h: HazardRow, level: HazardLevel): Promise<string | null> {
  // A hazard made from a tip is nobody's report; a regulator's staff report as part of their duty (unless configured),
  // and so does whoever answers a self-inspection round: its abnormal items are the round's findings. (An enterprise's
  // own people reporting as they go, 自查 too, earn as workers do.)
  if (h.source === "TIP" || (await isRoundFinding(ctx, h))) return null;
  if (ctx.deps.config.SENTINEL_REWARD_REGULATOR_STAFF === "off" && isRegulatorStaff(await ctx.repo.grantsOf(h.reporterId))) return null;
  const { rules } = await rulesOf(ctx, h.unit);
  const month = shanghaiMonth(ctx.now);
  const earning = earnFor(rules, level, await ctx.repo.rewards.earnedInMonth(h.reporterId, month));
  const added = await ctx.repo.rewards.add({
    kind: "EARN", dedupeKey: `EARN:${h.id}`, hazardId: h.id, userId: h.reporterId, unitId: h.unit.id, month,
    amount: earning.amount, points: earning.points, actorId: ctx.user.id, at: ctx.now,
  });
  if (!added) return null;
  const number = formatHazardNumber(h.year, h.id);
  const lines = [await tellReporter(ctx, h, rules, "reward-earned", { number, amount: earning.amount, points: earning.points, why: explain(ctx, earning) })];
  // Later reports of it already rejected as duplicates: this reporter was first.
  const dups = await ctx.repo.rewards.duplicatesOf(h.id);
  if (dups.some((d) => d.reporterId !== h.reporterId && earlier(h, d))) lines.push(await grantFirst(ctx, h));
  return lines.filter((l): l is string => l !== null).join("\n") || null;
}

const isRoundFinding = async (ctx: Ctx, h: HazardRow) => h.source === "SELF" && (await ctx.repo.checks.isFinding(h.id));

/** Whether `a` was reported before `b` (at the same instant, the lower number first). */
const earlier = (a: { reportedAt: Date; id: number }, b: { reportedAt: Date; id: number }) =>
  a.reportedAt < b.reportedAt || (a.reportedAt.getTime() === b.reportedAt.getTime() && a.id < b.id);

/** The first reporter's bonus, once per hazard, under the rules of the original's unit. */
async function grantFirst(ctx: Ctx, original: HazardRow): Promise<string | null> {
  if (original.source === "TIP" || (await isRoundFinding(ctx, original))) return null;
  if (ctx.deps.config.SENTINEL_REWARD_REGULATOR_STAFF === "off" && isRegulatorStaff(await ctx.repo.grantsOf(original.reporterId))) return null;
  const { rules } = await rulesOf(ctx, original.unit);
  if (rules.firstBonus <= 0) return null;
  const month = shanghaiMonth(ctx.now);
  const bonus = firstBonus(rules, await ctx.repo.rewards.earnedInMonth(original.reporterId, month));
  const added = await ctx.repo.rewards.add({
    kind: "FIRST", dedupeKey: `FIRST:${original.id}`, hazardId: original.id, userId: original.reporterId, unitId: original.unit.id,
    month, amount: bonus.amount, points: 0, actorId: ctx.user.id, at: ctx.now,
  });
  if (!added) return null;
  return tellReporter(ctx, original, rules, "reward-first", { number: formatHazardNumber(original.year, original.id), amount: bonus.amount, why: explain(ctx, bonus) });
}

/**
 * A report rejected as a duplicate earns nothing, and its reporter is told so; the original's reporter, when the
 * original was confirmed, gets the first-reporter bonus (once per hazard). Returns lines for this chat's answer.
 */
export async function rewardDuplicate(ctx: Ctx, dup: HazardRow, original: HazardRow): Promise<string[]> {
  const { rules } = await rulesOf(ctx, dup.unit);
  const lines: (string | null)[] = [
    await tellReporter(ctx, dup, rules, "reward-duplicate", { number: formatHazardNumber(dup.year, dup.id), original: sameUnit(dup, original) ? formatHazardNumber(original.year, original.id) : "other" }),
  ];
  // The bonus is the first reporter's: the original must have come first, from someone else, and be confirmed (if it
  // is confirmed later, the bonus comes then).
  if (original.level && original.reporterId !== dup.reporterId && earlier(original, dup)) lines.push(await grantFirst(ctx, original));
  return lines.filter((l): l is string => l !== null);
}


/** Whether two hazards are of one unit: a unit's group is never told the number of another unit's hazard. */
export const sameUnit = (a: HazardRow, b: HazardRow): boolean => a.unit.id === b.unit.id;

function rulesText(ctx: Ctx, unit: UnitRow, rules: ReportRewardRules, own: boolean): string {
  return ctx.t("rewardrules-show", {
    unit: unit.name,
    general: rules.general,
    major: rules.major,
    pointsGeneral: rules.pointsGeneral,
    pointsMajor: rules.pointsMajor,
    first: rules.firstBonus,
    cap: rules.monthlyCap ?? "none",
    notify: rules.notify,
    own: own ? "yes" : "no",
  });
}

async function rewardRules(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  if (!ref) {
    // Anyone in a unit's group may read its rules (they say what a report earns); elsewhere, an official's units.
    const units = ctx.binding ? [ctx.binding.unit] : await ctx.officialUnits();
    const lines = [];
    for (const u of units) {
      const { rules, from } = await rulesOf(ctx, u);
      lines.push(rulesText(ctx, u, rules, from === u.id));
    }
    ctx.replyText(lines.join("\n\n"));
    return;
  }
  if (!["set", "设置", "修改"].includes(ref.toLowerCase())) throw new Refusal("rewardrules-usage");
  await ctx.officialUnits();
  const unit = ctx.requireBinding().unit;
  const parsed = parseRuleChanges(rest);
  if (!parsed.ok) {
    if (parsed.reason) throw new Refusal(parsed.reason === "negative" ? "rewardrules-negative" : "rewardrules-too-large", { word: parsed.word, value: excerpt(parsed.value ?? "", 20), max: MAX_RULE_VALUE });
    throw new Refusal(parsed.word ? "rewardrules-unknown" : "rewardrules-usage", { word: parsed.word });
  }
  const { rules: before, own } = await rulesOf(ctx, unit);
  const after = { ...before, ...parsed.changes };
  await ctx.repo.rewards.setRules(unit.id, { ...own, ...parsed.changes }, before, after, ctx.user.id, ctx.now);
  ctx.replyText([ctx.t("rewardrules-changed", { unit: unit.name }), rulesText(ctx, unit, after, true)].join("\n"));
}

/** Per EARN/FIRST entry: whether approved and paid (by the entries that refer to it), plus corrections. */
function statusOf(entries: RewardEntryRow[]) {
  const approved = new Set(entries.filter((e) => e.kind === "APPROVE").map((e) => e.refId));
  const paid = new Set(entries.filter((e) => e.kind === "PAY").map((e) => e.refId));
  return entries
    .filter((e) => e.kind === "EARN" || e.kind === "FIRST" || e.kind === "CORRECTION")
    .map((e) => ({ e, approved: approved.has(e.id), paid: paid.has(e.id) }));
}

async function myRewards(ctx: Ctx): Promise<void> {
  if (ctx.user.id === 0) throw new Refusal("myrewards-none");
  const rows = statusOf(await ctx.repo.rewards.entries({ userId: ctx.user.id }));
  if (rows.length === 0) throw new Refusal("myrewards-none");
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.e.amount, 0);
  ctx.replyText([
    ctx.t("myrewards-head", { earned: sum(() => true), approved: sum((r) => r.approved), paid: sum((r) => r.paid), points: rows.reduce((a, r) => a + r.e.points, 0) }),
    ...rows.map((r) => ctx.t("myrewards-line", {
      number: formatHazardNumber(r.e.hazardYear, r.e.hazardId), kind: r.e.kind, amount: r.e.amount, points: r.e.points,
      state: r.paid ? "paid" : r.approved ? "approved" : "earned", month: r.e.month,
    })),
  ].join("\n"));
}

async function payouts(ctx: Ctx, args: string): Promise<void> {
  const units = await ctx.officialUnits();
  const paths = units.map((u) => u.path);
  const parts = words(args);
  const monthWord = parts.find((w) => parseMonth(w));
  const month = monthWord ? parseMonth(monthWord)! : shanghaiMonth(ctx.now);
  const action = parts.find((w) => w !== monthWord)?.toLowerCase();
  const entries = await ctx.repo.rewards.entries({ paths, month });
  const rows = statusOf(entries);
  if (action === "approve" || action === "批准") {
    let n = 0;
    for (const r of rows.filter((x) => !x.approved && x.e.amount !== 0)) {
      if (await ctx.repo.rewards.add({ kind: "APPROVE", dedupeKey: `APPROVE:${r.e.id}`, hazardId: r.e.hazardId, userId: r.e.userId, unitId: r.e.unitId, month, amount: 0, points: 0, refId: r.e.id, actorId: ctx.user.id, at: ctx.now })) n++;
    }
    ctx.reply("payouts-approved", { month, count: n });
    return;
  }
  if (action === "paid" || action === "已发放") {
    let n = 0;
    for (const r of rows.filter((x) => x.approved && !x.paid)) {
      if (await ctx.repo.rewards.add({ kind: "PAY", dedupeKey: `PAY:${r.e.id}`, hazardId: r.e.hazardId, userId: r.e.userId, unitId: r.e.unitId, month, amount: 0, points: 0, refId: r.e.id, actorId: ctx.user.id, at: ctx.now })) n++;
    }
    ctx.reply("payouts-paid", { month, count: n });
    return;
  }
  if (action === "correct" || action === "更正") {
    // `奖励发放 更正 YH-2026-000012 -30 多计了首报奖励`: an entry that adds or takes off an amount, with why.
    const rest = parts.filter((w) => w !== monthWord && w.toLowerCase() !== action);
    const [ref, amountWord, ...why] = rest;
    const amount = Number(amountWord);
    if (!ref || !Number.isInteger(amount) || amount === 0 || why.length === 0) throw new Refusal("payouts-correct-usage");
    if (Math.abs(amount) > MAX_YUAN) throw new Refusal("amount-too-large", { amount: excerpt(amountWord!, 20), max: MAX_YUAN });
    const h = await officialHazard(ctx, ref, "payouts-correct-usage");
    const number = formatHazardNumber(h.year, h.id);
    const ofHazard = await ctx.repo.rewards.entries({ hazardId: h.id });
    const earned = ofHazard.find((e) => e.kind === "EARN" || e.kind === "FIRST");
    if (!earned) throw new Refusal("payouts-correct-none", { number });
    // Nobody corrects their own reward, and no correction takes a report below zero.
    if (earned.userId === ctx.user.id) throw new Refusal("payouts-correct-own", { number });
    const total = ofHazard.filter((e) => e.userId === earned.userId && e.kind !== "APPROVE" && e.kind !== "PAY").reduce((a, e) => a + e.amount, 0);
    if (total + amount < 0) throw new Refusal("payouts-correct-below-zero", { number, total });
    const bookMonth = monthWord ? month : shanghaiMonth(ctx.now);
    await ctx.repo.rewards.add({
      kind: "CORRECTION", dedupeKey: `CORRECTION:${h.id}:${ctx.msg.platform}:${ctx.msg.chatId}:${ctx.msg.messageId}`, hazardId: h.id, userId: earned.userId,
      unitId: earned.unitId, month: bookMonth, amount, points: 0, refId: earned.id, actorId: ctx.user.id, note: why.join(" "), at: ctx.now,
    });
    ctx.reply("payouts-corrected", { number, amount, name: earned.userName, why: why.join(" "), month: bookMonth });
    return;
  }
  if (action) throw new Refusal("payouts-usage");
  const people = new Map<number, { name: string; earned: number; approved: number; paid: number }>();
  for (const r of rows) {
    const p = people.get(r.e.userId) ?? { name: r.e.userName, earned: 0, approved: 0, paid: 0 };
    p.earned += r.e.amount;
    if (r.approved) p.approved += r.e.amount;
    if (r.paid) p.paid += r.e.amount;
    people.set(r.e.userId, p);
  }
  if (people.size === 0) return ctx.reply("payouts-none", { month });
  const total = [...people.values()].reduce((a, p) => ({ earned: a.earned + p.earned, approved: a.approved + p.approved, paid: a.paid + p.paid }), { earned: 0, approved: 0, paid: 0 });
  ctx.replyText([
    ctx.t("payouts-head", { month, ...total }),
    ...[...people.values()].map((p) => ctx.t("payouts-line", { ...p })),
    ctx.t("payouts-hint", { month }),
  ].join("\n"));
}

async function honor(ctx: Ctx, args: string): Promise<void> {
  const w = words(args)[0]?.toLowerCase();
  if (w === "hide" || w === "隐藏" || w === "show" || w === "显示") {
    if (ctx.user.id === 0) throw new Refusal("honor-unknown");
    const hidden = w === "hide" || w === "隐藏";
    await ctx.repo.rewards.setHonorHidden(ctx.user.id, hidden);
    ctx.reply(hidden ? "honor-hidden" : "honor-shown");
    return;
  }
  const month = w ? parseMonth(w) : shanghaiMonth(ctx.now);
  if (!month) throw new Refusal("honor-usage");
  if (!ctx.binding && !ctx.isSuperAdmin && topUnits(await ctx.grants(), "OFFICIAL").length === 0) throw new Refusal("honor-in-group");
  const unit = ctx.binding?.unit ?? (await ctx.officialUnits())[0]!;
  const { start, end } = monthRange(month);
  const rows = (await ctx.repo.rewards.honor([unit.path], start, end)).slice(0, 10);
  if (rows.length === 0) return ctx.reply("honor-none", { unit: unit.name, month });
  ctx.replyText([
    ctx.t("honor-head", { unit: unit.name, month }),
    ...rows.map((r, i) => ctx.t("honor-line", { rank: i + 1, name: r.hidden ? maskName(r.name) : r.name, general: r.general, major: r.major })),
  ].join("\n"));
}

/** 事故隐患报告奖励: the rules, the ledger, payouts, my rewards, the honour roll. */
export const rewards: Feature = {
  commands: { rewardrules: rewardRules, myrewards: myRewards, payouts, honor },
};
