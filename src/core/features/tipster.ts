import { normalizeReceiptCode, formatReceiptCode, RECEIPT_DIGITS } from "../../domain/receipt-code.ts";
import { formatTipNumber, OPEN_TIP_STATUSES, TIP_STATUSES, type TipKind, TIP_KINDS } from "../../domain/tips.ts";
import type { ConversationRow, TipChange, TipRow, UnitRow } from "../../store/index.ts";
import { Refusal, checkLength, type AnonCtx } from "../context.ts";
import type { CommandName } from "../parse.ts";
import { parseTipKind, splitReceiptCode, words } from "../parse.ts";
import { Sealer } from "../sealer.ts";
import { placeText } from "../messages.ts";
import { startOfShanghaiDay, toHalfWidth } from "../../domain/dates.ts";
import { tipStatusText } from "./tip-text.ts";
import { countNewTip } from "../limits.ts";

/** The sealed content of a tip: what the tipster wrote. */
export interface TipContent {
  where: string;
  what: string;
  attachments: string[];
}

/** A named tipster's own account of who they are (sealed; they may withdraw it). */
export interface TipIdentity {
  name: string;
  phone: string;
}

/** The chat to notify, stored sealed and only when the tipster asked for notices. */
export interface TipContact {
  platform: string;
  chatId: string;
  lang: string;
}

/** The guided tip (dialog `tip`, version 1), stored sealed under the chat's keyed hash. */
interface TipDraft {
  kind?: TipKind;
  where?: string;
  what?: string;
  attachments: string[];
  /** After filing: the code, kept only until the tipster says it is saved. */
  code?: string;
  number?: string;
}

export const TIP_DIALOG = "tip";
const DIALOG_VERSION = 1;
const ANON = "anon";
const MAX_WHERE = 200;
const MAX_ATTACHMENTS = 9;
const SKIP_WORDS = ["跳过", "无", "没有", "完成", "好了", "skip", "none", "done", "no"];
const ANON_WORDS = ["匿名", "anonymous", "anon", "1", ...SKIP_WORDS];
const NAMED_WORDS = ["实名", "named", "2"];
const SAVED_WORDS = ["已保存", "保存了", "已记下", "记下了", "saved", "ok", "好的", "好"];
/**
 * Failed code look-ups allowed per chat, per hour. There is deliberately no overall limit: any shared count is one
 * that enough accounts can fill to lock every genuine tipster out, and the 86-bit code needs none (README, "Receipt
 * codes": a million accounts guessing for a year find a given tip with odds below one in 10^15).
 */
export const LOOKUP_LIMIT_PER_CHAT = 5;
/** A tip dialog is dropped after this long (it is dated to the day, so 24–48 hours). */
export const TIP_DIALOG_TTL_MS = 48 * 3600_000;

const isOneOf = (list: readonly string[], text: string) => list.includes(toHalfWidth(text).trim().toLowerCase());

async function loadDraft(ctx: AnonCtx): Promise<{ state: ConversationRow; draft: TipDraft } | null> {
  const state = await ctx.repo.getConversation(ANON, ctx.key, "-");
  if (!state) return null;
  return { state, draft: ctx.deps.sealer.open<TipDraft>(state.data.sealed as string) };
}

async function saveDraft(ctx: AnonCtx, step: string, draft: TipDraft): Promise<void> {
  const data = { sealed: ctx.deps.sealer.seal(draft) };
  await ctx.repo.saveConversation(ANON, ctx.key, "-", { kind: TIP_DIALOG, step, version: DIALOG_VERSION, data }, startOfDay(ctx));
}

/** Dialog rows carry the day, not the hour, like everything else of a tip. */
function startOfDay(ctx: AnonCtx): Date {
  return startOfShanghaiDay(ctx.today);
}

/** Whether this chat has a tip dialog under way (one read; used to route a message into the anonymous lane). */
export async function hasTipDialog(ctx: AnonCtx): Promise<boolean> {
  return (await ctx.repo.getConversation(ANON, ctx.key, "-")) !== null;
}

