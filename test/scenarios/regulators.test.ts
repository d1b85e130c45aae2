import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import { createFixture, fileTip, freshPostgres, numberIn, type Fixture } from "../helpers.ts";
import { runHazardChase } from "../../src/reminders/hazards.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";
import { consolePhoto } from "../../src/platforms/console/chat.ts";

/**
 * A county office and its enterprises, as they use the bot (issue: regulators and enterprises). 县应急管理局 is the
 * regulator (王局长, 监管人员, who asked for private notices); 城关化工厂 an enterprise (李主任 安全管理员, 周厂长 主要负责人,
 * 张三 and 李四 workers) with a department 一车间; 东风机械厂 a second enterprise (赵主任 安全管理员).
 */
async function seedCounty(f: Fixture): Promise<void> {
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  await admin.say("新建单位 城关化工厂 县应急管理局");
  await admin.say("新建单位 东风机械厂 县应急管理局");
  await admin.say("新建单位 一车间 城关化工厂");
  await admin.in("县局群").say("绑定 县应急管理局");
  await admin.in("车间群").say("绑定 城关化工厂");
  await admin.in("机械厂群").say("绑定 东风机械厂");
  await admin.in("一车间群").say("绑定 一车间");
  for (const [who, group] of [["王局长", "县局群"], ["李主任", "车间群"], ["周厂长", "车间群"], ["张三", "车间群"], ["李四", "车间群"], ["赵主任", "机械厂群"], ["王五", "一车间群"]]) {
    await f.chat.as(who!).in(group!).say("我的身份");
  }
  await admin.in("县局群").say("授权 监管人员 王局长");
  await admin.in("车间群").say("授权 安全管理员 李主任");
  await admin.in("车间群").say("授权 主要负责人 周厂长");
  await admin.in("机械厂群").say("授权 安全管理员 赵主任");
  await f.chat.as("王局长").say("私聊提醒 开");
}

let f: Fixture;
const county = () => f.chat.as("王局长").in("县局群");
const manager = () => f.chat.as("李主任").in("车间群");
const worker = () => f.chat.as("张三").in("车间群");
/** What the bot sent to a chat since the last look (a group by name, a person's private chat as `@name`). */
const seen = new Map<string, number>();
function newIn(chat: string): string[] {
  const all = f.chat.inbox(chat);
  const from = seen.get(chat) ?? 0;
  seen.set(chat, all.length);
  return all.slice(from);
}

beforeEach(async () => {
  f = await createFixture({ now: "2026-11-10T02:00:00Z" });
  seen.clear();
  await seedCounty(f);
});
afterEach(() => f.close());

describe("two kinds of unit, roles in each side's words", () => {
  test("a unit's kind follows its place and name, is said on creation and can be changed", async () => {
    const admin = f.chat.as("admin");
    expect(await admin.say("新建单位 市应急管理局")).toEqual([expect.stringContaining("（监管部门）")]);
    expect(await admin.say("新建单位 南山矿业 县应急管理局")).toEqual([expect.stringContaining("（企业）")]);
    expect(await admin.say("新建单位 二车间 城关化工厂")).toEqual([expect.stringContaining("（部门）")]);
    expect(await admin.say("新建单位 县住建局 县应急管理局 监管部门")).toEqual([expect.stringContaining("（监管部门）")]);
    // Refused: a department with no enterprise above it.
    expect(await admin.say("新建单位 质检部 部门")).toEqual([expect.stringContaining("部门在企业之下")]);
    expect(await admin.say("单位类型 南山矿业 监管部门")).toEqual([expect.stringContaining("类型已改为监管部门")]);
    expect(await admin.say("单位类型 一车间 监管部门")).toEqual([expect.stringContaining("监管部门只在监管部门之下")]);
    const [units] = await admin.say("单位列表");
    expect(units).toContain("城关化工厂（企业）");
  });

  test("监管人员 only in a regulator, 安全管理员 and 主要负责人 only in an enterprise", async () => {
    const admin = f.chat.as("admin");
    expect(await admin.in("车间群").say("授权 监管人员 李四")).toEqual([expect.stringContaining("“监管人员”是监管部门的角色")]);
    expect(await admin.in("县局群").say("授权 安全管理员 王局长")).toEqual([expect.stringContaining("“安全管理员”是企业的角色")]);
    expect(await admin.in("县局群").say("授权 主要负责人 王局长")).toEqual([expect.stringContaining("企业的角色")]);
    expect(await admin.in("车间群").say("授权 安全管理员 李四")).toEqual([expect.stringContaining("安全管理员权限")]);
    const [me] = await f.chat.as("周厂长").in("车间群").say("我的身份");
    expect(me).toContain("城关化工厂：主要负责人");
    const [boss] = await county().say("我的身份");
    expect(boss).toContain("县应急管理局：监管人员");
  });
});

