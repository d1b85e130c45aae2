import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createFixture, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { earnFor, firstBonus, maskName, parseRuleChanges, DEFAULT_REPORT_REWARDS } from "../../src/domain/report-rewards.ts";

describe("report reward rules", () => {
  test("by level, with points; the monthly cap takes what is left", () => {
    expect(earnFor(DEFAULT_REPORT_REWARDS, "GENERAL", 0)).toMatchObject({ amount: 50, points: 1 });
    expect(earnFor(DEFAULT_REPORT_REWARDS, "MAJOR", 0)).toMatchObject({ amount: 1000, points: 10 });
    const capped = { ...DEFAULT_REPORT_REWARDS, monthlyCap: 120 };
    expect(earnFor(capped, "GENERAL", 100)).toMatchObject({ amount: 20, points: 1 });
    expect(earnFor(capped, "GENERAL", 100).steps.map((s) => s.id)).toEqual(["earn-step-level", "earn-step-cap"]);
    expect(earnFor(capped, "MAJOR", 150).amount).toBe(0);
    expect(firstBonus(capped, 110).amount).toBe(10);
  });

  test("changes are parsed, and wrong ones named", () => {
    expect(parseRuleChanges("一般=80 重大=2000 上限=无 通知=私聊")).toEqual({ ok: true, changes: { general: 80, major: 2000, monthlyCap: null, notify: "private" } });
    expect(parseRuleChanges("cap=500 first=0")).toEqual({ ok: true, changes: { monthlyCap: 500, firstBonus: 0 } });
    // Own keys only: an object's built-in name is no rule.
    expect(parseRuleChanges("constructor=5")).toEqual({ ok: false, word: "constructor" });
    expect(parseRuleChanges("上限=0")).toEqual({ ok: true, changes: { monthlyCap: 0 } }); // recognition only, no money
    expect(parseRuleChanges("奖金=5")).toEqual({ ok: false, word: "奖金" });
    expect(parseRuleChanges("一般=很多")).toEqual({ ok: false, word: "一般" });
    expect(parseRuleChanges("一般=-50")).toEqual({ ok: false, word: "一般", reason: "negative", value: "-50" });
  });

  test("masked names", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳小明")).toBe("欧***");
    expect(maskName("王")).toBe("*");
  });
});

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
  await seedTree(f);
  await f.chat.as("admin").say("新建单位 东风机械厂 县应急管理局");
  await f.chat.as("admin").in("机械厂群").say("绑定 东风机械厂");
  await f.chat.as("赵主任").in("机械厂群").say("我的身份");
  await f.chat.as("admin").in("机械厂群").say("授权 安全管理员 赵主任");
});
afterEach(() => f.close());

