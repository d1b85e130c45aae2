import { pino } from "pino";
import { consolePhoto } from "../../src/platforms/console/chat.ts";
import { Router } from "../../src/platforms/router.ts";
import { Metrics } from "../../src/ops/metrics.ts";
import { capabilitiesOf } from "../../src/core/capabilities.ts";
import type { ChatAdapter } from "../../src/core/messages.ts";
import type { SendLimits } from "../../src/platforms/pacer.ts";
import { WecomAdapter } from "../../src/platforms/wecom/adapter.ts";
import { DingtalkAdapter } from "../../src/platforms/dingtalk/adapter.ts";
import { FeishuAdapter } from "../../src/platforms/feishu/adapter.ts";
import { WecomEmulator } from "../support/wecom-emulator.ts";
import { DingtalkEmulator } from "../support/dingtalk-emulator.ts";
import { FeishuEmulator } from "../support/feishu-emulator.ts";
import { appFor, fakeClock, handledSignal, type Driver, type DriverOptions } from "./drivers.ts";

/** Scenario tests send far faster than a person: the platforms' own limits are the bench's to keep (bench/workchat.ts). */
const UNPACED: SendLimits = { overall: [{ count: 10_000, ms: 1000 }], perChat: [{ count: 10_000, ms: 1000 }] };

/** One sent message as the driver reads it: its chat, its text, and a photo's bytes. */
interface Seen {
  chat: string;
  text?: string | undefined;
  photo?: Uint8Array | undefined;
}

/** What each work-chat emulation offers a driver. */
interface Platform {
  name: "wecom" | "dingtalk" | "feishu";
  /** Ids: a person's (their 1:1 chat too) and a group's, from a number. */
  person(n: number): string;
  group(n: number): string;
  start(): Promise<void>;
  adapter(log: DriverOptions["log"] & object): ChatAdapter & { connected: boolean };
  push(person: string, name: string, chat: { id: string; title: string } | null, content: { text: string } | { image: Uint8Array }): void;
  seen(): Seen[];
  /** Waits until the adapter is connected and the emulator has it. */
  online(): boolean;
  stop(): Promise<void>;
  emulator: WecomEmulator | DingtalkEmulator | FeishuEmulator;
}

function wecom(): Platform {
  const emu = new WecomEmulator();
  return {
    name: "wecom",
    emulator: emu,
    person: (n) => `wc${n}`,
    group: (n) => `wrgroup${n}`,
    start: () => emu.start(),
    adapter: (log) => new WecomAdapter({ botId: emu.botId, secret: emu.secret, wsUrl: emu.wsUrl, log, reconnectInterval: 200, limits: UNPACED }),
    // WeCom delivers a group message only when it @-mentions the bot, mention first; images only in 1:1 chats.
    push: (person, _name, chat, c) => void emu.push(person, chat?.id ?? null, "text" in c ? { text: chat ? `@隐患哨兵 ${c.text}` : c.text } : { image: c.image }),
    seen: () => emu.sent.map((s) => ({ chat: s.chatid, text: s.text, photo: s.media?.type === "image" ? s.media.bytes : undefined })),
    online: () => emu.online,
    stop: () => emu.stop(),
  };
}

function dingtalk(): Platform {
  const emu = new DingtalkEmulator();
  return {
    name: "dingtalk",
    emulator: emu,
    person: (n) => `dt${n}`,
    group: (n) => `cidgroup${n}`,
    start: () => emu.start(),
    adapter: (log) => new DingtalkAdapter({ clientId: emu.clientId, clientSecret: emu.clientSecret, apiUrl: emu.url, oapiUrl: emu.url, log, limits: UNPACED }),
    push: (person, name, chat, c) => void emu.push(person, name, chat, "text" in c ? c : { picture: c.image }),
    seen: () => emu.sent.map((s) => ({ chat: s.chat, text: s.param.content, photo: s.msgKey === "sampleImageMsg" ? s.media?.bytes : undefined })),
    online: () => emu.online,
    stop: () => emu.stop(),
  };
}

