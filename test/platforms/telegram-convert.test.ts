import { describe, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { toIncoming } from "../../src/platforms/telegram/convert.ts";

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

  test("a photo (its largest size) with a caption; a document by file id; a reply", () => {
    const photo = toIncoming({ ...base, caption: "随手拍", photo: [{ file_id: "small" }, { file_id: "large" }] } as unknown as Message)!;
    expect(photo.text).toBe("随手拍");
    expect(photo.attachments).toEqual([{ kind: "photo", ref: "large" }]);
    const doc = toIncoming({ ...base, caption: "11月月报", document: { file_id: "doc-1" } } as unknown as Message)!;
    expect(doc.attachments).toEqual([{ kind: "document", ref: "doc-1" }]);
    const reply = toIncoming({ ...base, text: "授权 监管人员", reply_to_message: { ...base, message_id: 41, text: "x" } } as unknown as Message)!;
    expect(reply.replyTo).toEqual({ messageId: "41", sender: { id: "7", name: "三 张", username: "zhangsan", lang: "zh-hans" } });
  });

  test("a private chat; nothing from bots, and nothing without text or file", () => {
    expect(toIncoming({ ...base, chat: { id: 7, type: "private", first_name: "三" }, text: "举报" } as unknown as Message)!.chatType).toBe("private");
    expect(toIncoming({ ...base, from: { ...base.from, is_bot: true }, text: "hi" } as unknown as Message)).toBeNull();
    expect(toIncoming({ ...base, new_chat_members: [] } as unknown as Message)).toBeNull();
  });
});
