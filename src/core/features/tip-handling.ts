import { sniff } from "../files.ts";
import { shanghaiYear } from "../../domain/dates.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import { holdsRole, topUnits } from "../../domain/permissions.ts";
import {
  canRecordFinding,
  computeReward,
  feedbackBy,
  formatTipNumber,
  investigateBy,
  OPEN_TIP_STATUSES as OPEN,
  parseTipNumber,
  tipOverdue,
  type RewardResult,
  type TipEventKind,
  type TipStatus,
} from "../../domain/tips.ts";
import type { TipChange, TipRow } from "../../store/index.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { MAX_YUAN, firstWord, parseAccidentGrade, parseLevel, parseTipKind, parseYuan, words } from "../parse.ts";
import { looksLikeDate, parseDate } from "../../domain/dates.ts";
import { SYSTEM_ACTOR, TIP_FILE } from "../../store/index.ts";
import { defaultDeadline } from "./unit-rules.ts";
import { dualReportText, reportUp, tell, unitRecipients } from "./oversight.ts";
import { excerpt } from "../input.ts";
import type { Feature } from "../bot.ts";
import type { TipContact, TipContent } from "./tipster.ts";
import { rewardText, tipDetailText, tipLine } from "./tip-text.ts";

const LIST_LIMIT = 50;
const YES_WORDS = ["属实", "查实", "substantiated", "true", "yes", "y"];
const NO_WORDS = ["不属实", "未查实", "unsubstantiated", "false", "no", "n"];

/** Tips are read in private chats only: a group would see their content. */
function requirePrivate(ctx: Ctx): void {
  if (ctx.msg.chatType !== "private") throw new Refusal("tip-handler-private-only");
}

async function handlerUnits(ctx: Ctx): Promise<string[]> {
  requirePrivate(ctx);
  const paths = topUnits(await ctx.grants(), "TIP_HANDLER");
  if (paths.length === 0) throw new Refusal("tip-handler-none");
  return paths;
}

/**
 * The tip `ref` names, if the sender handles tips for its unit. A tip of another unit is answered exactly as a
 * number that does not exist, so a handler cannot even learn that it exists.
 */
async function handledTip(ctx: Ctx, ref: string | undefined, usage: string): Promise<TipRow> {
  await handlerUnits(ctx);
  const parsed = ref ? parseTipNumber(ref) : null;
  if (!parsed) throw new Refusal(usage);
  const tip = await ctx.repo.tips.get(parsed.id);
  if (!tip || (parsed.year !== null && parsed.year !== tip.year) || !holdsRole(await ctx.grants(), tip.unit.path, "TIP_HANDLER")) {
    throw new Refusal("tip-unknown", { number: ref! });
  }
  return tip;
}

const num = (tip: TipRow) => formatTipNumber(tip.year, tip.id);

/** The facts behind a reward stay open until it is paid (a closed tip may still get its reward decided). */
function requireFactsOpen(tip: TipRow): void {
  if (tip.reward === "PAID") throw new Refusal("tip-facts-paid", { number: num(tip), amount: tip.rewardYuan ?? 0 });
}

/**
 * Applies a change when the tip is still exactly as read (its version): a handler's step decides on all it read, so a
 * handler or tipster who acted at the same moment wins and this one re-reads. Returns false instead of refusing when
 * `quiet`, for a caller with a better word.
 */
async function change(
  ctx: Ctx,
  tip: TipRow,
  from: readonly TipStatus[],
  ch: TipChange,
  kind: TipEventKind,
  extra: { body?: string; data?: Record<string, unknown> } = {},
  quiet = false,
): Promise<boolean> {
  // A handler acting on a tip has seen what the tipster added.
  const ok = await ctx.repo.tips.change(tip.id, { status: from, version: tip.version }, { unread: false, ...ch }, { kind, actorId: ctx.user.id, on: ctx.today, ...extra });
  if (!ok && !quiet) throw new Refusal("tip-changed", { number: num(tip) });
  return ok;
}

