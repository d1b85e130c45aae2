import { describe, expect, test } from "vitest";
import type { mock } from "wechaty-puppet-mock";
import { telegramDriver, wechatDriver } from "./drivers.ts";
import type { TelegramAdapter } from "../../src/platforms/telegram/adapter.ts";

describe("WeChat specifics", () => {
  test("a photo outlives the session that saw it: once the puppet forgets every message and file, 照片 sends the same bytes", async () => {
    const d = await wechatDriver();
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      const n = /YH-\d{4}-\d{6}/.exec((await d.say("张三", "车间群", "报隐患 配电箱门未关")).join())![0];
      // WeChat has no captions: the command first, then the picture.
      expect((await d.photo("张三", "车间群", `照片 ${n} 补充`)).join()).toContain("照片 1 张");
      // A new login: the puppet no longer resolves any earlier message id or file.
      const mocker = d.server as mock.Mocker;
      mocker.cacheFileBoxPayload.clear();
      mocker.cacheMessagePayload.clear();
      const before = (await d.photosSent("张三", "车间群")).length;
      expect((await d.say("张三", "车间群", `照片 ${n}`)).join()).toContain(`${n} `);
      const sent = await d.photosSent("张三", "车间群");
      expect(sent).toHaveLength(before + 1);
      expect(sent.at(-1)).toEqual(d.photosGiven.at(-1));
    } finally {
      await d.close();
    }
  }, 300_000);

  test("a keyword after the bot's @-mention in a room is a command; without the mention too", async () => {
    const d = await wechatDriver();
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      expect((await d.say("张三", "车间群", "@隐患哨兵\u2005报隐患 配电箱门未关")).join()).toContain("已登记隐患");
      expect((await d.say("张三", "车间群", "报隐患 安全出口堵塞")).join()).toContain("已登记隐患");
      expect(await d.say("张三", "车间群", "今天天气不错")).toEqual([]);
      // Two messages of one chat arriving together are handled in order: the second answers the first's question.
      await Promise.all([d.say("李四", "车间群", "报隐患"), d.say("李四", "车间群", "配电箱门未关")]);
      await new Promise((r) => setTimeout(r, 100));
      const inbox = d.inbox("李四", "车间群").join("\n");
      expect(inbox.indexOf("看到了什么")).toBeGreaterThanOrEqual(0);
      expect(inbox.indexOf("什么地方")).toBeGreaterThan(inbox.indexOf("看到了什么"));
    } finally {
      await d.close();
    }
  }, 20_000);
});

describe("Telegram specifics", () => {
  test("the 统计表 reaches the chat as a document: the .xlsx uploaded with sendDocument", async () => {
    const d = await telegramDriver();
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      await d.say("admin", "车间群", "导出统计表");
      for (let i = 0; i < 40 && !d.uploads!.length; i++) await d.say("admin", "车间群", "我的身份");
      const [table] = d.uploads!;
      expect(table).toMatchObject({ method: "sendDocument", fields: { chat_id: String(-100) } });
      expect(table!.file!.filename).toMatch(/\.xlsx$/);
      expect(Buffer.from(table!.file!.bytes.subarray(0, 2)).toString()).toBe("PK");
    } finally {
      await d.close();
    }
  }, 300_000);

  test("a file the server will not take is reported as not sent, not only captioned", async () => {
    const d = await telegramDriver({ refuseUploads: true });
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      await d.say("admin", "车间群", "导出统计表");
      // Building the table may outlast the driver's wait: later messages to the chat bring the reply into the inbox.
      for (let i = 0; i < 40 && !d.inbox("admin", "车间群").some((t) => t.includes("xlsx")); i++) await d.say("admin", "车间群", "我的身份");
      const out = d.inbox("admin", "车间群").join("\n");
      expect(out).toContain("统计表");
      expect(out).toMatch(/文件“[^”]+\.xlsx”没有发出/);
    } finally {
      await d.close();
    }
  }, 60_000);

  test("a tip posted in a group is deleted where the bot may, and answered with a button into the private tip flow", async () => {
    const d = await telegramDriver();
    try {
      await d.say("admin", null, "新建单位 县应急管理局");
      await d.say("王局长", "县局群", "我的身份");
      await d.say("admin", "县局群", "绑定 县应急管理局");
      await d.say("admin", "县局群", "授权 举报处理人 王局长");
      const server = (d as unknown as { server: { storage: { userMessages: { message: { text: string } }[]; botMessages: { message: { text: string; reply_markup?: unknown } }[] } } }).server;
      await d.say("张三", "车间群", "举报 有人偷排废液");
      expect(server.storage.userMessages.some((u) => u.message.text.includes("偷排"))).toBe(false); // deleted
      const answer = server.storage.botMessages.find((b) => b.message.text.includes("请私聊我"))!;
      const bot = (d.adapter as TelegramAdapter).bot.botInfo.username;
      expect(JSON.stringify(answer.message.reply_markup)).toContain(`https://t.me/${bot}?start=tip`);
      // The button's /start tip opens the tip flow.
      expect((await d.say("张三", null, "/start tip")).join()).toContain("有奖举报");
    } finally {
      await d.close();
    }
  }, 600_000);

  test("an @-mention of the bot before a keyword is a command; another bot's /command is not ours", async () => {
    const d = await telegramDriver();
    try {
      await d.say("admin", null, "新建单位 城关化工厂");
      await d.say("admin", "车间群", "绑定 城关化工厂");
      const bot = (d.adapter as TelegramAdapter).bot.botInfo.username;
      expect((await d.say("张三", "车间群", `@${bot} 报隐患 配电箱门未关`)).join()).toContain("已登记隐患");
      expect((await d.say("张三", "车间群", `/report@${bot} 安全出口堵塞`)).join()).toContain("已登记隐患");
      expect(await d.say("张三", "车间群", "/report@OtherBot 这是别的机器人的", { dropped: true })).toEqual([]);
    } finally {
      await d.close();
    }
  }, 600_000);

  test("added to a group, the bot says how to bind it; removed, it says nothing", async () => {
    const d = await telegramDriver();
    try {
      const adapter = (d as unknown as { adapter?: TelegramAdapter }).adapter!;
      const bot = adapter.bot;
      const update = (status: "member" | "left", id: number) => ({
        update_id: id,
        my_chat_member: {
          chat: { id: -555, type: "group", title: "新群" },
          from: { id: 1000, is_bot: false, first_name: "admin", language_code: "zh-hans" },
          date: 0,
          old_chat_member: { status: status === "member" ? "left" : "member", user: bot.botInfo },
          new_chat_member: { status, user: bot.botInfo },
        },
      });
      await bot.handleUpdate(update("member", 900001) as never);
      await bot.handleUpdate(update("left", 900002) as never);
      const texts = await d.fetchChat(-555);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain("绑定 单位名称");
    } finally {
      await d.close();
    }
  }, 20_000);
});
