import { readFile } from "node:fs/promises";
import { AnonCtx, Ctx, Refusal, claimOf, tipDialogKey, type AfterCommitJob, type BotDeps, type Deliver } from "./context.ts";
import { TIPSTER_COMMANDS, firstWord, looksLikeSlashCommand, parseCommand, type CommandName, type ParsedCommand } from "./parse.ts";
import { parseHazardNumber } from "../domain/hazard-number.ts";
import { pickLang, type Lang } from "./i18n.ts";
import { cleanIncoming } from "./input.ts";
import { shanghaiDate } from "../domain/dates.ts";
import type { Attachment, IncomingMessage, OutgoingMessage, UnsupportedKind } from "./messages.ts";
import { fetchFiles, keepFiles, type FetchedFile } from "./files.ts";
import { groupTipPrompt } from "./capabilities.ts";
import { askForPrivateContact } from "./features/contact.ts";
import type { ConversationRow, Repo, Standing, UserRow } from "../store/index.ts";
import { setup } from "./features/setup.ts";
import { reportAtOnce, reporting, takesOneStatement } from "./features/report.ts";
import { lifecycle } from "./features/lifecycle.ts";
import { queries, statusAtOnce } from "./features/queries.ts";
import { help } from "./features/help.ts";
import { tipHandling } from "./features/tip-handling.ts";
import { tipGrants } from "./features/tip-grants.ts";
import { deadlines, onDocument } from "./features/deadlines.ts";
import { rewards } from "./features/rewards.ts";
import { backups } from "./features/backup.ts";
import { answerableSince, looksLikeCheckAnswers, onCheckAnswers, selfInspection } from "./features/checks.ts";
import { ledgers } from "./features/ledger.ts";
import { webLedger } from "./features/web.ts";
import { hasTipDialog, tipStep, tipsterCommands } from "./features/tipster.ts";
import { unitRules } from "./features/unit-rules.ts";
import { dualReporting } from "./features/dual-parties.ts";

export type { BotDeps, Deliver };

export type CommandHandler = (ctx: Ctx, args: string) => Promise<void>;

/** Keywords that still reach the normal lane while a tip dialog is under way (anything else is an answer). */
const THROUGH_DIALOG: ReadonlySet<CommandName> = new Set(["help", "start", "lang", "whoami"]);

/**
 * What the log calls a command. A tip handler's commands are one category: the log holds no time line of what was
 * done to tips, which with the order of a tip's events could bracket when a tipster wrote.
 */
const logName = (cmd: ParsedCommand | null): string => (!cmd ? "dialog" : cmd.name === "tips" || cmd.name.startsWith("tip-") ? "tip-desk" : cmd.name);

/** Commands whose first argument is a hazard number: in a group, a keyword followed by anything else is chatter. */
const TAKES_NUMBER: ReadonlySet<CommandName> = new Set([
  "confirm", "reject", "duplicate", "withdraw", "plan", "rectified", "apply-close", "return", "close", "supervise", "unsupervise", "status", "photos",
]);

/**
 * Whether a group message only looks like a command: a Chinese keyword (“确认 一下明天几点开会”) not followed by a hazard
 * number. Busy groups use these words in passing; the bot stays quiet rather than correct them. A slash command is
 * always meant for the bot and gets its usage.
 */
export function isChatter(msg: IncomingMessage, cmd: ParsedCommand | null): boolean {
  if (!cmd || msg.chatType !== "group" || !TAKES_NUMBER.has(cmd.name) || looksLikeSlashCommand(msg.text)) return false;
  const { ref } = firstWord(cmd.args);
  return !ref || parseHazardNumber(ref) === null;
}

/** Commands that need nothing stored about the sender (see the idle case in `handle`). */
const IDLE_COMMANDS: ReadonlySet<CommandName> = new Set(["help", "start", "cancel"]);

/** Someone the store does not know and need not: no id, no grants. */
function guest(s: { platform: string; platformUserId: string; displayName: string; username?: string | undefined; lang?: string | undefined }): UserRow {
  return { id: 0, platform: s.platform, platformUserId: s.platformUserId, displayName: s.displayName, username: s.username ?? null, lang: s.lang ?? null, superAdmin: false };
}