/** A notice to a tipster who opted in: no content, only that there is news and how to read it. */
function noticeTipster(ctx: Ctx, tip: TipRow): void {
  if (!tip.contact) return;
  const c = ctx.deps.sealer.open<TipContact>(tip.contact);
  ctx.notify({ platform: c.platform, chatId: c.chatId }, c.lang, "tip-notice", { number: num(tip) });
}

async function list(ctx: Ctx, args: string): Promise<void> {
  const paths = await handlerUnits(ctx);
  const all = ["all", "全部"].includes(args.trim().toLowerCase());
  const tips = await ctx.repo.tips.list(paths, { includeClosed: all, limit: LIST_LIMIT });
  const purged = await ctx.repo.tips.purgedCounts(paths);
  const days = ctx.deps.config.SENTINEL_TIP_FEEDBACK_DAYS;
  const overdue = tips.filter((t) => tipOverdue(t, ctx.today, days)).length;
  const lines = [
    ctx.t(tips.length ? "tips-head" : "tips-none", {
      count: tips.length,
      fresh: tips.filter((t) => t.status === "NEW").length,
      overdue,
      unread: tips.filter((t) => t.unread).length,
    }),
    ...tips.map((t) => tipLine(ctx, t, ctx.today)),
  ];
  if (purged.length) {
    lines.push(ctx.t("tips-purged", { list: ctx.list(purged.map((p) => ctx.t("tips-purged-item", { outcome: p.outcome, count: p.count }))) }));
  }
  lines.push(ctx.t("tips-hint"));
  ctx.replyText(lines.join("\n"));
}

async function show(ctx: Ctx, args: string): Promise<void> {
  const tip = await handledTip(ctx, firstWord(args).ref, "tip-show-usage");
  const events = await ctx.repo.tips.events(tip.id);
  const other = tip.sameAsId ? await ctx.repo.tips.get(tip.sameAsId) : null;
  ctx.replyText(tipDetailText(ctx, tip, events, other ? num(other) : null));
  // The files the tipster sent with the tip and with later additions: kept sealed with the tip (older tips hold the
  // platform's reference instead, which may still resolve).
  const attachments = [...ctx.deps.sealer.open<TipContent>(tip.content).attachments];
  for (const e of events) if (e.kind === "REPLY" && e.body) attachments.push(...(ctx.deps.sealer.open<{ attachments?: string[] }>(e.body).attachments ?? []));
  for (const [i, ref] of attachments.entries()) {
    const text = ctx.t("tip-photo-caption", { number: num(tip), n: i + 1, of: attachments.length });
    const kept = await ctx.repo.tips.file(tip.id, ref);
    if (kept) {
      const data = ctx.deps.sealer.openBytes(kept.sealed);
      const type = sniff(data);
      const filename = `${num(tip)}-${i + 1}.${type?.ext ?? "bin"}`;
      ctx.out.push({ platform: ctx.msg.platform, chatId: ctx.msg.chatId, text, file: { kind: kept.kind === "document" ? "document" : "photo", filename, data } });
    } else if (!ref.startsWith(TIP_FILE)) {
      ctx.out.push({ platform: ctx.msg.platform, chatId: ctx.msg.chatId, text, file: { kind: "photo", filename: ref, ref } });
    }
  }
  if (tip.status === "NEW") {
    await change(ctx, tip, ["NEW"], { status: "INVESTIGATING", unread: false }, "OPENED");
  } else if (tip.unread) {
    await ctx.repo.tips.change(tip.id, { status: [tip.status] }, { unread: false }, null);
  }
}

