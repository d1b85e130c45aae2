import { WechatyBuilder, types, type Wechaty, type Message } from "wechaty";
import type { WechatyOptions } from "wechaty";
import { FileBox } from "file-box";
import qrcode from "qrcode-terminal";
import type { Logger } from "../../log.ts";
import type { Attachment, ChatAdapter, IncomingMessage, OutgoingMessage, Place, UnsupportedKind } from "../../core/messages.ts";

export const WECHAT = "wechat";

export interface WechatOptions {
  /** A puppet: its npm name (`WECHATY_PUPPET`) or an instance (tests pass wechaty-puppet-mock). */
  puppet: NonNullable<WechatyOptions["puppet"]>;
  puppetToken?: string | undefined;
  /** Where the session is kept (`<name>.memory-card.json`), so a restart logs in again where the puppet allows. */
  sessionName: string;
  /** Accept friend requests, so tipsters can reach the bot privately. */
  acceptFriends: boolean;
  /** Sends are paced: at least this long apart, plus up to `jitterMs`, to stay clear of WeChat's risk controls. */
  sendIntervalMs: number;
  jitterMs: number;
  log: Logger;
  /** Where the login QR code is drawn (the terminal by default). */
  showQr?: (qr: string) => void;
}

const TAKEN = new Set([types.Message.Text, types.Message.Image, types.Message.Attachment]);
/** Messages whose content the core does not read, passed on by kind so a waiting dialog can say what to send instead. */
const UNREAD: ReadonlyMap<types.Message, UnsupportedKind> = new Map([
  [types.Message.Audio, "voice"],
  [types.Message.Video, "video"],
  [types.Message.Emoticon, "sticker"],
]);

/**
 * WeChat through Wechaty. Rooms and private chats; in a room the bot's @-mention is removed before the core reads the
 * keywords (WeChat has no slash commands: every command has a Chinese keyword). Images and files come with a download
 * (the message's FileBox), which the core calls for what it keeps; files the core sends (its own, or photos it kept)
 * go out as FileBox. Sends go one at a time, paced.
 */
export class WechatAdapter implements ChatAdapter {
  readonly platform = WECHAT;
  readonly bot: Wechaty;
  connected = false;
  private queue: Promise<void> = Promise.resolve();
  private stopped = () => {};
  private stopping = false;
  /** Per chat, the message being handled: a chat's messages are handled one after another, as they came. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly opts: WechatOptions) {
    this.bot = WechatyBuilder.build({
      name: opts.sessionName,
      puppet: opts.puppet as never,
      ...(opts.puppetToken ? { puppetOptions: { token: opts.puppetToken } } : {}),
    });
  }

  async start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    const log = this.opts.log.child({ module: "wechat" });
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.bot.on("scan", (qr, status) => {
      if (status !== types.ScanStatus.Waiting && status !== types.ScanStatus.Timeout) return;
      log.info({ op: "scan" }, "scan the QR code in the terminal with WeChat to log in");
      if (this.opts.showQr) this.opts.showQr(qr);
      else qrcode.generate(qr, { small: true }, (art) => process.stderr.write(art + "\n"));
    });
    this.bot.on("login", (user) => {
      this.connected = true;
      log.info({ op: "login", user: user.id }, "logged in to WeChat");
    });
    this.bot.on("logout", () => {
      this.connected = false;
      log.warn({ op: "logout" }, "logged out of WeChat");
    });
    this.bot.on("friendship", async (f) => {
      if (f.type() !== types.Friendship.Receive || !this.opts.acceptFriends) return;
      await f.accept().catch((err: unknown) => log.warn({ op: "friendship", err }, "could not accept a friend request"));
    });
    this.bot.on("message", async (m) => {
      if (this.stopping) return;
      try {
        const msg = await this.toIncoming(m);
        if (!msg) return;
        const prev = this.chains.get(msg.chatId) ?? Promise.resolve();
        const next = prev.then(() => handle(msg)).catch((err: unknown) => log.error({ op: "message", err }, "message failed"));
        this.chains.set(msg.chatId, next);
        await next;
        if (this.chains.get(msg.chatId) === next) this.chains.delete(msg.chatId);
      } catch (err) {
        log.error({ op: "message", err }, "message failed");
      }
    });
    this.bot.on("error", (err) => log.error({ op: "wechaty", err }, "wechaty error"));
    await this.bot.start();
    // A puppet that logged in while Wechaty was starting (a kept session, the mock) may have done so before the
    // `login` listener could hear it.
    if (this.bot.isLoggedIn && !this.stopping) this.connected = true;
    return done;
  }

  /** A WeChat message as the core's neutral message, or null for what the core does not take. */
  async toIncoming(m: Message): Promise<IncomingMessage | null> {
    const kind = m.type();
    if (m.self() || !(TAKEN.has(kind) || UNREAD.has(kind) || kind === types.Message.Location)) return null;
    const room = m.room();
    const talker = m.talker();
    const place = kind === types.Message.Location ? await placeOf(m) : null;
    const text = kind === types.Message.Text ? (room ? this.withoutMention(await m.mentionText()) : m.text()).trim() : "";
    const attachments =
      kind === types.Message.Image ? [attachmentOf(m, "photo")] : kind === types.Message.Attachment ? [attachmentOf(m, "document")] : [];
    return {
      platform: WECHAT,
      chatId: room ? room.id : talker.id,
      chatType: room ? "group" : "private",
      ...(room ? { chatTitle: await room.topic() } : {}),
      messageId: m.id,
      sender: { id: talker.id, name: talker.name() },
      text,
      attachments,
      ...(place ? { location: place } : {}),
      ...(UNREAD.has(kind) ? { unsupported: UNREAD.get(kind)! } : kind === types.Message.Location && !place ? { unsupported: "other" as const } : {}),
    };
  }