describe("a month of reports in two units", () => {
  test("earnings are automatic and explained; the ledger, /myrewards, /payouts and /honor agree to the yuan", async () => {
    const li = f.chat.as("李主任").in("车间群");
    const zhao = f.chat.as("赵主任").in("机械厂群");
    const report = async (who: string, group: string, text: string) => numberIn(await f.chat.as(who).in(group).say(`报隐患 ${text}`));
    const a = await report("张三", "车间群", "配电箱门未关");
    const b = await report("张三", "车间群", "储罐区安全阀被拆除");
    const c = await report("李四", "车间群", "配电箱门没关");
    const d = await report("王五", "机械厂群", "冲床防护罩缺失");
    const e = await report("王五", "机械厂群", "随便说的");

    const [confirmed] = await li.say(`确认 ${a} 一般`);
    expect(confirmed).toContain("获得奖励 50 元、积分 1");
    expect((await li.say(`确认 ${b} 重大`))[0]).toContain("获得奖励 1000 元、积分 10");
    const [dup] = await li.say(`驳回 ${c} 重复 ${a}`);
    expect(dup).toContain("重复报告不予奖励");
    expect(dup).toContain("首报奖励 20 元");
    // The unit above may set other rules for one unit: 机械厂 pays more for a general hazard.
    expect((await zhao.say("奖励规则 设置 一般=80 上限=100"))[0]).toContain("一般隐患 80 元");
    expect((await zhao.say(`确认 ${d} 一般`))[0]).toContain("获得奖励 80 元");
    expect((await zhao.say(`驳回 ${e} 不属实`))[0]).not.toContain("奖励");

    const [mine] = await f.chat.as("张三").say("我的奖励");
    expect(mine).toContain("共 1070 元（已批准 0 元，已发放 0 元），积分 11");
    expect(await f.chat.as("李四").say("我的奖励")).toEqual([expect.stringContaining("还没有获得")]);

    const [county] = await f.chat.as("王局长").in("县局群").say("奖励发放");
    expect(county).toContain("共 1150 元，已批准 0 元，已发放 0 元");
    expect(county).toContain("张三：1070 元");
    expect(county).toContain("王五：80 元");
    expect((await f.chat.as("王局长").in("县局群").say("奖励发放 批准"))[0]).toContain("4 笔");
    expect((await f.chat.as("王局长").in("县局群").say("奖励发放 批准"))[0]).toContain("0 笔"); // never twice
    expect((await f.chat.as("王局长").in("县局群").say("奖励发放 已发放"))[0]).toContain("4 笔");
    expect((await f.chat.as("张三").say("我的奖励"))[0]).toContain("共 1070 元（已批准 1070 元，已发放 1070 元）");
    // A correction is a new entry; nothing recorded changes.
    expect(await f.chat.as("王局长").in("县局群").say(`奖励发放 更正 ${a} -20`)).toEqual([expect.stringContaining("用法：奖励发放 更正")]);
    expect((await f.chat.as("王局长").in("县局群").say(`奖励发放 更正 ${a} -20 首报奖励应归李四`))[0]).toContain("已记录更正");
    expect(await f.chat.as("王局长").in("县局群").say(`奖励发放 更正 ${e} 10 补发`)).toEqual([expect.stringContaining("没有奖励记录")]);
    const [after] = await f.chat.as("张三").say("我的奖励");
    expect(after).toContain("共 1050 元（已批准 1070 元，已发放 1070 元）");
    expect(after).toContain("更正 -20 元");
    expect(await f.chat.as("张三").in("车间群").say("奖励发放")).toEqual([expect.stringContaining("安全管理员权限")]);

    const [honor] = await f.chat.as("王局长").in("县局群").say("光荣榜");
    expect(honor).toMatch(/1\. 张三 —— 重大隐患 1 项，一般隐患 1 项\n2\. 王五 —— 重大隐患 0 项，一般隐患 1 项/);
    expect(honor).not.toContain("李四");
    await f.chat.as("张三").say("光荣榜 隐藏");
    expect((await f.chat.as("王局长").in("县局群").say("光荣榜"))[0]).toContain("1. 张* ——");
  });

  test("every change of the rules is an event; a wrong rule is refused with the keys", async () => {
    expect(await f.chat.as("李主任").in("车间群").say("奖励规则 设置 奖金=5")).toEqual([expect.stringContaining("不认识“奖金”")]);
    expect(await f.chat.as("张三").in("车间群").say("奖励规则 设置 一般=5")).toEqual([expect.stringContaining("安全管理员权限")]);
    expect(await f.chat.as("李主任").in("车间群").say("奖励规则 设置 一般=-50")).toEqual([expect.stringContaining("不能设为负数（-50）")]);
    expect(await f.chat.as("李主任").in("车间群").say("奖励规则 设置 重大=99999999")).toEqual([expect.stringContaining("最多 9999999")]);
    // Reading the rules is for everyone in the unit's group: they say what a report earns.
    expect((await f.chat.as("张三").in("车间群").say("奖励规则"))[0]).toContain("隐患报告奖励规则");
    await f.chat.as("李主任").in("车间群").say("奖励规则 设置 一般=60");
    await f.chat.as("李主任").in("车间群").say("奖励规则 设置 通知=私聊");
    const unit = (await f.app.store.transaction((repo) => repo.findUnitByName("城关化工厂")))!;
    const events = await f.app.store.transaction((repo) => repo.rewards.ruleEvents(unit.id));
    expect(events.map((e) => [(e.before as { general: number }).general, (e.after as { general: number; notify: string }).general, (e.after as { notify: string }).notify])).toEqual([
      [50, 60, "group"],
      [60, 60, "private"],
    ]);
    const [rules] = await f.chat.as("李主任").in("车间群").say("奖励规则");
    expect(rules).toContain("一般隐患 60 元");
    expect(rules).toContain("奖励通知：私聊");
    // Privately, then: the reporter hears in their own chat.
    const n = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
    const [ok] = await f.chat.as("李主任").in("车间群").say(`确认 ${n} 一般`);
    expect(ok).not.toContain("获得奖励");
    expect(f.chat.inbox("@张三").join()).toContain("获得奖励 60 元");
  });
});

