import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pino } from "pino";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { Transformer } from "grammy";
import { Prompts } from "../../src/core/i18n.ts";
import { TelegramAdapter } from "../../src/platforms/telegram/adapter.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";
import { freePort, withFiles, type Upload } from "../support/telegram-emulator.ts";

/**
 * Photos and documents through the real grammY client against `telegram-test-api`. The emulator has no `getFile`, no
 * file download route and takes no `sendPhoto`/`sendDocument`; the harness below adds them in front of its express app,
 * serving bytes the test chose and recording what the bot uploads, as the Bot API does.
 */

const TOKEN = "123456:SENTINEL-FILES";

/** Bytes that are not text, so nothing along the way could have rewritten them. */
function someBytes(n: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 3)) % 256);
}

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...someBytes(3000, 1), 0xff, 0xd9]);
const PDF = Uint8Array.from([...Buffer.from("%PDF-1.4\n"), ...someBytes(5000, 2)]);

describe("files through Telegram (grammY against telegram-test-api with file routes)", () => {
  const files = new Map([
    ["photo-large", { path: "photos/file_7.jpg", bytes: JPEG }],
    ["doc-1", { path: "documents/file_8.pdf", bytes: PDF }],
  ]);
  const uploads: Upload[] = [];
  let server: TelegramServer;
  let adapter: TelegramAdapter;
  let running: Promise<void>;
  const received: IncomingMessage[] = [];
  let waiters: (() => void)[] = [];
  /** Resolves once the adapter has handed `n` messages to the core (a guard that waits as long as the machine needs). */
  const handled = async (n: number) => {
    while (received.length < n) await new Promise<void>((r) => waiters.push(r));
  };

  beforeAll(async () => {
    server = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
    withFiles(server, TOKEN, files, uploads);
    await server.start();
    const prompts = new Prompts();
    // The emulator answers getUpdates at once (no long polling): pace the empty polls.
    const pace: Transformer = async (prev, method, payload, signal) => {
      const res = await prev(method, payload, signal);
      const result = (res as { result?: unknown }).result;
      if (method === "getUpdates" && Array.isArray(result) && result.length === 0) await new Promise((r) => setTimeout(r, 20));
      return res;
    };
    adapter = new TelegramAdapter({ token: TOKEN, apiRoot: server.config.apiURL, prompts, log: pino({ level: "silent" }), transformers: [pace] });
    running = adapter.start(async (msg) => {
      received.push(msg);
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    });
    while (!adapter.connected) await new Promise((r) => setTimeout(r, 10));
  });

  afterAll(async () => {
    await adapter?.stop();
    await running;
    await server?.stop();
  });

  const client = () => server.getClient(TOKEN, { userId: 7, firstName: "张三", userName: "zhangsan", chatId: -100, type: "group", chatTitle: "车间群" });

  test("a photo with a caption: its largest size, with the size and type Telegram gives, and fetch() yields its bytes", async () => {
    const c = client();
    const { text: _none, ...message } = c.makeMessage("");
    const photo = [
      { file_id: "photo-small", file_unique_id: "s", width: 90, height: 60, file_size: 900 },
      { file_id: "photo-large", file_unique_id: "l", width: 1280, height: 960, file_size: JPEG.byteLength },
    ];
    const before = received.length;
    await c.sendMessage({ ...message, caption: "随手拍 配电箱门未关", photo } as unknown as Parameters<typeof c.sendMessage>[0]);
    await handled(before + 1);
    const msg = received[before]!;
    expect(msg.text).toBe("随手拍 配电箱门未关");
    expect(msg.chatId).toBe("-100");
    expect(msg.attachments).toHaveLength(1);
    const [att] = msg.attachments;
    expect(att).toMatchObject({ kind: "photo", ref: "photo-large", size: JPEG.byteLength, mime: "image/jpeg" });
    // getFile through the bot's API, then the download from the configured API root.
    expect(await att!.fetch!()).toEqual(JPEG);
  });

  test("a document: its name, type and size, and fetch() yields its bytes", async () => {
    const c = client();
    const { text: _none, ...message } = c.makeMessage("");
    const document = { file_id: "doc-1", file_unique_id: "d", file_name: "11月月报.pdf", mime_type: "application/pdf", file_size: PDF.byteLength };
    const before = received.length;
    await c.sendMessage({ ...message, caption: "11月月报", document } as unknown as Parameters<typeof c.sendMessage>[0]);
    await handled(before + 1);
    const [att] = received[before]!.attachments;
    expect(att).toMatchObject({ kind: "document", ref: "doc-1", name: "11月月报.pdf", mime: "application/pdf", size: PDF.byteLength });
    expect(await att!.fetch!()).toEqual(PDF);
  });

  test("a file Telegram no longer gives: fetch() rejects (the core answers the person)", async () => {
    const c = client();
    const { text: _none, ...message } = c.makeMessage("");
    const before = received.length;
    await c.sendMessage({ ...message, photo: [{ file_id: "gone", file_unique_id: "g", width: 1, height: 1 }] } as unknown as Parameters<typeof c.sendMessage>[0]);
    await handled(before + 1);
    await expect(received[before]!.attachments[0]!.fetch!()).rejects.toThrow(/invalid file_id/);
  });

  test("a photo from bytes goes out as sendPhoto with those bytes and the caption; a document as sendDocument", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...someBytes(2000, 3)]);
    await adapter.send({ platform: "telegram", chatId: "-100", text: "YH-2026-000001 的照片（1/2）", file: { kind: "photo", filename: "YH-2026-000001-1.png", data: png } });
    await adapter.send({ platform: "telegram", chatId: "-100", text: "台账", file: { kind: "document", filename: "台账.pdf", data: PDF } });
    const [photo, doc] = uploads.slice(-2);
    expect(photo).toMatchObject({ method: "sendPhoto", token: TOKEN, fields: { chat_id: "-100", caption: "YH-2026-000001 的照片（1/2）" } });
    expect(photo!.file).toMatchObject({ field: "photo", filename: "YH-2026-000001-1.png" });
    expect(photo!.file!.bytes).toEqual(png);
    expect(doc).toMatchObject({ method: "sendDocument", fields: { chat_id: "-100", caption: "台账" } });
    expect(doc!.file!.bytes).toEqual(PDF);
  });

  test("a caption over Telegram's 1024 characters: the photo goes without it, and the text follows as a message", async () => {
    const long = "隐患".repeat(600);
    const sentBefore = server.storage.botMessages.length;
    await adapter.send({ platform: "telegram", chatId: "-100", text: long, file: { kind: "photo", filename: "p.png", data: JPEG } });
    const photo = uploads.at(-1)!;
    expect(photo.method).toBe("sendPhoto");
    expect(photo.fields.caption).toBeUndefined();
    expect(photo.file!.bytes).toEqual(JPEG);
    // The chat shows the photo (no caption), then the text.
    const texts = server.storage.botMessages.slice(sentBefore).map((m) => (m.message as { text?: string }).text);
    expect(texts).toEqual(["", long]);
  });
});