describe("authority over a supervised hazard", () => {
  async function majorHazard(): Promise<string> {
    const n = numberIn(await worker().say("报隐患 液氨储罐区无泄漏报警"));
    await manager().say(`确认 ${n} 重大 2026-12-20`);
    return n;
  }

  test("only the regulator lists, moves the deadline and removes the listing; both groups hear each step", async () => {
    const n = await majorHazard();
    newIn("县局群");
    newIn("车间群");
    expect(await manager().say(`挂牌督办 ${n} 城关化工厂 2026-12-31`)).toEqual([expect.stringContaining("只能由上级监管部门（县应急管理局）的监管人员办理")]);
    expect(await county().say(`挂牌督办 ${n} 2026-12-15`)).toEqual([expect.stringContaining("已由县应急管理局挂牌督办，期限 2026-12-15")]);
    expect(newIn("车间群").join("\n")).toContain("【挂牌督办】城关化工厂 的重大事故隐患");
    // The enterprise may not move its deadline past the listing's, nor remove it.
    expect(await manager().say(`整改方案 ${n} 责任人:李主任 措施:加装报警 资金:3万元 期限:2027-01-10 预案:设警戒区`)).toEqual([
      expect.stringContaining("不能晚于它"),
    ]);
    expect(await manager().say(`摘牌 ${n}`)).toEqual([expect.stringContaining("只能由上级监管部门")]);
    expect(await county().say(`挂牌督办 ${n} 2026-12-25`)).toEqual([expect.stringContaining("督办期限已调整为 2026-12-25")]);
    expect(newIn("车间群").join("\n")).toContain("督办期限调整为 2026-12-25");
    expect(await county().say(`摘牌 ${n} 误挂`)).toEqual([expect.stringContaining("已摘牌")]);
    expect(newIn("车间群").join("\n")).toContain("【摘牌】");
  });

  test("closing is two steps: the enterprise applies, the regulator sends it back or accepts; the count keeps it", async () => {
    const n = await majorHazard();
    await county().say(`挂牌督办 ${n} 2026-12-15`);
    // 五到位 parts that say nothing are refused, naming the part.
    expect(await manager().say(`整改方案 ${n} 责任人:无 措施:无 资金:无 期限:2026-12-10 预案:无`)).toEqual([
      expect.stringContaining("“五到位”的责任人不能是“无”"),
    ]);
    expect(await manager().say(`整改方案 ${n} 责任人:李主任 措施:加装报警 资金:待定 期限:2026-12-10 预案:设警戒区`)).toEqual([
      expect.stringContaining("资金不能是“待定”"),
    ]);
    await manager().say(`整改方案 ${n} 责任人:李主任 措施:加装报警 资金:3万元 期限:2026-12-10 预案:设警戒区`);
    expect(await manager().say(`已整改 ${n}`, { photos: [consolePhoto(1)] })).toEqual([expect.stringContaining("申请销号"), expect.stringContaining("整改后照片 1 张")]);
    // The enterprise cannot close it itself.
    expect(await manager().say(`销号 ${n} 自行验收合格`)).toEqual([expect.stringContaining("须经县应急管理局审核把关销号，本单位不能自行销号")]);
    expect(await county().say(`验收销号 ${n}`)).toEqual([expect.stringContaining("须先由企业发送“申请销号")]);
    newIn("县局群");
    expect(await manager().say(`申请销号 ${n} 报警已安装`)).toEqual([expect.stringContaining("等待县应急管理局审核验收")]);
    expect(newIn("县局群").join("\n")).toContain("【申请销号】");
    expect(await county().say(`退回 ${n}`)).toEqual([expect.stringContaining("用法：退回")]);
    expect(await county().say(`退回 ${n} 报警未联动`)).toEqual([expect.stringContaining("重新进入整改")]);
    expect(newIn("车间群").join("\n")).toContain("【退回整改】");
    await manager().say(`已整改 ${n} 已联动`, { photos: [consolePhoto(2)] });
    await manager().say(`申请销号 ${n}`);
    expect(await county().say(`验收销号 ${n} 合格`)).toEqual([expect.stringContaining("已验收销号")]);
    expect(newIn("车间群").join("\n")).toContain("【验收销号】");
    const [status] = await worker().say(`查询 ${n}`);
    expect(status).toContain("已销号");
    expect(status).toContain("挂牌督办：县应急管理局");

    // One definition of 挂牌督办 after the close: 统计, the table and the trend agree.
    const [stats] = await county().say("统计");
    expect(stats).toMatch(/挂牌督办（含已销号）1/);
    const [out] = await county().send("导出统计表");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out!.file!.data! as never);
    // 2026 is in the 治本攻坚 campaign: its 挂牌督办(项) is I7.
    expect(book.getWorksheet("城关化工厂")!.getCell("I7").value).toBe(1);
    expect(book.getWorksheet("汇总")!.getCell("I7").value).toBe(1);
    const trend = await county().send("趋势");
    expect(trend[0]!.text).toContain("挂牌督办（含已销号）1 项");
  });
});