function kindMenu(ctx: AnonCtx): string {
  return TIP_KINDS.map((k, i) => `${i + 1}. ${ctx.t(`tip-kind-${k}`)}`).join("\n");
}

async function askNext(ctx: AnonCtx, draft: TipDraft): Promise<void> {
  if (!draft.kind) {
    await saveDraft(ctx, "kind", draft);
    ctx.out.push({ platform: ctx.msg.platform, chatId: ctx.msg.chatId, text: `${ctx.t("tip-ask-kind")}\n${kindMenu(ctx)}` });
  } else if (!draft.where) {
    await saveDraft(ctx, "where", draft);
    ctx.reply("tip-ask-where");
  } else if (!draft.what) {
    await saveDraft(ctx, "what", draft);
    ctx.reply("tip-ask-what");
  } else {
    await saveDraft(ctx, "photo", draft);
    ctx.reply("tip-ask-photo", { photos: draft.attachments.length });
  }
}

/**
 * Where a tip goes: the regulator above the enterprise it names, else the configured unit, else the first top unit
 * — the first of these that has a tip handler (on it or above it), so no tip lands where nobody can read it.
 */
async function receivingUnit(ctx: AnonCtx, where: string, what: string): Promise<UnitRow> {
  const units = await ctx.repo.listUnits();
  const byId = new Map(units.map((u) => [u.id, u]));
  const candidates: UnitRow[] = [];
  const named = await ctx.repo.tips.unitMentioned(`${where} ${what}`);
  if (named) {
    // The regulators at or above the unit named, nearest first, at any depth: never an enterprise or anything in it
    // (a department's, a plant's tip goes past its enterprise to the regulator above); a regulator named is its own.
    const above = named.path.split("/").filter(Boolean).map(Number).reverse();
    candidates.push(...above.map((id) => byId.get(id)).filter((u): u is UnitRow => u?.kind === "REGULATOR"));
  }
  const configured = ctx.deps.config.SENTINEL_TIP_UNIT && units.find((u) => u.name === ctx.deps.config.SENTINEL_TIP_UNIT);
  if (configured && configured.kind === "REGULATOR") candidates.push(configured);
  candidates.push(...units.filter((u) => u.parentId === null && u.kind === "REGULATOR"));
  for (const u of candidates) if ((await ctx.repo.tips.handlersOf(u.path)).length > 0) return u;
  throw new Refusal("tip-not-ready");
}

async function fileTip(ctx: AnonCtx, draft: TipDraft, identity: TipIdentity | null): Promise<void> {
  const { sealer } = ctx.deps;
  const unit = await receivingUnit(ctx, draft.where!, draft.what!);
  await countNewTip(ctx, { check: false });
  const code = Sealer.newReceiptCode();
  const year = Number(ctx.today.slice(0, 4));
  const content: TipContent = { where: draft.where!, what: draft.what!, attachments: draft.attachments };
  const id = await ctx.repo.tips.create({
    year,
    unitId: unit.id,
    kind: draft.kind!,
    codeHash: sealer.hashCode(code),
    receivedOn: ctx.today,
    content: sealer.seal(content),
    identity: identity ? sealer.seal(identity) : null,
  });
  await ctx.repo.tips.bindFiles(id, draft.attachments);
  const number = formatTipNumber(year, id);
  // The code is kept (sealed) only until the tipster confirms they saved it; then it exists nowhere but with them.
  await saveDraft(ctx, "saved", { attachments: [], code, number });
  ctx.reply(identity ? "tip-filed-named" : "tip-filed", { number, code: formatReceiptCode(code) });
}

