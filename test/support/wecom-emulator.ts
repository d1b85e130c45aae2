import { createCipheriv, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { freePort } from "./telegram-emulator.ts";

/** What the bot sent, as WeCom's server received it: an `aibot_send_msg` body, with the media's bytes for a file. */
export interface WecomSent {
  chatid: string;
  msgtype: string;
  text?: string;
  media?: { type: string; filename: string; bytes: Uint8Array };
}

interface Frame {
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
}

/**
 * WeCom's long-connection server for an intelligent robot, as `@wecom/aibot-node-sdk` speaks to it: `aibot_subscribe`
 * checked against the bot id and secret, `ping` acknowledged, `aibot_send_msg` and the three-step media upload
 * acknowledged by `req_id` and recorded; people's messages pushed as `aibot_msg_callback`; a second authenticated
 * connection displaces the first (`disconnected_event`, then closed). Images and files people send are served over
 * HTTP, AES-256-CBC encrypted with a per-file key as WeCom does.
 */
export class WecomEmulator {
  readonly sent: WecomSent[] = [];
  /** When each send arrived (ms since the epoch), in order. */
  readonly times: number[] = [];
  /** Every connection that authenticated, in order. */
  readonly sessions: WebSocket[] = [];
  private wss!: WebSocketServer;
  private http!: Server;
  private wsPort = 0;
  private httpPort = 0;
  private current: WebSocket | null = null;
  private seq = 0;
  private readonly media = new Map<string, Buffer>();
  private readonly uploads = new Map<string, { type: string; filename: string; chunks: Buffer[] }>();
  private readonly pushed = new Map<string, Frame>();
  private waiters: (() => void)[] = [];

  constructor(readonly botId = "aibotTEST", readonly secret = "wecom-test-secret") {}

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.wsPort}`;
  }

  async start(): Promise<void> {
    this.wsPort = await freePort();
    this.httpPort = await freePort();
    this.wss = new WebSocketServer({ host: "127.0.0.1", port: this.wsPort });
    this.wss.on("connection", (ws) => ws.on("message", (data) => this.frame(ws, JSON.parse(data.toString()) as Frame)));
    this.http = createServer((req, res) => {
      const bytes = this.media.get(req.url ?? "");
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
    });
    await new Promise<void>((r) => this.http.listen(this.httpPort, "127.0.0.1", r));
  }

  private reply(ws: WebSocket, reqId: string, body?: Record<string, unknown>, errcode = 0): void {
    ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode, errmsg: errcode ? "error" : "ok", ...(body ? { body } : {}) }));
  }

  private frame(ws: WebSocket, f: Frame): void {
    const reqId = f.headers?.req_id ?? "";
    const b = f.body ?? {};
    switch (f.cmd) {
      case "aibot_subscribe": {
        if (b.bot_id !== this.botId || b.secret !== this.secret) return this.reply(ws, reqId, undefined, 40058);
        const old = this.current;
        this.current = ws;
        this.sessions.push(ws);
        this.reply(ws, reqId);
        if (old && old !== ws && old.readyState === old.OPEN) {
          old.send(JSON.stringify({ cmd: "aibot_event_callback", headers: { req_id: `evt-${++this.seq}` }, body: { msgid: `evt-${this.seq}`, msgtype: "event", create_time: Date.now(), aibotid: this.botId, from: { userid: "" }, event: { eventtype: "disconnected_event" } } }));
          setTimeout(() => old.close(), 50);
        }
        return;
      }
      case "ping":
        return this.reply(ws, reqId);
      case "aibot_send_msg": {
        const type = String(b.msgtype);
        const entry: WecomSent = { chatid: String(b.chatid), msgtype: type };
        if (type === "markdown") entry.text = String((b.markdown as { content: string }).content);
        else {
          const id = String((b[type] as { media_id: string }).media_id);
          const up = this.uploads.get(id);
          if (!up) return this.reply(ws, reqId, undefined, 40007);
          entry.media = { type: up.type, filename: up.filename, bytes: new Uint8Array(Buffer.concat(up.chunks)) };
        }
        this.sent.push(entry);
        this.times.push(Date.now());
        this.reply(ws, reqId);
        return this.wake();
      }
      case "aibot_upload_media_init": {
        const id = `up-${++this.seq}`;
        this.uploads.set(id, { type: String(b.type), filename: String(b.filename), chunks: new Array(Number(b.total_chunks)) });
        return this.reply(ws, reqId, { upload_id: id });
      }
      case "aibot_upload_media_chunk": {
        const up = this.uploads.get(String(b.upload_id));
        if (!up) return this.reply(ws, reqId, undefined, 40007);
        up.chunks[Number(b.chunk_index)] = Buffer.from(String(b.base64_data), "base64");
        return this.reply(ws, reqId);
      }
      case "aibot_upload_media_finish": {
        const id = String(b.upload_id);
        const up = this.uploads.get(id);
        if (!up) return this.reply(ws, reqId, undefined, 40007);
        this.uploads.set(`media-${id}`, up);
        return this.reply(ws, reqId, { media_id: `media-${id}`, type: up.type });
      }
      default:
        return this.reply(ws, reqId, undefined, 40008);
    }
  }

  /** A person's message, pushed to the current connection; returns its msgid. */
  push(from: string, chatid: string | null, content: { text: string } | { image: Uint8Array } | { file: Uint8Array; name: string } | { voice: string }): string {
    const msgid = `msg-${++this.seq}`;
    const body: Record<string, unknown> = { msgid, aibotid: this.botId, chattype: chatid ? "group" : "single", from: { userid: from }, create_time: Date.now(), ...(chatid ? { chatid } : {}) };
    if ("text" in content) Object.assign(body, { msgtype: "text", text: { content: content.text } });
    else if ("voice" in content) Object.assign(body, { msgtype: "voice", voice: { content: content.voice } });
    else {
      const kind = "image" in content ? "image" : "file";
      const bytes = "image" in content ? content.image : content.file;
      Object.assign(body, { msgtype: kind, [kind]: this.encrypted(bytes, "name" in content ? content.name : undefined) });
    }
    const frame: Frame = { cmd: "aibot_msg_callback", headers: { req_id: `req-${msgid}` }, body };
    this.pushed.set(msgid, frame);
    this.send(frame);
    return msgid;
  }

  /** The same callback again, as WeCom redelivers one it is not sure arrived. */
  redeliver(msgid: string): void {
    this.send(this.pushed.get(msgid)!);
  }

  private send(frame: Frame): void {
    if (!this.current || this.current.readyState !== this.current.OPEN) throw new Error("no robot connected");
    this.current.send(JSON.stringify(frame));
  }

  /** Bytes encrypted as WeCom serves them: AES-256-CBC, the IV the key's first 16 bytes, PKCS#7 to 32 bytes. */
  private encrypted(bytes: Uint8Array, name?: string): { url: string; aeskey: string } {
    const key = randomBytes(32);
    const pad = 32 - (bytes.byteLength % 32);
    const plain = Buffer.concat([Buffer.from(bytes), Buffer.alloc(pad, pad)]);
    const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
    const path = `/media/${++this.seq}${name ? `-${encodeURIComponent(name)}` : ""}`;
    this.media.set(path, Buffer.concat([cipher.update(plain), cipher.final()]));
    return { url: `http://127.0.0.1:${this.httpPort}${path}`, aeskey: key.toString("base64") };
  }

  /** Drops the current connection as a network failure would (the SDK reconnects). */
  drop(): void {
    this.current?.terminate();
    this.current = null;
  }

  /** Whether a robot is connected and authenticated now. */
  get online(): boolean {
    return !!this.current && this.current.readyState === this.current.OPEN;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Resolves when `test` holds of what was sent (checked after every send). */
  async until(test: () => boolean): Promise<void> {
    while (!test()) await new Promise<void>((r) => this.waiters.push(r));
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    await new Promise<void>((r) => this.http.close(() => r()));
  }
}
