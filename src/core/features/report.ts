import { indicatorsOfUnit } from "../industries.ts";
import { shanghaiYear } from "../../domain/dates.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import { matchMajorIndicators, shortStandard, type MajorHazardIndicator } from "../../domain/major-hazard.ts";
import { reportChannel } from "../../domain/permissions.ts";
import type { HazardSource } from "../../domain/types.ts";
import type { ConversationRow, NewHazard } from "../../store/index.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { splitLocation, splitOnTheSpot } from "../parse.ts";
import { placeText } from "../messages.ts";
import { capabilitiesOf } from "../capabilities.ts";
import type { Feature } from "../bot.ts";
import { countNewReport, reportThrottle } from "../limits.ts";

const MAX_LOCATION = 200;
const MAX_ATTACHMENTS = 9;
const SKIP_WORDS = ["跳过", "无", "没有", "完成", "好了", "skip", "none", "done", "no"];

/** The stored state of a guided report (dialog `report`, version 1). */
interface ReportDraft {
  description?: string;
  location?: string | null;
  attachments: string[];
  /** A worker said it was fixed on the spot (已当场整改): filed for the 安全管理员 to confirm with one word. */
  spotFixClaimed?: boolean;
}

const isSkip = (text: string) => SKIP_WORDS.includes(text.trim().toLowerCase());

/** A report as it will be filed, decided from the message and the sender's standing before anything is stored. */
interface Prepared {
  hazard: NewHazard & { source: Exclude<HazardSource, "TIP"> };
  matched: MajorHazardIndicator[];
  unit: string;
  /** The reporter may confirm it themselves (an official over the unit). */
  mayConfirm: boolean;
}

/** Checks a report's draft and decides what is filed: its indicators of a major hazard, its channel. */
async function prepare(ctx: Ctx, draft: Required<Omit<ReportDraft, "spotFixClaimed">> & Pick<ReportDraft, "spotFixClaimed">): Promise<Prepared> {
  const binding = ctx.requireBinding();
  if (!draft.description.trim()) throw new Refusal("refuse-report-empty");
  const matched = matchMajorIndicators(`${draft.description} ${draft.location ?? ""}`, await indicatorsOfUnit(ctx, binding.unit));
  const hazard = {
    year: shanghaiYear(ctx.now),
    unitId: binding.unit.id,
    reporterId: ctx.user.id,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    messageId: ctx.msg.messageId,
    description: draft.description,
    location: draft.location,
    attachments: draft.attachments,
    indicators: matched.map((m) => m.id),
    reportedAt: ctx.now,
    // 随手拍, 自查 or 检查, by who files it, as they stand now (a later grant does not rewrite it).
    source: reportChannel(await ctx.grants(), binding.unit.path),
    spotFixClaimed: draft.spotFixClaimed ?? false,
  };
  return { hazard, matched, unit: binding.unit.name, mayConfirm: await ctx.can("OFFICIAL", binding.unit) };
}

/** Answers a filed report with its number and what happens next (a major hazard's indicators, if it names any). */
function announce(ctx: Ctx, p: Prepared, id: number): void {
  const args = { number: formatHazardNumber(p.hazard.year, id), unit: p.unit, photos: p.hazard.attachments.length, role: ctx.roleName("OFFICIAL", ctx.binding?.unit.kind ?? null) };
  // Someone who may confirm it themselves (a regulator in an enterprise's group, its own 安全管理员) is not told to wait.
  let text = ctx.t(p.hazard.spotFixClaimed ? "report-filed-fixed" : p.mayConfirm ? "report-filed-official" : "report-filed", args);
  if (p.matched.length > 0) {
    const names = p.matched
      .map((m) => ctx.t("report-indicator", { name: ctx.lang === "en" ? m.en : m.zh, standard: shortStandard(m.standard) }))
      .join(ctx.lang === "en" ? "; " : "；");
    text += "\n" + ctx.t("report-suggest-major", { indicators: names });
  }
  ctx.replyText(text);
}

/**
 * Files the hazard and its first event, then answers with the number and what happens next. `onTheSpot` (即查即改, an
 * official's own report of a general hazard already fixed) closes it at once, with no five-part plan.
 */
