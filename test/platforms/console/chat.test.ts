import { describe, expect, test } from "vitest";
import { formatOutgoing, groupRoom, parseAs, privateRoom, toIncoming } from "../../../src/platforms/console/chat.ts";

describe("console edge conversions", () => {
  test("/as switches speaker and chat", () => {
    expect(parseAs("/as 张三@车间群", "admin")).toEqual({ speaker: "张三", room: groupRoom("车间群") });
    expect(parseAs("/as 张三", "admin")).toEqual({ speaker: "张三", room: privateRoom("张三") });
    expect(parseAs("/as @县局群", "李四")).toEqual({ speaker: "李四", room: groupRoom("县局群") });
    expect(parseAs("/as 张三 @ 车间 群", "admin")).toEqual({ speaker: "张三", room: groupRoom("车间 群") });
    expect(parseAs("/as 张三@私聊", "admin")).toEqual({ speaker: "张三", room: privateRoom("张三") });
    expect(parseAs("/as", "admin")).toBeNull();
    expect(parseAs("/ask 张三", "admin")).toBeNull();
  });

  test("a typed line becomes a neutral message with a fresh id, or a given one for redelivery", () => {
    const a = toIncoming("张三", groupRoom("车间群"), "报隐患 x");
    const b = toIncoming("张三", groupRoom("车间群"), "报隐患 x");
    expect(a).toMatchObject({ platform: "console", chatId: "车间群", chatType: "group", sender: { id: "张三", name: "张三" }, text: "报隐患 x", attachments: [] });
    expect(a.messageId).not.toBe(b.messageId);
    expect(toIncoming("张三", privateRoom("张三"), "hi", { messageId: "m1" })).toMatchObject({ chatId: "dm:张三", chatType: "private", messageId: "m1" });
    expect(toIncoming("张三", groupRoom("g"), "", { attachments: [{ kind: "photo", ref: "p.jpg" }] }).attachments).toEqual([{ kind: "photo", ref: "p.jpg" }]);
  });

  test("bot messages print with their chat, further lines indented", () => {
    expect(formatOutgoing({ platform: "console", chatId: "车间群", text: "a\nb" })).toBe("[车间群] ← a\n   b");
    expect(formatOutgoing({ platform: "console", chatId: "dm:张三", text: "hi" })).toBe("[@张三] ← hi");
  });
});
