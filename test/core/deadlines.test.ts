import { afterEach, beforeEach, describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import { createFixture, freshPostgres, numberIn, type Fixture } from "../helpers.ts";
import { runDeadlineReminders } from "../../src/reminders/deadlines.ts";
import { dueDate, ladder } from "../../src/domain/obligations.ts";
import { isWorkingDay } from "../../src/domain/calendar.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";

/** A county office and three enterprises, each with its group and an official. */
async function seedCounty(f: Fixture): Promise<void> {
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  await admin.in("县局群").say("绑定 县应急管理局");
  await f.chat.as("王局长").in("县局群").say("我的身份");
  await admin.in("县局群").say("授权 监管人员 王局长");
  for (const [unit, group, official] of [
    ["城关化工厂", "化工厂群", "李主任"],
    ["东风机械厂", "机械厂群", "赵主任"],
    ["南山矿业", "矿业群", "钱主任"],
  ] as const) {
    await admin.say(`新建单位 ${unit} 县应急管理局`);
    await admin.in(group).say(`绑定 ${unit}`);
    await f.chat.as(official).in(group).say("我的身份");
    await admin.in(group).say(`授权 安全管理员 ${official}`);
  }
}

const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Sent extends OutgoingMessage {
  at: Date;
}

let f: Fixture;
beforeEach(async () => {
  f = await createFixture({ now: "2026-01-01T01:00:00Z" });
  await seedCounty(f);
});
afterEach(() => f.close());

describe("deadline reminders through a whole year", () => {
  test("on working days, only to units that have not submitted, escalated after a miss, never in quiet hours, never twice", { timeout: 120_000 }, async () => {
    const sent: Sent[] = [];
    let crash = false;
    const send = async (m: OutgoingMessage) => {
      if (crash) {
        crash = false;
        throw new Error("process died mid-send");
      }
      sent.push({ ...m, at: f.clock.now });
    };
    const cal = f.app.deps.calendar;
    await f.chat.as("王局长").say("私聊提醒 开");
    f.clock.set("2026-06-01T02:00:00Z");
    await f.chat.as("王局长").in("县局群").say("报送事项 2026-08-15 贯彻落实情况");
    f.clock.set("2026-01-01T01:00:00Z");

    const down = new Set(["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14"]); // no process ran
    const monthly = (period: string) => ladder(cal, dueDate({ kind: "monthly", day: 18 }, period));
    const septemberT3 = monthly("2026-09")[0]!.date;
    for (let day = "2026-01-01"; day <= "2026-12-31"; day = nextDay(day)) {
      if (down.has(day)) continue;
      if (day === septemberT3) crash = true; // the first send of that morning dies after its claim
      const steps = monthly(day.slice(0, 7));
      // Every morning; on ladder days also before 09:00 and in the quiet evening, where nothing may go out.
      const ticks = steps.some((x) => x.date === day) ? ["07:30", "09:05", "21:30"] : ["09:05"];
      for (const hhmm of ticks) {
        f.clock.set(shanghai(day, hhmm).toISOString());
        await runDeadlineReminders(f.app.deps, send);
      }
      // 城关化工厂 always submits on the 10th; 东风机械厂 on the afternoon of the day before the due day.
      if (day.endsWith("-10")) {
        f.clock.set(shanghai(day, "10:00").toISOString());
        await f.chat.as("李主任").in("化工厂群").say("已报送 月报");
        if (day === "2026-12-10") await f.chat.as("李主任").in("化工厂群").say("已报送 年度总结");
      }
      if (day === steps.find((x) => x.step === "T-1")!.date) {
        f.clock.set(shanghai(day, "15:00").toISOString());
        await f.chat.as("赵主任").in("机械厂群").say("/submitted monthly");
      }
    }

    // Nothing in quiet hours or before 09:00; everything on a working day.
    for (const m of sent) {
      const hhmm = new Date(m.at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
      expect(hhmm).toBe("09:05");
      expect(isWorkingDay(cal, new Date(m.at.getTime() + 8 * 3600_000).toISOString().slice(0, 10))).toBe(true);
    }
    // 城关化工厂 submitted every month before the first reminder: it heard nothing about the monthly report.
    expect(sent.filter((m) => m.chatId === "化工厂群" && m.text.includes("月度"))).toEqual([]);

    const toGroup = (g: string, needle: string) => sent.filter((m) => m.chatId === g && m.text.includes(needle));
    for (let m = 1; m <= 12; m++) {
      const period = `2026-${String(m).padStart(2, "0")}`;
      const steps = ladder(cal, dueDate({ kind: "monthly", day: 18 }, period));
      const dateOf = (x: Sent) => new Date(x.at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const mine = toGroup("矿业群", `（${period}）`);
      const machine = toGroup("机械厂群", `（${period}）`);
      if (period === "2026-05") {
        // May's T-3 (the 13th) fell in the downtime and its window passed: skipped, not sent; T-1 onwards went out.
        expect(mine.map(dateOf)).toEqual(steps.filter((s) => s.step !== "T-3").map((s) => s.date));
      } else {
        // 南山矿业 never submits: every step, each on its own day.
        expect(mine.map(dateOf), period).toEqual(steps.map((s) => s.date));
      }
      if (period === "2026-09") {
        // September's T-3 to 东风机械厂 was claimed by a process that died before sending: the next morning's tick
        // sent it, late, saying so; 南山矿业's went out on time regardless.
        expect(machine.map(dateOf)).toEqual(["2026-09-16", steps[1]!.date]);
        expect(machine[0]!.text).toContain("补发");
        expect(mine[0]!.text).not.toContain("补发");
      } else if (period !== "2026-05") {
        // 东风机械厂 submits on T-1's afternoon: it hears T-3 and T-1, and nothing after.
        expect(machine.map(dateOf), period).toEqual(steps.filter((s) => s.step === "T-3" || s.step === "T-1").map((s) => s.date));
      }
      // The first reminder of the month carries the unit's table; the later ones do not.
      expect(mine[0]!.file?.filename, period).toMatch(/^统计表-南山矿业-2026-\d\d\.xlsx$/);
      expect(mine.slice(1).every((x) => !x.file), period).toBe(true);
      // After the miss the county hears which units are missing, in its group and in 王局长's private chat.
      const escalations = sent.filter((x) => x.text.includes("【逾期通报】") && x.text.includes(`（${period}，`));
      expect(escalations.map((x) => x.chatId).sort(), period).toEqual(["dm:王局长", "县局群"]);
      expect(escalations[0]!.text).toContain("南山矿业");
      expect(escalations[0]!.text).not.toContain("城关化工厂");
    }
    // The annual summary: 城关化工厂 submitted at 10:00 on 10 December, after the morning's reminder; no miss.
    expect(toGroup("化工厂群", "年度工作总结").map((m) => m.text.slice(0, 6))).toEqual(["【报送提醒】", "【报送提醒】", "【报送提醒】"]);
    expect(toGroup("矿业群", "年度工作总结")).toHaveLength(4);
    // The one-off on Saturday 15 August: reminders move to the working days before it, the miss to Monday.
    expect(toGroup("矿业群", "贯彻落实情况").map((m) => new Date(m.at.getTime() + 8 * 3600_000).toISOString().slice(0, 10))).toEqual([
      "2026-08-12", "2026-08-14", "2026-08-17",
    ]);
    // Never twice: one message per chat, period and step.
    const keys = sent.map((m) => `${m.chatId}|${m.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("submitting and the status", () => {
  test("by command or by a file with the keyword in its caption; the receiving unit sees who, when, late", async () => {
    f.clock.set("2026-11-10T02:00:00Z");
    expect(await f.chat.as("李主任").in("化工厂群").say("已报送 周报")).toEqual([expect.stringContaining("没有叫“周报”的报送事项")]);
    expect(await f.chat.as("李主任").in("化工厂群").say("已报送 月报 2026-13")).toEqual([expect.stringContaining("期次“2026-13”不对")]);
    expect(await f.chat.as("某工人").in("化工厂群").say("已报送 月报")).toEqual([expect.stringContaining("没有“城关化工厂”的安全管理员权限")]);
    // October is overdue and missing: a report sent now without a period is October's (late); then November's.
    expect(await f.chat.as("李主任").in("化工厂群").say("已报送 月报")).toEqual([expect.stringMatching(/2026-10 的.*逾期，截止日为 2026-10-18/)]);
    expect(await f.chat.as("李主任").in("化工厂群").say("已报送 月报")).toEqual([expect.stringMatching(/2026-11 的.*本期不再提醒/)]);
    expect(await f.chat.as("李主任").in("化工厂群").say("已报送 月报 2026-11")).toEqual([expect.stringContaining("无需重复")]);
    expect(await f.chat.as("赵主任").in("机械厂群").say("11月月报，请查收", { files: ["file-1"] })).toEqual([expect.stringMatching(/2026-11 的.*已报送给“县应急管理局”/)]);
    // A file nobody owes anything for, or from someone who may not submit, is just a file.
    expect(await f.chat.as("王局长").in("县局群").say("会议照片", { files: ["file-3"] })).toEqual([]);
    expect(await f.chat.as("张三").in("机械厂群").say("月报草稿", { files: ["file-4"] })).toEqual([]);
    expect(await f.chat.as("赵主任").in("机械厂群").say("会议照片", { files: ["file-2"] })).toEqual([]);
    f.clock.set("2026-11-20T02:00:00Z");
    expect(await f.chat.as("钱主任").in("矿业群").say("已报送 月报")).toEqual([expect.stringContaining("逾期，截止日为 2026-11-18")]);
    expect(await f.chat.as("王局长").in("县局群").say("已报送 月报")).toEqual([expect.stringContaining("没有上级单位")]);
    const [status] = await f.chat.as("王局长").in("县局群").say("报送情况");
    expect(status).toContain("月度进展情况和统计表（2026-11，截止 2026-11-18）：已报 3/3");
    expect(status).toContain("✓ 南山矿业");
    expect(status).toMatch(/南山矿业 —— 2026-11-20 10:00 钱主任（逾期）/);
    expect(status).toContain("年度工作总结（2026，截止 2026-12-10）：已报 0/3");
    expect(status).toContain("✗ 东风机械厂 —— 未报送");
    const [older] = await f.chat.as("王局长").say("报送情况 2026-10");
    expect(older).toContain("（2026-10，截止 2026-10-18）：已报 1/3");
    expect(older).toContain("未报送（已逾期）");
    expect(await f.chat.as("李主任").in("化工厂群").say("报送情况")).toEqual([expect.stringContaining("下面没有需要报送的单位")]);
  });

  test("one-off obligations: added, refused when wrong, removed", async () => {
    f.clock.set("2026-06-01T02:00:00Z");
    const w = f.chat.as("王局长").in("县局群");
    expect(await w.say("报送事项 明天 总结")).toEqual([expect.stringContaining("用法：报送事项")]);
    expect(await w.say("报送事项 2026-02-30 总结")).toEqual([expect.stringContaining("没有“2026-02-30”这一天")]);
    expect(await w.say("报送事项 2026-05-01 总结")).toEqual([expect.stringContaining("已经过了")]);
    expect(await f.chat.as("李主任").in("化工厂群").say("报送事项 2026-08-15 总结")).toEqual([expect.stringContaining("下面还没有单位")]);
    const [added] = await w.say("报送事项 2026-08-15 贯彻落实情况");
    expect(added).toContain("3 个下级单位需报送");
    expect(added).toContain("提前三个工作日 2026-08-12");
    expect(added).not.toContain("当天");
    expect(await w.say("报送事项 2026-09-01 贯彻落实情况")).toEqual([expect.stringContaining("已经有叫“贯彻落实情况”")]);
    expect(await f.chat.as("李主任").in("化工厂群").say("已报送 贯彻落实情况")).toEqual([expect.stringContaining("本期不再提醒")]);
    expect(await w.say("删除报送事项 贯彻落实情况")).toEqual([expect.stringContaining("已删除")]);
    expect(await w.say("删除报送事项 贯彻落实情况")).toEqual([expect.stringContaining("没有叫")]);
  });
});

describe("the statistics table", () => {
  test("/trend sends a 12-month chart as a PNG that is not blank", async () => {
    f.clock.set("2026-11-05T02:00:00Z");
    const n = numberIn(await f.chat.as("张三").in("化工厂群").say("报隐患 配电箱门未关"));
    await f.chat.as("李主任").in("化工厂群").say(`确认 ${n} 一般`);
    const [out] = await f.chat.as("王局长").in("县局群").send("趋势");
    expect(out!.text).toContain("2025-12 至 2026-11");
    expect(out!.file!.kind).toBe("photo");
    const { loadImage, createCanvas } = await import("@napi-rs/canvas");
    const img = await loadImage(Buffer.from(out!.file!.data!));
    expect([img.width, img.height]).toEqual([1000, 560]);
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 200 || px[i + 1]! < 200 || px[i + 2]! < 200) ink++;
    expect(ink).toBeGreaterThan(2000);
  });
});

describe("two apps on one PostgreSQL", () => {
  test("each reminder is sent once", async (t) => {
    const pg = await freshPostgres();
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const a = await createFixture({ postgresUrl: pg.url, now: "2026-11-13T01:05:00Z", env: { SENTINEL_SECRET: "s".repeat(40) } });
    const b = await createFixture({ postgresUrl: pg.url, now: "2026-11-13T01:05:00Z", env: { SENTINEL_SECRET: "s".repeat(40) } });
    try {
      await seedCounty(a);
      const sent: string[] = [];
      const send = async (m: OutgoingMessage) => void sent.push(`${m.chatId}|${m.text}`);
      await Promise.all([runDeadlineReminders(a.app.deps, send), runDeadlineReminders(b.app.deps, send), runDeadlineReminders(a.app.deps, send)]);
      expect(sent).toHaveLength(3); // T-3 to each of the three enterprises
      expect(new Set(sent).size).toBe(3);
    } finally {
      await a.close();
      await b.close();
      await pg.drop();
    }
  });
});

describe("reminders, the hard cases", () => {
  const shanghaiAt = (iso: string) => f.clock.set(new Date(iso).toISOString());

  test("a chat that keeps failing does not make the others hear a reminder twice; its claim is skipped when the window ends", async () => {
    await f.chat.as("钱主任").say("私聊提醒 开");
    const sent: string[] = [];
    const send = async (m: OutgoingMessage) => {
      if (m.chatId === "dm:钱主任") throw new Error("blocked by the user");
      sent.push(m.chatId);
    };
    for (const hhmm of ["09:05", "09:15", "09:25", "09:35", "09:45", "09:55", "10:05"]) {
      shanghaiAt(`2026-11-13T${hhmm}:00+08:00`);
      await runDeadlineReminders(f.app.deps, send);
    }
    expect(sent.filter((c) => c === "矿业群")).toHaveLength(1);
    expect(sent.filter((c) => c === "化工厂群")).toHaveLength(1);
    // When T-1 begins, the failed private claim is recorded as skipped and never sent.
    shanghaiAt("2026-11-17T09:05:00+08:00");
    const result = await runDeadlineReminders(f.app.deps, send);
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    const mine = (await f.app.store.transaction((repo) => repo.findUnitByName("南山矿业")))!;
    const key = `deadline:monthly:2026-11:${mine.id}:T-3|console:dm:钱主任`;
    const claims = await f.app.store.transaction((repo) => repo.deadlines.claims([key]));
    expect(claims.get(key)?.outcome).toBe("skipped");
  });

  test("a round's store work does not grow with the chats it reaches, and its sends go out together, not one after another", { timeout: 300_000 }, async () => {
    // Counts the round's transactions and statements: with 3 enterprises, then with 3 + 30 more (each with its own
    // group), the round reads, claims and marks in the same number of statements.
    const rounds: { transactions: number; sent: number; tables: number; maxInFlight: number }[] = [];
    const measure = async (day: string) => {
      const deps = { ...f.app.deps, store: { ...f.app.store, transaction: f.app.store.transaction } };
      let transactions = 0;
      deps.store.transaction = (fn) => {
        transactions++;
        return f.app.store.transaction(fn);
      };
      let inFlight = 0;
      let maxInFlight = 0;
      let sent = 0;
      let tables = 0;
      const send = async (m: OutgoingMessage) => {
        if (m.file) tables++;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        // A platform that paces its sends (Telegram's throttler): each takes a while to go out.
        await new Promise((r) => setTimeout(r, 200));
        inFlight--;
        sent++;
      };
      shanghaiAt(`${day}T09:05:00+08:00`);
      await runDeadlineReminders(deps, send);
      rounds.push({ transactions, sent, tables, maxInFlight });
    };
    const firstStep = (period: string) => ladder(f.app.deps.calendar, dueDate({ kind: "monthly", day: 18 }, period))[0]!.date;
    await measure(firstStep("2026-11"));
    for (let i = 1; i <= 30; i++) {
      await f.chat.as("admin").say(`新建单位 企业${i} 县应急管理局`);
      await f.chat.as("admin").in(`企业${i}群`).say(`绑定 企业${i}`);
    }
    await measure(firstStep("2026-12"));
    const [small, large] = rounds as [(typeof rounds)[0], (typeof rounds)[0]];
    expect(small.sent).toBeGreaterThanOrEqual(3);
    expect(large.sent).toBeGreaterThanOrEqual(small.sent + 30);
    // Each unit's table is built once, in its own short read (each group here is one unit's); everything else is the
    // same handful of statements however many chats the round reaches — but one: the new groups' November steps,
    // which passed unheard, are recorded as skipped (one batch, one statement).
    expect(large.tables).toBe(small.tables + 30);
    expect(large.transactions - large.tables).toBe(small.transactions - small.tables + 1);
    expect(large.maxInFlight).toBeGreaterThan(5);
  });

  test("a one-off added after its first step's day is not 'reminded late' for that step; 全部下级 reaches units further down", async () => {
    await f.chat.as("admin").say("新建单位 一车间 城关化工厂");
    await f.chat.as("admin").in("一车间群").say("绑定 一车间");
    shanghaiAt("2026-08-13T10:00:00+08:00"); // after T-3 (the 12th)
    const [added] = await f.chat.as("王局长").in("县局群").say("报送事项 2026-08-15 安全检查 全部下级");
    expect(added).toContain("4 个下级单位需报送");
    expect(added).not.toContain("提前三个工作日");
    const sent: OutgoingMessage[] = [];
    shanghaiAt("2026-08-13T10:05:00+08:00");
    await runDeadlineReminders(f.app.deps, async (m) => void sent.push(m));
    expect(sent.filter((m) => m.text.includes("安全检查"))).toEqual([]);
    shanghaiAt("2026-08-14T09:05:00+08:00");
    await runDeadlineReminders(f.app.deps, async (m) => void sent.push(m));
    const chats = sent.filter((m) => m.text.includes("安全检查")).map((m) => m.chatId).sort();
    expect(chats).toEqual(["一车间群", "化工厂群", "机械厂群", "矿业群"]);
    expect(sent.find((m) => m.chatId === "一车间群" && m.text.includes("安全检查"))!.text).toContain("还剩最后一个工作日");
  });

  test("recurring obligations name their receivers: a workshop under an enterprise owes nothing unless configured", async () => {
    await f.chat.as("admin").say("新建单位 一车间 城关化工厂");
    await f.chat.as("admin").in("一车间群").say("绑定 一车间");
    const sent: OutgoingMessage[] = [];
    f.app.deps.campaigns = f.app.deps.campaigns.map((c) => ({ ...c, obligations: c.obligations.map((o) => ({ ...o, receivers: ["县应急管理局"] })) }));
    shanghaiAt("2026-11-13T09:05:00+08:00");
    await runDeadlineReminders(f.app.deps, async (m) => void sent.push(m));
    expect(sent.map((m) => m.chatId).sort()).toEqual(["化工厂群", "机械厂群", "矿业群"]);
  });
});

describe("sheet names", () => {
  test("valid for Excel and WPS whatever the unit names", async () => {
    const { sheetName } = await import("../../src/reports/table.ts");
    const used = new Set<string>();
    expect(sheetName("Abc", used)).toBe("Abc");
    expect(sheetName("ABC", used)).toBe("ABC(2)");
    expect(sheetName("'引号'", used)).toBe("引号");
    expect(sheetName("a/b:c*d?[e]", used)).toBe("a_b_c_d__e_");
    const long = "很长的单位名称".repeat(10);
    const a = sheetName(long, used);
    const b = sheetName(long, used);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b.endsWith("(2)")).toBe(true);
  });
});