async function ask(ctx: Ctx, args: string, kind: "QUESTION" | "FEEDBACK"): Promise<void> {
  const { ref, rest } = firstWord(args);
  const usage = kind === "QUESTION" ? "tip-ask-usage" : "tip-feedback-usage";
  const tip = await handledTip(ctx, ref, usage);
  if (!rest) throw new Refusal(usage);
  checkLength(rest, ctx.deps.config.SENTINEL_MAX_TEXT);
  if (tip.status === "CLOSED") throw new Refusal("tip-closed-handler", { number: num(tip) });
  if (kind === "FEEDBACK" && tip.substantiated === null) throw new Refusal("tip-feedback-before-finding", { number: num(tip) });
  const body = ctx.deps.sealer.seal({ text: rest });
  const ch = kind === "FEEDBACK" ? { feedbackOn: tip.feedbackOn ?? ctx.today } : tip.status === "NEW" ? { status: "INVESTIGATING" as const } : {};
  await change(ctx, tip, [tip.status], ch, kind, { body });
  noticeTipster(ctx, tip);
  ctx.reply(kind === "QUESTION" ? "tip-asked" : "tip-feedback-sent", { number: num(tip), notified: tip.contact ? "yes" : "no" });
}

async function verify(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const tip = await handledTip(ctx, ref, "tip-verify-usage");
  const { ref: verdict, rest: note } = firstWord(rest);
  const w = (verdict ?? "").toLowerCase();
  const substantiated = YES_WORDS.includes(w) ? true : NO_WORDS.includes(w) ? false : null;
  if (substantiated === null) throw new Refusal("tip-verify-usage");
  if (!canRecordFinding(tip.status)) throw new Refusal("tip-verify-done", { number: num(tip), status: ctx.t(`tip-status-${tip.status}`) });
  await change(
    ctx,
    tip,
    ["NEW", "INVESTIGATING"],
    { status: substantiated ? "SUBSTANTIATED" : "UNSUBSTANTIATED", substantiated, findingOn: ctx.today },
    "FINDING",
    { ...(note ? { body: ctx.deps.sealer.seal({ text: note }) } : {}), data: { detail: substantiated ? "SUBSTANTIATED" : "UNSUBSTANTIATED" } },
  );
  ctx.reply(substantiated ? "tip-verified-yes" : "tip-verified-no", {
    number: num(tip),
    feedbackBy: feedbackBy({ findingOn: ctx.today }, ctx.deps.config.SENTINEL_TIP_FEEDBACK_DAYS)!,
  });
}

async function extend(ctx: Ctx, args: string): Promise<void> {
  const tip = await handledTip(ctx, firstWord(args).ref, "tip-extend-usage");
  if (!canRecordFinding(tip.status)) throw new Refusal("tip-extend-late", { number: num(tip) });
  if (tip.extended) throw new Refusal("tip-extend-once", { number: num(tip), by: investigateBy(tip) });
  await change(ctx, tip, ["NEW", "INVESTIGATING"], { extended: true }, "EXTENDED");
  ctx.reply("tip-extended", { number: num(tip), by: investigateBy({ ...tip, extended: true }) });
}

/**
 * `举报转隐患 编号 单位 一般|重大 [期限] 描述`: the regulator assigns (交办) a substantiated tip's hazard to the unit, already
 * confirmed at the level it found, with a deadline: the unit rectifies it and cannot lower or turn it down. The hazard is
 * in the handler's words and says only that the regulator assigned it: its unit never learns it came from a tip.
 */
