import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { Bot, GrammyError, InputFile, webhookCallback, type Transformer } from "grammy";
import type { BotCommand } from "grammy/types";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Logger } from "../../log.ts";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import type { Prompts } from "../../core/i18n.ts";
import { SPELLINGS, type CommandName } from "../../core/parse.ts";
import { TELEGRAM, toIncoming } from "./convert.ts";
import { splitText } from "../pacer.ts";

export interface TelegramOptions {
  token: string;
  /** A self-hosted Bot API server, or an emulator in tests (TELEGRAM_API_ROOT); files are downloaded from it too. */
  apiRoot?: string | undefined;
  /** Webhook mode: Telegram posts updates to this URL, which must reach `webhookPort` here. */
  webhook?: { url: string; secret: string; port: number } | undefined;
  prompts: Prompts;
  log: Logger;
  /** Delete a tip posted in a group where the bot is an admin allowed to (TELEGRAM_DELETE_GROUP_TIPS). */
  deleteGroupTips?: boolean;
  /** Extra API transformers (tests pace polling against an emulator that has no long polling). */
  transformers?: Transformer[];
}

/** Commands shown in Telegram's menu, per kind of chat; descriptions come from prompts (`tgcmd-<name>`). */
export const MENU: { scope: "all_private_chats" | "all_group_chats"; commands: CommandName[] }[] = [
  { scope: "all_private_chats", commands: ["tip", "tip-status", "tip-reply", "tip-claim", "status", "mine", "tips", "deadlines", "web", "help", "lang", "cancel"] },
  { scope: "all_group_chats", commands: ["report", "check", "checklist", "checks", "status", "withdraw", "mine", "photos", "stats", "list", "overdue", "submitted", "export", "ledger", "help"] },
];

/**
 * The throttler's own limits (30 messages a second overall; 20 a minute and one a second per group), with the
 * heartbeat that refills them set to each limit's scale instead of Bottleneck's 250 ms for all:
 * - overall, 20 ms: a refill waits for the first heartbeat after its second is up, so at 250 ms a second of sends took
 *   about 1.03 s on average and a 1,000-chat reminder round 1.06× the limit's ideal (issue 13);
 * - per group, 1 s: every group a round reaches keeps a limiter for minutes, and 10,000 of them at 250 ms woke the
 *   process 40,000 times a second.
 * Neither lets more through than the limit.
 */
const GLOBAL_RATE = { reservoir: 30, reservoirRefreshAmount: 30, reservoirRefreshInterval: 1000, heartbeatInterval: 20 };
const GROUP_RATE = { maxConcurrent: 1, minTime: 1000, reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000, heartbeatInterval: 1000 };