/**
 * A guided dialog: its stored state carries `version`; `migrate` upgrades older state or returns null to restart.
 * `step` returns `"pass"` for a message it does not take (a file while it waits for a photo): the message then goes on
 * as if no dialog were open (a submission, evidence), never swallowed. `takesPlaces`: a shared place answers it.
 */
export interface Dialog {
  version: number;
  step(ctx: Ctx, state: ConversationRow): Promise<void | "pass">;
  migrate?(state: ConversationRow): ConversationRow | null;
  takesPlaces?: boolean;
  /** A message the dialog passed on that got no answer there either (a file that is no submission): what to say. */
  unanswered?(ctx: Ctx, state: ConversationRow): void;
}

/**
 * What the bot cannot read from a message that has nothing else: a voice note, a video, a sticker (`unsupported`), or
 * a place where none is asked for. Null when it carries text or files.
 */
export function unreadable(msg: IncomingMessage, takesPlaces: boolean): UnsupportedKind | "location" | null {
  if (msg.text.trim() !== "" || msg.attachments.length > 0) return null;
  if (msg.unsupported) return msg.unsupported;
  if (msg.location && !takesPlaces) return "location";
  return null;
}

/** A feature: the commands and dialogs it owns. Features are wired in `createBot`, in order. */
export interface Feature {
  commands: Partial<Record<CommandName, CommandHandler>>;
  dialogs?: Record<string, Dialog>;
}

/** How many senders' standings in groups the process keeps (see `standings` in `createBot`). */
const MAX_STANDINGS = 10_000;

/** A dialog left untouched this long is dropped, so an old half-finished report does not swallow today's chat. */
export const DIALOG_TTL_MS = 6 * 60 * 60 * 1000;

export interface Bot {
  /**
   * Handles one message and returns what to send. Everything it changed is committed before it returns,
   * so a reply never promises data that a crash could lose. A message already handled returns nothing.
   *
   * Work a handler left for after the commit (`Ctx.afterCommit`: a large export) runs then, outside the transaction,
   * one such job at a time in the process. With `deliver`, the message's replies are handed to it as soon as they are
   * committed, then whatever the work sends, and `handle` resolves with nothing left to send once the work is done.
   * Without, `handle` resolves with all of it together when the work is done (a file the work wrote read into memory).
   */
  handle(msg: IncomingMessage, deliver?: Deliver): Promise<OutgoingMessage[]>;
}

/** A file the work wrote to disk, read into memory for a caller that takes the messages back (tests, scripts). */
async function inMemory(o: OutgoingMessage): Promise<OutgoingMessage> {
  if (!o.file?.path) return o;
  const { path, ...file } = o.file;
  return { ...o, file: { ...file, data: new Uint8Array(await readFile(path)) } };
}

