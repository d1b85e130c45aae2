import { readFile } from "node:fs/promises";
import { WSClient } from "@wecom/aibot-node-sdk";
import type { ClientOptions } from "ws";
import type { Logger } from "../../log.ts";
import { capabilitiesOf } from "../../core/capabilities.ts";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { Pacer, sdkWords, splitText, type SendLimits } from "../pacer.ts";
import { WECOM, toIncoming, type WecomBody } from "./convert.ts";

export interface WecomOptions {
  botId: string;
  secret: string;
  /** A private deployment's long-connection address (WECOM_WS_URL); default WeCom's own. */
  wsUrl?: string | undefined;
  /** Passed to `ws` (a private deployment's CA, say). */
  wsOptions?: ClientOptions;
  log: Logger;
  /** Base delay of the SDK's reconnects (it backs off from there), in ms. */
  reconnectInterval?: number;
  limits?: SendLimits;
}

/**
 * What the bot keeps to on WeCom: 20 messages a minute to one chat and 20 a second in all (20 a minute is WeCom's
 * published limit for a group robot, taken for the intelligent robot too; the overall figure is ours).
 */
export const WECOM_LIMITS: SendLimits = { overall: [{ count: 20, ms: 1000 }], perChat: [{ count: 20, ms: 60_000 }] };

/**
 * WeCom's intelligent robot over its long connection (`@wecom/aibot-node-sdk`): messages come as `aibot_msg_callback`
 * frames, every answer goes out as `aibot_send_msg` (markdown) on the same socket, files uploaded over it in chunks.
 * Only @-mentions reach the bot in a group, images and files only in 1:1 chats, and nothing can be recalled
 * (`capabilities`). A second connection with the same bot id displaces this one: the SDK does not reconnect then, and
 * neither does the adapter (two processes would take the connection from each other in turn); it logs and reports
 * itself disconnected, which /healthz shows.
 */
export class WecomAdapter implements ChatAdapter {
  readonly platform = WECOM;
  readonly capabilities = capabilitiesOf(WECOM);
  readonly client: WSClient;
  connected = false;
  /** Set when another connection with this bot id took over. */
  displaced = false;
  private readonly pacer: Pacer;
  private readonly chains = new Map<string, Promise<void>>();
  private stopped = () => {};

  constructor(private readonly opts: WecomOptions) {
    const log = opts.log.child({ module: "wecom" });
    const quiet = (level: "warn" | "error") => (...args: unknown[]) => log[level]({ op: "sdk" }, sdkWords(args));
    this.client = new WSClient({
      botId: opts.botId,
      secret: opts.secret,
      ...(opts.wsUrl ? { wsUrl: opts.wsUrl } : {}),
      ...(opts.wsOptions ? { wsOptions: opts.wsOptions } : {}),
      maxReconnectAttempts: -1,
      ...(opts.reconnectInterval ? { reconnectInterval: opts.reconnectInterval } : {}),
      logger: { debug: () => {}, info: () => {}, warn: quiet("warn"), error: quiet("error") },
    });
    this.pacer = new Pacer(opts.limits ?? WECOM_LIMITS);
  }

  start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    const log = this.opts.log.child({ module: "wecom" });
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.client.on("authenticated", () => {
      this.connected = true;
      log.info({ op: "start" }, "wecom long connection up");
    });
    this.client.on("disconnected", () => (this.connected = false));
    this.client.on("event.disconnected_event", () => {
      this.displaced = true;
      this.connected = false;
      log.error({ op: "displaced" }, "another connection with this bot id took over; this process no longer receives WeCom messages");
    });
    this.client.on("message", (frame) => {
      const msg = toIncoming(frame.body as unknown as WecomBody, (url, key) => this.client.downloadFile(url, key));
      if (!msg) return;
      // One chat's messages are handled in the order they came; chats in parallel.
      const prev = this.chains.get(msg.chatId) ?? Promise.resolve();
      const next = prev.then(() => handle(msg)).catch((err: unknown) => log.error({ op: "message", err }, "message failed"));
      this.chains.set(msg.chatId, next);
      void next.then(() => this.chains.get(msg.chatId) === next && this.chains.delete(msg.chatId));
    });
    this.client.connect();
    return done;
  }

  async send(msg: OutgoingMessage): Promise<void> {
    let text = msg.text;
    const file = msg.file;
    if (file && (file.data || file.path)) {
      try {
        const bytes = file.data ? Buffer.from(file.data) : await readFile(file.path!);
        const type = file.kind === "photo" ? "image" : "file";
        const { media_id } = await this.pacer.run(msg.chatId, () => this.client.uploadMedia(bytes, { type, filename: file.filename }));
        await this.pacer.run(msg.chatId, () => this.client.sendMediaMessage(msg.chatId, type, media_id));
      } catch (err) {
        this.opts.log.warn({ module: "wecom", op: "send-file", err: (err as Error).name }, "file not sent; sending the text");
        if (file.failed) text = `${text}\n${file.failed}`;
      }
    } else if (file?.failed) {
      text = `${text}\n${file.failed}`;
    }
    if (!text) return;
    for (const part of splitText(text, this.capabilities.maxText)) {
      await this.pacer.run(msg.chatId, () => this.client.sendMessage(msg.chatId, { msgtype: "markdown", markdown: { content: part } }));
    }
  }

  async stop(): Promise<void> {
    this.connected = false;
    await Promise.allSettled([...this.chains.values()]);
    this.client.disconnect();
    this.stopped();
  }
}
