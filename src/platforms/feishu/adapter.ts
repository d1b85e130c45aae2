import { readFile } from "node:fs/promises";
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "../../log.ts";
import { capabilitiesOf } from "../../core/capabilities.ts";
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { Pacer, sdkWords, splitText, type SendLimits } from "../pacer.ts";
import { FEISHU, toIncoming, type FeishuEvent } from "./convert.ts";

export interface FeishuOptions {
  appId: string;
  appSecret: string;
  /** Every call's base (FEISHU_DOMAIN): default https://open.feishu.cn; https://open.larksuite.com for Lark, or a private deployment. */
  domain?: string | undefined;
  log: Logger;
  limits?: SendLimits;
}

/**
 * What the bot keeps to on Feishu: the send API's 50 a second and 1,000 a minute per app, and 5 a second to one chat
 * or person (Feishu's published limits for `im/v1/messages`).
 */
export const FEISHU_LIMITS: SendLimits = {
  overall: [
    { count: 50, ms: 1000 },
    { count: 1000, ms: 60_000 },
  ],
  perChat: [{ count: 5, ms: 1000 }],
};

/**
 * Feishu (Lark) over its long connection (`@larksuiteoapi/node-sdk`): `im.message.receive_v1` events come as protobuf
 * frames, acknowledged at once (Feishu pushes an event again that is not acknowledged within three seconds; the core's
 * claim makes a redelivery harmless), and handled one chat after another. Answers go through the SDK's `Client`
 * (`im/v1/messages`, replies in a thread where the core answers a message), a tip in a group is recalled where the bot
 * may (its owner or an admin), files uploaded as images or files and downloaded as message resources.
 */
export class FeishuAdapter implements ChatAdapter {
  readonly platform = FEISHU;
  readonly capabilities = capabilitiesOf(FEISHU);
  readonly client: lark.Client;
  readonly ws: lark.WSClient;
  connected = false;
  private readonly pacer: Pacer;
  private readonly chains = new Map<string, Promise<void>>();
  private stopped = () => {};

  constructor(private readonly opts: FeishuOptions) {
    const log = opts.log.child({ module: "feishu" });
    // The SDK logs events' data at debug level: only its warnings and errors pass, and only their words.
    const logger = {
      error: (...a: unknown[]) => log.error({ op: "sdk" }, sdkWords(a)),
      warn: (...a: unknown[]) => log.warn({ op: "sdk" }, sdkWords(a)),
      info: () => {},
      debug: () => {},
      trace: () => {},
    };
    const domain = opts.domain ?? lark.Domain.Feishu;
    this.client = new lark.Client({ appId: opts.appId, appSecret: opts.appSecret, domain, logger, loggerLevel: lark.LoggerLevel.warn });
    this.ws = new lark.WSClient({
      appId: opts.appId,
      appSecret: opts.appSecret,
      domain,
      logger,
      loggerLevel: lark.LoggerLevel.warn,
      onReady: () => (this.connected = true),
      onReconnecting: () => (this.connected = false),
      onReconnected: () => (this.connected = true),
      onError: () => (this.connected = false),
    });
    this.pacer = new Pacer(opts.limits ?? FEISHU_LIMITS);
  }

  start(handle: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    const log = this.opts.log.child({ module: "feishu" });
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    const dispatcher = new lark.EventDispatcher({ logger: { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, trace: () => {} }, loggerLevel: lark.LoggerLevel.error }).register({
      "im.message.receive_v1": (event: unknown) => {
        const msg = toIncoming(event as FeishuEvent, (id, key, type) => this.download(id, key, type));
        if (!msg) return;
        const prev = this.chains.get(msg.chatId) ?? Promise.resolve();
        const next = prev.then(() => handle(msg)).catch((err: unknown) => log.error({ op: "message", err }, "message failed"));
        this.chains.set(msg.chatId, next);
        void next.then(() => this.chains.get(msg.chatId) === next && this.chains.delete(msg.chatId));
      },
    });
    void this.ws.start({ eventDispatcher: dispatcher });
    log.info({ op: "start" }, "feishu long connection starting");
    return done;
  }

  async download(messageId: string, fileKey: string, type: "image" | "file"): Promise<Uint8Array> {
    const res = await this.client.im.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type } });
    const chunks: Buffer[] = [];
    for await (const c of res.getReadableStream()) chunks.push(Buffer.from(c as Uint8Array));
    return new Uint8Array(Buffer.concat(chunks));
  }

  /** One message to a chat (`oc_…`) or a person (their open_id); a reply in the chat where the core answers one. */
  private async post(chatId: string, msgType: string, content: Record<string, string>, replyTo?: string): Promise<void> {
    const data = { msg_type: msgType, content: JSON.stringify(content) };
    await this.pacer.run(chatId, async () => {
      if (replyTo) {
        const r = await this.client.im.message.reply({ path: { message_id: replyTo }, data }).catch(() => null);
        if (r && r.code === 0) return;
      }
      const r = await this.client.im.message.create({ params: { receive_id_type: chatId.startsWith("oc_") ? "chat_id" : "open_id" }, data: { receive_id: chatId, ...data } });
      if (r.code !== 0) throw new Error(`Feishu send refused: code ${r.code}`);
    });
  }

  async send(msg: OutgoingMessage): Promise<void> {
    if (msg.deleteMessageId) {
      // Only the group's owner or an admin may recall a member's message; otherwise the text asks its sender to.
      await this.pacer
        .run(msg.chatId, () => this.client.im.message.delete({ path: { message_id: msg.deleteMessageId! } }))
        .catch(() => this.opts.log.info({ module: "feishu", op: "delete" }, "could not recall the group message"));
    }
    let text = msg.text;
    const file = msg.file;
    if (file && (file.data || file.path)) {
      try {
        const bytes = file.data ? Buffer.from(file.data) : await readFile(file.path!);
        if (file.kind === "photo") {
          const up = await this.client.im.image.create({ data: { image_type: "message", image: bytes } });
          if (!up?.image_key) throw new Error("Feishu image upload refused");
          await this.post(msg.chatId, "image", { image_key: up.image_key });
        } else {
          const up = await this.client.im.file.create({ data: { file_type: "stream", file_name: file.filename, file: bytes } });
          if (!up?.file_key) throw new Error("Feishu file upload refused");
          await this.post(msg.chatId, "file", { file_key: up.file_key });
        }
      } catch (err) {
        this.opts.log.warn({ module: "feishu", op: "send-file", err: (err as Error).message }, "file not sent; sending the text");
        if (file.failed) text = `${text}\n${file.failed}`;
      }
    } else if (file?.failed) {
      text = `${text}\n${file.failed}`;
    }
    if (!text) return;
    for (const [i, part] of splitText(text, this.capabilities.maxText).entries()) {
      await this.post(msg.chatId, "text", { text: part }, i === 0 ? msg.replyToMessageId : undefined);
    }
  }

  async stop(): Promise<void> {
    this.connected = false;
    await Promise.allSettled([...this.chains.values()]);
    this.ws.close({ force: true });
    this.stopped();
  }
}
