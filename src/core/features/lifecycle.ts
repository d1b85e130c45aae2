import { parseDate } from "../../domain/dates.ts";
import { isFinal, needsReview, nextStatus, possibleActions, saysNothing, type HazardAction } from "../../domain/lifecycle.ts";
import { nearestOfKind } from "../../domain/units.ts";
import { regulates, reportChannel } from "../../domain/permissions.ts";
import type { HazardLevel, PlanField, RectificationPlan } from "../../domain/types.ts";
import type { ConversationRow, HazardChange, HazardRow, UnitRow } from "../../store/index.ts";
import { rewardConfirmed, rewardDuplicate, sameUnit } from "./rewards.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { firstWord, missingPlanFields, parseLevel, isAddWord, parsePhotoRule, parsePlanFields, parseRejection, splitOnTheSpot, words } from "../parse.ts";
import type { Feature } from "../bot.ts";
import { numberOf, officialHazard, reporterChat, visibleHazard } from "./hazards.ts";
import { bothSides, dualReportText, reportUp, requireRegulator, supervisorOf, tell } from "./oversight.ts";
import { excerpt } from "../input.ts";
import { defaultDeadline } from "./unit-rules.ts";
import { isBlobKey } from "../../store/blobs.ts";
import { capabilitiesOf } from "../capabilities.ts";
import { privateChatOf } from "../messages.ts";
import { sniff } from "../files.ts";

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
  attachments: string[] = [],
): Promise<string> {
  const to = nextStatus(h.status, action);
  if (!to) refuseStep(ctx, h, action);
  const ok = await ctx.repo.transition(h.id, h.status, to, change, {
    kind: action.toUpperCase(),
    actorId: ctx.user.id,
    note: why,
    at: ctx.now,
    ...(data ? { data } : {}),
    attachments,
  });
  // Another official moved it between our read and our write: nothing was changed; say so.
  if (!ok) throw new Refusal("refuse-concurrent", { number: numberOf(h) });
  const number = numberOf(h);
  const reported = reporterChat(h);
  if (reported) ctx.notify(reported, reported.lang, "notify-reporter", { number, action, who: ctx.user.displayName, reporter: h.reporterName, note: why ?? "none", ...tellArgs });
  return number;
}

async function confirm(ctx: Ctx, args: string): Promise<void> {
  const { text, onTheSpot } = splitOnTheSpot(args);
  const [ref, levelWord, deadlineWord] = words(text);
  const h = await officialHazard(ctx, ref, "usage-confirm");
  // One word for a report its reporter said was fixed on the spot: `确认 编号` closes it as a general hazard (即查即改).
  if (!levelWord && h.spotFixClaimed && h.status === "REPORTED") return confirmFixed(ctx, h, "GENERAL");
  const level = parseLevel(levelWord);
  if (!level) throw new Refusal("usage-confirm");
  if (onTheSpot) return confirmFixed(ctx, h, level);
  requireStep(ctx, h, "confirm");
  // Every hazard gets a date: the one given, else the unit's 整改时限 for the level, else the official is asked for one.
  const fallback = deadlineWord ? null : await defaultDeadline(ctx, h.unit, level);
  const deadline = deadlineWord ? futureDate(ctx, deadlineWord) : fallback?.date;
  if (!deadline) throw new Refusal("refuse-confirm-deadline", { number: numberOf(h), level: ctx.t(`level-${level}`) });
  const number = await apply(ctx, h, "confirm", { level, confirmedAt: ctx.now, deadline }, null, { level, deadline, ...(fallback ? { defaultDays: fallback.days } : {}) });
  const earned = await rewardConfirmed(ctx, h, level);
  const lines = [ctx.t(level === "MAJOR" ? "confirmed-major" : "confirmed", { number, level: ctx.t(`level-${level}`), deadline })];
  if (fallback) lines.push(ctx.t("confirmed-default-deadline", { days: fallback.days, deadline, level: ctx.t(`level-${level}`) }));
  if (earned) lines.push(earned);
  if (level === "MAJOR") {
    const up = await reportUp(ctx.deps, ctx.repo, { ...h, status: "CONFIRMED", level, deadline }, { actorId: ctx.user.id, now: ctx.now, confirmed: true });
    if (up) {
      ctx.out.push(...up.out.filter((m) => !(m.platform === ctx.msg.platform && m.chatId === ctx.msg.chatId)));
      lines.push(dualReportText(ctx.deps, ctx.lang, up.report));
    }
  }
  // One answer: a platform that sends in turn must not let the next command's answer overtake part of it.
  ctx.replyText(lines.join("\n"));
}