async function toHazard(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const tip = await handledTip(ctx, ref, "tip-hazard-usage");
  const { ref: unitName, rest: afterUnit } = firstWord(rest);
  const { ref: levelWord, rest: afterLevel } = firstWord(afterUnit);
  const said = parseLevel(levelWord);
  // Not said: the level the tip's kind names (a tip of a major hazard, found true, is one), told in the answer.
  const level = said ?? (tip.kind === "MAJOR_HAZARD" ? "MAJOR" : "GENERAL");
  const afterLevelWord = said ? afterLevel : afterUnit;
  const { ref: dateWord, rest: afterDate } = firstWord(afterLevelWord);
  const given = dateWord && looksLikeDate(dateWord) ? dateWord : null;
  const description = given ? afterDate : afterLevelWord;
  if (!unitName || !description) throw new Refusal("tip-hazard-usage");
  if (tip.substantiated !== true) throw new Refusal("tip-hazard-not-substantiated", { number: num(tip) });
  if (tip.hazardId) throw new Refusal("tip-hazard-done", { number: num(tip) });
  const unit = await ctx.repo.findUnitByName(unitName);
  if (!unit) throw new Refusal("refuse-unit-unknown", { unit: unitName });
  if (!unit.path.startsWith(tip.unit.path) || unit.id === tip.unit.id) throw new Refusal("tip-hazard-unit", { unit: unit.name, tipUnit: tip.unit.name });
  checkLength(description, ctx.deps.config.SENTINEL_MAX_TEXT);
  let deadline: string | null = null;
  if (given) {
    deadline = parseDate(given);
    if (!deadline) throw new Refusal("refuse-date-format", { input: given });
    if (deadline < ctx.today) throw new Refusal("refuse-date-past", { date: deadline, today: ctx.today });
  } else {
    deadline = (await defaultDeadline(ctx, unit, level))?.date ?? null;
    if (!deadline) throw new Refusal("tip-hazard-deadline", { number: num(tip), level: ctx.t(`level-${level}`) });
  }
  const year = shanghaiYear(ctx.now);
  const { id } = await ctx.repo.createHazard({
    year,
    unitId: unit.id,
    reporterId: ctx.user.id,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    messageId: ctx.msg.messageId,
    description,
    location: null,
    attachments: [],
    indicators: [],
    reportedAt: ctx.now,
    // Its source is the tip desk, not a person: no reporter's name, no report reward, no place on the honour roll.
    source: "TIP",
    assignedByUnitId: tip.unit.id,
  });
  // The regulator's finding is the confirmation; the step is the regulator's, named by its unit.
  await ctx.repo.transition(id, "REPORTED", "CONFIRMED", { level, deadline, confirmedAt: ctx.now }, {
    kind: "ASSIGN", actorId: SYSTEM_ACTOR, note: null, at: ctx.now, data: { level, deadline, by: tip.unit.name },
  });
  const hazard = formatHazardNumber(year, id);
  await change(ctx, tip, [tip.status], { hazardId: id }, "HAZARD", { data: { detail: hazard } });
  const h = (await ctx.repo.getHazard(id))!;
  const lines = [ctx.t("tip-hazard-filed", { number: num(tip), hazard, unit: unit.name, level: ctx.t(`level-${level}`), deadline })];
  if (!said) lines.push(ctx.t("tip-hazard-level-from-kind", { level: ctx.t(`level-${level}`), kind: ctx.t(`tip-kind-${tip.kind}`) }));
  tell(ctx, await unitRecipients(ctx.repo, unit), "notice-hazard-assigned", {
    number: hazard, unit: unit.name, regulator: tip.unit.name, level, deadline, text: excerpt(description.replace(/\s+/g, " "), 80),
  });
  if (level === "MAJOR") {
    const up = await reportUp(ctx.deps, ctx.repo, h, { actorId: SYSTEM_ACTOR, now: ctx.now, confirmed: true });
    if (up) {
      ctx.out.push(...up.out.filter((m) => !(m.platform === ctx.msg.platform && m.chatId === ctx.msg.chatId)));
      lines.push(dualReportText(ctx.deps, ctx.lang, up.report));
    }
  }
  ctx.replyText(lines.join("\n"));
}

/** `举报类型 编号 类别 原因`: the handler corrects the kind the tipster chose, with the reason; the reward follows it. */
async function correctKind(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const tip = await handledTip(ctx, ref, "tip-kind-usage");
  const { ref: kindWord, rest: reason } = firstWord(rest);
  const kind = kindWord ? parseTipKind(kindWord) : null;
  if (!kind || !reason.trim()) throw new Refusal("tip-kind-usage");
  checkLength(reason, 500);
  if (kind === tip.kind) throw new Refusal("tip-kind-same", { number: num(tip), kind: ctx.t(`tip-kind-${kind}`) });
  requireFactsOpen(tip);
  await change(ctx, tip, [tip.status], { kind }, "KIND", { body: ctx.deps.sealer.seal({ text: reason.trim() }), data: { detail: kind, from: tip.kind } });
  ctx.reply("tip-kind-done", { number: num(tip), from: ctx.t(`tip-kind-${tip.kind}`), kind: ctx.t(`tip-kind-${kind}`) });
  if (tip.reward === "APPROVED") ctx.reply("tip-reapprove-hint", { number: num(tip), amount: tip.rewardYuan ?? 0 });
}

