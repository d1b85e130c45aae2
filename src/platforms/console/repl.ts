import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { formatOutgoing, parseAs, privateRoom, toIncoming, type ConsoleRoom } from "./chat.ts";

export interface ReplOptions {
  input: Readable;
  output: Writable;
  /** Who is typing at first. */
  speaker: string;
  /** The console's own words (banner, `/as` confirmations), from prompts. */
  say: (id: string, args?: Record<string, string>) => string;
  /** Where files the bot sends are saved (the console cannot show them). */
  outbox: string;
}

/**
 * The terminal chat. Lines are handled one at a time, in order; `/as 张三@车间群` switches speaker and chat,
 * `/photo [caption]` sends a photo, `/file <name> [caption]` a document, `/again` delivers the last message once more (as a platform redelivery would),
 * `/quit` ends. Everything else goes to the bot as that person in that chat.
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
    if (msg.file?.data || msg.file?.path) {
      mkdirSync(this.opts.outbox, { recursive: true });
      saved = path.join(this.opts.outbox, msg.file.filename);
      if (msg.file.data) writeFileSync(saved, msg.file.data);
      else copyFileSync(msg.file.path!, saved);
    } else if (msg.file?.ref) {
      saved = msg.file.ref;
    }
    this.print(formatOutgoing(msg, saved));
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
    if (photo) {
      this.photoCount += 1;
      const ref = `console-photo-${Date.now()}-${this.photoCount}.jpg`;
      msg = toIncoming(this.speaker, this.room, photo[1] ?? "", { attachments: [{ kind: "photo", ref }] });
    } else if (/^\/file\s+\S/.test(line)) {
      const [, name, caption] = /^\/file\s+(\S+)\s*(.*)$/.exec(line)!;
      msg = toIncoming(this.speaker, this.room, caption ?? "", { attachments: [{ kind: "document", ref: `console-file-${name}` }] });
    } else {
      msg = toIncoming(this.speaker, this.room, line);
    }
    this.last = msg;
    await handle(msg);
  }

  /** Stops reading; the line being handled finishes first. */
  async stop(): Promise<void> {
    this.rl?.close();
    await this.closed;
  }
}
