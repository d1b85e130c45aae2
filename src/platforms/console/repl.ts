import { randomUUID } from "node:crypto";
import { constants, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Attachment, ChatAdapter, IncomingMessage, OutgoingFile, OutgoingMessage, Place, UnsupportedKind } from "../../core/messages.ts";
import { bytesAttachment, consolePhoto, formatOutgoing, mimeOf, parseAs, privateRoom, toIncoming, type ConsoleRoom } from "./chat.ts";

export interface ReplOptions {
  input: Readable;
  output: Writable;
  /** Who is typing at first. */
  speaker: string;
  /** The console's own words (banner, `/as` confirmations), from prompts. */
  say: (id: string, args?: Record<string, string>) => string;
  /** Where files the bot sends (photos included) are saved: the console cannot show them, so it prints their path. */
  outbox: string;
}

/**
 * The terminal chat. Lines are handled one at a time, in order; `/as 张三@车间群` switches speaker and chat,
 * `/photo [path] [caption]` sends a photo (a local file, or one the console draws), `/file <path> [caption]` a local
 * file as a document, `/location 纬度,经度 [名称]` a map pin, `/voice`, `/video`, `/sticker` a message the bot cannot read
 * (to try what it answers), `/again` delivers the last message once more (as a platform redelivery would), `/quit` ends.
 * Everything else goes to the bot as that person in that chat. A path with spaces is quoted: `/file "月 报.xlsx" 月报`.
 */
export class ConsoleRepl implements ChatAdapter {
  readonly platform = "console";
  private speaker: string;
  private room: ConsoleRoom;
  private last: IncomingMessage | null = null;
  private photoCount = 0;
  private closed: Promise<void> | null = null;
  private rl: ReturnType<typeof createInterface> | null = null;

  constructor(private readonly opts: ReplOptions) {
    this.speaker = opts.speaker;
    this.room = privateRoom(opts.speaker);
  }

  private print(text: string): void {
    this.opts.output.write(text + "\n");
  }

  private prompt(): string {
    return this.room.type === "group" ? `${this.speaker}@${this.room.title}> ` : `${this.speaker}> `;
  }

  async send(msg: OutgoingMessage): Promise<void> {
    let saved: string | undefined;
    if (msg.file?.data || msg.file?.path) saved = this.save(msg.file);
    else if (msg.file?.ref) saved = msg.file.ref;
    this.print(formatOutgoing(msg, saved));
  }

  /**
   * Saves a file the bot sent to the outbox, under its own name (never a path out of the outbox); a name already
   * there gets `-2`, `-3`, … so an earlier file (another hazard's photo of the same name) is never overwritten.
   */
  private save(file: OutgoingFile): string {
    mkdirSync(this.opts.outbox, { recursive: true });
    const base = path.basename(file.filename) || (file.kind === "photo" ? "photo" : "file");
    const ext = path.extname(base);
    const stem = base.slice(0, base.length - ext.length);
    for (let i = 1; ; i++) {
      const target = path.join(this.opts.outbox, i === 1 ? base : `${stem}-${i}${ext}`);
      try {
        if (file.data) writeFileSync(target, file.data, { flag: "wx" });
        else copyFileSync(file.path!, target, constants.COPYFILE_EXCL);
        return target;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
    }
  }

  /** Reads lines until end of input or `/quit`; resolves when the console is done. */
  start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    const rl = createInterface({ input: this.opts.input, output: this.opts.output, terminal: false });
    this.rl = rl;
    this.closed = (async () => {
      this.opts.output.write(this.prompt());
      for await (const raw of rl) {
        const line = raw.trim();
        if (line === "/quit" || line === "/exit") break;
        // A line that fails (whatever the cause) is reported and the console reads on: one bad line must not end it.
        if (line) await this.line(line, handle).catch((err: unknown) => this.print(this.opts.say("console-error", { kind: err instanceof Error ? err.name : typeof err })));
        this.opts.output.write(this.prompt());
      }
      rl.close();
    })();
    return this.closed;
  }

