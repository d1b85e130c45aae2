import { createServer, type Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { freePort } from "./telegram-emulator.ts";
import { Signal, bodyOf, formOf } from "./http-util.ts";

/** What the bot sent, as DingTalk's OpenAPI received it. */
export interface DingtalkSent {
  /** The group's conversation id, or the person's staff id. */
  chat: string;
  msgKey: string;
  param: Record<string, string>;
  /** For an image or a file: the bytes uploaded under its media id. */
  media?: { name: string; bytes: Uint8Array };
}

/**
 * DingTalk for a Stream-mode robot, as `dingtalk-stream` and the OpenAPI calls speak to it, on one port: the gateway
 * (`POST /v1.0/gateway/connections/open`, checking the client id and secret, answering the stream's URL and a ticket),
 * the stream itself (robot messages pushed as CALLBACK frames, acknowledged by messageId; SYSTEM pings), the access
 * token, group and 1:1 sends, file downloads by downloadCode and media uploads. Records what the bot sent.
 */
export class DingtalkEmulator {
  readonly sent: DingtalkSent[] = [];
  /** When each send call arrived (ms since the epoch), in order. */
  readonly times: number[] = [];
  readonly acks: string[] = [];
  readonly signal = new Signal();
  /** Calls per path, to see what the bot asked. */
  readonly calls: string[] = [];
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;
  private current: WebSocket | null = null;
  private seq = 0;
  private readonly files = new Map<string, Uint8Array>();
  private readonly media = new Map<string, { name: string; bytes: Uint8Array }>();
  private readonly pushed = new Map<string, string>();
  private readonly token = "dt-token-test";

  constructor(readonly clientId = "dingTESTclient", readonly clientSecret = "dingtalk-test-secret") {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = createServer((req, res) => void this.route(req, res).catch(() => res.writeHead(500).end()));
    this.wss = new WebSocketServer({ server: this.server, path: "/connect" });
    this.wss.on("connection", (ws, req) => {
      if (!new URL(req.url ?? "", this.url).searchParams.get("ticket")?.startsWith("ticket-")) return ws.close();
      this.current = ws;
      ws.on("message", (data) => {
        const f = JSON.parse(data.toString()) as { headers?: { messageId?: string } };
        if (f.headers?.messageId) this.acks.push(f.headers.messageId);
        this.signal.wake();
      });
    });
    await new Promise<void>((r) => this.server.listen(this.port, "127.0.0.1", r));
  }

  private async route(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "", this.url);
    this.calls.push(url.pathname);
    const json = (status: number, body: unknown) => void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "GET" && url.pathname.startsWith("/files/")) {
      const bytes = this.files.get(url.pathname.slice(7));
      return bytes ? void res.writeHead(200).end(Buffer.from(bytes)) : void res.writeHead(404).end();
    }
    if (url.pathname === "/media/upload") {
      if (url.searchParams.get("access_token") !== this.token) return json(200, { errcode: 40014, errmsg: "invalid token" });
      const { file } = await formOf(req);
      if (!file) return json(200, { errcode: 40005 });
      const id = `@media-${++this.seq}`;
      this.media.set(id, file);
      return json(200, { errcode: 0, media_id: id, type: url.searchParams.get("type") });
    }
    const body = JSON.parse((await bodyOf(req)).toString() || "{}") as Record<string, unknown>;
    if (url.pathname === "/v1.0/gateway/connections/open") {
      if (body.clientId !== this.clientId || body.clientSecret !== this.clientSecret) return json(401, { code: "Unauthorized" });
      return json(200, { endpoint: `ws://127.0.0.1:${this.port}/connect`, ticket: `ticket-${++this.seq}` });
    }
    if (url.pathname === "/v1.0/oauth2/accessToken") {
      if (body.appKey !== this.clientId || body.appSecret !== this.clientSecret) return json(400, { code: "invalidClientSecret" });
      return json(200, { accessToken: this.token, expireIn: 7200 });
    }
    if (req.headers["x-acs-dingtalk-access-token"] !== this.token) return json(401, { code: "InvalidAuthentication" });
    if (url.pathname === "/v1.0/robot/messageFiles/download") {
      const code = String(body.downloadCode);
      return this.files.has(code) ? json(200, { downloadUrl: `${this.url}/files/${code}` }) : json(400, { code: "invalidDownloadCode" });
    }
    if (url.pathname === "/v1.0/robot/groupMessages/send" || url.pathname === "/v1.0/robot/oToMessages/batchSend") {
      if (body.robotCode !== this.clientId) return json(400, { code: "robotNotExist" });
      const param = JSON.parse(String(body.msgParam)) as Record<string, string>;
      const chats = url.pathname.includes("group") ? [String(body.openConversationId)] : (body.userIds as string[]);
      const mediaId = param.photoURL ?? param.mediaId;
      this.times.push(Date.now());
      for (const chat of chats) this.sent.push({ chat, msgKey: String(body.msgKey), param, ...(mediaId && this.media.has(mediaId) ? { media: this.media.get(mediaId)! } : {}) });
      this.signal.wake();
      return json(200, { processQueryKey: `pqk-${++this.seq}` });
    }
    return json(404, { code: "NotFound" });
  }

  /** A robot message pushed on the stream; returns its messageId (the stream's, which the bot acknowledges). */
  push(staffId: string, nick: string, group: { id: string; title: string } | null, content: { text: string } | { picture: Uint8Array } | { file: Uint8Array; name: string } | { audio: true }): string {
    const msgId = `msg${++this.seq}`;
    const body: Record<string, unknown> = {
      msgId,
      conversationId: group ? group.id : `cidPRIVATE${staffId}`,
      conversationType: group ? "2" : "1",
      ...(group ? { conversationTitle: group.title, isInAtList: true } : {}),
      senderStaffId: staffId,
      senderId: `$:LWCP_v1:$${staffId}`,
      senderNick: nick,
      chatbotUserId: "$:LWCP_v1:$bot",
      robotCode: this.clientId,
      createAt: Date.now(),
      sessionWebhook: `${this.url}/robot/sendBySession?session=${this.seq}`,
      sessionWebhookExpiredTime: Date.now() + 3600_000,
    };
    if ("text" in content) Object.assign(body, { msgtype: "text", text: { content: content.text } });
    else if ("audio" in content) Object.assign(body, { msgtype: "audio", content: { duration: 3, downloadCode: "x" } });
    else {
      const code = `dc${++this.seq}`;
      this.files.set(code, "picture" in content ? content.picture : content.file);
      Object.assign(body, "picture" in content ? { msgtype: "picture", content: { downloadCode: code } } : { msgtype: "file", content: { downloadCode: code, fileName: content.name } });
    }
    const messageId = `stream-${msgId}`;
    const frame = JSON.stringify({ specVersion: "1.0", type: "CALLBACK", headers: { appId: "app", connectionId: "c1", contentType: "application/json", messageId, time: String(Date.now()), topic: "/v1.0/im/bot/messages/get" }, data: JSON.stringify(body) });
    this.pushed.set(messageId, frame);
    this.send(frame);
    return messageId;
  }

  /** The same frame again, as DingTalk pushes one it has no acknowledgement for. */
  redeliver(messageId: string): void {
    this.send(this.pushed.get(messageId)!);
  }

  private send(frame: string): void {
    if (!this.current || this.current.readyState !== this.current.OPEN) throw new Error("no stream connected");
    this.current.send(frame);
  }

  get online(): boolean {
    return !!this.current && this.current.readyState === this.current.OPEN;
  }

  /** Drops the stream as a network failure would (the SDK reconnects through the gateway). */
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