async function fine(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const tip = await handledTip(ctx, ref, "tip-fine-usage");
  const yuan = parseYuan(rest);
  if (yuan === null) throw new Refusal("tip-fine-usage");
  if (yuan > MAX_YUAN) throw new Refusal("amount-too-large", { amount: excerpt(rest, 20), max: MAX_YUAN });
  requireFactsOpen(tip);
  await change(ctx, tip, [tip.status], { fineYuan: yuan }, "FINE", { data: { amount: yuan } });
  ctx.reply("tip-fine-recorded", { number: num(tip), amount: yuan });
  if (tip.reward === "APPROVED") ctx.reply("tip-reapprove-hint", { number: num(tip), amount: tip.rewardYuan ?? 0 });
}

async function accident(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const tip = await handledTip(ctx, ref, "tip-accident-usage");
  const [gradeWord, deathsWord] = words(rest);
  const grade = parseAccidentGrade(gradeWord);
  const deaths = Number(deathsWord?.replace(/人$/, ""));
  if (!grade || !Number.isInteger(deaths) || deaths < 0 || deaths > 10000) throw new Refusal("tip-accident-usage");
  requireFactsOpen(tip);
  await change(ctx, tip, [tip.status], { accidentGrade: grade, accidentDeaths: deaths }, "ACCIDENT", { data: { detail: grade, amount: deaths } });
  ctx.reply("tip-accident-recorded", { number: num(tip), grade: ctx.t(`accident-grade-${grade}`), deaths });
  if (tip.reward === "APPROVED") ctx.reply("tip-reapprove-hint", { number: num(tip), amount: tip.rewardYuan ?? 0 });
}

async function same(ctx: Ctx, args: string): Promise<void> {
  const [ref, otherRef] = words(args);
  const tip = await handledTip(ctx, ref, "tip-same-usage");
  const other = await handledTip(ctx, otherRef, "tip-same-usage");
  if (other.id === tip.id) throw new Refusal("tip-same-usage");
  requireFactsOpen(tip);
  await change(ctx, tip, [tip.status], { sameAsId: other.id }, "SAME_AS", { data: { detail: num(other) } });
  ctx.reply("tip-same-recorded", { number: num(tip), other: num(other) });
}

/** The reward under the deployment's rules; the first tip on the same facts is the one rewarded. */
async function computeFor(ctx: Ctx, tip: TipRow): Promise<RewardResult> {
  // The same facts, either way round: the tip this one points to, and the tips pointing to this one.
  const linked = [...(tip.sameAsId ? [await ctx.repo.tips.get(tip.sameAsId)] : []), ...(await ctx.repo.tips.sameAs(tip.id))];
  const earlier = (o: TipRow | null) => !!o && (o.receivedOn < tip.receivedOn || (o.receivedOn === tip.receivedOn && o.id < tip.id));
  const first = !linked.some(earlier);
  const hazard = tip.hazardId ? await ctx.repo.getHazard(tip.hazardId) : null;
  return computeReward(ctx.deps.rewardRules, {
    kind: tip.kind,
    hazardLevel: hazard?.level ?? null,
    substantiated: tip.substantiated,
    first,
    fineYuan: tip.fineYuan,
    accident: tip.accidentGrade && tip.accidentDeaths !== null ? { grade: tip.accidentGrade as never, deaths: tip.accidentDeaths } : null,
  });
}

async function reward(ctx: Ctx, args: string): Promise<void> {
  const tip = await handledTip(ctx, firstWord(args).ref, "tip-reward-usage");
  const r = await computeFor(ctx, tip);
  ctx.replyText([ctx.t("tip-reward-for", { number: num(tip) }), rewardText(ctx, r), ctx.t(`tip-reward-${tip.reward}`, { amount: tip.rewardYuan ?? 0 })].join("\n"));
}