describe("双报告", () => {
  test("a confirmed major hazard goes at once to the principal and the regulator above, and is in its history", async () => {
    const general = numberIn(await worker().say("报隐患 通道堆放纸箱"));
    await manager().say(`确认 ${general} 一般`);
    expect(newIn("@周厂长")).toEqual([]);
    const n = numberIn(await worker().say("报隐患 配电室漏水"));
    for (const chat of ["@周厂长", "县局群", "@王局长", "机械厂群"]) newIn(chat);
    const reply = await manager().say(`确认 ${n} 重大 2026-12-20`);
    // Exactly who was told, and who could not be: this enterprise has no 实际控制人 and no 职代会 contact yet.
    expect(reply.join("\n")).toContain("双报告：已报告 上级监管部门 县应急管理局（2 处）；主要负责人 周厂长；未能报告：实际控制人（未设置）、职代会联系人（未设置）。");
    for (const chat of ["@周厂长", "县局群", "@王局长"]) {
      const [notice] = newIn(chat);
      expect(notice).toMatch(new RegExp(`【重大事故隐患报告(·致主要负责人)?】城关化工厂 的隐患 ${n}`));
      expect(notice).toContain("整改期限：2026-12-20");
      expect(notice).toContain("“五到位”方案：尚未制定");
    }
    expect(newIn("机械厂群")).toEqual([]);
    const [status] = await worker().say(`查询 ${n}`);
    expect(status).toContain("双报告：已报告 上级监管部门 县应急管理局（2 处）；主要负责人 周厂长");
  });

  test("a report the criteria flag as major, unconfirmed for 24 hours, goes up the same way, once", async () => {
    const sent: OutgoingMessage[] = [];
    const send = async (m: OutgoingMessage) => void sent.push(m);
    const n = numberIn(await worker().say("报隐患 有限空间作业未通风检测"));
    f.clock.set("2026-11-11T01:00:00Z");
    await runHazardChase(f.app.deps, send);
    expect(sent).toEqual([]);
    f.clock.set("2026-11-11T03:00:00Z");
    await runHazardChase(f.app.deps, send);
    await runHazardChase(f.app.deps, send);
    const texts = sent.map((m) => `${m.chatId}: ${m.text}`);
    expect(texts.filter((t) => t.includes(n) && t.includes("【重大事故隐患报告"))).toHaveLength(3);
    // The regulator's two chats also hear who could not be told.
    expect(texts.filter((t) => t.includes(n) && t.includes("【双报告未送达】"))).toHaveLength(2);
    expect(texts.join("\n")).toContain("24 小时内尚未确认");
    // Confirming it later does not report it twice.
    newIn("县局群");
    await manager().say(`确认 ${n} 重大`);
    expect(newIn("县局群")).toEqual([]);
  });
});