function feishu(): Platform {
  const emu = new FeishuEmulator();
  return {
    name: "feishu",
    emulator: emu,
    person: (n) => `ou_${n}`,
    group: (n) => `oc_group${n}`,
    start: () => emu.start(),
    adapter: (log) => new FeishuAdapter({ appId: emu.appId, appSecret: emu.appSecret, domain: emu.url, log, limits: UNPACED }),
    push: (person, _name, chat, c) => void emu.push(person, chat?.id ?? null, c),
    seen: () => emu.sent.map((s) => ({ chat: s.chat, text: s.text, photo: s.msgType === "image" ? s.media?.bytes : undefined })),
    online: () => emu.online,
    stop: () => emu.stop(),
  };
}

export const WORKCHAT = { wecom, dingtalk, feishu } as const;

/**
 * A work-chat platform: its real SDK against the local emulation, people pushed as the platform's frames, what the
 * bot sent read from what the emulation's API recorded. Where photos never reach the bot in a group, a person sends
 * them in the private chat, as the bot asks.
 */
export async function workchatDriver(kind: keyof typeof WORKCHAT, opts: DriverOptions = {}): Promise<Driver> {
  const p = WORKCHAT[kind]();
  await p.start();
  const clock = fakeClock();
  const log = opts.log ?? pino({ level: "silent" });
  const ids = new Map<string, string>(Object.entries(opts.ids ?? {}).map(([k, v]) => [k, p.person(v)]));
  const idOf = (name: string) => {
    if (!ids.has(name)) ids.set(name, p.person(1000 + ids.size));
    return ids.get(name)!;
  };
  const groups = new Map<string, string>();
  const groupOf = (name: string) => {
    if (!groups.has(name)) groups.set(name, p.group(groups.size + 1));
    return groups.get(name)!;
  };
  const app = await appFor(`${kind}:${idOf("admin")}`, clock, opts);
  const adapter = p.adapter(log);
  const router = new Router([adapter], app.bot, log, new Metrics());
  const signal = handledSignal(router);
  const running = adapter.start(signal.handle);
  while (!adapter.connected || !p.online()) await new Promise((r) => setTimeout(r, 20));
  const chatOf = (person: string, chat: string | null) => (chat === null ? capabilitiesOf(kind).privateChat(idOf(person)) : groupOf(chat));
  const texts = (chatId: string) => p.seen().filter((s) => s.chat === chatId && s.text !== undefined).map((s) => s.text!);
  const photosGiven: Uint8Array[] = [];
  const deliver = async (person: string, chat: string | null, c: { text: string } | { image: Uint8Array }) => {
    const chatId = chatOf(person, chat);
    const before = texts(chatId).length;
    const done = signal.next();
    p.push(idOf(person), person, chat === null ? null : { id: groupOf(chat), title: chat }, c);
    await done;
    return texts(chatId).slice(before);
  };
  return {
    platform: kind,
    idOf,
    // DingTalk names the sender; WeCom and Feishu give only the id.
    ...(kind === "dingtalk" ? {} : { nameOf: idOf }),
    app,
    clock,
    adapter,
    server: p.emulator,
    fetchChat: async () => [],
    async say(person, chat, text, o = {}) {
      if (!o.dropped) return deliver(person, chat, { text });
      const chatId = chatOf(person, chat);
      const before = texts(chatId).length;
      p.push(idOf(person), person, chat === null ? null : { id: groupOf(chat), title: chat }, { text });
      await new Promise((r) => setTimeout(r, 1500));
      return texts(chatId).slice(before);
    },
    photosGiven,
    async photo(person, chat, caption) {
      const bytes = consolePhoto(photosGiven.length + 1);
      photosGiven.push(bytes);
      const said = caption ? await deliver(person, chat, { text: caption }) : [];
      // People write, then send the picture; in a group that never passes it on, privately, as the bot asked.
      const where = chat !== null && !capabilitiesOf(kind).groupFiles ? null : chat;
      return [...said, ...(await deliver(person, where, { image: bytes }))];
    },
    photosSent: async (person, chat) => p.seen().filter((s) => s.chat === chatOf(person, chat) && s.photo).map((s) => s.photo!),
    inbox: (person, chat) => texts(chatOf(person, chat)),
    send: (o) => router.send(o),
    async close() {
      await adapter.stop();
      await running;
      await p.stop();
      await app.close();
    },
  };
}