/**
 * Telegram through grammY: long polling with `@grammyjs/runner` (one chat's updates in order, chats in parallel), or a
 * webhook on a small HTTP server. Outgoing calls go through auto-retry (429s, flood waits) and the throttler (about 30
 * messages a second overall, 20 a minute per group), so a reminder round never trips Telegram's limits.
 */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = TELEGRAM;
  readonly bot: Bot;
  private runner: RunnerHandle | null = null;
  private server: Server | null = null;
  private stopped = () => {};
  private stopping = false;
  /** Updates being handled, so a stop can let them finish. */
  private readonly inFlight = new Set<Promise<void>>();
  connected = false;

  constructor(private readonly opts: TelegramOptions) {
    this.bot = new Bot(opts.token, opts.apiRoot ? { client: { apiRoot: opts.apiRoot } } : {});
    for (const t of opts.transformers ?? []) this.bot.api.config.use(t);
    this.bot.api.config.use(apiThrottler({ global: GLOBAL_RATE, group: GROUP_RATE }));
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    this.bot.catch((err) => opts.log.error({ module: "telegram", op: "update", err: err.error }, "update failed"));
  }

  async start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    const log = this.opts.log.child({ module: "telegram" });
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
    this.bot.on("message", async (ctx) => {
      const msg = toIncoming(ctx.message, this.bot.botInfo.username, (fileId) => this.download(fileId));
      if (!msg) return;
      const work = handle(msg);
      this.inFlight.add(work);
      try {
        await work;
      } finally {
        this.inFlight.delete(work);
      }
    });
    // Added to a group: say how to bind it (the core takes it from there).
    this.bot.on("my_chat_member", async (ctx) => {
      const { chat, new_chat_member } = ctx.myChatMember;
      if (chat.type === "private") return;
      const isIn = (st: string) => st === "member" || st === "administrator";
      const joined = isIn(new_chat_member.status);
      log.info({ op: "membership", joined }, joined ? "added to a group" : "removed from a group");
      if (joined && !isIn(ctx.myChatMember.old_chat_member.status)) {
        const lang = ctx.from?.language_code?.startsWith("en") ? "en" : "zh-CN";
        await this.send({ platform: TELEGRAM, chatId: String(chat.id), text: this.opts.prompts.t(lang, "telegram-added") });
      }
    });
    await this.bot.init();
    await this.registerCommands(log);
    if (this.stopping) return done;
    if (this.opts.webhook) {
      const { url, secret, port } = this.opts.webhook;
      // A slow update (a reply held by the throttler) answers Telegram in time and goes on being handled.
      const callback = webhookCallback(this.bot, "http", { secretToken: secret, onTimeout: "return" });
      this.server = createServer((req, res) => {
        if (req.method !== "POST") return void res.writeHead(404).end();
        callback(req, res).catch((err: unknown) => log.error({ op: "webhook", err }, "webhook update failed"));
      });
      await new Promise<void>((r) => this.server!.listen(port, r));
      await this.bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ["message", "my_chat_member"] });
      log.info({ op: "start", mode: "webhook", port }, "telegram webhook listening");
    } else {
      await this.bot.api.deleteWebhook().catch(() => undefined);
      this.runner = run(this.bot, { runner: { fetch: { allowed_updates: ["message", "my_chat_member"] } } });
      // Polling that fails for good (another process polling the same token: 409) is logged and shows in /healthz.
      this.runner.task()?.catch((err: unknown) => {
        this.connected = false;
        log.error({ op: "polling", err }, "telegram polling stopped");
      });
      log.info({ op: "start", mode: "polling", bot: this.bot.botInfo.username }, "telegram polling");
    }
    this.connected = true;
    return done;
  }

  /** The menu in Chinese and English, per scope. A server without `setMyCommands` (an emulator) is a warning, not a crash. */
  private async registerCommands(log: Logger): Promise<void> {
    for (const { scope, commands } of MENU) {
      for (const lang of ["zh", "en"] as const) {
        const list: BotCommand[] = commands.map((c) => ({
          command: SPELLINGS[c].slash[0]!.replace(/ /g, "_"),
          description: this.opts.prompts.t(lang === "zh" ? "zh-CN" : "en", `tgcmd-${c}`),
        }));
        try {
          await this.bot.api.setMyCommands(list, { scope: { type: scope }, language_code: lang });
        } catch (err) {
          log.warn({ op: "setMyCommands", scope, lang, err: (err as Error).message }, "could not register the command menu");
          return;
        }
      }
    }
  }

  /**
   * The bytes of a file Telegram holds: `getFile` (through the bot's API, so throttled and retried like every call),
   * then `<apiRoot>/file/bot<token>/<file_path>`. A local Bot API server (`--local`) answers with an absolute path on
   * its own disk instead, read from there. Errors propagate: the core answers the person. They never name the URL,
   * which carries the token.
   */
  async download(fileId: string): Promise<Uint8Array> {
    const file = await this.bot.api.getFile(fileId);
    if (!file.file_path) throw new Error("Telegram gave no path for the file");
    if (path.isAbsolute(file.file_path)) return new Uint8Array(await readFile(file.file_path));
    const root = this.opts.apiRoot ?? "https://api.telegram.org";
    const res = await fetch(`${root}/file/bot${this.opts.token}/${file.file_path}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`Telegram file download failed: HTTP ${res.status}`);
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  async send(msg: OutgoingMessage): Promise<void> {
    if (msg.deleteMessageId && this.opts.deleteGroupTips !== false) {
      // Only where the bot is an admin with the right to delete; otherwise the text asks the sender to.
      await this.bot.api.deleteMessage(msg.chatId, Number(msg.deleteMessageId)).catch((err: unknown) =>
        this.opts.log.info({ module: "telegram", op: "delete", err }, "could not delete the group message"),
      );
    }
    const reply = {
      ...(msg.replyToMessageId ? { reply_parameters: { message_id: Number(msg.replyToMessageId), allow_sending_without_reply: true } } : {}),
      ...(msg.privateLink
        ? { reply_markup: { inline_keyboard: [[{ text: msg.privateLink.label, url: `https://t.me/${this.bot.botInfo.username}?start=${msg.privateLink.start}` }]] } }
        : {}),
    };
    const file = msg.file;
    let text = msg.text;
    if (file) {
      // A file on disk is streamed from there (a large export), never read whole into memory.
      const input = file.data ? new InputFile(file.data, file.filename) : file.path ? new InputFile(file.path, file.filename) : file.ref!;
      // A caption holds at most 1024 characters: a longer text follows the file as its own message.
      const captioned = msg.text.length <= CAPTION_MAX;
      const extra = { ...(captioned && msg.text ? { caption: msg.text } : {}), ...reply };
      try {
        if (file.kind === "photo") await this.bot.api.sendPhoto(msg.chatId, input, extra);
        else await this.bot.api.sendDocument(msg.chatId, input, extra);
        if (captioned) return;
      } catch (err) {
        // A file the server refuses (too large, or an emulator without files) still leaves the text.
        if (!(err instanceof GrammyError)) throw err;
        this.opts.log.warn({ module: "telegram", op: "send-file", err: err.description }, "file not sent; sending the text");
        if (file.failed) text = `${text}\n${file.failed}`;
      }
    }
    if (!text) return;
    // Telegram takes at most 4096 characters a message: a long answer goes in parts, split at line ends.
    for (const [i, part] of splitText(text, 4096).entries()) {
      await this.bot.api.sendMessage(msg.chatId, part, i === 0 ? reply : {});
    }
  }

  /** Stops taking updates, then waits for the ones in flight (their replies included). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.connected = false;
    if (this.runner?.isRunning()) await this.runner.stop();
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
    await Promise.allSettled([...this.inFlight]);
    this.stopped();
  }
}

/** Telegram's limit for a photo's or document's caption. */
const CAPTION_MAX = 1024;
/** A download that has not finished in this long is given up (the core answers the person). */
const DOWNLOAD_TIMEOUT_MS = 300_000;