async function file(ctx: Ctx, draft: Required<Omit<ReportDraft, "spotFixClaimed">> & Pick<ReportDraft, "spotFixClaimed">, onTheSpot = false): Promise<void> {
  const p = await prepare(ctx, draft);
  await countNewReport(ctx);
  const { id } = await ctx.repo.createHazard(p.hazard);
  if (onTheSpot) {
    // The official's own judgment that it was general and is fixed: a criteria hint is kept with the step and shown.
    const indicators = p.matched.map((m) => m.id);
    await ctx.repo.transition(id, "REPORTED", "CLOSED", {
      level: "GENERAL", confirmedAt: ctx.now, rectifiedAt: ctx.now, closedAt: ctx.now, fixedOnSpot: true, closedById: ctx.user.id, closedByUnitId: p.hazard.unitId,
    }, { kind: "FIX", actorId: ctx.user.id, note: null, at: ctx.now, data: { level: "GENERAL", ...(indicators.length ? { indicators } : {}) } });
    const lines = [ctx.t("report-fixed-on-spot", { number: formatHazardNumber(p.hazard.year, id), unit: p.unit })];
    if (p.matched.length) lines.push(ctx.t("fixed-on-spot-hint", { indicators: ctx.list(p.matched.map((m) => (ctx.lang === "en" ? m.en : m.zh))) }));
    ctx.replyText(lines.join("\n"));
    return;
  }
  announce(ctx, p, id);
}

/** The report a one-line `报隐患 <what> [@ where]` makes, with the refusals `report` gives it. */
async function oneLine(ctx: Ctx, args: string): Promise<{ draft: Required<ReportDraft>; onTheSpot: boolean }> {
  const binding = ctx.requireBinding();
  checkLength(args, ctx.deps.config.SENTINEL_MAX_TEXT);
  const spot = splitOnTheSpot(args);
  // Only the unit's 安全管理员 (or a regulator) closes a hazard as fixed on the spot; a worker's word that it was fixed
  // files it as a report saying so, for the 安全管理员 to confirm with one word.
  const official = spot.onTheSpot && (await ctx.can("OFFICIAL", binding.unit));
  const { description, location } = splitLocation(spot.text);
  if (!description) throw new Refusal("refuse-report-empty");
  if (location) checkLength(location, MAX_LOCATION);
  return { draft: { description, location, attachments: photosOf(ctx), spotFixClaimed: spot.onTheSpot && !official }, onTheSpot: official };
}

const photosOf = (ctx: Ctx) => ctx.msg.attachments.map((a) => a.ref).slice(0, MAX_ATTACHMENTS);

async function report(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("WORKER", binding.unit);
  if (!args) {
    // Details missing: ask for them one at a time; the draft lives in the store, so a restart resumes it.
    const draft: ReportDraft = { attachments: photosOf(ctx) };
    await ctx.repo.saveConversation(ctx.msg.platform, ctx.msg.chatId, ctx.msg.sender.id, { kind: "report", step: "what", version: 1, data: { ...draft } }, ctx.now);
    ctx.reply("report-ask-what");
    return;
  }
  const { draft, onTheSpot } = await oneLine(ctx, args);
  await file(ctx, draft, onTheSpot);
}

/**
 * `报隐患 <what> [@ where]` filed in one statement outside a transaction (`Repo.fileReport`), by the bot's lane for a
 * sender whose standing in the group it read before (`print`): the same checks as `report` and the same reply.
 * `ordinary` (a dialog to start, a fix on the spot, a refusal, which the ordinary path gives with fresh data),
 * `stale` (the standing changed) and `refused` (over the hourly limit: the reply says so, as `countNewReport`'s
 * refusal does) leave nothing stored; `duplicate` means the message was handled before.
 */
export async function reportAtOnce(ctx: Ctx, args: string, print: string): Promise<"answered" | "refused" | "duplicate" | "stale" | "ordinary"> {
  if (!takesOneStatement(args)) return "ordinary";
  const binding = ctx.binding;
  if (!binding || !(await ctx.can("WORKER", binding.unit))) return "ordinary";
  let p: Prepared;
  try {
    p = await prepare(ctx, (await oneLine(ctx, args)).draft);
  } catch (err) {
    if (err instanceof Refusal) return "ordinary";
    throw err;
  }
  const r = await ctx.repo.fileReport({ ...p.hazard, platformUserId: ctx.msg.sender.id, print, throttle: reportThrottle(ctx) });
  if (r.outcome === "stale" || r.outcome === "duplicate") return r.outcome;
  if (r.outcome === "limit") {
    ctx.reply("limit-reports", { limit: ctx.deps.config.SENTINEL_REPORTS_PER_HOUR });
    return "refused";
  }
  announce(ctx, p, r.id!);
  return "answered";
}

