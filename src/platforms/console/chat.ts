import { randomUUID } from "node:crypto";
import type { Attachment, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";

export const CONSOLE = "console";

/** A chat on the console: a named group, or a person's private chat with the bot. */
export interface ConsoleRoom {
  id: string;
  type: "group" | "private";
  title: string;
}

export const groupRoom = (name: string): ConsoleRoom => ({ id: name, type: "group", title: name });
export const privateRoom = (person: string): ConsoleRoom => ({ id: `dm:${person}`, type: "private", title: person });

/** Builds the neutral message a person typing on the console sends. Pure, so the edge is testable. */
export function toIncoming(
  speaker: string,
  room: ConsoleRoom,
  text: string,
  opts: { messageId?: string; attachments?: Attachment[]; replyTo?: { messageId: string; sender: string } } = {},
): IncomingMessage {
  return {
    platform: CONSOLE,
    chatId: room.id,
    chatType: room.type,
    chatTitle: room.title,
    // Random, not a counter: ids must stay unique across restarts, or the claim table would take new messages for old ones.
    messageId: opts.messageId ?? randomUUID(),
    sender: { id: speaker, name: speaker },
    text,
    attachments: opts.attachments ?? [],
    ...(opts.replyTo ? { replyTo: { messageId: opts.replyTo.messageId, sender: { id: opts.replyTo.sender, name: opts.replyTo.sender } } } : {}),
  };
}

/** How a message from the bot is printed: `[chat] ← text`, further lines indented; a file as `📎 <where it was saved>`. */
export function formatOutgoing(msg: OutgoingMessage, savedAs?: string): string {
  const label = msg.chatId.startsWith("dm:") ? `@${msg.chatId.slice(3)}` : msg.chatId;
  const [first, ...rest] = msg.text.split("\n");
  const lines = [`[${label}] ← ${first}`, ...rest.map((l) => `   ${l}`)];
  if (savedAs) lines.push(`   📎 ${savedAs}`);
  return lines.join("\n");
}

/**
 * Parses `/as 张三@车间群` (group), `/as 张三` (张三's private chat with the bot), `/as @车间群` (same speaker, other group).
 * Returns null when the line is not an `/as` line or is malformed.
 */
export function parseAs(line: string, current: string): { speaker: string; room: ConsoleRoom } | null {
  const m = /^\/as\s+([^@\s]*)(?:\s*@\s*(\S.*))?$/.exec(line.trim());
  if (!m) return null;
  const speaker = m[1] || current;
  if (!speaker) return null;
  const group = m[2]?.trim();
  return { speaker, room: group && !["private", "私聊"].includes(group) ? groupRoom(group) : privateRoom(speaker) };
}

type Handle = (msg: IncomingMessage) => Promise<OutgoingMessage[]>;

/**
 * The scriptable console: several people in several chats, one bot. Used by tests and by the terminal.
 *
 * @example
 * const replies = await chat.as("张三").in("车间群").say("报隐患 配电箱门未关");
 */
export class ConsoleChat {
  /** Every message the bot sent, per chat id, in order. */
  readonly sent = new Map<string, OutgoingMessage[]>();

  constructor(private readonly handle: Handle) {}

  as(speaker: string): ConsoleSpeaker {
    return new ConsoleSpeaker(this, speaker, privateRoom(speaker));
  }

  /** Delivers one message and records what the bot sent back (to any chat). */
  async deliver(msg: IncomingMessage): Promise<OutgoingMessage[]> {
    const out = await this.handle(msg);
    for (const o of out) {
      const list = this.sent.get(o.chatId) ?? [];
      list.push(o);
      this.sent.set(o.chatId, list);
    }
    return out;
  }

  /** What the bot sent to a group (by name) or to a person's private chat (`@name`). */
  inbox(chat: string): string[] {
    const id = chat.startsWith("@") ? `dm:${chat.slice(1)}` : chat;
    return (this.sent.get(id) ?? []).map((o) => o.text);
  }
}

export class ConsoleSpeaker {
  constructor(
    private readonly chat: ConsoleChat,
    readonly name: string,
    readonly room: ConsoleRoom,
  ) {}

  /** The same person, in a group. */
  in(group: string): ConsoleSpeaker {
    return new ConsoleSpeaker(this.chat, this.name, groupRoom(group));
  }

  /** The same person, in their private chat with the bot. */
  privately(): ConsoleSpeaker {
    return new ConsoleSpeaker(this.chat, this.name, privateRoom(this.name));
  }

  /** Sends text (optionally with photos or files, or as a redelivery of `messageId`) and returns the bot's texts to this chat. */
  async say(
    text: string,
    opts: { photos?: string[]; files?: string[]; messageId?: string; replyTo?: { messageId: string; sender: string } } = {},
  ): Promise<string[]> {
    const attachments = [
      ...(opts.photos ?? []).map((ref) => ({ kind: "photo" as const, ref })),
      ...(opts.files ?? []).map((ref) => ({ kind: "document" as const, ref })),
    ];
    const msg = toIncoming(this.name, this.room, text, {
      attachments,
      ...(opts.messageId ? { messageId: opts.messageId } : {}),
      ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
    });
    const out = await this.chat.deliver(msg);
    return out.filter((o) => o.chatId === this.room.id).map((o) => o.text);
  }

  /** Like `say`, but returns the whole messages sent to this chat (with any file). */
  async send(text: string): Promise<OutgoingMessage[]> {
    const out = await this.chat.deliver(toIncoming(this.name, this.room, text));
    return out.filter((o) => o.chatId === this.room.id);
  }
}