  private async line(line: string, handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    if (line.startsWith("/as")) {
      const who = parseAs(line, this.speaker);
      if (!who) {
        this.print(this.opts.say("console-as-usage"));
        return;
      }
      this.speaker = who.speaker;
      this.room = who.room;
      this.print(this.opts.say(who.room.type === "group" ? "console-as-group" : "console-as-private", { who: who.speaker, chat: who.room.title }));
      return;
    }
    if (line === "/again") {
      if (this.last) await handle(this.last);
      return;
    }
    let msg: IncomingMessage;
    const photo = /^\/photo(?:\s+(.*))?$/.exec(line);
    const file = /^\/file(?:\s+(.*))?$/.exec(line);
    if (photo) {
      // A readable file named first is the photo; otherwise everything is the caption, and the console draws a photo.
      const rest = photo[1] ?? "";
      const local = await this.localFile("photo", rest);
      if (local) {
        msg = toIncoming(this.speaker, this.room, local.caption, { attachments: [local.attachment] });
      } else if (looksLikePath(firstWord(rest).word)) {
        // A path that cannot be read is a mistake to name, not a caption to send (it would go as chatter, unanswered).
        this.print(this.opts.say("console-no-file", { path: firstWord(rest).word }));
        return;
      } else {
        this.photoCount += 1;
        msg = toIncoming(this.speaker, this.room, rest, { attachments: [bytesAttachment("photo", consolePhoto(this.photoCount), `photo-${this.photoCount}.png`)] });
      }
    } else if (file) {
      const rest = file[1] ?? "";
      if (!rest) {
        this.print(this.opts.say("console-file-usage"));
        return;
      }
      const local = await this.localFile("document", rest);
      if (!local) {
        this.print(this.opts.say("console-no-file", { path: firstWord(rest).word }));
        return;
      }
      msg = toIncoming(this.speaker, this.room, local.caption, { attachments: [local.attachment] });
    } else if (/^\/(voice|video|sticker)$/.test(line)) {
      msg = toIncoming(this.speaker, this.room, "", { unsupported: line.slice(1) as UnsupportedKind });
    } else if (/^\/location(\s|$)/.test(line)) {
      const pin = /^\/location\s+(-?\d+(?:\.\d+)?)\s*[,，]\s*(-?\d+(?:\.\d+)?)(?:\s+(.+))?$/.exec(line);
      if (!pin) {
        this.print(this.opts.say("console-location-usage"));
        return;
      }
      const location: Place = { latitude: Number(pin[1]), longitude: Number(pin[2]), ...(pin[3] ? { name: pin[3].trim() } : {}) };
      msg = toIncoming(this.speaker, this.room, "", { location });
    } else {
      msg = toIncoming(this.speaker, this.room, line);
    }
    this.last = msg;
    await handle(msg);
  }

  /**
   * The file a line names first, when it is a readable local file: an attachment that reads it when the core asks
   * (name and size now), and the rest of the line as the caption. Null when the first word is not such a file.
   */
  private async localFile(kind: Attachment["kind"], rest: string): Promise<{ attachment: Attachment; caption: string } | null> {
    const { word, after } = firstWord(rest);
    if (!word) return null;
    const full = path.resolve(word === "~" || word.startsWith("~/") ? path.join(homedir(), word.slice(1)) : word);
    try {
      const st = await stat(full);
      if (!st.isFile()) return null;
      await access(full, constants.R_OK);
      const name = path.basename(full);
      const mime = mimeOf(name);
      const attachment: Attachment = {
        kind,
        ref: `console-${kind}-${randomUUID()}`,
        name,
        size: st.size,
        ...(mime ? { mime } : {}),
        fetch: async () => new Uint8Array(await readFile(full)),
      };
      return { attachment, caption: after };
    } catch {
      return null;
    }
  }

  /** Stops reading; the line being handled finishes first. */
  async stop(): Promise<void> {
    this.rl?.close();
    await this.closed;
  }
}

/** A word meant as a file: it has a folder in it, or ends like a photo's or a document's name. */
export function looksLikePath(word: string): boolean {
  return /[\\/]/.test(word) || word.startsWith("~") || /\.(jpe?g|png|gif|webp|heic|pdf|docx?|xlsx?|wps|ofd|exe)$/i.test(word);
}

/** The first word of a line, or a quoted path with spaces (`"月 报.xlsx"`), and what follows it. */
export function firstWord(rest: string): { word: string; after: string } {
  const quoted = /^(["'])(.+?)\1(?:\s+|$)/.exec(rest);
  if (quoted) return { word: quoted[2]!, after: rest.slice(quoted[0].length).trim() };
  const m = /^(\S+)\s*/.exec(rest);
  return m ? { word: m[1]!, after: rest.slice(m[0].length).trim() } : { word: "", after: "" };
}