  /** `@隐患哨兵 报隐患 …` → `报隐患 …`: where the puppet does not strip the bot's own mention, strip it here. */
  private withoutMention(text: string): string {
    const self = this.bot.isLoggedIn ? this.bot.currentUser.name() : "";
    const prefix = `@${self}`;
    return self && text.startsWith(prefix) && /^[\s\u2005]/.test(text.slice(prefix.length)) ? text.slice(prefix.length) : text;
  }

  /** Queued and paced; resolves when this message is out. */
  send(msg: OutgoingMessage): Promise<void> {
    const next = this.queue.then(async () => {
      await this.deliver(msg);
      const wait = this.opts.sendIntervalMs + Math.random() * this.opts.jitterMs;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async deliver(msg: OutgoingMessage): Promise<void> {
    // Room ids end in @chatroom (the pad protocols) or start with @@ (web WeChat); anything else is a person.
    const target = /^@@|@chatroom$/.test(msg.chatId) ? await this.bot.Room.find({ id: msg.chatId }) : await this.bot.Contact.find({ id: msg.chatId });
    if (!target) throw new Error("no such WeChat room or contact");
    let text = msg.text;
    try {
      // Bytes (a photo the bot kept, a table it made) go as a buffer FileBox: a puppet service uploads those as a stream.
      if (msg.file?.data) {
        await target.say(FileBox.fromBuffer(Buffer.from(msg.file.data), msg.file.filename));
      } else if (msg.file?.path) {
        await target.say(FileBox.fromFile(msg.file.path, msg.file.filename));
      } else if (msg.file?.ref) {
        const original = await this.bot.Message.find({ id: msg.file.ref });
        if (original) await original.forward(target);
      }
    } catch (err) {
      // A file the puppet cannot send still leaves the text.
      this.opts.log.warn({ module: "wechat", op: "send-file", err: (err as Error).name }, "file not sent; sending the text");
      if (msg.file?.failed) text = `${text}\n${msg.file.failed}`;
    }
    if (text) await target.say(text);
  }

  /** Stops taking messages, lets those in flight and the queued sends finish, then logs out of the puppet. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.connected = false;
    await Promise.allSettled([...this.chains.values()]);
    await this.queue;
    await this.bot.stop();
    this.stopped();
  }
}

/** A shared place, or null when the puppet cannot read one. */
async function placeOf(m: Message): Promise<Place | null> {
  try {
    const l = await m.toLocation();
    return { latitude: l.latitude(), longitude: l.longitude(), name: l.name(), address: l.address() };
  } catch {
    return null;
  }
}

/**
 * An image or file message as an attachment. Nothing is downloaded here: most images in a group are never kept, and a
 * puppet's `messageFile` fetches the whole file. The file's name comes with the message where the puppet gives it;
 * otherwise, like the type, it is filled in from the FileBox when `fetch` runs (the core reads both after it).
 */
function attachmentOf(m: Message, kind: Attachment["kind"]): Attachment {
  const filename = m.payload?.filename;
  const att: Attachment = {
    kind,
    ref: m.id,
    ...(filename ? { name: filename } : {}),
    fetch: async () => {
      const box = await m.toFileBox();
      const bytes = new Uint8Array(await box.toBuffer());
      if (!att.name && box.name) att.name = box.name;
      const type = box.mediaType;
      if (!att.mime && type && type !== "application/octet-stream" && type !== "application/unknown") att.mime = type;
      return bytes;
    },
  };
  return att;
}
