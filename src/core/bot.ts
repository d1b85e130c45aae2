import { Ctx, Refusal, type BotDeps } from "./context.ts";
import { looksLikeSlashCommand, parseCommand, type CommandName } from "./parse.ts";
import { pickLang } from "./i18n.ts";
import type { IncomingMessage, OutgoingMessage } from "./messages.ts";
import type { ConversationRow } from "../store/index.ts";
import { setup } from "./features/setup.ts";
import { reporting } from "./features/report.ts";
import { lifecycle } from "./features/lifecycle.ts";
import { queries } from "./features/queries.ts";
import { help } from "./features/help.ts";

export type { BotDeps };

export type CommandHandler = (ctx: Ctx, args: string) => Promise<void>;

/** A guided dialog: its stored state carries `version`; `migrate` upgrades older state or returns null to restart. */
export interface Dialog {
  version: number;
  step(ctx: Ctx, state: ConversationRow): Promise<void>;
  migrate?(state: ConversationRow): ConversationRow | null;
}

/** A feature: the commands and dialogs it owns. Features are wired in `createBot`, in order. */
export interface Feature {
  commands: Partial<Record<CommandName, CommandHandler>>;
  dialogs?: Record<string, Dialog>;
}

/** A dialog left untouched this long is dropped, so an old half-finished report does not swallow today's chat. */
export const DIALOG_TTL_MS = 6 * 60 * 60 * 1000;

export interface Bot {
  /**
   * Handles one message and returns what to send. Everything it changed is committed before it returns,
   * so a reply never promises data that a crash could lose. A message already handled returns nothing.
   */
  handle(msg: IncomingMessage): Promise<OutgoingMessage[]>;
}

/** The platform-neutral bot. Adapters feed it messages and send what it returns. */
export function createBot(deps: BotDeps): Bot {
  // Order matters only for readability: each command belongs to exactly one feature.
  const features: Feature[] = [setup, reporting, lifecycle, queries, help];
  const commands = new Map<CommandName, CommandHandler>();
  const dialogs = new Map<string, Dialog>();
  for (const f of features) {
    for (const [name, h] of Object.entries(f.commands)) commands.set(name as CommandName, h);
    for (const [kind, d] of Object.entries(f.dialogs ?? {})) dialogs.set(kind, d);
  }
  const log = deps.log.child({ module: "bot" });

  async function handle(msg: IncomingMessage): Promise<OutgoingMessage[]> {
    const cmd = parseCommand(msg.text);
    const started = Date.now();
    // Ordinary group chat is not for the bot: answer only commands and the sender's own dialog,
    // and look for a dialog without a transaction, so chatter costs one read and no write.
    if (!cmd && msg.chatType === "group") {
      const open = await deps.store.transaction((repo) => repo.getConversation(msg.platform, msg.chatId, msg.sender.id));
      if (!open) return [];
    }
    let ctx: Ctx | null = null;
    try {
      const out = await deps.store.transaction(async (repo) => {
        if (!(await repo.claimMessage(msg.platform, msg.chatId, msg.messageId))) return null;
        const user = await repo.touchUser({
          platform: msg.platform,
          platformUserId: msg.sender.id,
          displayName: msg.sender.name,
          username: msg.sender.username,
          lang: msg.sender.lang,
        });
        const binding = msg.chatType === "group" ? await repo.findBinding(msg.platform, msg.chatId) : null;
        ctx = new Ctx(deps, msg, repo, user, binding);
        await dispatch(ctx, cmd);
        return ctx.out;
      });
      if (out === null) {
        log.debug({ op: "handle", platform: msg.platform, outcome: "duplicate" }, "message already handled");
        return [];
      }
      log.info({ op: "handle", platform: msg.platform, command: cmd?.name ?? "dialog", ms: Date.now() - started }, "handled");
      return out;
    } catch (err) {
      const c = ctx as Ctx | null;
      if (err instanceof Refusal) {
        log.info({ op: "handle", platform: msg.platform, command: cmd?.name ?? "dialog", refusal: err.id }, "refused");
        const text = c ? c.t(err.id, err.args) : deps.prompts.t(deps.config.SENTINEL_LANG, err.id, err.args);
        return [{ platform: msg.platform, chatId: msg.chatId, text, replyToMessageId: msg.messageId }];
      }
      // No stack trace reaches a chat; the log has it, without the message text.
      log.error({ op: "handle", platform: msg.platform, command: cmd?.name ?? "dialog", err }, "failed");
      const lang = pickLang(msg.sender.lang, deps.config.SENTINEL_LANG);
      return [{ platform: msg.platform, chatId: msg.chatId, text: deps.prompts.t(lang, "error-internal"), replyToMessageId: msg.messageId }];
    }
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
      await dialog.step(ctx, current);
      return;
    }
    if (msg.chatType === "private") ctx.reply(looksLikeSlashCommand(msg.text) ? "unknown-command" : "hint-private");
  }

  return { handle };
}
