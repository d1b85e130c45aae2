import { pino } from "pino";
import type { EventEmitter } from "node:events";
import { FileBox, type FileBoxInterface } from "file-box";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import type { Transformer } from "grammy";
import { loadConfig } from "../../src/config.ts";
import { createApp, type App } from "../../src/app.ts";
import { ConsoleChat, consolePhoto } from "../../src/platforms/console/chat.ts";
import { TelegramAdapter } from "../../src/platforms/telegram/adapter.ts";
import { WechatAdapter } from "../../src/platforms/wechat/adapter.ts";
import { Router } from "../../src/platforms/router.ts";
import { Metrics } from "../../src/ops/metrics.ts";
import type { IncomingMessage, OutgoingMessage } from "../../src/core/messages.ts";
import type { Logger } from "../../src/log.ts";
import { freePort, withFiles, type Upload } from "../support/telegram-emulator.ts";
import { workchatDriver } from "./workchat-drivers.ts";

/**
 * One way to talk to the bot, per platform, so a scenario is written once and run on each: people by name, chats by
 * name (a group) or `null` (the person's private chat with the bot). `say` returns what the bot sent to that chat in
 * answer; `inbox` everything it sent to a chat so far (notices, reminders).
 */
export interface Driver {
  readonly platform: string;
  /** A person's platform id (what must never reach the store for a tipster). */
  idOf(person: string): string;
  /** The name the platform shows the bot for a person, where it is not their name (WeCom and Feishu show only ids). */
  nameOf?(person: string): string;
  readonly app: App;
  readonly clock: { now: Date; set(iso: string): void };
  /** `dropped`: the platform adapter is expected to drop the message (it is never handled), so nothing is awaited. */
  say(person: string, chat: string | null, text: string, opts?: { dropped?: boolean }): Promise<string[]>;
  inbox(person: string, chat: string | null): string[];
  /**
   * Sends a photo (a small PNG, different each time) as the platform delivers one: on Telegram with its caption, the bot
   * downloading it through getFile; on WeChat as an image message, after the caption as its own message (WeChat has no
   * captions: people write, then send the picture); returns what the bot answered.
   */
  photo(person: string, chat: string | null, caption?: string): Promise<string[]>;
  /** The bytes of each photo `photo` sent, in order (each is different: the console's drawing carries a random id). */
  readonly photosGiven: Uint8Array[];
  /** The bytes of every photo the bot has sent to that chat so far, in order, as the platform received them. */
  photosSent(person: string, chat: string | null): Promise<Uint8Array[]>;
  /** (Telegram) the adapter itself, to feed it updates the emulator cannot send; the emulator, to look into it. */
  adapter?: unknown;
  server?: unknown;
  /** (Telegram) the files the bot uploaded (sendPhoto, sendDocument), as the server received them. */
  uploads?: Upload[];
  /** (Telegram) what the bot sent to a raw chat id, read from the emulator. */
  fetchChat(chatId: number): Promise<string[]>;
  /** How the scenario's send function reaches the platform (for reminder rounds). */
  send(o: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

const START = "2026-11-10T02:00:00Z";

interface MockMessage {
  id: string;
  talker(): { id: string };
  room(): unknown;
  text(): string | undefined;
}

export function fakeClock() {
  return {
    now: new Date(START),
    set(iso: string) {
      this.now = new Date(iso);
    },
  };
}

/** Where a driver keeps its data and log: in memory and silent, or (for the anonymity test) on disk. */
export interface DriverOptions {
  dataDir?: string;
  log?: Logger;
  /** Fixed platform ids for some people (Telegram). */
  ids?: Record<string, number>;
  /** (Telegram) the server refuses every file the bot uploads. */
  refuseUploads?: boolean;
}

export async function appFor(admin: string, clock: { now: Date }, opts: DriverOptions): Promise<App> {
  const config = loadConfig({ SENTINEL_ADMINS: admin, ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}) });
  return createApp(config, opts.log ?? pino({ level: "silent" }), () => clock.now, { inMemory: !opts.dataDir });
}

