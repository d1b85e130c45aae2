import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DRIVERS, type Driver } from "./drivers.ts";
import { runDeadlineReminders } from "../../src/reminders/deadlines.ts";
import { runCheckRounds } from "../../src/reminders/checks.ts";

/**
 * One scenario suite, run on every platform: the console, Telegram (grammY against telegram-test-api over HTTP) and
 * WeChat (Wechaty with wechaty-puppet-mock). A scenario that passes on one and fails on another is a bug. WeChat has
 * no slash commands, so the scenarios speak in the Chinese keywords every platform understands.
 */
const hazardNo = (texts: string[]) => /YH-\d{4}-\d{6}/.exec(texts.join("\n"))?.[0] ?? "";
const code = (texts: string[]) => /\d{4}(?: \d{4}){6}/.exec(texts.join("\n"))?.[0] ?? "";

describe.each(Object.keys(DRIVERS) as (keyof typeof DRIVERS)[])("on %s", (platform) => {
  let d: Driver;
  beforeAll(async () => {
    d = await DRIVERS[platform]();
    // The set-up every scenario starts from: a county office above an enterprise, their groups, roles (granted by the
    // name the platform shows: WeCom and Feishu give the bot no names, only ids).
    await d.say("admin", null, "新建单位 县应急管理局");
    await d.say("admin", null, "新建单位 城关化工厂 县应急管理局");
    await d.say("王局长", "县局群", "我的身份");
    await d.say("李主任", "车间群", "我的身份");
    await d.say("张三", "车间群", "我的身份");
    await d.say("admin", "县局群", "绑定 县应急管理局");
    await d.say("admin", "车间群", "绑定 城关化工厂");
    await d.say("admin", "县局群", `授权 监管人员 ${d.nameOf?.("王局长") ?? "王局长"}`);
    await d.say("admin", "县局群", `授权 举报处理人 ${d.nameOf?.("王局长") ?? "王局长"}`);
    await d.say("admin", "车间群", `授权 安全管理员 ${d.nameOf?.("李主任") ?? "李主任"}`);
    // Minutes, not seconds: a loaded machine is slow to start a platform emulator and its bot.
  }, 300_000);
  afterAll(() => d?.close());

  test("report → confirm → plan → rectified → close → status", async () => {
    const filed = await d.say("张三", "车间群", "报隐患 储罐区安全阀被拆除 地点：东侧储罐区");
    expect(filed.join()).toContain("已登记隐患");
    const n = hazardNo(filed);
    expect((await d.say("李主任", "车间群", `确认 ${n} 重大 2026-12-31`)).join()).toContain("已确认");
    expect((await d.say("李主任", "车间群", `整改方案 ${n} 责任人:李主任 措施:恢复安全阀 资金:2万元 期限:2026-12-20 预案:停用储罐`)).join()).toContain("整改方案已登记");
    // A major hazard waits for a photo of the fixed state; the photo, downloaded through the platform, marks it.
    expect((await d.say("李主任", "车间群", `已整改 ${n}`)).join()).toContain("须附整改后的照片");
    const rectified = (await d.photo("李主任", "车间群")).join();
    expect(rectified).toContain("须经县应急管理局审核把关销号");
    expect(rectified).toContain("已保存整改后照片 1 张");
    // Seed 003 第7条: the regulator reviews a major close-out, listed or not; it cannot accept what was not applied for.
    expect((await d.say("王局长", "县局群", `销号 ${n}`)).join()).toContain("申请销号");
    expect((await d.say("李主任", "车间群", `申请销号 ${n} 已恢复安全阀`)).join()).toContain("县应急管理局");
    expect((await d.say("王局长", "县局群", `销号 ${n}`)).join()).toContain("已验收销号");
    const [status] = await d.say("张三", "车间群", `查询 ${n}`);
    expect(status).toContain("已销号");
    expect(status).toMatch(/已整改[^\n]*（照片 1 张）/);
    // Sent back from the bot's own store, captioned with its step.
    expect((await d.say("张三", "车间群", `照片 ${n}`)).join()).toContain(`${n} 已整改照片 1/1`);
    // The same bytes the official's phone sent, through the platform both ways.
    // Known gap (issue 26, left open): the Feishu adapter does not yet send a kept photo back; the others do.
    if (platform !== "feishu") expect((await d.photosSent("张三", "车间群")).at(-1)).toEqual(d.photosGiven.at(-1));
    // The reporter's group heard of the close-out, which was done in another group.
    expect(d.inbox("张三", "车间群").some((t) => t.includes(n) && t.includes("销号"))).toBe(true);
    expect(status).toContain("储罐区安全阀被拆除");
  });

  test("a major hazard is reported up at once; only the regulator lists it and accepts its close-out; both groups hear", async () => {
    /** Whether `person` has seen a notice in `chat` (speaking there first reads what came in: Telegram's emulator is polled). */
    const heard = async (person: string, chat: string, mark: string, n: string) => {
      await d.say(person, chat, "我的身份");
      return d.inbox(person, chat).some((t) => t.includes(mark) && t.includes(n));
    };
    const n = hazardNo(await d.say("张三", "车间群", "报隐患 液氨储罐区泄漏报警器损坏"));
    await d.say("李主任", "车间群", `确认 ${n} 重大 2026-12-31`);
    expect(await heard("王局长", "县局群", "【重大事故隐患报告】", n)).toBe(true);
    expect((await d.say("李主任", "车间群", `挂牌督办 ${n} 2026-12-20`)).join()).toContain("只能由上级监管部门");
    expect((await d.say("王局长", "县局群", `挂牌督办 ${n} 2026-12-20`)).join()).toContain("已由县应急管理局挂牌督办");
    expect(await heard("张三", "车间群", "【挂牌督办】", n)).toBe(true);
    await d.say("李主任", "车间群", `整改方案 ${n} 责任人:李主任 措施:更换报警器 资金:1万元 期限:2026-12-15 预案:设警戒区`);
    await d.photo("李主任", "车间群", `已整改 ${n}`);
    expect((await d.say("李主任", "车间群", `销号 ${n}`)).join()).toContain("本单位不能自行销号");
    await d.say("李主任", "车间群", `申请销号 ${n} 已更换`);
    expect(await heard("王局长", "县局群", "【申请销号】", n)).toBe(true);
    expect((await d.say("王局长", "县局群", `验收销号 ${n}`)).join()).toContain("已验收销号");
    expect(await heard("张三", "车间群", "【验收销号】", n)).toBe(true);
    // Chatter that starts with a keyword gets no answer in a group.
    expect(await d.say("张三", "车间群", "确认 一下明天几点开会")).toEqual([]);
  });

  test("a tip in private, followed with its code; a tip in a group is turned away without being kept", async () => {
    await d.say("举报人", null, "举报");
    await d.say("举报人", null, "1");
    await d.say("举报人", null, "城关化工厂 三号仓库");
    await d.say("举报人", null, "夜里偷偷储存液氨");
    await d.say("举报人", null, "跳过");
    const filed = await d.say("举报人", null, "匿名");
    const receipt = code(filed);
    expect(receipt).not.toBe("");
    await d.say("举报人", null, "已保存");
    expect((await d.say("另一个人", null, `举报查询 ${receipt}`)).join()).toMatch(/JB-\d{4}-\d{6}/);
    const [list] = await d.say("王局长", null, "举报列表");
    expect(list).toMatch(/JB-\d{4}-\d{6}/);
    expect(list).not.toContain("液氨");
    const group = await d.say("张三", "车间群", "举报 有人偷排废液");
    expect(group).toHaveLength(1);
    // WeChat: recall it within two minutes; elsewhere the bot removes it where it may and offers the private chat.
    expect(group[0]).toContain(platform === "wechat" ? "两分钟内撤回" : "请私聊我");
    expect(group[0]).not.toContain("偷排");
  });

  test("a reminder is delivered, and a submission silences the next one", async () => {
    d.clock.set("2026-11-13T01:05:00Z"); // 09:05 on T-3 of the November report
    await runDeadlineReminders(d.app.deps, (o) => d.send(o));
    expect(d.inbox("admin", "车间群").filter((t) => t.includes("【报送提醒】"))).toHaveLength(1);
    await d.say("李主任", "车间群", "已报送 月报 2026-11");
    d.clock.set("2026-11-17T01:05:00Z"); // T-1
    await runDeadlineReminders(d.app.deps, (o) => d.send(o));
    expect(d.inbox("admin", "车间群").filter((t) => t.includes("【报送提醒】"))).toHaveLength(1);
    d.clock.set("2026-11-10T02:00:00Z");
  });

  test("a self-inspection round is posted, answered in one message and item by item, abnormal items filed, counted", async () => {
    expect((await d.say("李主任", "车间群", "检查清单 采用 工贸通用")).join()).toContain("新增 12 项");
    await d.say("李主任", "车间群", "排查计划 每日 08:30");
    await d.say("李主任", "车间群", "排查计划 每周 09:00");
    d.clock.set("2026-11-10T00:35:00Z"); // 08:35 on a Tuesday: the daily round
    await runCheckRounds(d.app.deps, (o) => d.send(o));
    const daily = await d.say("张三", "车间群", "1好 2好 3不适用 4异常 配电箱门未关");
    expect(d.inbox("张三", "车间群").filter((t) => t.startsWith("【日查】"))).toHaveLength(1);
    expect(daily.join()).toMatch(/第 4 项异常，已登记隐患 YH-\d{4}-\d{6}（来源：自查）/);
    expect(daily.join()).toContain("本轮排查已全部完成");
    d.clock.set("2026-11-10T01:05:00Z"); // 09:05: the weekly round, answered item by item
    await runCheckRounds(d.app.deps, (o) => d.send(o));
    expect((await d.say("李主任", "车间群", "排查")).join()).toContain("第 1/3 项");
    expect((await d.say("李主任", "车间群", "正常")).join()).toContain("第 2/3 项");
    expect((await d.say("李主任", "车间群", "异常 冲床防护罩缺失")).join()).toContain("已登记隐患");
    expect((await d.say("李主任", "车间群", "不适用")).join()).toContain("本轮排查已全部完成");
    const [counted] = await d.say("王局长", "县局群", "检查情况");
    expect(counted).toContain("城关化工厂：2 轮，完成 2 轮（按时 2），完成率 100%；检查 5 项次，异常 2，异常率 40%");
    d.clock.set("2026-11-10T02:00:00Z");
  });

  test.each([
    ["an unbound group", "张三", "闲聊群", "报隐患 配电箱门未关", "还没有绑定单位"],
    ["a worker confirming", "张三", "车间群", "确认 YH-2026-000001 一般", "安全管理员权限"],
    ["an unknown number", "李主任", "车间群", "确认 YH-2026-999999 一般", "找不到"],
    ["a text too long", "张三", "车间群", `报隐患 ${"很长".repeat(600)}`, "太长"],
    ["a deadline in the wrong format", "王局长", "县局群", "报送事项 下个月 总结", "用法：报送事项"],
    ["tip handling in a group", "王局长", "县局群", "举报列表", "只能在与机器人的私聊中处理"],
  ])("refuses %s, saying why", async (_, person, chat, text, why) => {
    const out = await d.say(person, chat, text);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(why);
  });
});