async function start(ctx: AnonCtx, args: string): Promise<void> {
  const draft: TipDraft = { attachments: ctx.msg.attachments.map((a) => a.ref).slice(0, MAX_ATTACHMENTS) };
  if (args) {
    checkLength(args, ctx.deps.config.SENTINEL_MAX_TEXT);
    draft.what = args;
  }
  if ((await ctx.repo.tips.allHandlers()).length === 0) throw new Refusal("tip-not-ready");
  const open = await loadDraft(ctx);
  if (open?.state.step === "saved" && open.draft.code) {
    // A new tip would overwrite the code not yet confirmed saved: show it again first.
    ctx.reply("tip-code-again", { number: open.draft.number ?? "", code: formatReceiptCode(open.draft.code) });
    return;
  }
  // Told at the start, not after the tipster has written it all out.
  await countNewTip(ctx, { check: true });
  ctx.reply("tip-intro");
  await askNext(ctx, draft);
}

/** One answer in the guided tip. */
export async function tipStep(ctx: AnonCtx): Promise<void> {
  const loaded = await loadDraft(ctx);
  if (!loaded) return;
  const { state, draft } = loaded;
  if (ctx.now.getTime() - state.updatedAt.getTime() > TIP_DIALOG_TTL_MS) {
    // Dated to the day: a dialog from before yesterday is stale (the code, if any, is dropped with it).
    await ctx.repo.deleteConversation(ANON, ctx.key, "-");
    ctx.reply("tip-dialog-expired");
    return;
  }
  const photos = ctx.msg.attachments.map((a) => a.ref);
  // A shared place answers "where"; a voice note or a sticker answers nothing, and the dialog waits as it was.
  const place = ctx.msg.location && state.step === "where" ? placeText(ctx.msg.location) : "";
  const text = ctx.msg.text.trim() || place;
  if (!text && photos.length === 0 && (ctx.msg.unsupported || ctx.msg.location)) {
    ctx.reply("tip-unreadable", { kind: ctx.msg.unsupported ?? "location" });
    return;
  }
  draft.attachments = [...draft.attachments, ...photos].slice(0, MAX_ATTACHMENTS);
  switch (state.step) {
    case "kind": {
      const kind = parseTipKind(text);
      if (!kind) {
        if (photos.length && !text) return askNext(ctx, draft);
        throw new Refusal("tip-kind-unknown", { menu: kindMenu(ctx) });
      }
      return askNext(ctx, { ...draft, kind });
    }
    case "where": {
      if (!text) {
        if (photos.length) return askNext(ctx, draft);
        throw new Refusal("tip-ask-where");
      }
      checkLength(text, MAX_WHERE);
      return askNext(ctx, { ...draft, where: text });
    }
    case "what": {
      if (!text) {
        if (photos.length) return askNext(ctx, draft);
        throw new Refusal("tip-ask-what");
      }
      checkLength(text, ctx.deps.config.SENTINEL_MAX_TEXT);
      return askNext(ctx, { ...draft, what: text });
    }
    case "photo": {
      if (photos.length && !text) {
        await saveDraft(ctx, "photo", draft);
        ctx.reply("tip-photo-kept", { photos: draft.attachments.length });
        return;
      }
      if (text && !isOneOf(SKIP_WORDS, text)) {
        const more = `${draft.what ?? ""}\n${text}`.trim();
        checkLength(more, ctx.deps.config.SENTINEL_MAX_TEXT);
        draft.what = more;
      }
      await saveDraft(ctx, "identity", draft);
      ctx.reply("tip-ask-identity");
      return;
    }
    case "identity": {
      const [first, ...rest] = words(text);
      if (first && isOneOf(ANON_WORDS, first) && rest.length === 0) return fileTip(ctx, draft, null);
      if (first && isOneOf(NAMED_WORDS, first)) return fileTip(ctx, draft, parseIdentity(rest));
      throw new Refusal("tip-identity-usage");
    }
    default: {
      // "saved": the code stays showable until the tipster says it is saved.
      if (isOneOf(SAVED_WORDS, text)) {
        await ctx.repo.deleteConversation(ANON, ctx.key, "-");
        ctx.reply("tip-code-gone", { number: draft.number ?? "" });
        return;
      }
      ctx.reply("tip-code-again", { number: draft.number ?? "", code: formatReceiptCode(draft.code ?? "") });
    }
  }
}

