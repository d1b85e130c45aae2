import { describe, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { toIncoming } from "../../src/platforms/telegram/convert.ts";
import { splitText } from "../../src/platforms/pacer.ts";
import { safeError } from "../../src/log.ts";

const base = {
  message_id: 42,
  date: 0,
  chat: { id: -100123, type: "supergroup", title: "车间群" },
  from: { id: 7, is_bot: false, first_name: "三", last_name: "张", username: "zhangsan", language_code: "zh-hans" },
} as const;

describe("Telegram messages as the core reads them", () => {
  test("a group text: ids as strings, the sender's name, username and language", () => {
    expect(toIncoming({ ...base, text: "报隐患 配电箱门未关" } as unknown as Message)).toEqual({
      platform: "telegram",
      chatId: "-100123",
      chatType: "group",
      chatTitle: "车间群",
      messageId: "42",
      sender: { id: "7", name: "三 张", username: "zhangsan", lang: "zh-hans" },
      text: "报隐患 配电箱门未关",
      attachments: [],
    });
  });

  test("a photo (its largest size) with a caption; a document with its name, type and size; a reply", () => {
    const photo = toIncoming({ ...base, caption: "随手拍", photo: [{ file_id: "small", file_size: 900 }, { file_id: "large", file_size: 81_000 }] } as unknown as Message)!;
    expect(photo.text).toBe("随手拍");
    expect(photo.attachments).toEqual([{ kind: "photo", ref: "large", size: 81_000, mime: "image/jpeg" }]);
    const doc = toIncoming({ ...base, caption: "11月月报", document: { file_id: "doc-1", file_name: "月报.xlsx", mime_type: "application/vnd.ms-excel", file_size: 5120 } } as unknown as Message)!;
    expect(doc.attachments).toEqual([{ kind: "document", ref: "doc-1", size: 5120, mime: "application/vnd.ms-excel", name: "月报.xlsx" }]);
    const reply = toIncoming({ ...base, text: "授权 监管人员", reply_to_message: { ...base, message_id: 41, text: "x" } } as unknown as Message)!;
    expect(reply.replyTo).toEqual({ messageId: "41", sender: { id: "7", name: "三 张", username: "zhangsan", lang: "zh-hans" } });
  });

  test("what has no text still reaches the core: a place, a venue, and voice, video, stickers, GIFs as unreadable", () => {
    const as = (extra: object) => toIncoming({ ...base, ...extra } as unknown as Message)!;
    expect(as({ location: { latitude: 31.23, longitude: 121.47 } })).toMatchObject({ text: "", attachments: [], location: { latitude: 31.23, longitude: 121.47 } });
    expect(as({ venue: { location: { latitude: 31.2, longitude: 121.4 }, title: "东门罐区", address: "城关镇工业路 1 号" }, location: { latitude: 31.2, longitude: 121.4 } }).location).toEqual({
      latitude: 31.2,
      longitude: 121.4,
      name: "东门罐区",
      address: "城关镇工业路 1 号",
    });
    expect(as({ voice: { file_id: "v", duration: 3 } }).unsupported).toBe("voice");
    expect(as({ audio: { file_id: "a", duration: 3 } }).unsupported).toBe("voice");
    expect(as({ video_note: { file_id: "n", length: 1, duration: 3 } }).unsupported).toBe("video");
    expect(as({ sticker: { file_id: "s", type: "regular" } }).unsupported).toBe("sticker");
    // A GIF comes as an animation and a document at once: it is not a file to keep.
    const gif = as({ animation: { file_id: "g" }, document: { file_id: "g", file_name: "a.gif.mp4" } });
    expect(gif).toMatchObject({ unsupported: "sticker", attachments: [] });
    expect(as({ poll: { id: "p" } }).unsupported).toBe("other");
    // Service messages still are not the core's.
    expect(toIncoming({ ...base, new_chat_members: [] } as unknown as Message)).toBeNull();
  });

  test("with the adapter's download, each file's fetch() downloads that file by its id", async () => {
    const asked: string[] = [];
    const download = async (fileId: string) => (asked.push(fileId), Uint8Array.from([1, 2, 3]));
    const photo = toIncoming({ ...base, photo: [{ file_id: "small" }, { file_id: "large" }] } as unknown as Message, undefined, download)!;
    expect(asked).toEqual([]); // nothing downloaded until the core asks
    expect(await photo.attachments[0]!.fetch!()).toEqual(Uint8Array.from([1, 2, 3]));
    expect(asked).toEqual(["large"]);
  });

  test("a private chat; nothing from bots, and nothing without text or file", () => {
    expect(toIncoming({ ...base, chat: { id: 7, type: "private", first_name: "三" }, text: "举报" } as unknown as Message)!.chatType).toBe("private");
    expect(toIncoming({ ...base, from: { ...base.from, is_bot: true }, text: "hi" } as unknown as Message)).toBeNull();
    expect(toIncoming({ ...base, new_chat_members: [] } as unknown as Message)).toBeNull();
  });
});

describe("sending and logging on Telegram", () => {
  test("a long answer goes in parts of at most 4096 characters, split at line ends", () => {
    const text = Array.from({ length: 300 }, (_, i) => `第 ${i} 行：${"隐患".repeat(10)}`).join("\n");
    const parts = splitText(text, 4096);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join("\n")).toBe(text);
    expect(splitText("short", 4096)).toEqual(["short"]);
    expect(splitText("x".repeat(10000), 4096).map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });

  test("an error is logged without what the library attached (grammY's payload: a chat id and the text)", () => {
    const err = Object.assign(new Error("Call to 'sendMessage' failed! (403: Forbidden: bot was blocked by the user)"), {
      name: "GrammyError",
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
      payload: { chat_id: "7770001", text: "您的回执码 1234 举报内容" },
      method: "sendMessage",
    });
    const logged = JSON.stringify(safeError(err));
    expect(logged).toContain("Forbidden");
    expect(logged).not.toContain("7770001");
    expect(logged).not.toContain("举报内容");
  });
});