describe("on-the-spot fixes, duplicates, withdrawals", () => {
  test("即查即改 closes a general hazard without a plan; a worker or a major hazard cannot", async () => {
    expect(await manager().say("报隐患 灭火器压力不足 已当场整改")).toEqual([expect.stringContaining("已当场整改（即查即改），直接销号")]);
    // A worker's word that it was fixed is filed for the 安全管理员, who closes it with one word.
    const w = numberIn(await worker().say("报隐患 消防通道堆物 已当场整改"));
    expect(f.chat.inbox("车间群").at(-1)).toContain("您说明已当场整改");
    expect((await manager().say(`确认 ${w}`))[0]).toContain("当场整改完毕");
    const n = numberIn(await worker().say("报隐患 车间地面有油污"));
    expect(await manager().say(`确认 ${n} 重大 已当场整改`)).toEqual([expect.stringContaining("不能即查即改")]);
    expect((await manager().say(`确认 ${n} 一般 已当场整改`))[0]).toContain("当场整改完毕");
    const [status] = await worker().say(`查询 ${n}`);
    expect(status).toContain("已销号");
    expect(status).toContain("即查即改");
    const [stats] = await manager().say("统计");
    expect(stats).toContain("一般隐患：排查 3，整改 3");
  });

  test("a duplicate is its own outcome and its reporter is told which report it repeats", async () => {
    const a = numberIn(await worker().say("报隐患 二号门护栏松动"));
    const b = numberIn(await f.chat.as("李四").in("车间群").say("报隐患 二号门栏杆松了"));
    const reply = await manager().say(`重复 ${b} ${a}`);
    expect(reply[0]).toContain(`与 ${a} 重复，已标记为重复报告`);
    expect(f.chat.inbox("车间群").join("\n")).not.toContain("经核实不予受理");
    // Told in their own group when the official acts elsewhere.
    const c0 = numberIn(await f.chat.as("李四").in("车间群").say("报隐患 二号门栏杆晃动"));
    newIn("车间群");
    await f.chat.as("李主任").say(`重复 ${c0} ${a}`);
    expect(newIn("车间群").join("\n")).toContain(`与 ${a} 重复，已并入 ${a} 处理`);
    const [status] = await worker().say(`查询 ${b}`);
    expect(status).toContain("重复报告");
    expect(status).not.toContain("不属实");
    // The old spelling still works, with the same outcome.
    const c = numberIn(await worker().say("报隐患 二号门护栏又松"));
    expect((await manager().say(`驳回 ${c} 重复 ${a}`))[0]).toContain("已标记为重复报告");
  });

  test("a reporter withdraws their own unconfirmed report; it leaves counts and lists, not history", async () => {
    const n = numberIn(await worker().say("隐患 排查工作周五开展"));
    expect(await f.chat.as("李四").in("车间群").say(`撤回 ${n}`)).toEqual([expect.stringContaining("不是您报告的")]);
    expect(await worker().say(`撤回 ${n} 发错了`)).toEqual([expect.stringContaining("已撤回")]);
    const [list] = await manager().say("隐患列表 待核实");
    expect(list).not.toContain(n);
    const [status] = await worker().say(`查询 ${n}`);
    expect(status).toContain("撤回");
    const m = numberIn(await worker().say("报隐患 叉车超速"));
    await manager().say(`确认 ${m} 一般`);
    expect(await worker().say(`撤回 ${m}`)).toEqual([expect.stringContaining("不能再撤回")]);
  });
});