/** Whether `报隐患 <args>` may go in one statement: a dialog to start and a fix on the spot are the ordinary path's. */
export function takesOneStatement(args: string): boolean {
  return args.trim() !== "" && !splitOnTheSpot(args).onTheSpot;
}

async function step(ctx: Ctx, state: ConversationRow): Promise<void> {
  const { msg, repo } = ctx;
  const draft = state.data as unknown as ReportDraft;
  const place = msg.location ? placeText(msg.location) : null;
  const text = msg.text.trim();
  const photos = msg.attachments.map((a) => a.ref);
  const save = (next: string, data: ReportDraft) =>
    repo.saveConversation(msg.platform, msg.chatId, msg.sender.id, { ...state, step: next, data: { ...data } }, ctx.now);
  draft.attachments = [...draft.attachments, ...photos].slice(0, MAX_ATTACHMENTS);
  // Where photos never reach the bot in a group, the question says to add them privately once the report has a number.
  const askPhoto = msg.chatType === "group" && !capabilitiesOf(msg.platform).groupFiles ? "report-ask-photo-private" : "report-ask-photo";

  // A shared place is where: kept with the draft, and the question asked next is the one still open.
  if (place && !text && photos.length === 0) {
    draft.location = place;
    await save(state.step === "what" ? "what" : "photo", draft);
    ctx.reply(state.step === "what" ? "report-place-kept-what" : askPhoto, { place });
    return;
  }
  switch (state.step) {
    case "what": {
      if (!text) {
        if (photos.length) {
          await save("what", draft);
          ctx.reply("report-photo-kept", { photos: draft.attachments.length });
          return;
        }
        throw new Refusal("refuse-report-empty");
      }
      checkLength(text, ctx.deps.config.SENTINEL_MAX_TEXT);
      const { description, location } = splitLocation(text);
      if (!description) throw new Refusal("refuse-report-empty");
      if (location) {
        checkLength(location, MAX_LOCATION);
        await save("photo", { ...draft, description, location });
        ctx.reply(askPhoto);
        return;
      }
      // Where it is may already be known (a place shared first).
      await save(draft.location ? "photo" : "where", { ...draft, description: text });
      ctx.reply(draft.location ? askPhoto : "report-ask-where");
      return;
    }
    case "where": {
      if (!text && photos.length) {
        await save("where", draft);
        ctx.reply("report-photo-kept", { photos: draft.attachments.length });
        return;
      }
      if (!text) throw new Refusal("report-ask-where");
      if (!isSkip(text)) checkLength(text, MAX_LOCATION);
      await save("photo", { ...draft, location: isSkip(text) ? null : text });
      ctx.reply(askPhoto);
      return;
    }
    default: {
      // "photo": a photo files at once with it; a skip word files without; other text is taken as more detail.
      if (!photos.length && text && !isSkip(text)) {
        const more = `${draft.description ?? ""}\n${text}`.trim();
        checkLength(more, ctx.deps.config.SENTINEL_MAX_TEXT);
        draft.description = more;
      }
      await repo.deleteConversation(msg.platform, msg.chatId, msg.sender.id);
      await file(ctx, { description: draft.description ?? "", location: draft.location ?? null, attachments: draft.attachments });
    }
  }
}

async function cancel(ctx: Ctx): Promise<void> {
  const open = await ctx.repo.getConversation(ctx.msg.platform, ctx.msg.chatId, ctx.msg.sender.id);
  const had = await ctx.repo.deleteConversation(ctx.msg.platform, ctx.msg.chatId, ctx.msg.sender.id);
  // A self-inspection dialog records each answer as it comes: those stay.
  const kept = open?.kind === "check";
  ctx.reply(!had ? "cancel-nothing" : kept ? "check-dialog-cancelled" : "cancel-done");
}

/** Hazard reports: one line, or a short guided dialog (what → where → photo). */
export const reporting: Feature = {
  commands: { report, cancel },
  dialogs: { report: { version: 1, step, takesPlaces: true } },
};
