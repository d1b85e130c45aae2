import type { EventEmitter } from "node:events";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pino } from "pino";
import { FileBox, type FileBoxInterface } from "file-box";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { types } from "wechaty";
import { WechatAdapter } from "../../src/platforms/wechat/adapter.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";

/**
 * Photos and files through Wechaty with wechaty-puppet-mock. A FileBox a mock contact says is kept by the mocker
 * (`cacheFileBoxPayload`) and is what the puppet's `messageFile` gives back, so an image's download can be compared
 * with the bytes that were sent.
 */

interface MockMessage {
  id: string;
  talker(): { id: string };
  text(): string | undefined;
}

/** A small real PNG (1×1, red). */
const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64"),
);
const PDF = Uint8Array.from(Buffer.from("%PDF-1.4\n" + "隐患排查月报 ".repeat(200)));

describe("files through WeChat (Wechaty with the mock puppet)", () => {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  // The mock keeps a sent FileBox as JSON, which a buffer FileBox cannot be (a puppet service uploads those as a
  // stream instead). So the mock is extended the same way: a buffer box goes on as base64, the same bytes.
  const send = puppet.messageSendFile.bind(puppet);
  puppet.messageSendFile = async (conversationId: string, box: FileBoxInterface) =>
    send(conversationId, FileBox.fromBase64((await box.toBuffer()).toString("base64"), box.name));
  const botUser = mocker.createContact({ name: "隐患哨兵" });
  const zhang = mocker.createContact({ name: "张三" });
  const room = mocker.createRoom({ topic: "车间群", memberIdList: [botUser.id, zhang.id] });
  const fromBot: MockMessage[] = [];
  (room as unknown as EventEmitter).on("message", (m: MockMessage) => {
    if (m.talker().id === botUser.id) fromBot.push(m);
  });
  /**
   * A file message as a puppet reports one: type Attachment, with its file name. (The mock's own `say` types a FileBox
   * by its media type and knows no `application/pdf`, so a PDF would arrive as Unknown; the rest is what `say` does.)
   */
  let fileMessages = 0;
  const sendFile = (talkerId: string, listenerId: string, box: FileBoxInterface) => {
    const id = `file-message-${++fileMessages}`;
    mocker.cacheFileBoxPayload.set(id, box.toJSON());
    mocker.MessageMock.create({ id, talkerId, listenerId, timestamp: Date.now(), type: types.Message.Attachment, filename: box.name });
    puppet.emit("message", { messageId: id });
  };
  const adapter = new WechatAdapter({ puppet, sessionName: "", acceptFriends: false, sendIntervalMs: 0, jitterMs: 0, log: pino({ level: "silent" }) });
  const received: IncomingMessage[] = [];
  let waiters: (() => void)[] = [];
  let running: Promise<void>;
  /** Resolves once the adapter has handed `n` messages to the core (a guard that waits as long as the machine needs). */
  const handled = async (n: number) => {
    while (received.length < n) await new Promise<void>((r) => waiters.push(r));
  };

  beforeAll(async () => {
    running = adapter.start(async (msg) => {
      received.push(msg);
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    });
    mocker.login(botUser);
    while (!adapter.connected) await new Promise((r) => setTimeout(r, 10));
  });

  afterAll(async () => {
    await adapter.stop();
    await running;
  });

  test("an image in a room: a photo whose fetch() yields the FileBox's bytes, with its name and type", async () => {
    const before = received.length;
    zhang.say(FileBox.fromBase64(Buffer.from(PNG).toString("base64"), "配电箱.png")).to(room);
    await handled(before + 1);
    const msg = received[before]!;
    expect(msg).toMatchObject({ platform: "wechat", chatId: room.id, chatType: "group", sender: { id: zhang.id }, text: "" });
    const [att] = msg.attachments;
    expect(att).toMatchObject({ kind: "photo", ref: msg.messageId });
    expect(await att!.fetch!()).toEqual(PNG);
    // Known once the FileBox is, when the core has fetched it.
    expect(att).toMatchObject({ name: "配电箱.png", mime: "image/png" });
  });

  test("a file in a private chat: a document whose fetch() yields its bytes, with its name", async () => {
    const before = received.length;
    sendFile(zhang.id, botUser.id, FileBox.fromBase64(Buffer.from(PDF).toString("base64"), "11月月报.pdf"));
    await handled(before + 1);
    const msg = received[before]!;
    expect(msg).toMatchObject({ chatId: zhang.id, chatType: "private", text: "" });
    const [att] = msg.attachments;
    // The name comes with the message, before any download.
    expect(att).toMatchObject({ kind: "document", ref: msg.messageId, name: "11月月报.pdf" });
    expect(await att!.fetch!()).toEqual(PDF);
    expect(att!.mime).toBe("application/pdf");
  });

  test("a photo from bytes reaches the room as that image, then its caption", async () => {
    const before = fromBot.length;
    await adapter.send({ platform: "wechat", chatId: room.id, text: "YH-2026-000001 的照片（1/1）", file: { kind: "photo", filename: "YH-2026-000001-1.png", data: PNG } });
    while (fromBot.length < before + 2) await new Promise((r) => setImmediate(r));
    const [image, caption] = fromBot.slice(before);
    const kept = mocker.cacheFileBoxPayload.get(image!.id);
    expect(kept).toBeDefined();
    const box = FileBox.fromJSON(kept!);
    expect(box.name).toBe("YH-2026-000001-1.png");
    expect(new Uint8Array(await box.toBuffer())).toEqual(PNG);
    expect(caption!.text()).toBe("YH-2026-000001 的照片（1/1）");
  });
});