describe("a busy group, one language", () => {
  test("keywords in passing get no answer; slash commands do", async () => {
    expect(await worker().say("确认 一下明天几点开会")).toEqual([]);
    expect(await worker().say("撤回 刚才那条消息")).toEqual([]);
    expect(await worker().say("/confirm tomorrow")).toEqual([expect.stringContaining("不是隐患编号")]);
  });

  test("one member's language does not change the group's; the admin sets the group's", async () => {
    await f.chat.as("李四").in("车间群").say("语言 英文");
    expect((await worker().say("报隐患 楼梯扶手断裂"))[0]).toContain("已登记隐患");
    expect(await f.chat.as("李四").in("车间群").say("群语言 英文")).toEqual([expect.stringContaining("管理员权限")]);
    // A word that is no language (not even an object's built-in name) gets the usage, not a stored nonsense value.
    expect(await f.chat.as("admin").in("车间群").say("群语言 constructor")).toEqual([expect.stringContaining("用法：群语言")]);
    expect(await f.chat.as("admin").in("车间群").say("群语言 英文")).toEqual([expect.stringContaining("answered in English")]);
    expect((await worker().say("报隐患 楼梯扶手又断"))[0]).toContain("filed");
    // A person's own language is for their private chat.
    expect((await f.chat.as("李四").say("我的隐患"))[0]).toMatch(/You|your/);
  });
});

describe("hazards made from tips", () => {
  test("assigned by the regulator at its level: the enterprise never sees a tip, cannot lower or reject it; nobody earns a report reward", async () => {
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    const { number: tip } = await fileTip(f, "举报人");
    const w = f.chat.as("王局长");
    await w.say(`举报核查 ${tip} 属实`);
    newIn("车间群");
    const filed = await w.say(`举报转隐患 ${tip} 城关化工厂 一般 三号仓库通道堆放杂物`);
    const n = numberIn(filed);
    expect(filed.join("\n")).toContain("该单位看到的来源是“监管部门交办”");
    // The enterprise's group is told it was assigned, with its level and the unit's default deadline.
    const told = newIn("车间群").join("\n");
    expect(told).toContain(`【监管部门交办】县应急管理局交办“城关化工厂”隐患 ${n}（一般隐患，整改期限 2026-11-25）`);
    const [status] = await manager().say(`查询 ${n}`);
    expect(status).toContain("来源：监管部门交办");
    expect(status).toContain("状态：已确认；等级：一般隐患");
    for (const seen of [status, told]) {
      expect(seen).not.toContain("举报");
      expect(seen).not.toContain(tip);
      expect(seen).not.toContain("王局长");
    }
    // The regulator sees the truth.
    expect((await county().say(`查询 ${n}`))[0]).toContain("来源：举报");
    expect(await manager().say(`驳回 ${n} 不属实`)).toEqual([expect.stringContaining("当前是“已确认”，不能“驳回”")]);
    expect(await manager().say(`确认 ${n} 一般`)).toEqual([expect.stringContaining("当前是“已确认”，不能“确认”")]);
    expect((await w.say("我的奖励"))[0]).not.toContain(n);
    expect((await w.say("我的隐患"))[0]).not.toContain(n);
  });

  test("a regulator's own staff earn no report reward", async () => {
    const n = numberIn(await f.chat.as("王局长").in("车间群").say("报隐患 检查发现：消防泵房门锁死"));
    const reply = await manager().say(`确认 ${n} 一般`);
    expect(reply.join("\n")).not.toContain("奖励");
    const m = numberIn(await worker().say("报隐患 配电箱门未关"));
    expect((await manager().say(`确认 ${m} 一般`)).join("\n") + f.chat.inbox("车间群").join("\n")).toContain("奖励");
  });
});

