import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createFixture, fileTip, numberIn, seedTree, type Fixture } from "../helpers.ts";

// 来源渠道: 随手拍 (a worker), 自查 (the enterprise's own 安全管理员 / 主要负责人), 检查 (监管人员 over the unit), 举报 (a tip).
let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
  await seedTree(f);
  await f.chat.as("周厂长").in("车间群").say("我的身份");
  await f.chat.as("admin").in("车间群").say("授权 主要负责人 周厂长");
  await f.chat.as("王局长").in("车间群").say("我的身份");
});
afterEach(() => f.close());

const file = async (who: string, text: string) => numberIn(await f.chat.as(who).in("车间群").say(`报隐患 ${text}`));
const statusOf = async (n: string) => (await f.chat.as("李主任").in("车间群").say(`查询 ${n}`))[0]!;

describe("the channel is decided where a report is filed", () => {
  test("随手拍, 自查 (safety manager and principal), 检查, 举报: shown by 查询", async () => {
    const worker = await file("张三", "配电箱门未关");
    const manager = await file("李主任", "消防通道堆放货物");
    const principal = await file("周厂长", "二号库房灭火器过期");
    const inspector = await file("王局长", "检查发现：消防泵房门锁死");
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    const { number: tip } = await fileTip(f, "举报人");
    await f.chat.as("王局长").say(`举报核查 ${tip} 属实`);
    const fromTip = numberIn(await f.chat.as("王局长").say(`举报转隐患 ${tip} 城关化工厂 三号仓库液氨无泄漏报警`));

    expect(await statusOf(worker)).toContain("来源：随手拍");
    expect(await statusOf(manager)).toContain("来源：自查");
    expect(await statusOf(principal)).toContain("来源：自查");
    expect(await statusOf(inspector)).toContain("来源：检查");
    // The enterprise sees the regulator's channel, named by the regulator; the regulator sees the truth.
    const tipStatus = await statusOf(fromTip);
    expect(tipStatus).toContain("来源：监管部门交办");
    expect(tipStatus).toContain("（县应急管理局）");
    expect(tipStatus).not.toMatch(/举报|王局长/);
    expect((await f.chat.as("王局长").in("县局群").say(`查询 ${fromTip}`))[0]).toContain("来源：举报");
  });

  test("the guided dialog and 即查即改 record the channel too", async () => {
    const li = f.chat.as("李主任").in("车间群");
    await li.say("报隐患");
    await li.say("楼梯扶手松动");
    await li.say("跳过");
    const guided = numberIn(await li.say("跳过"));
    const fixed = numberIn(await li.say("报隐患 安全出口指示灯不亮 已当场整改"));
    expect(await statusOf(guided)).toContain("来源：自查");
    expect(await statusOf(fixed)).toContain("来源：自查");
  });

  test("a grant given later does not rewrite an earlier report's channel", async () => {
    const before = await file("张三", "叉车超速");
    await f.chat.as("admin").in("车间群").say("授权 安全管理员 张三");
    const after = await file("张三", "叉车又超速");
    expect(await statusOf(before)).toContain("来源：随手拍");
    expect(await statusOf(after)).toContain("来源：自查");
  });

  test("English names the channel too", async () => {
    const n = await file("王局长", "fire pump room locked");
    await f.chat.as("admin").in("车间群").say("群语言 英文");
    expect((await f.chat.as("李主任").in("车间群").say(`/status ${n}`))[0]).toContain("Channel: Inspection");
  });
});

describe("what each channel means elsewhere", () => {
  test("any reporter but the tip desk withdraws their own report, hears of its steps and finds it in 我的隐患", async () => {
    const manager = await file("李主任", "消防通道堆放货物");
    const inspector = await file("王局长", "消防泵房门锁死");
    expect((await f.chat.as("李主任").say("我的隐患"))[0]).toContain(manager);
    expect((await f.chat.as("王局长").say("我的隐患"))[0]).toContain(inspector);
    // The inspector reported in the enterprise's group: the step is told there, as for any reporter.
    await f.chat.as("王局长").in("县局群").say(`确认 ${inspector} 一般`);
    expect(f.chat.inbox("车间群").at(-1)).toContain(`您报告的隐患 ${inspector} 已被确认`);
    expect(await f.chat.as("李主任").in("车间群").say(`撤回 ${manager} 报错了`)).toEqual([expect.stringContaining("已撤回")]);
  });

  test("the tip desk's hazard is nobody's to withdraw", async () => {
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    const { number: tip } = await fileTip(f, "举报人");
    await f.chat.as("王局长").say(`举报核查 ${tip} 属实`);
    const n = numberIn(await f.chat.as("王局长").say(`举报转隐患 ${tip} 城关化工厂 三号仓库液氨无泄漏报警`));
    expect(await f.chat.as("王局长").say(`撤回 ${n}`)).toEqual([expect.stringContaining("不是您报告的")]);
  });

  test("rewards as before: a worker's and the enterprise's own reports earn, an inspector's does not; the honour roll is the unit's own people", async () => {
    const worker = await file("张三", "配电箱门未关");
    const manager = await file("周厂长", "二号库房灭火器过期");
    const inspector = await file("王局长", "消防泵房门锁死");
    const li = f.chat.as("李主任").in("车间群");
    expect((await li.say(`确认 ${worker} 一般`)).join("\n") + f.chat.inbox("车间群").join("\n")).toContain("获得奖励 50 元");
    expect((await li.say(`确认 ${manager} 一般`)).join("\n")).toContain("获得奖励 50 元");
    expect((await li.say(`确认 ${inspector} 一般`)).join("\n")).not.toContain("奖励");
    const [honor] = await f.chat.as("李主任").in("车间群").say("光荣榜");
    expect(honor).toContain("张三");
    expect(honor).toContain("周厂长");
    expect(honor).not.toContain("王局长");
  });
});
