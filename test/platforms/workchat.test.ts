import { describe, expect, test } from "vitest";
import { pino } from "pino";
import { workchatDriver } from "../scenarios/workchat-drivers.ts";
import { WecomAdapter } from "../../src/platforms/wecom/adapter.ts";
import type { WecomEmulator } from "../support/wecom-emulator.ts";
import type { DingtalkEmulator } from "../support/dingtalk-emulator.ts";
import type { FeishuEmulator } from "../support/feishu-emulator.ts";
import { Pacer } from "../../src/platforms/pacer.ts";
import { toIncoming as wecomIn } from "../../src/platforms/wecom/convert.ts";
import { toIncoming as feishuIn } from "../../src/platforms/feishu/convert.ts";
import { toIncoming as dingIn } from "../../src/platforms/dingtalk/convert.ts";

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 20));
};

describe("the edge: @-mentions stripped, ids kept", () => {
  test("WeCom, DingTalk and Feishu group messages lose the bot's mention; 1:1 chats are addressed by the person", () => {
    expect(wecomIn({ msgid: "m1", chattype: "group", chatid: "wr1", from: { userid: "zs" }, msgtype: "text", text: { content: "@隐患哨兵 报隐患 配电箱门未关" } })).toMatchObject({ chatId: "wr1", chatType: "group", text: "报隐患 配电箱门未关" });
    expect(wecomIn({ msgid: "m2", chattype: "single", from: { userid: "zs" }, msgtype: "text", text: { content: "举报" } })).toMatchObject({ chatId: "zs", chatType: "private" });
    expect(dingIn({ msgId: "m3", conversationId: "cid1", conversationType: "2", senderStaffId: "s1", senderNick: "张三", msgtype: "text", text: { content: " 报隐患 安全出口堵塞" } })).toMatchObject({ chatId: "cid1", text: "报隐患 安全出口堵塞", sender: { id: "s1", name: "张三" } });
    const fs = feishuIn({ sender: { sender_id: { open_id: "ou_1" }, sender_type: "user" }, message: { message_id: "om_1", chat_id: "oc_1", chat_type: "group", message_type: "text", content: JSON.stringify({ text: "@_user_1 问 @_user_2 查询" }), mentions: [{ key: "@_user_1", name: "隐患哨兵" }, { key: "@_user_2", name: "李四" }] } });
    expect(fs).toMatchObject({ chatId: "oc_1", text: "问 @李四 查询" });
    expect(feishuIn({ sender: { sender_id: { open_id: "ou_1" }, sender_type: "app" }, message: { message_id: "om_2", chat_id: "oc_1", chat_type: "group", message_type: "text", content: "{}" } })).toBeNull();
  });

  test("the pacer never lets more through than a window allows", async () => {
    const pacer = new Pacer({ overall: [{ count: 5, ms: 200 }], perChat: [{ count: 2, ms: 200 }] });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => pacer.run(`c${i % 3}`, async () => void times.push(Date.now()))));
    for (let i = 5; i < times.length; i++) expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(199);
  });
});

describe.each(["wecom", "dingtalk", "feishu"] as const)("on %s", (kind) => {
  test("a redelivered message is answered once; after a dropped connection the SDK reconnects and the bot answers", async () => {
    const d = await workchatDriver(kind);
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      const emu = d.server as WecomEmulator | DingtalkEmulator | FeishuEmulator;
      const filed = await d.say("张三", "车间群", "报隐患 配电箱门未关");
      expect(filed.join()).toContain("已登记隐患");
      const before = d.inbox("张三", "车间群").length;
      // The same frame again (its id is the last the emulation pushed).
      const last = [...(emu as unknown as { pushed: Map<string, unknown> }).pushed.keys()].at(-1)!;
      emu.redeliver(last);
      await d.say("张三", "车间群", "我的身份");
      expect(d.inbox("张三", "车间群").slice(before).filter((t) => t.includes("已登记隐患"))).toEqual([]);
      emu.drop();
      await until(() => emu.online);
      const adapter = d.adapter as { connected: boolean };
      await until(() => adapter.connected);
      expect((await d.say("张三", "车间群", "报隐患 安全出口堵塞")).join()).toContain("已登记隐患");
    } finally {
      await d.close();
    }
  });

  test("a tip posted in a group is never quoted; the answer fits who can remove it", async () => {
    const d = await workchatDriver(kind);
    try {
      await d.say("admin", null, "新建单位 县应急管理局");
      await d.say("admin", "县局群", "绑定 县应急管理局");
      const [answer] = await d.say("张三", "县局群", "举报 有人偷排废液SSS");
      expect(answer).not.toContain("SSS");
      expect(answer).toContain(kind === "feishu" ? "请删除" : "我无法删除群里的消息");
      if (kind === "feishu") expect((d.server as FeishuEmulator).recalled).toEqual([]); // not the group's owner
    } finally {
      await d.close();
    }
  });
});

describe("WeCom specifics", () => {
  test("a file in a group never arrives: the bot asks for it privately, where it completes the step", async () => {
    const d = await workchatDriver("wecom");
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      await d.say("张三", "车间群", "我的身份");
      const asked = (await d.say("张三", "车间群", "报隐患")).join();
      expect(asked).toContain("看到了什么");
      expect((await d.say("张三", "车间群", "配电箱门未关 地点：二车间")).join()).toContain("照片在群里发不到我这里");
      const n = /YH-\d{4}-\d{6}/.exec((await d.say("张三", "车间群", "完成")).join())![0];
      expect((await d.say("张三", null, `照片 ${n} 补充`)).join()).toContain(n);
      expect((await d.photo("张三", null)).join()).toContain("照片 1 张");
    } finally {
      await d.close();
    }
  });

  test("an official is asked once to write privately, because WeCom lets a bot message only those who wrote first", async () => {
    const d = await workchatDriver("wecom");
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      await d.say("李主任", "车间群", "我的身份");
      await d.say("admin", "车间群", `授权 安全管理员 ${d.idOf("李主任")}`);
      const first = (await d.say("李主任", "车间群", "我的身份")).join();
      expect(first).toContain("请私聊我一次");
      expect((await d.say("李主任", "车间群", "我的身份")).join()).not.toContain("请私聊我一次");
    } finally {
      await d.close();
    }
  });

  test("a second connection with the same bot id displaces the first, which says so and stays down", async () => {
    const d = await workchatDriver("wecom");
    const emu = d.server as WecomEmulator;
    const other = new WecomAdapter({ botId: emu.botId, secret: emu.secret, wsUrl: emu.wsUrl, log: pino({ level: "silent" }) });
    try {
      const running = other.start(async () => {});
      await until(() => emu.sessions.length === 2 && other.connected);
      const first = d.adapter as WecomAdapter;
      await until(() => first.displaced);
      expect(first.connected).toBe(false);
      expect(other.connected).toBe(true);
      await other.stop();
      await running;
    } finally {
      await d.close();
    }
  });
});

describe("Feishu specifics", () => {
  test("where the bot owns the group, a tip posted there is recalled", async () => {
    const d = await workchatDriver("feishu");
    try {
      await d.say("admin", null, "新建单位 县应急管理局");
      await d.say("admin", "县局群", "绑定 县应急管理局");
      const emu = d.server as FeishuEmulator;
      emu.owned.add("oc_group1");
      await d.say("张三", "县局群", "举报 有人偷排废液");
      expect(emu.recalled).toHaveLength(1);
    } finally {
      await d.close();
    }
  });
});