describe("deadlines chased", () => {
  test("three working days before and on the day to the unit; after, weekly, to the regulator above", async () => {
    const n = numberIn(await worker().say("报隐患 脚手架连墙件缺失"));
    await manager().say(`确认 ${n} 一般 2026-11-20`);
    await manager().say(`整改方案 ${n} 责任人:李主任 措施:补设连墙件 资金:5000元 期限:2026-11-20 预案:停用该段`);
    const sent: OutgoingMessage[] = [];
    const send = async (m: OutgoingMessage) => void sent.push(m);
    const on = async (day: string, hhmm = "09:05") => {
      f.clock.set(new Date(`${day}T${hhmm}:00+08:00`).toISOString());
      sent.length = 0;
      await runHazardChase(f.app.deps, send);
      await runHazardChase(f.app.deps, send);
      return sent.map((m) => `${m.chatId}: ${m.text}`);
    };
    expect(await on("2026-11-16")).toEqual([]);
    // 11-20 is a Friday: three working days before is Tuesday 11-17.
    const before = await on("2026-11-17");
    expect(before).toEqual(expect.arrayContaining([expect.stringMatching(/^车间群: 【整改提醒】/), expect.stringMatching(/^dm:李主任: 【整改提醒】/)]));
    expect(before.join("\n")).not.toContain("县局群");
    expect(await on("2026-11-17", "15:00")).toEqual([]);
    expect(await on("2026-11-20", "22:00")).toEqual([]);
    expect((await on("2026-11-20")).join("\n")).toContain("【今日到期】");
    // Overdue: the first working day after (Monday 11-23), to the regulator above only.
    expect(await on("2026-11-21")).toEqual([]);
    const late = await on("2026-11-23");
    expect(late.some((t) => t.startsWith("县局群: 【逾期催办】"))).toBe(true);
    expect(late.some((t) => t.startsWith("车间群"))).toBe(false);
    expect(late.join("\n")).toContain("已逾期 3 天");
    expect(await on("2026-11-24")).toEqual([]);
    expect((await on("2026-11-30")).join("\n")).toContain("已逾期 10 天");
    // Rectified: the chase stops.
    await manager().say(`已整改 ${n}`, { photos: [consolePhoto(3)] });
    expect(await on("2026-12-07")).toEqual([]);
  });
});

describe("on PostgreSQL, two processes", () => {
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => drop?.());

  test.runIf(process.env.SENTINEL_TEST_POSTGRES !== "off")("chase and 双报告 are sent once", async () => {
    const pg = await freshPostgres();
    if (!pg) return;
    drop = pg.drop;
    const env = { SENTINEL_SECRET: "s".repeat(40) };
    const a = await createFixture({ postgresUrl: pg.url, now: "2026-11-17T01:05:00Z", env });
    const b = await createFixture({ postgresUrl: pg.url, now: "2026-11-17T01:05:00Z", env });
    try {
      const saved = f;
      f = a;
      await seedCounty(a);
      const n = numberIn(await worker().say("报隐患 脚手架连墙件缺失"));
      await manager().say(`确认 ${n} 一般 2026-11-20`);
      const m = numberIn(await worker().say("报隐患 有限空间作业未通风检测"));
      f = saved;
      // The 20th, 09:05: T0 of the deadline, and more than 24 hours after the unconfirmed major report.
      a.clock.set("2026-11-20T01:05:00Z");
      b.clock.set("2026-11-20T01:05:00Z");
      const sent: OutgoingMessage[] = [];
      const send = async (x: OutgoingMessage) => void sent.push(x);
      await Promise.all([runHazardChase(a.app.deps, send), runHazardChase(b.app.deps, send), runHazardChase(a.app.deps, send), runHazardChase(b.app.deps, send)]);
      const t0 = sent.filter((x) => x.text.includes(n) && x.text.includes("【今日到期】"));
      expect(t0.map((x) => x.chatId)).toEqual(["车间群"]);
      const up = sent.filter((x) => x.text.includes(m) && x.text.includes("【重大事故隐患报告"));
      expect(up.map((x) => x.chatId).sort()).toEqual(["dm:周厂长", "dm:王局长", "县局群"].sort());
    } finally {
      await a.close();
      await b.close();
    }
  });
});