/** The console: the same bot, no network. */
export async function consoleDriver(opts: DriverOptions = {}): Promise<Driver> {
  const clock = fakeClock();
  const app = await appFor("console:admin", clock, opts);
  const chat = new ConsoleChat((m) => app.bot.handle(m));
  const room = (person: string, c: string | null) => (c === null ? chat.as(person) : chat.as(person).in(c));
  const photosGiven: Uint8Array[] = [];
  const given = (bytes: Uint8Array) => (photosGiven.push(bytes), bytes);
  return {
    platform: "console",
    idOf: (person) => person,
    fetchChat: async () => [],
    app,
    clock,
    say: (person, c, text) => room(person, c).say(text),
    photosGiven,
    photo: (person, c, caption = "") => room(person, c).say(caption, { photos: [given(consolePhoto(photosGiven.length + 1))] }),
    photosSent: async (person, c) =>
      (chat.sent.get(c === null ? `@${person}` : c) ?? []).filter((o) => o.file?.kind === "photo" && o.file.data).map((o) => new Uint8Array(o.file!.data!)),
    inbox: (person, c) => chat.inbox(c === null ? `@${person}` : c),
    send: async (o) => void chat.sent.set(o.chatId, [...(chat.sent.get(o.chatId) ?? []), o]),
    close: () => app.close(),
  };
}

/** Waits for the next message a router handles (replies sent included). */
export function handledSignal(router: Router) {
  let waiters: (() => void)[] = [];
  const handle = async (msg: IncomingMessage) => {
    try {
      await router.handle(msg);
    } finally {
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    }
  };
  const next = () => new Promise<void>((r) => waiters.push(r));
  return { handle, next };
}

/**
 * Telegram: the real grammY client (runner, throttler, auto-retry) long-polling `telegram-test-api` over HTTP, people
 * as the emulator's clients. The emulator answers getUpdates at once (no long polling), so a transformer paces empty
 * polls to keep the test from spinning.
 */
