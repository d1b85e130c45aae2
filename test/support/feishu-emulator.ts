import { createServer, type Server } from "node:http";
import protobuf from "protobufjs";
import { WebSocketServer, type WebSocket } from "ws";
import { freePort } from "./telegram-emulator.ts";
import { Signal, bodyOf, formOf } from "./http-util.ts";

/** pbbp2, the long connection's frame, as the SDK encodes it. */
const root = protobuf.Root.fromJSON({
  nested: {
    pbbp2: {
      nested: {
        Header: { fields: { key: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
        Frame: {
          fields: {
            SeqID: { type: "uint64", id: 1 },
            LogID: { type: "uint64", id: 2 },
            service: { type: "int32", id: 3 },
            method: { type: "int32", id: 4 },
            headers: { rule: "repeated", type: "Header", id: 5 },
            payloadEncoding: { type: "string", id: 6 },
            payloadType: { type: "string", id: 7 },
            payload: { type: "bytes", id: 8 },
            LogIDNew: { type: "string", id: 9 },
          },
        },
      },
    },
  },
});
const Frame = root.lookupType("pbbp2.Frame");

interface PbFrame {
  method: number;
  headers: { key: string; value: string }[];
  payload?: Uint8Array;
}

/** What the bot sent, as Feishu's API received it. */
export interface FeishuSent {
  /** The chat (`oc_…`) or the person's open_id it went to. */
  chat: string;
  msgType: string;
  text?: string;
  /** The message it replied to, for a reply. */
  replyTo?: string;
  media?: { name: string; bytes: Uint8Array };
}

/**
 * Feishu for a bot on the long connection, as `@larksuiteoapi/node-sdk` speaks to it, on one port: the endpoint
 * (`POST /callback/ws/endpoint`, checking the app's id and secret), the socket (protobuf frames: events pushed as data
 * frames, acknowledged by the SDK echoing them with `{"code":200}`; pings answered with pongs), the tenant token, sends
 * and replies, recalls (allowed only where the bot owns the group), image and file uploads, message resources.
 */
export class FeishuEmulator {
  readonly sent: FeishuSent[] = [];
  /** When each send arrived (ms since the epoch), in order. */
  readonly times: number[] = [];
  readonly recalled: string[] = [];
  readonly acks: string[] = [];
  readonly signal = new Signal();
  /** Groups the bot owns: there it may recall a member's message. */
  readonly owned = new Set<string>();
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;
  private current: WebSocket | null = null;
  private seq = 0;
  private readonly messages = new Map<string, { chat: string; from: "user" | "bot" }>();
  private readonly resources = new Map<string, Uint8Array>();
  private readonly uploads = new Map<string, { name: string; bytes: Uint8Array }>();
  private readonly pushed = new Map<string, Uint8Array>();
  private readonly token = "t-feishu-test";

  constructor(readonly appId = "cli_a1b2c3d4e5f60718", readonly appSecret = "feishu-test-secret") {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = createServer((req, res) => void this.route(req, res).catch(() => res.writeHead(500).end()));
    this.wss = new WebSocketServer({ server: this.server, path: "/ws" });
    this.wss.on("connection", (ws) => {
      this.current = ws;
      ws.on("message", (data) => {
        const f = Frame.toObject(Frame.decode(data as Buffer), { longs: Number, bytes: Buffer }) as PbFrame;
        const type = f.headers.find((h) => h.key === "type")?.value;
        if (f.method === 0 && type === "ping") {
          const pong = Frame.encode(Frame.fromObject({ SeqID: 0, LogID: 0, service: 1, method: 0, headers: [{ key: "type", value: "pong" }], payload: Buffer.from(JSON.stringify({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 })) })).finish();
          ws.send(pong);
        } else if (f.method === 1) {
          const ok = JSON.parse(Buffer.from(f.payload ?? []).toString() || "{}") as { code?: number };
          if (ok.code === 200) this.acks.push(f.headers.find((h) => h.key === "message_id")?.value ?? "");
          this.signal.wake();
        }
      });
    });
    await new Promise<void>((r) => this.server.listen(this.port, "127.0.0.1", r));
  }

  private async route(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "", this.url);
    const path = url.pathname;
    const json = (body: unknown, status = 200) => void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (path === "/callback/ws/endpoint" || path === "/open-apis/auth/v3/tenant_access_token/internal") {
      const b = JSON.parse((await bodyOf(req)).toString()) as Record<string, string>;
      const ok = (b.AppID ?? b.app_id) === this.appId && (b.AppSecret ?? b.app_secret) === this.appSecret;
      if (!ok) return json({ code: 10014, msg: "app secret invalid" });
      if (path.startsWith("/callback")) {
        // The SDK reads device_id and service_id with qs from the whole URL: neither may come first.
        const URL_ = `ws://127.0.0.1:${this.port}/ws?fpid=1&device_id=dev-${++this.seq}&service_id=1`;
        return json({ code: 0, data: { URL: URL_, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 } } });
      }
      return json({ code: 0, tenant_access_token: this.token, expire: 7200 });
    }
    if (req.headers.authorization !== `Bearer ${this.token}`) return json({ code: 99991663, msg: "invalid token" }, 400);
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
    if (resource && req.method === "GET") {
      const bytes = this.resources.get(`${resource[1]}/${resource[2]}`);
      return bytes ? void res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(bytes)) : json({ code: 234003 }, 400);
    }
    if (path === "/open-apis/im/v1/images" || path === "/open-apis/im/v1/files") {
      const { file, fields } = await formOf(req);
      if (!file) return json({ code: 234001 }, 400);
      const key = `${path.endsWith("images") ? "img" : "file"}_${++this.seq}`;
      this.uploads.set(key, { name: fields.file_name ?? file.name, bytes: file.bytes });
      return json({ code: 0, data: path.endsWith("images") ? { image_key: key } : { file_key: key } });
    }
    const one = /^\/open-apis\/im\/v1\/messages\/([^/]+)(\/reply)?$/.exec(path);
    if (one && req.method === "DELETE") {
      const m = this.messages.get(one[1]!);
      if (!m) return json({ code: 230001, msg: "message not found" }, 400);
      if (m.from === "user" && !this.owned.has(m.chat)) return json({ code: 230027, msg: "no permission to recall" }, 400);
      this.recalled.push(one[1]!);
      this.signal.wake();
      return json({ code: 0 });
    }
    if ((path === "/open-apis/im/v1/messages" || one?.[2]) && req.method === "POST") {
      const b = JSON.parse((await bodyOf(req)).toString()) as { receive_id?: string; msg_type: string; content: string };
      const replyTo = one?.[1];
      const chat = replyTo ? this.messages.get(replyTo)?.chat : b.receive_id;
      if (!chat) return json({ code: 230001, msg: "not found" }, 400);
      const content = JSON.parse(b.content) as Record<string, string>;
      const key = content.image_key ?? content.file_key;
      this.sent.push({ chat, msgType: b.msg_type, ...(content.text !== undefined ? { text: content.text } : {}), ...(replyTo ? { replyTo } : {}), ...(key && this.uploads.has(key) ? { media: this.uploads.get(key)! } : {}) });
      this.times.push(Date.now());
      const id = `om_bot${++this.seq}`;
      this.messages.set(id, { chat, from: "bot" });
      this.signal.wake();
      return json({ code: 0, data: { message_id: id } });
    }
    return json({ code: 404, msg: "not found" }, 404);
  }

  /**
   * A person's message as an `im.message.receive_v1` event; in a group the text starts with the bot's mention
   * (`@_user_1`), as Feishu delivers one. Returns the message id.
   */
  push(openId: string, chat: string | null, content: { text: string } | { image: Uint8Array } | { file: Uint8Array; name: string } | { audio: true }): string {
    const id = `om_${++this.seq}`;
    const group = chat !== null;
    this.messages.set(id, { chat: chat ?? openId, from: "user" });
    let type: string;
    let body: Record<string, string>;
    if ("text" in content) [type, body] = ["text", { text: group ? `@_user_1 ${content.text}` : content.text }];
    else if ("audio" in content) [type, body] = ["audio", { file_key: "none", duration: "3" }];
    else {
      const key = `${"image" in content ? "img" : "file"}_in_${this.seq}`;
      this.resources.set(`${id}/${key}`, "image" in content ? content.image : content.file);
      [type, body] = "image" in content ? ["image", { image_key: key }] : ["file", { file_key: key, file_name: content.name }];
    }
    const event = {
      schema: "2.0",
      header: { event_id: `ev_${this.seq}`, event_type: "im.message.receive_v1", create_time: String(Date.now()), token: "", app_id: this.appId, tenant_key: "tenant" },
      event: {
        sender: { sender_id: { open_id: openId, union_id: `on_${openId}`, user_id: null }, sender_type: "user", tenant_key: "tenant" },
        message: {
          message_id: id,
          chat_id: chat ?? `oc_p2p_${openId}`,
          chat_type: group ? "group" : "p2p",
          message_type: type,
          content: JSON.stringify(body),
          create_time: String(Date.now()),
          ...(group && type === "text" ? { mentions: [{ key: "@_user_1", id: { open_id: "ou_bot" }, name: "隐患哨兵", tenant_key: "tenant" }] } : {}),
        },
      },
    };
    const frame = Frame.encode(
      Frame.fromObject({ SeqID: this.seq, LogID: this.seq, service: 1, method: 1, headers: [{ key: "type", value: "event" }, { key: "message_id", value: id }, { key: "sum", value: "1" }, { key: "seq", value: "0" }, { key: "trace_id", value: `tr${this.seq}` }], payload: Buffer.from(JSON.stringify(event)) }),
    ).finish();
    this.pushed.set(id, frame);
    this.send(frame);
    return id;
  }

  redeliver(id: string): void {
    this.send(this.pushed.get(id)!);
  }

  private send(frame: Uint8Array): void {
    if (!this.current || this.current.readyState !== this.current.OPEN) throw new Error("no bot connected");
    this.current.send(frame);
  }

  get online(): boolean {
    return !!this.current && this.current.readyState === this.current.OPEN;
  }

  drop(): void {
    this.current?.terminate();
    this.current = null;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