function parseIdentity(rest: string[]): TipIdentity {
  const phone = rest.find((w) => /^\+?[\d-]{7,20}$/.test(toHalfWidth(w)));
  const name = rest.filter((w) => w !== phone).join(" ").trim();
  if (!phone || !name || [...name].length > 40) throw new Refusal("tip-identity-usage");
  return { name, phone: toHalfWidth(phone) };
}

async function cancel(ctx: AnonCtx): Promise<void> {
  const had = await ctx.repo.deleteConversation(ANON, ctx.key, "-");
  ctx.reply(had ? "tip-cancelled" : "cancel-nothing");
}

/**
 * The tip a receipt code opens. Failed look-ups count per chat (under a keyed hash), per hour; past the limit no code
 * is checked at all in that chat. A typo (length, check digits) is caught without a look-up and not counted.
 */
async function lookup(ctx: AnonCtx, args: string, usage: string): Promise<{ tip: TipRow; rest: string } | null> {
  const { code: typed, rest } = splitReceiptCode(args, RECEIPT_DIGITS);
  const parsed = normalizeReceiptCode(typed);
  if (!parsed.ok) throw new Refusal(parsed.reason === "empty" ? usage : "tip-code-typo");
  const window = new Date(Math.floor(ctx.now.getTime() / 3600_000) * 3600_000);
  const chatKey = `tip-code:${ctx.deps.sealer.hashChat("lookup", ctx.msg.platform, ctx.msg.chatId)}`;
  const tips = ctx.repo.tips;
  if ((await tips.hits(chatKey, window)) >= LOOKUP_LIMIT_PER_CHAT) {
    throw new Refusal("tip-code-throttled");
  }
  const tip = await tips.byCode(ctx.deps.sealer.hashCode(parsed.code));
  if (!tip) {
    // Counted and committed: this is an answer, not a refusal that would roll the count back.
    await tips.hit(chatKey, window);
    ctx.reply("tip-code-unknown");
    return null;
  }
  return { tip, rest };
}

/**
 * A tipster's step on an open tip. It guards on "not closed" only: a handler's step meanwhile (opening the tip, a
 * finding) does not make what the tipster adds wrong, but a close does, and then nothing is recorded.
 */
async function changeOpen(ctx: AnonCtx, tip: TipRow, change: TipChange, event: Parameters<AnonCtx["repo"]["tips"]["change"]>[3]): Promise<void> {
  if (!(await ctx.repo.tips.change(tip.id, { status: OPEN_TIP_STATUSES }, change, event))) {
    throw new Refusal("tip-closed", { number: formatTipNumber(tip.year, tip.id) });
  }
}

function requireOpen(tip: TipRow): void {
  if (tip.status === "CLOSED") throw new Refusal("tip-closed", { number: formatTipNumber(tip.year, tip.id) });
}

async function status(ctx: AnonCtx, args: string): Promise<void> {
  const found = await lookup(ctx, args, "tip-status-usage");
  if (!found) return;
  const { tip } = found;
  const events = await ctx.repo.tips.events(tip.id);
  ctx.out.push({
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    text: tipStatusText(ctx, tip, events),
    replyToMessageId: ctx.msg.messageId,
  });
}

async function reply(ctx: AnonCtx, args: string): Promise<void> {
  const found = await lookup(ctx, args, "tip-reply-usage");
  if (!found) return;
  const { tip, rest } = found;
  requireOpen(tip);
  if (!rest && ctx.msg.attachments.length === 0) throw new Refusal("tip-reply-usage");
  checkLength(rest, ctx.deps.config.SENTINEL_MAX_TEXT);
  const attachments = ctx.msg.attachments.map((a) => a.ref);
  await ctx.repo.tips.bindFiles(tip.id, attachments);
  const body = ctx.deps.sealer.seal({ text: rest, attachments });
  await changeOpen(ctx, tip, { unread: true }, { kind: "REPLY", actorId: null, body, on: ctx.today });
  ctx.reply("tip-reply-saved", { number: formatTipNumber(tip.year, tip.id) });
}

