import { readFile } from "node:fs/promises";
import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from "dingtalk-stream";
import type { Logger } from "../../log.ts";
import { capabilitiesOf } from "../../core/capabilities.ts";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { Pacer, splitText, type SendLimits } from "../pacer.ts";
import { DINGTALK, toIncoming, type DingtalkBody } from "./convert.ts";

export interface DingtalkOptions {
  clientId: string;
  clientSecret: string;
  /** The robot's code; for an enterprise's own app it is the app's client id. */
  robotCode?: string | undefined;
  /** The OpenAPI (gateway, sends, files, token): DINGTALK_API_URL, default https://api.dingtalk.com. */
  apiUrl?: string | undefined;
  /** The older API, where media are uploaded: DINGTALK_OAPI_URL, default https://oapi.dingtalk.com. */
  oapiUrl?: string | undefined;
  log: Logger;
  limits?: SendLimits;
}

/**
 * What the bot keeps to on DingTalk: 20 messages a minute to one group (DingTalk's limit for a robot in a group) and
 * 20 calls a second in all (the default rate of an enterprise app's calls to one API).
 */
export const DINGTALK_LIMITS: SendLimits = { overall: [{ count: 20, ms: 1000 }], perChat: [{ count: 20, ms: 60_000 }] };

/**
 * The SDK's client with the gateway at the configured address: `DWClient` posts to a constant
 * (`https://api.dingtalk.com/v1.0/gateway/connections/open`); a private deployment or a test moves it here.
 */
class StreamClient extends DWClient {
  constructor(
    opts: { clientId: string; clientSecret: string },
    private readonly gateway: string,
  ) {
    super({ ...opts, keepAlive: true });
  }

  override async getEndpoint(): Promise<this> {
    const config = this.getConfig();
    const res = await fetch(this.gateway, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ clientId: config.clientId, clientSecret: config.clientSecret, ua: config.ua ?? "", subscriptions: config.subscriptions }),
    });
    const data = (await res.json()) as { endpoint?: string; ticket?: string };
    if (!res.ok || !data.endpoint || !data.ticket) throw new Error(`DingTalk gateway refused the connection: HTTP ${res.status}`);
    this.config.endpoint = data as never;
    // The field the SDK's _connect reads.
    Object.assign(this, { dw_url: `${data.endpoint}?ticket=${data.ticket}` });
    return this;
  }
}

/**
 * DingTalk's robot in Stream mode (`dingtalk-stream`): robot messages come on the stream as CALLBACK frames,
 * acknowledged once handled (DingTalk pushes one again that is not acknowledged within a minute; the core's claim
 * makes that harmless); every answer is an OpenAPI call (`groupMessages/send`, `oToMessages/batchSend`), files
 * downloaded by their `downloadCode` and uploaded as media. Groups deliver @-mentions only, and a robot can recall
 * only its own messages (`capabilities`).
 */
export class DingtalkAdapter implements ChatAdapter {
  readonly platform = DINGTALK;
  readonly capabilities = capabilitiesOf(DINGTALK);
  readonly client: StreamClient;
  private readonly api: string;
  private readonly oapi: string;
  private readonly robotCode: string;
  private readonly pacer: Pacer;
  private token: { value: string; until: number } | null = null;
  private readonly chains = new Map<string, Promise<void>>();
  private stopped = () => {};

  constructor(private readonly opts: DingtalkOptions) {
    this.api = (opts.apiUrl ?? "https://api.dingtalk.com").replace(/\/$/, "");
    this.oapi = (opts.oapiUrl ?? "https://oapi.dingtalk.com").replace(/\/$/, "");
    this.robotCode = opts.robotCode ?? opts.clientId;
    this.client = new StreamClient({ clientId: opts.clientId, clientSecret: opts.clientSecret }, `${this.api}/v1.0/gateway/connections/open`);
    this.pacer = new Pacer(opts.limits ?? DINGTALK_LIMITS);
  }

  /** Whether the stream is open and registered. */
  get connected(): boolean {
    return this.client.connected;
  }