export async function telegramDriver(opts: DriverOptions = {}): Promise<Driver> {
  const clock = fakeClock();
  const log = opts.log ?? pino({ level: "silent" });
  const ids = new Map<string, number>([["admin", 1000], ...Object.entries(opts.ids ?? {})]);
  const idOf = (name: string) => {
    if (!ids.has(name)) ids.set(name, 1000 + ids.size);
    return ids.get(name)!;
  };
  const groups = new Map<string, number>();
  const groupId = (name: string) => {
    if (!groups.has(name)) groups.set(name, -100 - groups.size);
    return groups.get(name)!;
  };
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1" });
  const token = "123456:SENTINEL-TEST";
  // Photos people send, by file id, for the bot to fetch through getFile (the emulator has no file routes of its own).
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  const uploads: Upload[] = [];
  const photosGiven: Uint8Array[] = [];
  withFiles(server, token, files, uploads, { refuseUploads: opts.refuseUploads ?? false });
  await server.start();
  const apiRoot = server.config.apiURL;
  const app = await appFor(`telegram:${idOf("admin")}`, clock, opts);
  const pace: Transformer = async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (method === "getUpdates" && Array.isArray((res as { result?: unknown[] }).result) && (res as { result: unknown[] }).result.length === 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return res;
  };
  const adapter = new TelegramAdapter({ token, apiRoot, prompts: app.prompts, log, transformers: [pace] });
  const router = new Router([adapter], app.bot, log, new Metrics());
  const signal = handledSignal(router);
  const running = adapter.start(signal.handle);
  while (!adapter.connected) await new Promise((r) => setTimeout(r, 10));
  const inboxes = new Map<string, string[]>();
  const clientFor = (person: string, chat: string | null) =>
    server.getClient(token, {
      userId: idOf(person),
      firstName: person,
      userName: `u${idOf(person)}`,
      chatId: chat === null ? idOf(person) : groupId(chat),
      type: chat === null ? "private" : "group",
      chatTitle: chat ?? person,
    });
  const key = (person: string, chat: string | null) => (chat === null ? `@${person}` : chat);
  /** Reads what the bot sent to a chat (through the emulator's client API) into its inbox. */
  /** The emulator's client route (what its TelegramClient.getUpdates calls), without the client's wait-until-any. */
  const fetchChat = async (chatId: number): Promise<string[]> => {
    const res = await fetch(`${apiRoot}/getUpdates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, chatId }),
    });
    const body = (await res.json()) as { result: { message: { text: string } }[] };
    return body.result.map((u) => u.message.text);
  };
  const collect = async (person: string, chat: string | null): Promise<string[]> => {
    const texts = await fetchChat(chat === null ? idOf(person) : groupId(chat));
    inboxes.set(key(person, chat), [...(inboxes.get(key(person, chat)) ?? []), ...texts]);
    return texts;
  };
  return {
    platform: "telegram",
    idOf: (person) => String(idOf(person)),
    fetchChat,
    adapter,
    server,
    uploads,
    photosGiven,
    app,
    clock,
    async say(person, chat, text, opts = {}) {
      const client = clientFor(person, chat);
      // Earlier messages to this chat (a notice from another chat's action) go to the inbox, not to this answer.
      await collect(person, chat);
      const done = signal.next();
      await client.sendMessage(client.makeMessage(text));
      // Waits for the bot, however loaded the machine; a message the adapter drops (another bot's command) is never
      // handled, so for one of those a short pause stands in (it can only let a wrong answer through, never fail a right one).
      if (opts.dropped) await Promise.race([done, new Promise((r) => setTimeout(r, 1500))]);
      else await done;
      return collect(person, chat);
    },
    async photo(person, chat, caption = "") {
      const client = clientFor(person, chat);
      await collect(person, chat);
      const n = files.size + 1;
      const bytes = consolePhoto(n);
      photosGiven.push(bytes);
      files.set(`photo-${n}`, { path: `photos/file_${n}.png`, bytes });
      const { text: _none, ...message } = client.makeMessage("");
      const photo = [{ file_id: `photo-${n}`, file_unique_id: `u-photo-${n}`, width: 160, height: 120, file_size: bytes.byteLength }];
      const done = signal.next();
      await client.sendMessage({ ...message, ...(caption ? { caption } : {}), photo } as unknown as Parameters<typeof client.sendMessage>[0]);
      await done;
      return collect(person, chat);
    },
    photosSent: async (person, chat) => {
      const id = String(chat === null ? idOf(person) : groupId(chat));
      return uploads.filter((u) => u.method === "sendPhoto" && u.fields.chat_id === id && u.file).map((u) => u.file!.bytes);
    },
    inbox: (person, chat) => inboxes.get(key(person, chat)) ?? [],
    async send(o) {
      await router.send(o);
      // Reminders reach the emulator; read them into the inboxes of the chats they were for.
      for (const [name, id] of groups) if (String(id) === o.chatId) await collect("admin", name);
      for (const [name, id] of ids) if (String(id) === o.chatId) await collect(name, null);
    },
    async close() {
      await adapter.stop();
      await running;
      await server.stop();
      await app.close();
    },
  };
}

/**
 * WeChat: Wechaty with wechaty-puppet-mock. People are mock contacts, groups mock rooms; what the bot says is read
 * from the mock's own events for the room or the person.
 */
export async function wechatDriver(opts: DriverOptions = {}): Promise<Driver> {
  const clock = fakeClock();
  const log = opts.log ?? pino({ level: "silent" });
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  // The mock keeps a sent FileBox as JSON, which a buffer FileBox cannot be (a puppet service uploads those as a
  // stream instead): a buffer box goes on as base64, the same bytes.
  const sendFile = puppet.messageSendFile.bind(puppet);
  puppet.messageSendFile = async (conversationId: string, box: FileBoxInterface) =>
    sendFile(conversationId, FileBox.fromBase64((await box.toBuffer()).toString("base64"), box.name));
  /** What the bot sent as images, per chat (the bytes read when they came, before any session change). */
  const images = new Map<string, Promise<Uint8Array>[]>();
  const keepImage = (k: string, m: MockMessage) => {
    const json = mocker.cacheFileBoxPayload.get(m.id);
    if (json) images.set(k, [...(images.get(k) ?? []), FileBox.fromJSON(json).toBuffer().then((b) => new Uint8Array(b))]);
  };
  const botUser = mocker.createContact({ name: "隐患哨兵" });
  const contacts = new Map<string, ReturnType<typeof mocker.createContact>>();
  const contact = (name: string) => {
    if (!contacts.has(name)) contacts.set(name, mocker.createContact({ name }));
    return contacts.get(name)!;
  };
  const admin = contact("admin");
  const app = await appFor(`wechat:${admin.id}`, clock, opts);
  const adapter = new WechatAdapter({ puppet, sessionName: "", acceptFriends: true, sendIntervalMs: 0, jitterMs: 0, log });
  const router = new Router([adapter], app.bot, log, new Metrics());
  const signal = handledSignal(router);
  const running = adapter.start(signal.handle);
  mocker.login(botUser);
  await new Promise((r) => setTimeout(r, 50));
  const inboxes = new Map<string, string[]>();
  const push = (k: string, text: string) => inboxes.set(k, [...(inboxes.get(k) ?? []), text]);
  const rooms = new Map<string, ReturnType<typeof mocker.createRoom>>();
  const room = (name: string) => {
    if (!rooms.has(name)) {
      const r = mocker.createRoom({ topic: name, memberIdList: [botUser.id, ...[...contacts.values()].map((c) => c.id)] });
      (r as unknown as EventEmitter).on("message", (m: MockMessage) => {
        if (m.talker().id === botUser.id) {
          push(name, m.text() ?? "");
          keepImage(name, m);
        }
      });
      rooms.set(name, r);
    }
    return rooms.get(name)!;
  };
  const watched = new Set<string>();
  const watch = (name: string) => {
    if (watched.has(name)) return;
    watched.add(name);
    (contact(name) as unknown as EventEmitter).on("message", (m: MockMessage) => {
      if (m.talker().id === botUser.id && !m.room()) {
        push(`@${name}`, m.text() ?? "");
        keepImage(`@${name}`, m);
      }
    });
  };
  const key = (person: string, chat: string | null) => (chat === null ? `@${person}` : chat);
  const photosGiven: Uint8Array[] = [];
  /** Says a text or an image as the person, waits for the bot to handle it, and returns its answers. */
  const deliver = async (person: string, chat: string | null, what: string | FileBox) => {
    watch(person);
    const before = (inboxes.get(key(person, chat)) ?? []).length;
    const done = signal.next();
    contact(person).say(what).to(chat === null ? botUser : room(chat));
    await done;
    await new Promise((r) => setImmediate(r));
    return (inboxes.get(key(person, chat)) ?? []).slice(before);
  };
  return {
    platform: "wechat",
    idOf: (person) => contact(person).id,
    fetchChat: async () => [],
    app,
    clock,
    say: (person, chat, text) => deliver(person, chat, text),
    photosSent: (person, chat) => Promise.all(images.get(key(person, chat)) ?? []),
    server: mocker,
    photosGiven,
    async photo(person, chat, caption) {
      const bytes = consolePhoto(photosGiven.length + 1);
      photosGiven.push(bytes);
      const image = FileBox.fromBase64(Buffer.from(bytes).toString("base64"), `photo-${photosGiven.length}.png`);
      const said = caption ? await deliver(person, chat, caption) : [];
      return [...said, ...(await deliver(person, chat, image))];
    },
    inbox: (person, chat) => inboxes.get(key(person, chat)) ?? [],
    async send(o) {
      await router.send(o);
      await new Promise((r) => setImmediate(r));
    },
    async close() {
      await adapter.stop();
      await running;
      await app.close();
    },
  };
}

export const DRIVERS = {
  console: consoleDriver,
  telegram: telegramDriver,
  wechat: wechatDriver,
  wecom: (o?: DriverOptions) => workchatDriver("wecom", o),
  dingtalk: (o?: DriverOptions) => workchatDriver("dingtalk", o),
  feishu: (o?: DriverOptions) => workchatDriver("feishu", o),
} as const;