/** `确认 编号 一般 已当场整改`: the official's judgment closes it on the spot; a criteria hint is kept with it, never a veto. */
async function confirmFixed(ctx: Ctx, h: HazardRow, level: HazardLevel): Promise<void> {
  await fixOnTheSpot(ctx, h, level);
  const earned = await rewardConfirmed(ctx, h, level);
  const lines = [ctx.t("fixed-on-spot", { number: numberOf(h) })];
  if (h.indicators.length) lines.push(ctx.t("fixed-on-spot-hint", { indicators: indicatorNames(ctx, h.indicators) }));
  if (earned) lines.push(earned);
  ctx.replyText(lines.join("\n"));
}

/** The names of the major-hazard indicators (ids), in the chat's language. */
export function indicatorNames(ctx: Ctx, ids: readonly string[]): string {
  return ctx.list(ids.map((id) => ctx.deps.indicators.find((i) => i.id === id)).filter((i) => i !== undefined).map((i) => (ctx.lang === "en" ? i.en : i.zh)));
}

/**
 * 即查即改: a general hazard fixed on the spot closes at once, found and rectified, with no five-part plan; a major one
 * never does. Whether it is general is the official's judgment: a criteria hint is recorded with the step, not obeyed.
 */
export async function fixOnTheSpot(ctx: Ctx, h: HazardRow, level: HazardLevel): Promise<void> {
  if (level === "MAJOR") throw new Refusal("refuse-fix-major", { number: numberOf(h) });
  const change = { level, confirmedAt: ctx.now, rectifiedAt: ctx.now, closedAt: ctx.now, fixedOnSpot: true, closedById: ctx.user.id, closedByUnitId: h.unit.id };
  await apply(ctx, h, "fix", change, null, { level, ...(h.indicators.length ? { indicators: h.indicators } : {}) });
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
  requireStep(ctx, h, "reject");
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
  requireStep(ctx, h, "duplicate");
  await requireTipRegulator(ctx, h);
  const why = note(more.join(" "));
  // The reporter hears which report theirs repeats (the reason, if any, is for the record).
  // The reporter's group hears the number it repeats only when it is their own unit's hazard.
  const shown = sameUnit(h, original) ? numberOf(original) : "other";
  const number = await apply(ctx, h, "duplicate", { duplicateOfId: original.id }, why, { original: numberOf(original) }, {
    note: ctx.t("duplicate-note", { original: shown }),
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
  const number = await apply(ctx, h, "plan", { plan: p }, null, { ...p }, {}, keptFiles(ctx));
  ctx.reply(revised ? "plan-revised" : "plan-recorded", { number, ...p });
}

async function rectified(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-rectified");
  const why = note(rest);
  const photos = keptFiles(ctx, "photo");
  // The photo of the fixed state is the evidence of 整改; for a major hazard it is required, unless its unit said
  // otherwise. A platform where a photo carries no text (WeChat) sends it next: the step waits for it.
  if (photos.length === 0 && h.level === "MAJOR" && !(await rectifyPhotoOptional(ctx, h.unit.id))) {
    requireStep(ctx, h, "rectified");
    const privately = await openEvidence(ctx, { hazardId: h.id, number: numberOf(h), then: "rectify", note: why });
    ctx.reply(privately ? "rectified-send-photo-private" : "rectified-send-photo", { number: numberOf(h) });
    return;
  }
  await markRectified(ctx, h, why, photos);
}

async function markRectified(ctx: Ctx, h: HazardRow, why: string | null, photos: string[]): Promise<void> {
  const number = await apply(ctx, h, "rectified", { rectifiedAt: ctx.now }, why, undefined, {}, photos);
  if (needsReview(h)) ctx.reply("rectified-review", { number, authority: (await supervisorOf(ctx.repo, h))?.name ?? ctx.t("authority-regulator-above") });
  else ctx.reply("rectified", { number });
  if (photos.length) {
    ctx.reply("rectified-photos", { number, photos: photos.length });
  } else {
    // Asked for, not required: the next photos the official sends here are the fixed state's.
    const privately = await openEvidence(ctx, { hazardId: h.id, number, then: "add", note: null });
    ctx.reply(privately ? "rectified-ask-photo-private" : "rectified-ask-photo", { number });
  }
}

/** Refuses a step the hazard's status does not allow, before anything waits for a photo. */
function requireStep(ctx: Ctx, h: HazardRow, action: HazardAction): void {
  if (!nextStatus(h.status, action)) refuseStep(ctx, h, action);
}

/** The refusal of a step the status does not allow, naming what may be done to this hazard instead. */
function refuseStep(ctx: Ctx, h: HazardRow, action: HazardAction): never {
  const next = possibleActions(h).map((a) => ctx.t(`action-${a}`));
  throw new Refusal(next.length ? "refuse-transition" : "refuse-transition-final", {
    number: numberOf(h), status: ctx.t(`status-${h.status}`), action: ctx.t(`action-${action}`), next: ctx.list(next),
  });
}

/** A wait for photos in this chat from this person: to complete `已整改` (`rectify`) or to add evidence (`add`). */
interface EvidenceWait {
  hazardId: number;
  number: string;
  then: "rectify" | "add";
  note: string | null;
}

/**
 * Opens the wait; where files never reach the bot in a group (`Capabilities.groupFiles`), in the sender's private
 * chat instead, and says so (true): the photos sent there complete the step the group asked for.
 */
async function openEvidence(ctx: Ctx, wait: EvidenceWait): Promise<boolean> {
  const { platform, chatId, chatType, sender } = ctx.msg;
  const privately = chatType === "group" && !capabilitiesOf(platform).groupFiles;
  const chat = privately ? privateChatOf(platform, sender.id) : chatId;
  await ctx.repo.saveConversation(platform, chat, sender.id, { kind: "evidence", step: wait.then, version: 1, data: { ...wait } }, ctx.now);
  return privately;
}

/**
 * The next message after `已整改` or `照片 编号 补充`: photos complete the step. Anything else goes on as if no wait
 * were open (a document is a submission or evidence, words may be answers to a round); waiting to add was an offer,
 * which it ends, while a major hazard's 已整改 keeps waiting (words get the reminder of what it waits for).
 */
async function evidenceStep(ctx: Ctx, state: ConversationRow): Promise<void | "pass"> {
  const wait = state.data as unknown as EvidenceWait;
  const photos = keptFiles(ctx, "photo");
  const { platform, chatId, sender } = ctx.msg;
  if (photos.length === 0) {
    const files = ctx.msg.attachments.length > 0;
    if (wait.then === "rectify" && !files) throw new Refusal("rectified-photo-wait", { number: wait.number });
    if (wait.then === "add") await ctx.repo.deleteConversation(platform, chatId, sender.id);
    return "pass";
  }
  const h = await ctx.repo.getHazard(wait.hazardId);
  if (!h) {
    await ctx.repo.deleteConversation(platform, chatId, sender.id);
    throw new Refusal("refuse-number-unknown", { number: wait.number });
  }
  if (wait.then === "rectify") {
    await ctx.require("OFFICIAL", h.unit);
    await ctx.repo.deleteConversation(platform, chatId, sender.id);
    await markRectified(ctx, h, wait.note, photos);
    return;
  }
  await addPhotos(ctx, h, photos);
  // Stays open for more photos of the same step (several arrive as several messages on WeChat).
  await openEvidence(ctx, wait);
}

/** The message's files the bot kept (store keys); `kind` to take only photos. */
function keptFiles(ctx: Ctx, kind?: "photo"): string[] {
  return ctx.msg.attachments.filter((a) => isBlobKey(a.ref) && (!kind || a.kind === kind)).map((a) => a.ref);
}

const photoRuleKey = (unitId: number): string => `rectify-photo-optional:${unitId}`;

async function rectifyPhotoOptional(ctx: Ctx, unitId: number): Promise<boolean> {
  return (await ctx.repo.getSetting(photoRuleKey(unitId))) === "on";
}

/**
 * `整改照片 必须|不必`: whether the group's unit requires a photo of the fixed state when a major hazard is marked
 * 已整改 (required by default). Set by an official of the unit, in its group.
 */
async function photoRule(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.binding) throw new Refusal("refuse-photo-rule-group");
  await ctx.require("OFFICIAL", ctx.binding.unit);
  const choice = parsePhotoRule(args);
  if (choice === null) {
    const optional = await rectifyPhotoOptional(ctx, ctx.binding.unit.id);
    throw new Refusal("usage-photo-rule", { unit: ctx.binding.unit.name, rule: optional ? "optional" : "required" });
  }
  await ctx.repo.setSetting(photoRuleKey(ctx.binding.unit.id), choice === "optional" ? "on" : "off");
  ctx.reply("photo-rule-set", { unit: ctx.binding.unit.name, rule: choice });
}

/**
 * `照片 编号` with photos: more evidence for the hazard's current step (before the fix while it is open, of the fixed
 * state once rectified), from its reporter or an official over its unit. Without photos: the bot sends them all back.
 */
async function photos(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await visibleHazard(ctx, ref, "usage-photos");
  const added = keptFiles(ctx);
  const adding = added.length > 0 || isAddWord(rest);
  if (!adding) return sendPhotos(ctx, h);
  if (h.reporterId !== ctx.user.id) await ctx.require("OFFICIAL", h.unit);
  if (added.length) return addPhotos(ctx, h, added);
  if (isFinal(h.status)) throw new Refusal("refuse-photos-final", { number: numberOf(h), status: ctx.t(`status-${h.status}`) });
  const privately = await openEvidence(ctx, { hazardId: h.id, number: numberOf(h), then: "add", note: null });
  ctx.reply(privately ? "photos-send-private" : "photos-send", { number: numberOf(h) });
}

/** More evidence for the hazard's current step: before the fix while it is open, of the fixed state once rectified. */
async function addPhotos(ctx: Ctx, h: HazardRow, added: string[]): Promise<void> {
  if (isFinal(h.status)) throw new Refusal("refuse-photos-final", { number: numberOf(h), status: ctx.t(`status-${h.status}`) });
  const stage = h.status === "RECTIFIED" ? "after" : "before";
  const ok = await ctx.repo.transition(h.id, h.status, h.status, {}, { kind: "PHOTOS", actorId: ctx.user.id, note: null, at: ctx.now, data: { stage }, attachments: added });
  if (!ok) throw new Refusal("refuse-concurrent", { number: numberOf(h) });
  ctx.reply("photos-added", { number: numberOf(h), photos: added.length, stage });
}

/** The most files one `照片` request sends back. */
const MAX_SENT_PHOTOS = 20;

async function sendPhotos(ctx: Ctx, h: HazardRow): Promise<void> {
  const steps = [{ kind: "REPORTED", attachments: h.attachments }, ...(await ctx.repo.stepFiles(h.id))];
  const files = steps.flatMap((s) => s.attachments.map((ref) => ({ step: s.kind, ref })));
  if (files.length === 0) throw new Refusal("photos-none", { number: numberOf(h) });
  const shown = files.slice(0, MAX_SENT_PHOTOS);
  for (const [i, f] of shown.entries()) {
    const text = ctx.t("photo-caption", { number: numberOf(h), step: ctx.t(`event-${f.step}`), n: i + 1, of: files.length });
    const data = isBlobKey(f.ref) ? await ctx.deps.blobs.get(f.ref) : null;
    if (data) {
      const type = sniff(data);
      const filename = `${numberOf(h)}-${i + 1}.${type?.ext ?? "bin"}`;
      ctx.out.push({ platform: ctx.msg.platform, chatId: ctx.msg.chatId, text, file: { kind: type?.kind ?? "document", filename, data } });
    } else {
      // An older row holds the platform's reference (it may still resolve), or a kept file is missing from the store.
      ctx.replyText(`${text}\n${ctx.t("photo-not-kept")}`);
    }
  }
  if (files.length > shown.length) ctx.reply("photos-more", { shown: shown.length, total: files.length });
}

/**
 * The regulator that reviews a major hazard's close-out (审核把关销号): the one that listed it, else the nearest regulator
 * above its unit; a refusal when there is none (the unit is not under any regulator).
 */
async function reviewerOf(ctx: Ctx, h: HazardRow): Promise<UnitRow> {
  const reviewer = await supervisorOf(ctx.repo, h);
  if (!reviewer) throw new Refusal("refuse-review-no-regulator", { number: numberOf(h), unit: h.unit.name });
  return reviewer;
}

/**
 * 申请销号: the enterprise asks the reviewing regulator to accept the rectification of a major hazard. Only the
 * enterprise's own side applies: a regulator that applied could then accept its own application.
 */
async function applyClose(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-apply-close");
  if (!needsReview(h)) throw new Refusal("refuse-apply-general", { number: numberOf(h) });
  if (!ctx.isSuperAdmin && reportChannel(await ctx.grants(), h.unit.path) !== "SELF") {
    throw new Refusal("refuse-apply-not-enterprise", { number: numberOf(h), unit: h.unit.name });
  }
  const reviewer = await reviewerOf(ctx, h);
  if (h.closeAppliedAt && h.status === "RECTIFIED") throw new Refusal("refuse-apply-again", { number: numberOf(h), authority: reviewer.name });
  const why = note(rest);
  const number = await apply(ctx, h, "apply", { closeAppliedAt: ctx.now }, why, { reviewer: reviewer.name, supervised: h.supervised });
  tell(ctx, await bothSides(ctx.repo, h), "notice-close-applied", { number, unit: h.unit.name, who: ctx.user.displayName, note: why ?? "none", authority: reviewer.name });
  ctx.reply("close-applied", { number, authority: reviewer.name });
}

/**
 * 销号 / 验收销号. A general hazard is closed by its unit's officials (or a regulator over it); a major one, listed or not,
 * only by the reviewing regulator, after the enterprise applied. The acceptance is recorded with who, for which unit,
 * and the opinion (验收意见); closing keeps a listing on record: the hazard stays counted as 挂牌督办.
 */
async function close(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-close");
  let unit: UnitRow = h.unit;
  if (needsReview(h)) {
    const reviewer = await reviewerOf(ctx, h);
    if (!(await ctx.regulates({ unit: reviewer }))) throw new Refusal("refuse-close-review", { number: numberOf(h), regulator: reviewer.name });
    if (!h.closeAppliedAt && h.status === "RECTIFIED") throw new Refusal("refuse-close-not-applied", { number: numberOf(h), regulator: reviewer.name });
    unit = reviewer;
  } else if (await ctx.regulates(h)) {
    unit = (await listingRegulator(ctx, h)) ?? h.unit;
  }
  const why = note(rest);
  const number = await apply(ctx, h, "close", { closedAt: ctx.now, closedById: ctx.user.id, closedByUnitId: unit.id, closeOpinion: why }, why, { unit: unit.name });
  if (needsReview(h) || h.supervised) tell(ctx, await bothSides(ctx.repo, h), "notice-closed", { number, unit: h.unit.name, who: ctx.user.displayName, reviewer: unit.name, note: why ?? "none" });
  ctx.reply(needsReview(h) ? "closed-reviewed" : "closed", { number, reviewer: unit.name });
}

/** 退回: the reviewing regulator does not accept the rectification of a major hazard; back to 整改中, with the reason. */
async function sendBack(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-return");
  if (!needsReview(h)) throw new Refusal("refuse-return-general", { number: numberOf(h) });
  const reviewer = await reviewerOf(ctx, h);
  if (!(await ctx.regulates({ unit: reviewer }))) throw new Refusal("refuse-close-review", { number: numberOf(h), regulator: reviewer.name });
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
    // A new listing voids an application made before it: the close-out is applied for under the listing it answers to.
    { supervised: true, supervisedBy: authority, supervisedDeadline: deadline, supervisingUnitId: regulator?.id ?? null, ...(h.supervised ? {} : { supervisedAt: ctx.now, closeAppliedAt: null }) },
    null,
    { authority, deadline, ...(moved ? { from: h.supervisedDeadline } : {}) },
  );
  const voided = !moved && h.closeAppliedAt !== null ? "yes" : "no";
  tell(ctx, await bothSides(ctx.repo, { ...h, supervised: true, supervisingUnitId: regulator?.id ?? null }), moved ? "notice-supervise-moved" : "notice-supervised", { number, unit: h.unit.name, authority, deadline, text: excerpt(h.description.replace(/\s+/g, " "), 60), voided });
  ctx.reply(moved ? "supervise-moved" : "supervised", { number, authority, deadline });
}