async function approve(ctx: Ctx, args: string): Promise<void> {
  const tip = await handledTip(ctx, firstWord(args).ref, "tip-approve-usage");
  if (tip.reward === "PAID") throw new Refusal("tip-facts-paid", { number: num(tip), amount: tip.rewardYuan ?? 0 });
  const r = await computeFor(ctx, tip);
  if (tip.reward === "APPROVED" && r.amount === tip.rewardYuan) throw new Refusal("tip-approve-done", { number: num(tip), amount: tip.rewardYuan ?? 0 });
  if (r.amount <= 0) throw new Refusal("tip-approve-zero", { number: num(tip), why: rewardText(ctx, r) });
  if (!(await change(ctx, tip, [tip.status], { reward: "APPROVED", rewardYuan: r.amount }, "REWARD_APPROVED", { data: { amount: r.amount } }, true))) {
    // The amount was computed on what this handler read: if the facts moved meanwhile, it is not the reward.
    const now = await ctx.repo.tips.get(tip.id);
    const facts = (t: TipRow | null) => t && [t.substantiated, t.fineYuan, t.accidentGrade, t.accidentDeaths, t.sameAsId].join("|");
    if (now && facts(now) !== facts(tip)) throw new Refusal("tip-approve-stale", { number: num(tip), amount: r.amount });
    throw new Refusal("tip-changed", { number: num(tip) });
  }
  noticeTipster(ctx, tip);
  ctx.replyText([ctx.t("tip-approved", { number: num(tip), amount: r.amount }), rewardText(ctx, r)].join("\n"));
}

async function paid(ctx: Ctx, args: string): Promise<void> {
  const tip = await handledTip(ctx, firstWord(args).ref, "tip-paid-usage");
  if (tip.reward !== "APPROVED") throw new Refusal("tip-paid-not-approved", { number: num(tip) });
  await change(ctx, tip, [tip.status], { reward: "PAID" }, "PAID", { data: { amount: tip.rewardYuan ?? 0 } });
  noticeTipster(ctx, tip);
  ctx.reply("tip-paid-done", { number: num(tip), amount: tip.rewardYuan ?? 0 });
}

async function close(ctx: Ctx, args: string): Promise<void> {
  const tip = await handledTip(ctx, firstWord(args).ref, "tip-close-usage");
  if (tip.status === "CLOSED") throw new Refusal("tip-closed-handler", { number: num(tip) });
  if (tip.substantiated === null) throw new Refusal("tip-close-no-finding", { number: num(tip) });
  if (!tip.feedbackOn) throw new Refusal("tip-close-no-feedback", { number: num(tip) });
  if (tip.reward === "APPROVED") throw new Refusal("tip-close-unpaid", { number: num(tip), amount: tip.rewardYuan ?? 0 });
  if (tip.reward === "CLAIMED" && (await computeFor(ctx, tip)).amount > 0) throw new Refusal("tip-close-claimed", { number: num(tip) });
  noticeTipster(ctx, tip);
  // The chat a tipster left for notices is deleted with the close; the rest goes after the retention period.
  await change(ctx, tip, OPEN, { status: "CLOSED", closedOn: ctx.today, contact: null, unread: false }, "CLOSED");
  ctx.reply("tip-closed-done", { number: num(tip), days: ctx.deps.config.SENTINEL_TIP_RETENTION_DAYS });
}

/** The tip handler's desk: list, open, ask, find, tell, turn into a hazard, reward, close. Private chats only. */
export const tipHandling: Feature = {
  commands: {
    tips: list,
    "tip-show": show,
    "tip-ask": (ctx, args) => ask(ctx, args, "QUESTION"),
    "tip-feedback": (ctx, args) => ask(ctx, args, "FEEDBACK"),
    "tip-verify": verify,
    "tip-extend": extend,
    "tip-hazard": toHazard,
    "tip-fine": fine,
    "tip-accident": accident,
    "tip-same": same,
    "tip-reward": reward,
    "tip-approve": approve,
    "tip-paid": paid,
    "tip-close": close,
    "tip-kind": correctKind,
  },
};