async function claim(ctx: AnonCtx, args: string): Promise<void> {
  const found = await lookup(ctx, args, "tip-claim-usage");
  if (!found) return;
  const { tip } = found;
  const number = formatTipNumber(tip.year, tip.id);
  if (tip.reward === "PAID") throw new Refusal("tip-claim-paid", { number });
  // A reward may be claimed after the tip is closed, until the tip is deleted at the end of the retention period.
  if (tip.substantiated === false) throw new Refusal("tip-claim-unsubstantiated", { number });
  if (tip.substantiated !== true) throw new Refusal("tip-claim-not-yet", { number });
  let now = tip;
  // Only a reward not yet claimed becomes claimed: a handler's approval at the same moment must not be undone.
  if (tip.reward === "NONE") {
    const claimed = await ctx.repo.tips.change(tip.id, { status: TIP_STATUSES, reward: "NONE" }, { reward: "CLAIMED", unread: true }, { kind: "CLAIMED", actorId: null, on: ctx.today });
    if (!claimed) now = (await ctx.repo.tips.get(tip.id)) ?? tip;
    if (now.reward === "PAID") throw new Refusal("tip-claim-paid", { number });
  }
  ctx.reply(now.identity ? "tip-claim-named" : "tip-claim-anonymous", {
    number,
    unit: now.unit.name,
    amount: now.reward === "APPROVED" ? (now.rewardYuan ?? 0) : "none",
  });
}

async function named(ctx: AnonCtx, args: string): Promise<void> {
  const found = await lookup(ctx, args, "tip-named-usage");
  if (!found) return;
  const { tip, rest } = found;
  requireOpen(tip);
  const identity = parseIdentity(words(rest));
  await changeOpen(ctx, tip, { identity: ctx.deps.sealer.seal(identity) }, { kind: "NAMED", actorId: null, on: ctx.today });
  ctx.reply("tip-named-done", { number: formatTipNumber(tip.year, tip.id) });
}

async function anon(ctx: AnonCtx, args: string): Promise<void> {
  const found = await lookup(ctx, args, "tip-anon-usage");
  if (!found) return;
  const { tip } = found;
  requireOpen(tip);
  await changeOpen(ctx, tip, { identity: null }, { kind: "ANONYMOUS", actorId: null, on: ctx.today });
  ctx.reply("tip-anon-done", { number: formatTipNumber(tip.year, tip.id) });
}

const ON_WORDS = ["开", "开启", "打开", "on", "yes"];
const OFF_WORDS = ["关", "关闭", "off", "no"];

async function notify(ctx: AnonCtx, args: string): Promise<void> {
  const found = await lookup(ctx, args, "tip-notify-usage");
  if (!found) return;
  const { tip, rest } = found;
  requireOpen(tip);
  const number = formatTipNumber(tip.year, tip.id);
  if (isOneOf(ON_WORDS, rest)) {
    const contact: TipContact = { platform: ctx.msg.platform, chatId: ctx.msg.chatId, lang: ctx.lang };
    await changeOpen(ctx, tip, { contact: ctx.deps.sealer.seal(contact) }, null);
    ctx.reply("tip-notify-on", { number });
  } else if (isOneOf(OFF_WORDS, rest)) {
    await changeOpen(ctx, tip, { contact: null }, null);
    ctx.reply("tip-notify-off", { number });
  } else {
    throw new Refusal("tip-notify-usage");
  }
}

/** The tipster's commands, all in the anonymous lane. */
export const tipsterCommands: Partial<Record<CommandName, (ctx: AnonCtx, args: string) => Promise<void>>> = {
  tip: start,
  "tip-status": status,
  "tip-reply": reply,
  "tip-claim": claim,
  "tip-named": named,
  "tip-anon": anon,
  "tip-notify": notify,
  cancel,
};