async function unsupervise(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const h = await officialHazard(ctx, ref, "usage-unsupervise");
  if (!h.supervised) throw new Refusal("refuse-not-supervised", { number: numberOf(h) });
  await requireRegulator(ctx, h, "unsupervise");
  const why = note(rest);
  const number = await apply(ctx, h, "unsupervise", { supervised: false, supervisedDeadline: null, closeAppliedAt: null }, why);
  // The application made under the listing is void with it; the regulator above reviews a new one.
  const voided = h.closeAppliedAt !== null ? "yes" : "no";
  tell(ctx, await bothSides(ctx.repo, h), "notice-unsupervised", { number, unit: h.unit.name, who: ctx.user.displayName, note: why ?? "none", voided });
  ctx.reply("unsupervised", { number });
}

/** The lifecycle: confirm, reject or mark a duplicate, plan, rectify, close; supervision and its two-step close-out. */
export const lifecycle: Feature = {
  dialogs: {
    evidence: {
      version: 1,
      step: evidenceStep,
      // A file that was no submission: still waiting for the photo of the fixed state (an offer to add simply ended).
      unanswered: (ctx, state) => {
        const wait = state.data as unknown as EvidenceWait;
        if (wait.then === "rectify") ctx.reply("rectified-photo-wait-file", { number: wait.number });
      },
    },
  },
  commands: { photos, "photo-rule": photoRule, confirm, reject, duplicate, withdraw, plan, rectified, "apply-close": applyClose, close, return: sendBack, supervise, unsupervise },
};