describe("fairness", () => {
  test("the first reporter's bonus: also when the duplicate was rejected before the original was confirmed; never to a later report", async () => {
    const li = f.chat.as("李主任").in("车间群");
    const a = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
    f.clock.advanceDays(1);
    const b = numberIn(await f.chat.as("李四").in("车间群").say("报隐患 配电箱门没关"));
    await li.say(`驳回 ${b} 重复 ${a}`);
    const [confirmed] = await li.say(`确认 ${a} 一般`);
    expect(confirmed).toContain("获得奖励 50 元");
    expect(confirmed).toContain("首报奖励 20 元");
    // The other way round: a report marked a duplicate of a LATER one gives the later reporter nothing extra.
    const c = numberIn(await f.chat.as("王五").in("车间群").say("报隐患 楼梯扶手松动"));
    f.clock.advanceDays(1);
    const d = numberIn(await f.chat.as("赵六").in("车间群").say("报隐患 楼梯扶手晃动"));
    await li.say(`确认 ${d} 一般`);
    expect((await li.say(`驳回 ${c} 重复 ${d}`))[0]).not.toContain("首报奖励");
  });

  test("people with the same name are separate in /payouts; nobody corrects their own reward or below zero", async () => {
    const li = f.chat.as("李主任").in("车间群");
    const one = { platform: "console", chatId: "车间群", chatType: "group" as const, attachments: [] };
    await f.chat.deliver({ ...one, messageId: "w1", sender: { id: "zw-1", name: "张伟" }, text: "报隐患 配电箱门未关" });
    await f.chat.deliver({ ...one, messageId: "w2", sender: { id: "zw-2", name: "张伟" }, text: "报隐患 安全出口堵塞" });
    await li.say("确认 1 一般");
    await li.say("确认 2 一般");
    const [p] = await f.chat.as("王局长").in("县局群").say("奖励发放");
    expect(p!.match(/张伟：50 元/g)).toHaveLength(2);
    const own = numberIn(await f.chat.as("李主任").in("车间群").say("报隐患 李主任自己报的"));
    await f.chat.as("王局长").in("县局群").say(`确认 ${own} 一般`);
    expect(await li.say(`奖励发放 更正 ${own} 9999 加一点`)).toEqual([expect.stringContaining("不能更正自己的奖励")]);
    expect(await f.chat.as("王局长").in("县局群").say("奖励发放 更正 1 -60 扣多了")).toEqual([expect.stringContaining("不能低于 0 元")]);
    expect((await f.chat.as("王局长").in("县局群").say("奖励发放 2026-11 更正 1 -50 重复计算"))[0]).toContain("计入 2026-11");
  });

  test("the honour roll in a private chat, asked by a worker, points to the group", async () => {
    expect(await f.chat.as("张三").say("光荣榜")).toEqual([expect.stringContaining("在群里发送“光荣榜”")]);
  });
});

describe("the monthly honour roll post", () => {
  test("goes to the unit's groups on the first working day, once, across a restart", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { runHonorPosts } = await import("../../src/reminders/honor.ts");
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-honor-"));
    try {
      const a = await createFixture({ dataDir: dir, now: "2026-11-10T02:00:00Z" });
      await seedTree(a);
      const n = numberIn(await a.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
      await a.chat.as("李主任").in("车间群").say(`确认 ${n} 一般`);
      const sent: string[] = [];
      const send = async (m: { chatId: string; text: string }) => void sent.push(`${m.chatId}|${m.text}`);
      a.clock.set("2026-12-01T00:30:00Z"); // 08:30 on Tuesday 1 December: not yet
      expect(await runHonorPosts(a.app.deps, send)).toBe(0);
      a.clock.set("2026-12-01T01:05:00Z");
      expect(await runHonorPosts(a.app.deps, send)).toBe(2); // 车间群 (its unit) and 县局群 (the county's subtree)
      await a.close();
      const b = await createFixture({ dataDir: dir, now: "2026-12-01T03:00:00Z" });
      expect(await runHonorPosts(b.app.deps, send)).toBe(0);
      b.clock.set("2026-12-02T01:05:00Z"); // not the first working day
      expect(await runHonorPosts(b.app.deps, send)).toBe(0);
      await b.close();
      expect(sent.map((s) => s.split("|")[0]).sort()).toEqual(["县局群", "车间群"]);
      expect(sent[0]).toContain("2026-11 安全之星");
      expect(sent[0]).toContain("1. 张三");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the first working day moves past holidays and weekends", async () => {
    const { firstWorkingDay } = await import("../../src/reminders/honor.ts");
    expect(firstWorkingDay(f.app.deps, "2026-10-15")).toBe("2026-10-08"); // National Day
    expect(firstWorkingDay(f.app.deps, "2026-02-10")).toBe("2026-02-02"); // 1 February is a Sunday
    expect(firstWorkingDay(f.app.deps, "2026-12-20")).toBe("2026-12-01");
  });
});