  start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    const log = this.opts.log.child({ module: "dingtalk" });
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.client.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => {
      let msg: IncomingMessage | null = null;
      try {
        msg = toIncoming(JSON.parse(frame.data) as DingtalkBody, (code) => this.download(code));
      } catch {
        log.warn({ op: "message" }, "a robot message could not be read");
      }
      const ack = () => this.client.socketCallBackResponse(frame.headers.messageId, {});
      if (!msg) return ack();
      const m = msg;
      const prev = this.chains.get(m.chatId) ?? Promise.resolve();
      const next = prev.then(() => handle(m)).catch((err: unknown) => log.error({ op: "message", err }, "message failed")).finally(ack);
      this.chains.set(m.chatId, next);
      void next.then(() => this.chains.get(m.chatId) === next && this.chains.delete(m.chatId));
    });
    void this.client.connect().then(() => log.info({ op: "start" }, "dingtalk stream connecting"));
    return done;
  }

  /** The app's access token, fetched again five minutes before it runs out. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const res = await this.post("/v1.0/oauth2/accessToken", { appKey: this.opts.clientId, appSecret: this.opts.clientSecret }, false);
    const { accessToken, expireIn } = res as { accessToken: string; expireIn: number };
    this.token = { value: accessToken, until: Date.now() + Math.max(60, expireIn - 300) * 1000 };
    return accessToken;
  }

  private async post(path: string, body: unknown, auth = true): Promise<unknown> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (auth) headers["x-acs-dingtalk-access-token"] = await this.accessToken();
    const res = await fetch(`${this.api}${path}`, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    // The error names the call, never the body (a message's text) nor the token.
    if (!res.ok) throw new Error(`DingTalk ${path}: HTTP ${res.status} ${String(data.code ?? "")}`);
    return data;
  }

  /** A file's bytes: its download URL from `messageFiles/download`, then the URL itself. */
  async download(downloadCode: string): Promise<Uint8Array> {
    const { downloadUrl } = (await this.post("/v1.0/robot/messageFiles/download", { downloadCode, robotCode: this.robotCode })) as { downloadUrl: string };
    const res = await fetch(downloadUrl, { signal: AbortSignal.timeout(300_000) });
    if (!res.ok) throw new Error(`DingTalk file download failed: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** One robot message to a chat: a group by its conversation id (`cid…`), a person by staff id. */
  private say(chatId: string, msgKey: string, param: Record<string, string>): Promise<unknown> {
    const msgParam = JSON.stringify(param);
    return this.pacer.run(chatId, () =>
      chatId.startsWith("cid")
        ? this.post("/v1.0/robot/groupMessages/send", { robotCode: this.robotCode, openConversationId: chatId, msgKey, msgParam })
        : this.post("/v1.0/robot/oToMessages/batchSend", { robotCode: this.robotCode, userIds: [chatId], msgKey, msgParam }),
    );
  }

  /** Uploads a file as media (`media/upload` of the older API); returns its media id. */
  private async upload(bytes: Uint8Array, filename: string, type: "image" | "file"): Promise<string> {
    const form = new FormData();
    form.append("media", new Blob([new Uint8Array(bytes)]), filename);
    const res = await fetch(`${this.oapi}/media/upload?access_token=${encodeURIComponent(await this.accessToken())}&type=${type}`, { method: "POST", body: form });
    const data = (await res.json().catch(() => ({}))) as { errcode?: number; media_id?: string };
    if (!res.ok || data.errcode || !data.media_id) throw new Error(`DingTalk media upload failed: HTTP ${res.status} ${data.errcode ?? ""}`);
    return data.media_id;
  }

  async send(msg: OutgoingMessage): Promise<void> {
    let text = msg.text;
    const file = msg.file;
    if (file && (file.data || file.path)) {
      try {
        const bytes = file.data ?? new Uint8Array(await readFile(file.path!));
        const photo = file.kind === "photo";
        const mediaId = await this.upload(bytes, file.filename, photo ? "image" : "file");
        if (photo) await this.say(msg.chatId, "sampleImageMsg", { photoURL: mediaId });
        else await this.say(msg.chatId, "sampleFile", { mediaId, fileName: file.filename, fileType: file.filename.split(".").pop() ?? "bin" });
      } catch (err) {
        this.opts.log.warn({ module: "dingtalk", op: "send-file", err: (err as Error).message }, "file not sent; sending the text");
        if (file.failed) text = `${text}\n${file.failed}`;
      }
    } else if (file?.failed) {
      text = `${text}\n${file.failed}`;
    }
    if (!text) return;
    for (const part of splitText(text, this.capabilities.maxText)) await this.say(msg.chatId, "sampleText", { content: part });
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
    this.client.disconnect();
    this.stopped();
  }
}
