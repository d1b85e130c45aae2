import { afterAll, describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import { createFixture, freshPostgres, numberIn, tempDirs, type Fixture } from "../helpers.ts";
import { runCheckRounds } from "../../src/reminders/checks.ts";
import { isWorkingDay } from "../../src/domain/calendar.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";

/**
 * 日周月排查 through a fake-clock month (October 2026: 国庆 1–7 October off, Saturday the 10th worked) for two
 * enterprises: 城关化工厂 answers every round, in one message and item by item; 东风机械厂 answers its daily round on even
 * days only and never its weekly one. The embedded store is closed and reopened mid-month; a second part runs two
 * apps on one PostgreSQL.
 */
const freshDir = tempDirs("sentinel-checks-");
const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dayOf = (iso: Date) => new Date(iso.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const hhmmOf = (iso: Date) => new Date(iso.getTime() + 8 * 3600_000).toISOString().slice(11, 16);

interface Sent extends OutgoingMessage {
  at: Date;
}

async function seed(f: Fixture): Promise<void> {
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  await admin.in("县局群").say("绑定 县应急管理局");
  await f.chat.as("王局长").in("县局群").say("我的身份");
  await admin.in("县局群").say("授权 监管人员 王局长");
  for (const [unit, group, official, principal] of [
    ["城关化工厂", "化工厂群", "李主任", "赵厂长"],
    ["东风机械厂", "机械厂群", "钱主任", "孙厂长"],
  ] as const) {
    await admin.say(`新建单位 ${unit} 县应急管理局`);
    await admin.in(group).say(`绑定 ${unit}`);
    await f.chat.as(official).in(group).say("我的身份");
    await f.chat.as(principal).in(group).say("我的身份");
    await f.chat.as("张三").in(group).say("我的身份");
    await admin.in(group).say(`授权 安全管理员 ${official}`);
    await admin.in(group).say(`授权 主要负责人 ${principal}`);
    await f.chat.as(official).in(group).say("检查清单 采用 工贸通用");
  }
  const li = f.chat.as("李主任").in("化工厂群");
  for (const s of ["排查计划 每日 08:30", "排查计划 每周 09:00", "排查计划 每月 09:00", "排查计划 带队 09:00", "检查清单 责任人 4 李主任"]) {
    expect((await li.say(s)).join()).not.toMatch(/用法|不能|没有/);
  }
  const qian = f.chat.as("钱主任").in("机械厂群");
  await qian.say("排查计划 每日 08:30");
  await qian.say("排查计划 每周 09:00");
}

describe("a month of self-inspection", () => {
  test("posted on working days only, answered both ways, abnormal items filed, misses escalated once, rates as recounted, across a restart", { timeout: 600_000 }, async () => {
    const dir = freshDir();
    let f = await createFixture({ dataDir: dir, now: "2026-09-30T02:00:00Z" });
    await seed(f);
    const cal = f.app.deps.calendar;
    const sent: Sent[] = [];
    const send = async (m: OutgoingMessage) => void sent.push({ ...m, at: f.clock.now });
    const tick = async (day: string, hhmm: string) => {
      f.clock.set(shanghai(day, hhmm));
      await runCheckRounds(f.app.deps, send);
    };
    // What the test expects the bot to count, kept as it answers.
    const tally = new Map<string, { checked: number; abnormal: number; completed: number }>([
      ["城关化工厂", { checked: 0, abnormal: 0, completed: 0 }],
      ["东风机械厂", { checked: 0, abnormal: 0, completed: 0 }],
    ]);
    const count = (unit: string, checked: number, abnormal: number) => {
      const t = tally.get(unit)!;
      t.checked += checked;
      t.abnormal += abnormal;
      t.completed++;
    };
    const said: string[] = [];

    for (let day = "2026-10-01"; day <= "2026-11-04"; day = nextDay(day)) {
      for (const hhmm of ["08:00", "08:35", "09:05"]) await tick(day, hhmm);
      const october = day <= "2026-10-31";
      const posted = (group: string, mark: string) => sent.some((m) => m.chatId === group && dayOf(m.at) === day && m.text.startsWith(mark));
      f.clock.set(shanghai(day, "10:00"));
      if (october && posted("化工厂群", "【周查】")) {
        said.push(...(await f.chat.as("李主任").in("化工厂群").say("排查 周 全部正常")));
        count("城关化工厂", 3, 0);
      }
      if (october && posted("化工厂群", "【月查】")) {
        said.push(...(await f.chat.as("李主任").in("化工厂群").say("排查 月 1好 2好 3好")));
        count("城关化工厂", 3, 0);
      }
      if (october && posted("化工厂群", "【主要负责人带队检查】")) {
        said.push(...(await f.chat.as("赵厂长").in("化工厂群").say("排查 带队 全部正常")));
        count("城关化工厂", 2, 0);
      }
      if (october && posted("化工厂群", "【日查】")) {
        const n = Number(day.slice(8)) % 3;
        if (n === 0) {
          said.push(...(await f.chat.as("张三").in("化工厂群").say("全部正常")));
          count("城关化工厂", 4, 0);
        } else if (n === 1) {
          const out = await f.chat.as("李主任").in("化工厂群").say("1好 2好 3不适用 4异常 配电箱门未关 已当场整改");
          expect(out.join(), day).toContain("已当场整改并销号");
          said.push(...out);
          count("城关化工厂", 3, 1);
        } else {
          // Item by item; on the 16th the store is closed and reopened in the middle of the dialog.
          const z = () => f.chat.as("张三").in("化工厂群");
          expect((await z().say("排查")).join()).toContain("第 1/4 项");
          const filed = await z().say("异常 安全出口被货物堵塞");
          expect(filed.join(), day).toMatch(/已登记隐患 YH-\d{4}-\d{6}（来源：自查），状态：待核实。⚠ 可能构成重大事故隐患/);
          said.push(...filed);
          if (day === "2026-10-16") {
            await f.close();
            f = await createFixture({ dataDir: dir, now: shanghai(day, "10:05") });
          }
          await z().say("正常");
          await z().say("正常");
          const done = await z().say("不适用");
          expect(done.join(), day).toContain("本轮排查已全部完成");
          count("城关化工厂", 3, 1);
        }
      }
      if (october && posted("机械厂群", "【日查】") && Number(day.slice(8)) % 2 === 0) {
        said.push(...(await f.chat.as("张三").in("机械厂群").say("排查 日 全部正常")));
        count("东风机械厂", 4, 0);
      }
      await tick(day, "21:30");
    }

    // Posted only on working days, at or after the schedule's time, never in the quiet hours; each round once per chat.
    const posts = sent.filter((m) => /^【(日查|周查|月查|主要负责人带队检查)】/.test(m.text));
    for (const m of posts) {
      expect(isWorkingDay(cal, dayOf(m.at)), dayOf(m.at)).toBe(true);
      expect(["08:35", "09:05"]).toContain(hhmmOf(m.at));
    }
    expect(sent.every((m) => hhmmOf(m.at) !== "21:30" && hhmmOf(m.at) !== "08:00")).toBe(true);
    const keys = posts.map((m) => `${m.chatId}|${m.text.split("\n")[0]}`);
    expect(new Set(keys).size).toBe(keys.length);
    const octoberWorkingDays: string[] = [];
    for (let d = "2026-10-01"; d <= "2026-10-31"; d = nextDay(d)) if (isWorkingDay(cal, d)) octoberWorkingDays.push(d);
    expect(octoberWorkingDays[0]).toBe("2026-10-08");
    expect(octoberWorkingDays).toContain("2026-10-10"); // the make-up Saturday
    const dailyPosts = (group: string) => posts.filter((m) => m.chatId === group && m.text.startsWith("【日查】") && dayOf(m.at) <= "2026-10-31");
    expect(dailyPosts("化工厂群").map((m) => dayOf(m.at))).toEqual(octoberWorkingDays);
    expect(dailyPosts("机械厂群").map((m) => dayOf(m.at))).toEqual(octoberWorkingDays);
    // The leader-led round (quarterly: the plant has no 高危行业 set) went privately to the 主要负责人 who leads it; item 4's
    // round privately to 李主任.
    expect(sent.filter((m) => m.chatId === "dm:赵厂长" && m.text.startsWith("【主要负责人带队检查】城关化工厂 2026年第四季度 的带队检查已发布（每季度至少 1 次）"))).toHaveLength(1);
    expect(sent.filter((m) => m.chatId === "dm:李主任" && m.text.startsWith("【日查】")).length).toBe(octoberWorkingDays.length + 3); // and 2–4 November

    // 城关化工厂 finished everything: never reminded or escalated. 东风机械厂: every missed round reminded, then escalated once,
    // to the regulator above and to its 主要负责人.
    // (November's rounds are left unanswered: they are not this month's.)
    expect(sent.filter((m) => m.text.includes("城关化工厂") && /【排查(未完成|逾期)】/.test(m.text) && !m.text.includes("2026-11-"))).toEqual([]);
    const missedDaily = octoberWorkingDays.filter((d) => Number(d.slice(8)) % 2 === 1 && d <= "2026-10-29");
    const escalations = sent.filter((m) => m.chatId === "县局群" && m.text.startsWith("【排查逾期】"));
    for (const d of missedDaily) {
      expect(escalations.filter((m) => m.text.includes(`日查（${d}）`)), d).toHaveLength(1);
      expect(sent.filter((m) => m.chatId === "dm:孙厂长" && m.text.includes(`日查（${d}）`)), d).toHaveLength(1);
      expect(sent.filter((m) => m.chatId === "机械厂群" && m.text.startsWith("【排查未完成】") && m.text.includes(`日查（${d}）`)), d).toHaveLength(1);
    }
    for (const w of [41, 42, 43, 44]) expect(escalations.filter((m) => m.text.includes(`周查（2026年第${w}周）`)), String(w)).toHaveLength(1);
    const evenDays = octoberWorkingDays.filter((d) => Number(d.slice(8)) % 2 === 0);
    expect(escalations.some((m) => evenDays.some((d) => m.text.includes(`日查（${d}）`)))).toBe(false);

    // Abnormal items became hazards of the unit with source SELF, linked to their round and item.
    const hazards = await f.app.store.transaction((repo) => repo.listHazards({ unitPaths: ["/"], limit: 500 }));
    const self = hazards.filter((h) => h.source === "SELF");
    const fixed = self.filter((h) => h.status === "CLOSED" && h.fixedOnSpot);
    const open = self.filter((h) => h.status === "REPORTED");
    expect(fixed.length + open.length).toBe(self.length);
    expect(self.length).toBe(tally.get("城关化工厂")!.abnormal);
    expect(open.every((h) => h.indicators.includes("fire-exit") && h.description.includes("安全出口被货物堵塞"))).toBe(true);
    expect(fixed.every((h) => h.description.includes("配电箱门未关") && h.indicators.length === 0)).toBe(true);
    const rounds = await f.app.store.transaction(async (repo) => repo.checks.roundsIn([(await repo.findUnitByName("城关化工厂"))!.id], new Date(0), new Date("2030-01-01")));
    const linked = rounds.flatMap((r) => r.answers.filter((a) => a.hazardId).map((a) => a.hazardId!));
    expect(linked.sort()).toEqual(self.map((h) => h.id).sort());

    // 检查情况 equals a recount of what was posted and answered.
    const [report] = await f.chat.as("王局长").in("县局群").say("检查情况 2026-10");
    for (const [unit, group] of [["城关化工厂", "化工厂群"], ["东风机械厂", "机械厂群"]] as const) {
      const t = tally.get(unit)!;
      const roundsPosted = posts.filter((m) => m.chatId === group && /2026-10|2026年10月|2026年第4[1-4]周|2026年第四季度/.test(m.text.split("\n")[0]!) && dayOf(m.at) <= "2026-10-31").length;
      const rate = (a: number, b: number) => `${Math.round((a / b) * 1000) / 10}%`;
      const line = report!.split("\n").find((l) => l.startsWith(`${unit}：`))!;
      expect(line, unit).toContain(`${roundsPosted} 轮，完成 ${t.completed} 轮`);
      expect(line, unit).toContain(`完成率 ${rate(t.completed, roundsPosted)}`);
      expect(line, unit).toContain(`检查 ${t.checked} 项次，异常 ${t.abnormal}，异常率 ${t.abnormal ? rate(t.abnormal, t.checked) : "0%"}`);
    }
    // Per item: 东风机械厂's first daily item was in every daily round and answered on the even days.
    const machine = report!.split("\n").slice(report!.split("\n").findIndex((l) => l.startsWith("东风机械厂：")));
    const exits = machine.find((l) => l.includes("· 安全出口、疏散通道畅通，未锁闭、堵塞"))!;
    const evenOctober = octoberWorkingDays.filter((d) => Number(d.slice(8)) % 2 === 0).length;
    expect(exits).toContain(`${octoberWorkingDays.length} 轮中完成 ${evenOctober}，完成率 ${Math.round((evenOctober / octoberWorkingDays.length) * 1000) / 10}%`);
    expect(tally.get("城关化工厂")!.completed).toBe(octoberWorkingDays.length + 4 + 1 + 1); // daily, four weeks, October, Q4

    // The checklist and its records as a spreadsheet.
    const [file] = await f.chat.as("李主任").in("化工厂群").send("检查清单 导出 2026-10");
    expect(file!.file!.filename).toBe("检查清单-城关化工厂-2026年10月.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file!.file!.data!) as unknown as ArrayBuffer);
    const [list, records] = wb.worksheets;
    expect(list!.name).toBe("检查清单");
    expect(list!.getCell("C2").value).toBe("检查内容");
    expect(list!.getCell("C2").font?.bold).toBe(true);
    expect(list!.pageSetup.orientation).toBe("landscape");
    expect(list!.pageSetup.paperSize).toBe(9);
    expect(list!.rowCount).toBe(2 + 12);
    const answered = records!.getSheetValues().filter((r) => Array.isArray(r) && r[6] === "异常");
    expect(answered).toHaveLength(tally.get("城关化工厂")!.abnormal);
    // 三张清单 (seed 003 第6条): the checklist, the hazards found, their rectification; each abnormal answer has its 整改.
    expect(wb.worksheets.map((w) => w.name)).toEqual(["检查清单", "排查记录", "隐患清单", "整改清单"]);
    expect(records!.getCell("I2").value).toBe("整改");
    expect(answered.every((r) => /已销号|待核实/.test(String((r as unknown[])[9])))).toBe(true);
    expect(records!.getCell("A1").value).toBe("城关化工厂 隐患排查记录（2026年10月）");
    // The totals row: each figure in its own column.
    const last = records!.getRow(records!.rowCount);
    expect([last.getCell(1).value, last.getCell(2).value, last.getCell(3).value]).toEqual(["合计", expect.stringMatching(/^共 \d+ 轮$/), `完成 ${tally.get("城关化工厂")!.completed} 轮`]);
    const [, problems, fixes] = [list, wb.worksheets[2]!, wb.worksheets[3]!];
    expect(problems.rowCount - 2).toBe(tally.get("城关化工厂")!.abnormal);
    expect(fixes.rowCount - 2).toBe(tally.get("城关化工厂")!.abnormal);
    await wb.xlsx.writeFile("/tmp/h25/checklist-export.xlsx");
    await f.close();
  });
});

describe("two apps on one PostgreSQL", () => {
  let pg: Awaited<ReturnType<typeof freshPostgres>> = null;
  afterAll(() => pg?.drop());

  test("each round is posted once and each miss escalated once, whichever app ticks", { timeout: 600_000 }, async (t) => {
    pg = await freshPostgres();
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const env = { SENTINEL_SECRET: "s".repeat(40) };
    const a = await createFixture({ postgresUrl: pg.url, env, now: "2026-10-07T02:00:00Z" });
    await seed(a);
    const b = await createFixture({ postgresUrl: pg.url, env, now: "2026-10-07T02:00:00Z" });
    const sent: OutgoingMessage[] = [];
    const send = async (m: OutgoingMessage) => void sent.push(m);
    for (let day = "2026-10-08"; day <= "2026-10-16"; day = nextDay(day)) {
      for (const hhmm of ["08:35", "09:05"]) {
        a.clock.set(shanghai(day, hhmm));
        b.clock.set(shanghai(day, hhmm));
        await Promise.all([runCheckRounds(a.app.deps, send), runCheckRounds(b.app.deps, send)]);
      }
      // Answers reach either app; the chemical plant finishes its daily round, the machine works never answer.
      const fx = day.endsWith("9") || day.endsWith("3") ? b : a;
      fx.clock.set(shanghai(day, "10:00"));
      await fx.chat.as("张三").in("化工厂群").say("排查 日 全部正常");
    }
    const lines = sent.map((m) => `${m.chatId}|${m.text.split("\n")[0]}`);
    expect(new Set(lines).size).toBe(lines.length);
    expect(sent.filter((m) => m.chatId === "化工厂群" && m.text.startsWith("【日查】"))).toHaveLength(8); // 8, 9, 10 (a make-up Saturday) and 12–16 October
    expect(sent.filter((m) => m.chatId === "县局群" && m.text.startsWith("【排查逾期】") && m.text.includes("东风机械厂 的日查（2026-10-08）"))).toHaveLength(1);
    expect(sent.filter((m) => m.chatId === "县局群" && m.text.includes("城关化工厂 的日查"))).toEqual([]);
    // The aggregate of 检查情况 on PostgreSQL (a server in another time zone): daily rounds finished the same day are on time.
    const [counted] = await b.chat.as("王局长").in("县局群").say("检查情况 2026-10");
    expect(counted).toContain("城关化工厂：12 轮，完成 8 轮（按时 8），完成率 66.7%；检查 32 项次，异常 0");
    expect(counted).toContain("东风机械厂：10 轮，完成 0 轮（按时 0），完成率 0%");
    await a.close();
    await b.close();
  });
});

describe("answering, and the refusals that say why", () => {
  test("numbers, notes, fixes on the spot, items answered twice, chat left alone, English", { timeout: 300_000 }, async () => {
    const f = await createFixture({ now: "2026-10-09T00:00:00Z" });
    await seed(f);
    const sent: OutgoingMessage[] = [];
    f.clock.set(shanghai("2026-10-12", "09:05"));
    await runCheckRounds(f.app.deps, async (m) => void sent.push(m));
    const post = sent.find((m) => m.chatId === "化工厂群" && m.text.startsWith("【日查】"))!;
    expect(post.text).toContain("1. 安全出口、疏散通道畅通，未锁闭、堵塞⚠");
    expect(post.text).toContain("4. 配电箱（柜）门关闭，无私拉乱接，漏电保护有效（李主任）");
    expect(sent.find((m) => m.chatId === "dm:李主任")!.text).toContain("您负责第 4 项");
    const zhang = f.chat.as("张三").in("化工厂群");
    const li = f.chat.as("李主任").in("化工厂群");

    expect((await zhang.say("排查 日 9好")).join()).toContain("本轮排查没有第 9 项（共 4 项）");
    expect((await zhang.say("排查 日 1好 4异常")).join()).toContain("第 4 项是异常，请写明情况");
    expect((await zhang.say("排查 日 1异常 安全出口堵塞 已当场整改")).join()).toContain("可能构成重大事故隐患，不能按“已当场整改”直接销号");
    expect((await zhang.say("排查 日 4异常 配电箱门未关 已当场整改")).join()).toContain("只有 城关化工厂 的安全管理员或该项的责任人可以记录");
    expect((await zhang.say("/check 这里都挺好")).join()).toContain("没看懂这条排查回答");
    expect(await zhang.say("自查 报告写好了吗")).toEqual([]); // chatter that starts with a keyword
    // Nothing of the refused messages was recorded.
    const recorded = await f.app.store.transaction(async (repo) => {
      const rounds = await repo.checks.unfinished((await repo.findUnitByName("城关化工厂"))!.id, "2026-01-01");
      return (await Promise.all(rounds.map((r) => repo.checks.answers(r.id)))).flat();
    });
    expect(recorded).toEqual([]);
    const first = await zhang.say("排查 日 1好 2好");
    expect(first.join()).toContain("已记录 城关化工厂 日查（2026-10-12）：正常 2 项");
    expect(first.join()).toContain("还有 2 项未回答：第 3、4 项");
    // A photo with its caption; the item's responsible person may record the fix on the spot.
    const second = await li.say("2异常 有限空间无人监护 3好 4异常 配电箱门未关 已当场整改", { photos: ["photo-1"] });
    expect(second.join()).toContain("第 2 项已由 张三 于 2026-10-12");
    expect(second.join()).toContain("第 4 项异常，已登记隐患");
    expect(second.join()).toContain("已当场整改并销号");
    expect(second.join()).toContain("本轮排查已全部完成");
    const hazards = await f.app.store.transaction((repo) => repo.listHazards({ unitPaths: ["/"], limit: 10 }));
    expect(hazards).toHaveLength(1);
    expect(hazards[0]!).toMatchObject({ source: "SELF", status: "CLOSED", fixedOnSpot: true, attachments: ["photo-1"] });
    expect(hazards[0]!.description).toBe("【自查】配电箱门未关（检查项：配电箱（柜）门关闭，无私拉乱接，漏电保护有效）");

    // With the daily round finished, an unlabelled answer goes to the open weekly round; in the dialog, answers by number
    // work too, and leaving it keeps what was answered.
    expect((await zhang.say("排查 周")).join()).toContain("第 1/3 项");
    expect((await zhang.say("正常")).join()).toContain("第 2/3 项");
    expect((await zhang.say("取消")).join()).toContain("已退出逐项回答。已回答的项目已经记录");
    expect((await zhang.say("2好 3好")).join()).toContain("周查（2026年第42周）：正常 2 项");
    // Chat that looks like an answer, with no open round for it, gets no reply; a keyword gets the reason.
    expect(await f.chat.as("张三").in("机械厂群").say("排查 日 全部正常")).toEqual([expect.stringContaining("正常 4 项")]);
    expect(await f.chat.as("张三").in("机械厂群").say("排查 周 全部正常")).toEqual([expect.stringContaining("正常 3 项")]);
    expect(await f.chat.as("张三").in("机械厂群").say("1好")).toEqual([]);
    expect((await f.chat.as("张三").in("机械厂群").say("排查 1好")).join()).toContain("现在没有待完成的排查");
    expect((await f.chat.as("张三").say("排查")).join()).toContain("只能在已绑定单位的群里使用");

    // Who may change the list and the schedule, and what they may set.
    expect((await zhang.say("检查清单 采用 工贸通用")).join()).toContain("安全管理员权限");
    expect((await li.say("检查清单 采用 烟花爆竹")).join()).toContain("没有名为“烟花爆竹”的检查清单模板");
    expect((await li.say("检查清单 采用 工贸通用")).join()).toContain("新增 0 项（12 项已在清单中");
    expect((await li.say("检查清单 删除 99")).join()).toContain("清单中没有第 99 项（共 12 项）");
    expect((await li.say("排查计划 每日 22:00")).join()).toContain("免打扰时段");
    expect((await li.say("排查计划 每日 明早")).join()).toContain("看不懂时间");
    expect((await li.say("排查计划 每年 08:00")).join()).toContain("用法：排查计划");
    expect((await li.say("排查计划 带队 关闭")).join()).toContain("已停止 城关化工厂 的主要负责人带队检查");
    // 检查情况 in the unit's group, for a 安全管理员; refused to a worker.
    // (The monthly and quarterly rounds, due later, were posted that morning too.)
    expect((await li.say("检查情况")).join()).toContain("城关化工厂：4 轮，完成 2 轮（按时 2），完成率 50%；检查 7 项次，异常 1，异常率 14.3%");
    expect((await zhang.say("检查情况")).join()).toContain("安全管理员权限");

    // English: a group that speaks English answers in English words.
    await f.chat.as("admin").in("机械厂群").say("群语言 英文");
    f.clock.set(shanghai("2026-10-13", "09:05"));
    await runCheckRounds(f.app.deps, async (m) => void sent.push(m));
    expect(sent.at(-1)!.text).toMatch(/^\[daily check\] 东风机械厂 2026-10-13: 4 items, due by 2026-10-13/);
    const en = await f.chat.as("张三").in("机械厂群").say("1 ok 2 ok 3 n/a 4 abnormal hose cracked");
    expect(en.join()).toContain("Recorded for 东风机械厂, daily check (2026-10-13): 2 OK, 1 abnormal, 1 n/a.");
    expect(en.join()).toContain("filed as hazard");
    // A self-inspection finding earns no report reward when confirmed (finding it was the round's duty); a report does.
    const confirmed = await f.chat.as("钱主任").in("机械厂群").say(`确认 ${numberIn(en)} 一般 2026-12-31`);
    expect(confirmed.join()).toContain("confirmed");
    expect(confirmed.join()).not.toContain("earn");
    const report = await f.chat.as("张三").in("机械厂群").say("报隐患 车间照明灯不亮");
    expect((await f.chat.as("钱主任").in("机械厂群").say(`确认 ${numberIn(report)} 一般 2026-12-31`)).join()).toContain("earn");
    await f.close();
  });
});

describe("a send that fails", () => {
  test("is retried by a later tick once its claim is stale, and the others are not sent again", { timeout: 300_000 }, async () => {
    const f = await createFixture({ now: "2026-10-09T00:00:00Z" });
    await seed(f);
    const sent: OutgoingMessage[] = [];
    let fail = true;
    const send = async (m: OutgoingMessage) => {
      if (fail && m.chatId === "化工厂群") {
        fail = false;
        throw new Error("platform down");
      }
      sent.push(m);
    };
    const at = async (hhmm: string) => {
      f.clock.set(shanghai("2026-10-12", hhmm));
      await runCheckRounds(f.app.deps, send);
    };
    await at("08:35");
    expect(sent.filter((m) => m.chatId === "化工厂群")).toEqual([]);
    expect(sent.filter((m) => m.chatId === "机械厂群" && m.text.startsWith("【日查】"))).toHaveLength(1);
    await at("08:37"); // the failed claim is not stale yet
    expect(sent.filter((m) => m.chatId === "化工厂群" && m.text.startsWith("【日查】"))).toHaveLength(0);
    await at("08:45");
    await at("08:55");
    expect(sent.filter((m) => m.chatId === "化工厂群" && m.text.startsWith("【日查】"))).toHaveLength(1);
    expect(sent.filter((m) => m.chatId === "机械厂群" && m.text.startsWith("【日查】"))).toHaveLength(1);
    expect(sent.filter((m) => m.chatId === "dm:李主任" && m.text.startsWith("【日查】"))).toHaveLength(1);
    await f.close();
  });
});