/** The platform-neutral bot. Adapters feed it messages and send what it returns. */
export function createBot(deps: BotDeps): Bot {
  // Order matters only for readability: each command belongs to exactly one feature.
  const features: Feature[] = [setup, reporting, lifecycle, unitRules, queries, dualReporting, help, tipHandling, tipGrants, deadlines, ledgers, rewards, backups, selfInspection, webLedger];
  const commands = new Map<CommandName, CommandHandler>();
  const dialogs = new Map<string, Dialog>();
  for (const f of features) {
    for (const [name, h] of Object.entries(f.commands)) commands.set(name as CommandName, h);
    for (const [kind, d] of Object.entries(f.dialogs ?? {})) dialogs.set(kind, d);
  }
  const log = deps.log.child({ module: "bot" });
  // After-commit work runs one job at a time: a second export waits for the first rather than share two cores with it.
  let jobs: Promise<unknown> = Promise.resolve();
  const oneAtATime = (fn: () => Promise<void>): Promise<void> => {
    const run = jobs.then(fn, fn);
    jobs = run.catch(() => undefined);
    return run;
  };

  /** The error boundary: whatever a message carries and whatever fails, the caller gets replies, never an exception. */
  async function handle(raw: IncomingMessage, deliver?: Deliver): Promise<OutgoingMessage[]> {
    const lang = () => pickLang(raw.sender?.lang, deps.config.SENTINEL_LANG);
    try {
      const msg = cleanIncoming(raw);
      if (!msg) {
        log.info({ op: "handle", platform: raw.platform, refusal: "input-bad-id" }, "refused");
        return [{ platform: raw.platform, chatId: raw.chatId, text: deps.prompts.t(lang(), "input-bad-id") }];
      }
      return await handleClean(msg, deliver);
    } catch (err) {
      log.error({ op: "handle", platform: raw.platform, err }, "failed");
      return [{ platform: raw.platform, chatId: raw.chatId, text: deps.prompts.t(lang(), "error-internal") }];
    }
  }

  async function handleClean(received: IncomingMessage, deliver?: Deliver): Promise<OutgoingMessage[]> {
    let msg = received;
    const cmd = parseCommand(msg.text);
    if (isChatter(msg, cmd)) return [];
    const started = Date.now();
    // A 查询 goes first in one statement, which itself looks for a tip under way in a private chat (the look
    // `isTipster` would make); with one under way, the anonymous lane takes the message as ever.
    if (cmd?.name === "status" && msg.attachments.length === 0) {
      const at = await inOneStatement(msg, cmd, started);
      if (at) return at;
    }
    if (await isTipster(msg, cmd)) return anonymous(msg, cmd);
    let ctx: Ctx | null = null;
    try {
      // Ordinary group chat is not for the bot: answer only commands and the sender's own dialog,
      // and look for a dialog without a transaction, so chatter costs one read and no write.
      const document = msg.attachments.some((a) => a.kind === "document");
      // Answers to a self-inspection round (`1好 2好 3异常 …`, `全部正常`) need no keyword: they are for the bot only
      // while the group's unit has a round open (else `1好` is chatter too).
      if (!cmd && msg.chatType === "group" && !document) {
        const wanted = await deps.store.read(async (repo) => {
          if (await repo.getConversation(msg.platform, msg.chatId, msg.sender.id)) return true;
          if (!looksLikeCheckAnswers(msg.text)) return false;
          const binding = await repo.findBinding(msg.platform, msg.chatId);
          return !!binding && (await repo.checks.hasUnfinished(binding.unit.id, answerableSince(shanghaiDate(deps.clock()))));
        });
        if (!wanted) return [];
      }
      // The files are downloaded and kept before the transaction: a platform's reference stops resolving, the bytes do not.
      msg = await keepFiles(deps, msg);
      if (cmd?.name === "report" && msg.chatType === "group" && takesOneStatement(cmd.args)) {
        const at = await inOneStatement(msg, cmd, started);
        if (at) return at;
      }
      const done = await deps.store.transaction(async (repo) => {
        const sender = {
          platform: msg.platform,
          platformUserId: msg.sender.id,
          displayName: msg.sender.name,
          username: msg.sender.username,
          lang: msg.sender.lang,
        };
        const opened = await repo.openMessage({
          claim: claimOf(deps, msg),
          sender,
          // Idle words in a private chat (a greeting, /start, /help) leave no row behind: a tipster who says hello
          // before or after a tip must not become a dated entry in the sender table.
          touch: !(msg.chatType === "private" && (!cmd || IDLE_COMMANDS.has(cmd.name))),
          groupChatId: msg.chatType === "group" ? msg.chatId : null,
        });
        if (!opened.claimed) return null;
        const user = opened.user ?? guest(sender);
        const binding = opened.binding;
        ctx = new Ctx(deps, msg, repo, user, binding);
        await dispatch(ctx, cmd);
        await askForPrivateContact(ctx);
        // An adapter that cannot send a file says so in the chat's words, not only the caption.
        for (const o of ctx.out) if (o.file) o.file.failed ??= ctx.t("file-not-sent", { filename: o.file.filename });
        return { out: ctx.out, later: ctx.later, lang: ctx.lang };
      });
      if (done === null) {
        log.debug({ op: "handle", platform: msg.platform, outcome: "duplicate" }, "message already handled");
        return [];
      }
      log.info({ op: "handle", platform: msg.platform, command: logName(cmd), ms: Date.now() - started }, "handled");
      if (done.later.length === 0) return done.out;
      return await afterCommit(msg, cmd, done, deliver);
    } catch (err) {
      const c = ctx as Ctx | null;
      if (err instanceof Refusal) {
        log.info({ op: "handle", platform: msg.platform, command: logName(cmd), refusal: err.id }, "refused");
        const text = c ? c.t(err.id, err.args) : deps.prompts.t(pickLang(msg.sender.lang, deps.config.SENTINEL_LANG), err.id, err.args);
        return [{ platform: msg.platform, chatId: msg.chatId, text, replyToMessageId: msg.messageId }];
      }
      // No stack trace reaches a chat; the log has it, without the message text.
      log.error({ op: "handle", platform: msg.platform, command: logName(cmd), err }, "failed");
      const lang = pickLang(msg.sender.lang, deps.config.SENTINEL_LANG);
      return [{ platform: msg.platform, chatId: msg.chatId, text: deps.prompts.t(lang, "error-internal"), replyToMessageId: msg.messageId }];
    }
  }

  /**
   * What the process last read of each sender's standing in a chat (`Repo.standing`), by platform, chat and sender:
   * their next one-line report or 查询 there is one statement, which does nothing if the standing changed since
   * (another process may have changed it). Bounded: the entry read longest ago goes first.
   */
  const standings = new Map<string, Standing>();

  /**
   * `报隐患 <what>` in a group (`reportAtOnce`) or `查询 <number>` (`statusAtOnce`) in one statement; null when the message
   * takes the ordinary path: someone the store does not know yet or whose name changed (the ordinary path writes their
   * row), a report refused before it is filed, a standing that changed, a tip under way. A lane that fails (a database
   * that refuses its function, say) also leaves the message to the ordinary path, which has its own apology: the one
   * statement did nothing, or committed whole. Returns the replies, which come after the statement committed.
   */
  async function inOneStatement(msg: IncomingMessage, cmd: ParsedCommand, started: number): Promise<OutgoingMessage[] | null> {
    const key = JSON.stringify([msg.platform, msg.chatId, msg.sender.id]);
    const group = msg.chatType === "group" ? msg.chatId : null;
    const command = cmd.name;
    try {
      let standing = standings.get(key);
      if (!standing) {
        standing = (await deps.store.read((repo) => repo.standing(msg.platform, group, msg.sender.id))) ?? undefined;
        if (!standing) return null;
        if (standings.size >= MAX_STANDINGS) standings.delete(standings.keys().next().value!);
        standings.set(key, standing);
      }
      const { user, binding, print } = standing;
      // What `touchUser` would write (a new name, a first language) is the ordinary path's to write.
      if (user.displayName !== msg.sender.name || user.username !== (msg.sender.username ?? null) || (!user.lang && msg.sender.lang)) {
        standings.delete(key);
        return null;
      }
      const done = await deps.store.once(async (repo) => {
        const ctx = new Ctx(deps, msg, repo, user, binding);
        try {
          const outcome =
            command === "report"
              ? await reportAtOnce(ctx, cmd.args, print)
              : await statusAtOnce(ctx, cmd.args, { print, claim: claimOf(deps, msg), tipDialog: group === null ? tipDialogKey(deps, msg) : null });
          if (outcome === "stale") standings.delete(key);
          if (outcome === "stale" || outcome === "ordinary" || outcome === "busy") return null;
          return { out: ctx.out, outcome, refusal: outcome === "refused" ? "limit-reports" : null };
        } catch (err) {
          // A refusal after the claim (a number the sender may not see) is answered here: the claim has committed.
          if (!(err instanceof Refusal)) throw err;
          ctx.reply(err.id, err.args);
          return { out: ctx.out, outcome: "refused" as const, refusal: err.id };
        }
      });
      if (!done) return null;
      if (done.outcome === "duplicate") {
        log.debug({ op: "handle", platform: msg.platform, outcome: "duplicate" }, "message already handled");
        return [];
      }
      if (done.refusal) log.info({ op: "handle", platform: msg.platform, command, lane: "one-statement", refusal: done.refusal }, "refused");
      else log.info({ op: "handle", platform: msg.platform, command, lane: "one-statement", ms: Date.now() - started }, "handled");
      return done.out;
    } catch (err) {
      standings.delete(key);
      log.warn({ op: "handle", platform: msg.platform, command, lane: "one-statement", err }, "one-statement lane failed; the ordinary path takes the message");
      return null;
    }
  }

  /**
   * Runs the work a handler left for after the commit (the transaction is over: nothing here holds it). The replies
   * go first; each job's messages then go out as it sends them. A job that fails is logged by kind and the chat is
   * told; the replies already sent stand.
   */
  async function afterCommit(
    msg: IncomingMessage,
    cmd: ParsedCommand | null,
    done: { out: OutgoingMessage[]; later: AfterCommitJob[]; lang: Lang },
    deliver: Deliver | undefined,
  ): Promise<OutgoingMessage[]> {
    const kept: OutgoingMessage[] = [];
    const send: Deliver = deliver ?? (async (out) => void kept.push(...(await Promise.all(out.map(inMemory)))));
    await send(done.out);
    for (const job of done.later) {
      await oneAtATime(async () => {
        const started = Date.now();
        try {
          await job(send);
          log.info({ op: "after-commit", platform: msg.platform, command: logName(cmd), ms: Date.now() - started }, "after-commit work done");
        } catch (err) {
          log.error({ op: "after-commit", platform: msg.platform, command: logName(cmd), err }, "after-commit work failed");
          await send([{ platform: msg.platform, chatId: msg.chatId, text: deps.prompts.t(done.lang, "error-internal"), replyToMessageId: msg.messageId }]).catch(() => undefined);
        }
      });
    }
    return kept;
  }

  /**
   * Whether a message belongs to the anonymous lane: a tipster's command (in a group too, where it is turned away),
   * or, in a private chat, anything but a slash command while a tip dialog is under way.
   */
  async function isTipster(msg: IncomingMessage, cmd: ParsedCommand | null): Promise<boolean> {
    if (cmd && TIPSTER_COMMANDS.has(cmd.name)) return true;
    // Telegram's deep link from a group (t.me/<bot>?start=tip) opens the tip flow.
    if (cmd?.name === "start" && cmd.args === "tip" && msg.chatType === "private") return true;
    if (msg.chatType !== "private") return false;
    if (cmd && cmd.name !== "cancel" && (looksLikeSlashCommand(msg.text) || THROUGH_DIALOG.has(cmd.name))) return false;
    // A store that cannot answer is the normal lane's to report (with its apology).
    return deps.store.read((repo) => hasTipDialog(new AnonCtx(deps, msg, repo))).catch(() => false);
  }

  /**
   * The anonymous lane. Nothing here touches the sender's row, and nothing names the chat or the sender in the
   * store or the log: the claim is a keyed hash dated to the day, the dialog is sealed, and the log says only
   * that the lane ran (no time-matching detail, no ids, no error text, which could quote a value). Its answers are
   * marked `lane: "anonymous"`, so `/metrics` leaves them out as the log does.
   */
  async function anonymous(msg: IncomingMessage, cmd: ParsedCommand | null): Promise<OutgoingMessage[]> {
    return (await anonymousLane(msg, cmd)).map((o) => ({ ...o, lane: "anonymous" as const }));
  }

  async function anonymousLane(msg: IncomingMessage, cmd: ParsedCommand | null): Promise<OutgoingMessage[]> {
    let ctx: AnonCtx | null = null;
    try {
      // A tip's files are downloaded before the transaction and kept sealed with the tip, never in the file store.
      // In a group nothing of the message is kept, its files neither.
      const files = msg.chatType === "private" ? await fetchFiles(deps, msg) : [];
      const out = await deps.store.transaction(async (repo) => {
        const today = shanghaiDate(deps.clock());
        if (!(await repo.claimHashed(deps.sealer.hashChat("claim", msg.platform, msg.chatId, msg.messageId), today))) return null;
        const kept = files.length ? { ...msg, attachments: await keepTipFiles(repo, files, today) } : msg;
        ctx = new AnonCtx(deps, kept, repo);
        const known = await repo.findUserById(msg.platform, msg.sender.id);
        if (known?.lang) ctx.lang = pickLang(known.lang, deps.config.SENTINEL_LANG);
        if (msg.chatType === "group") {
          // Nothing of the message is stored or repeated: only the way to the private chat.
          // The words fit who can remove it (`Capabilities.groupTipRemoval`): the bot where it may, else its sender;
          // a button into the private chat where the platform has one.
          const c = ctx as AnonCtx;
          const removal = groupTipPrompt(msg.platform);
          c.out.push({
            platform: msg.platform,
            chatId: msg.chatId,
            text: c.t(removal),
            ...(removal === "tip-in-group" ? { deleteMessageId: msg.messageId } : {}),
            privateLink: { label: c.t("tip-private-button"), start: "tip" },
          });
          return ctx.out;
        }
        const deepLink = cmd?.name === "start" && cmd.args === "tip";
        const handler = deepLink ? tipsterCommands.tip : cmd && tipsterCommands[cmd.name];
        if (handler) await handler(ctx, deepLink ? "" : cmd!.args);
        else await tipStep(ctx);
        return ctx.out;
      });
      return out ?? [];
    } catch (err) {
      const c = ctx as AnonCtx | null;
      if (err instanceof Refusal) {
        const text = c ? c.t(err.id, err.args) : deps.prompts.t(pickLang(msg.sender.lang, deps.config.SENTINEL_LANG), err.id, err.args);
        return [{ platform: msg.platform, chatId: msg.chatId, text, replyToMessageId: msg.messageId }];
      }
      log.error({ op: "tip", err: { name: (err as Error)?.name ?? "unknown" } }, "tip lane failed");
      const lang = pickLang(msg.sender.lang, deps.config.SENTINEL_LANG);
      return [{ platform: msg.platform, chatId: msg.chatId, text: deps.prompts.t(lang, "error-internal") }];
    }
  }

  /** A tip's files, sealed into the store (not yet bound to a tip: the tip dialog binds them when it files the tip). */
  async function keepTipFiles(repo: Repo, files: FetchedFile[], today: string): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const f of files) out.push({ kind: f.attachment.kind, ref: await repo.tips.addFile(f.attachment.kind, deps.sealer.sealBytes(f.data), today) });
    return out;
  }

  async function dispatch(ctx: Ctx, cmd: ReturnType<typeof parseCommand>): Promise<void> {
    const { msg, repo } = ctx;
    if (cmd) {
      await commands.get(cmd.name)!(ctx, cmd.args);
      return;
    }
    const state = await repo.getConversation(msg.platform, msg.chatId, msg.sender.id);
    const dialog = state && dialogs.get(state.kind);
    if (state && dialog) {
      if (ctx.now.getTime() - state.updatedAt.getTime() > DIALOG_TTL_MS) {
        await repo.deleteConversation(msg.platform, msg.chatId, msg.sender.id);
        if (msg.chatType === "private") ctx.reply("dialog-expired");
        return;
      }
      const current = state.version === dialog.version ? state : (dialog.migrate?.(state) ?? null);
      if (!current) {
        await repo.deleteConversation(msg.platform, msg.chatId, msg.sender.id);
        ctx.reply("dialog-outdated");
        return;
      }
      // A message with nothing the dialog can read keeps the dialog as it is and says what to send instead.
      const kind = unreadable(msg, dialog.takesPlaces ?? false);
      if (kind) {
        ctx.reply("dialog-unreadable", { kind });
        return;
      }
      if ((await dialog.step(ctx, current)) !== "pass") return;
      const before = ctx.out.length;
      await ordinary(ctx);
      if (ctx.out.length === before) dialog.unanswered?.(ctx, current);
      return;
    }
    await ordinary(ctx);
  }

  /** A message with no command and no dialog that takes it: answers to a round, a submission, or the private hint. */
  async function ordinary(ctx: Ctx): Promise<void> {
    const { msg } = ctx;
    if (msg.chatType === "group") {
      if (await onCheckAnswers(ctx)) return;
      return onDocument(ctx);
    }
    const kind = unreadable(msg, false);
    if (kind) ctx.reply("private-unreadable", { kind });
    else ctx.reply(looksLikeSlashCommand(msg.text) ? "unknown-command" : "hint-private");
  }

  return { handle };
}
