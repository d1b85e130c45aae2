import { randomUUID } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import type { Attachment, IncomingMessage, OutgoingMessage, Place, UnsupportedKind } from "../../core/messages.ts";
import { sniff } from "../../core/files.ts";

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
  opts: { messageId?: string; attachments?: Attachment[]; replyTo?: { messageId: string; sender: string }; location?: Place; unsupported?: UnsupportedKind } = {},
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
    ...(opts.location ? { location: opts.location } : {}),
    ...(opts.unsupported ? { unsupported: opts.unsupported } : {}),
    ...(opts.replyTo ? { replyTo: { messageId: opts.replyTo.messageId, sender: { id: opts.replyTo.sender, name: opts.replyTo.sender } } } : {}),
  };
}

/**
 * How a message from the bot is printed: `[chat] ← text`, further lines indented; a file on a line of its own, where it
 * was saved: `📷 <path>` for a photo, `📎 <path>` for a document.
 */
export function formatOutgoing(msg: OutgoingMessage, savedAs?: string): string {
  const label = msg.chatId.startsWith("dm:") ? `@${msg.chatId.slice(3)}` : msg.chatId;
  const [first, ...rest] = msg.text.split("\n");
  const lines = [`[${label}] ← ${first}`, ...rest.map((l) => `   ${l}`)];
  if (savedAs) lines.push(`   ${msg.file?.kind === "photo" ? "📷" : "📎"} ${savedAs}`);
  return lines.join("\n");
}

/** An attachment whose bytes the console already has (a photo it drew, or bytes a test chose). */
export function bytesAttachment(kind: Attachment["kind"], data: Uint8Array, name?: string, ref = `console-${kind}-${randomUUID()}`): Attachment {
  const mime = sniff(data)?.mime ?? (name ? mimeOf(name) : undefined);
  return { kind, ref, ...(name ? { name } : {}), size: data.byteLength, ...(mime ? { mime } : {}), fetch: async () => data };
}

const MIME: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".heic": "image/heic",
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".zip": "application/zip",
};

/** The type a file's name suggests, for the common kinds (the core checks the bytes themselves). */
export function mimeOf(name: string): string | undefined {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? undefined : MIME[name.slice(dot).toLowerCase()];
}

/** Digits 0–9 in a 3×5 pixel font, row by row. */
const DIGITS = ["111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001", "111100111001111", "111100111101111", "111001001001001", "111101111101111", "111101111001111"];

/**
 * The console's stand-in for a camera: a real PNG with `n` drawn on it, on a colour that changes with `n`, and a
 * comment chunk with a random id, so no two photos are the same bytes (not even across restarts).
 */
export function consolePhoto(n: number): Uint8Array {
  const digits = String(n);
  const scale = 8;
  const textWidth = digits.length * 4 * scale - scale;
  const width = Math.max(160, textWidth + 32);
  const height = 120;
  const left = Math.floor((width - textWidth) / 2);
  const top = Math.floor((height - 5 * scale) / 2);
  const bg = [(n * 67) % 160 + 40, (n * 131) % 160 + 40, (n * 29) % 160 + 60];
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const gx = Math.floor((x - left) / scale);
      const gy = Math.floor((y - top) / scale);
      const d = Math.floor(gx / 4);
      const on = x >= left && y >= top && gy < 5 && d < digits.length && gx % 4 < 3 && DIGITS[Number(digits[d])]![gy * 3 + (gx % 4)] === "1";
      raw.set(on ? [255, 255, 255] : bg, row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("tEXt", Buffer.from(`Comment\0Sentinel console photo ${n} ${randomUUID()}`, "latin1")),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
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

  /**
   * Sends text (optionally with photos or files, or as a redelivery of `messageId`) and returns the bot's texts to this
   * chat. A photo or file given as a string is a bare platform reference (nothing to download); given as bytes, it
   * comes with a `fetch` that yields them, as a platform's download would.
   */
  async say(
    text: string,
    opts: {
      photos?: (string | Uint8Array)[];
      files?: (string | { name: string; data: Uint8Array })[];
      messageId?: string;
      replyTo?: { messageId: string; sender: string };
    } = {},
  ): Promise<string[]> {
    const attachments: Attachment[] = [
      ...(opts.photos ?? []).map((p) => (typeof p === "string" ? { kind: "photo" as const, ref: p } : bytesAttachment("photo", p))),
      ...(opts.files ?? []).map((f) => (typeof f === "string" ? { kind: "document" as const, ref: f } : bytesAttachment("document", f.data, f.name))),
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
