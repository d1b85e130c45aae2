import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import { ConsoleProcess } from "./process.ts";
import { consolePhoto } from "../../../src/platforms/console/chat.ts";
import { loadHolidayCalendar } from "../../../src/core/holidays.ts";
import { yearsToAskFor } from "../../../src/domain/calendar.ts";
import { shanghaiDate } from "../../../src/domain/dates.ts";
import { tempDirs } from "../../helpers.ts";
import { freePort } from "../../support/telegram-emulator.ts";

const freshDir = tempDirs("sentinel-e2e-");

describe("a newcomer on the console, following the README", () => {
  test("claims admin, sets up a unit, and takes a hazard from report to close-out while /stats changes", async () => {
    const dataDir = freshDir();
    const bot = new ConsoleProcess({ DATA_DIR: dataDir });
    const banner = await bot.waitFor(/admin> $/m);
    const code = /认领管理员 ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(banner)?.[1];
    expect(code, banner).toBeDefined();

    expect(await bot.ask("认领管理员 WRONG-CODE1", /admin> $/m)).toContain("代码不对");
    expect(await bot.ask(`认领管理员 ${code!.toLowerCase()}`, /admin> $/m)).toContain("您已成为管理员");
    expect(await bot.ask("新建单位 城关化工厂", /admin> $/m)).toContain("已新建单位“城关化工厂”");
    await bot.ask("/as admin@车间群", /admin@车间群> $/m);
    expect(await bot.ask("绑定 城关化工厂", /admin@车间群> $/m)).toContain("本群已绑定到“城关化工厂”");

    await bot.ask("/as 李主任@车间群", /李主任@车间群> $/m);
    await bot.ask("我的身份", /李主任@车间群> $/m);
    await bot.ask("/as admin@车间群", /admin@车间群> $/m);
    expect(await bot.ask("授权 安全管理员 李主任", /admin@车间群> $/m)).toContain("安全管理员权限");

    await bot.ask("/as 张三@车间群", /张三@车间群> $/m);
    const filed = await bot.ask("报隐患 二号车间配电箱门未关，电线裸露", /张三@车间群> $/m);
    const n = /YH-\d{4}-\d{6}/.exec(filed)?.[0];
    expect(n, filed).toBeDefined();

    await bot.ask("/as 李主任@车间群", /李主任@车间群> $/m);
    const before = await bot.ask("统计", /李主任@车间群> $/m);
    expect(before).toContain("待核实 1");
    expect(before).toContain("合计：排查 0，整改 0，整改率 —");
    expect(await bot.ask(`确认 ${n} 一般`, /李主任@车间群> $/m)).toContain("一般隐患");
    expect(await bot.ask(`整改方案 ${n} 责任人:李主任 措施:关门上锁 资金:500元 期限:2099-12-31 预案:断电挂牌`, /李主任@车间群> $/m)).toContain("进入整改");
    expect(await bot.ask(`已整改 ${n}`, /李主任@车间群> $/m)).toContain("待验收");
    expect(await bot.ask(`销号 ${n}`, /李主任@车间群> $/m)).toContain("已验收销号");
    const after = await bot.ask("统计", /李主任@车间群> $/m);
    expect(after).toContain("一般隐患：排查 1，整改 1，整改率 100%");
    expect(after).toContain("待核实 0");

    await bot.ask("/as 张三@车间群", /张三@车间群> $/m);
    expect(await bot.ask(`查询 ${n}`, /张三@车间群> $/m)).toContain("已销号");

    bot.say("/quit");
    expect(await bot.exited).toBe(0);
    // The log is structured and never carries message text.
    const log = readFileSync(path.join(dataDir, "sentinel.log"), "utf8");
    expect(log).toContain('"module":"bot"');
    expect(log).not.toContain("配电箱");
  });

  test("SENTINEL_OPS_PORT serves /healthz and /metrics (counting what it answered) on the loopback; SENTINEL_HTTP_PORT only the web ledger", async () => {
    const [port, opsPort] = [await freePort(), await freePort()];
    const bot = new ConsoleProcess({ DATA_DIR: freshDir(), SENTINEL_ADMINS: "console:admin", SENTINEL_HTTP_PORT: String(port), SENTINEL_OPS_PORT: String(opsPort) });
    await bot.waitFor(/admin> $/m);
    expect(await bot.ask("新建单位 城关化工厂", /admin> $/m)).toContain("已新建单位“城关化工厂”");
    const ops = `http://127.0.0.1:${opsPort}`;
    const health = await fetch(`${ops}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, store: true, platforms: { console: true } });
    const metrics = await (await fetch(`${ops}/metrics`)).text();
    expect(metrics).toMatch(/^sentinel_updates_total\{platform="console"\} 1$/m);
    expect(metrics).toContain("sentinel_process_resident_memory_bytes");
    expect(metrics).toMatch(/^sentinel_hazards_open 0$/m);
    // The web ledger's port: the ledger (asking for a sign-in link, not an error), and none of the operator's paths.
    const base = `http://127.0.0.1:${port}`;
    const web = await fetch(`${base}/web`);
    expect(web.status).toBeLessThan(500);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(404);
    bot.say("/quit");
    expect(await bot.exited).toBe(0);
  });

  test("a wrong setting stops start-up with a message naming it", async () => {
    const bot = new ConsoleProcess({ DATA_DIR: freshDir(), SENTINEL_LANG: "fr" });
    expect(await bot.exited).toBe(2);
    expect(bot.all).toContain("SENTINEL_LANG");
  });
});

describe("nothing a reply confirmed is lost", () => {
  test("SIGKILL right after a reply: the hazard and a half-finished dialog are there after restart", async () => {
    const dataDir = freshDir();
    const env = { DATA_DIR: dataDir, SENTINEL_ADMINS: "console:admin" };
    const first = new ConsoleProcess(env);
    await first.waitFor(/admin> $/m);
    await first.ask("新建单位 城关化工厂", /admin> $/m);
    await first.ask("/as admin@车间群", /admin@车间群> $/m);
    await first.ask("绑定 城关化工厂", /admin@车间群> $/m);
    await first.ask("/as 张三@车间群", /张三@车间群> $/m);
    const filed = await first.ask("报隐患 储罐区安全阀被拆除", /张三@车间群> $/m);
    const n = /YH-\d{4}-\d{6}/.exec(filed)![0];
    await first.ask("报隐患", /看到了什么[^\n]*\n张三@车间群> $/m);
    expect(await first.ask("三楼消防通道堆满纸箱", /张三@车间群> $/m)).toContain("什么地方");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = new ConsoleProcess(env);
    await second.waitFor(/admin> $/m);
    await second.ask("/as 张三@车间群", /张三@车间群> $/m);
    expect(await second.ask(`查询 ${n}`, /张三@车间群> $/m)).toContain("储罐区安全阀被拆除");
    // The dialog resumes where it stopped: the next answer is the place.
    expect(await second.ask("三楼东侧", /张三@车间群> $/m)).toContain("照片");
    const done = await second.ask("完成", /张三@车间群> $/m);
    expect(done).toContain("已登记隐患");
    expect(done).toContain("安全出口、疏散通道");
    // Numbers run on without a gap across the kill (a sequence would have jumped by its logged-ahead 32).
    expect(done).toContain(n.replace(/\d{6}$/, (d) => String(Number(d) + 1).padStart(6, "0")));
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  test("a second process on the same embedded database is refused, not allowed to corrupt it", async () => {
    const dataDir = freshDir();
    const first = new ConsoleProcess({ DATA_DIR: dataDir, SENTINEL_ADMINS: "console:admin" });
    await first.waitFor(/admin> $/m);
    const second = new ConsoleProcess({ DATA_DIR: dataDir, SENTINEL_ADMINS: "console:admin" });
    expect(await second.exited).toBe(3);
    expect(second.all).toContain("DATABASE_URL");
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
  });
});

describe("a tip on the console, across a restart", () => {
  test("the code opens the tip after a SIGKILL mid-dialog and a restart; a process with another secret is refused", async () => {
    const dataDir = freshDir();
    const env = { DATA_DIR: dataDir, SENTINEL_ADMINS: "console:admin" };
    const first = new ConsoleProcess(env);
    await first.waitFor(/admin> $/m);
    await first.ask("新建单位 县应急管理局", /admin> $/m);
    await first.ask("/as admin@县局群", /admin@县局群> $/m);
    await first.ask("绑定 县应急管理局", /admin@县局群> $/m);
    await first.ask("/as 王局长@县局群", /王局长@县局群> $/m);
    await first.ask("我的身份", /王局长@县局群> $/m);
    await first.ask("/as admin@县局群", /admin@县局群> $/m);
    await first.ask("授权 举报处理人 王局长", /admin@县局群> $/m);
    await first.ask("/as 小王", /小王> $/m);
    await first.ask("举报", /回复数字[\s\S]*小王> $/m);
    await first.ask("1", /哪家企业[^\n]*\n小王> $/m);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = new ConsoleProcess(env);
    await second.waitFor(/admin> $/m);
    await second.ask("/as 小王", /小王> $/m);
    // The sealed dialog survived: the next answer is the enterprise.
    expect(await second.ask("某化工厂 北门", /小王> $/m)).toContain("看到了什么");
    await second.ask("夜里无证生产", /小王> $/m);
    await second.ask("跳过", /小王> $/m);
    const filed = await second.ask("匿名", /小王> $/m);
    const code = /\d{4}(?: \d{4}){6}/.exec(filed)![0];
    await second.ask("已保存", /小王> $/m);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const third = new ConsoleProcess(env);
    await third.waitFor(/admin> $/m);
    await third.ask("/as 另一部手机", /另一部手机> $/m);
    expect(await third.ask(`举报查询 ${code}`, /另一部手机> $/m)).toMatch(/JB-\d{4}-000001/);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);

    const wrong = new ConsoleProcess({ ...env, SENTINEL_SECRET: "x".repeat(40) });
    expect(await wrong.exited).toBe(2);
    expect(wrong.all).toContain("SENTINEL_SECRET");
  });
});

describe("files on the console", () => {
  test("an exported table is saved to DATA_DIR/outbox and its path printed; a file with a caption is a submission", async () => {
    const dataDir = freshDir();
    const p = new ConsoleProcess({ DATA_DIR: dataDir, SENTINEL_ADMINS: "console:admin" });
    await p.waitFor(/admin> $/m);
    await p.ask("新建单位 县应急管理局", /admin> $/m);
    await p.ask("新建单位 城关化工厂 县应急管理局", /admin> $/m);
    await p.ask("/as admin@车间群", /admin@车间群> $/m);
    await p.ask("绑定 城关化工厂", /admin@车间群> $/m);
    // A file is a real one on disk, named by its path (a real workbook: the bot looks at the bytes).
    const report = path.join(dataDir, "月报.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("月报").addRow(["单位", "排查隐患"]);
    writeFileSync(report, Buffer.from(await book.xlsx.writeBuffer()));
    expect(await p.ask(`/file ${report} 本月月报`, /admin@车间群> $/m)).toContain("已报送给“县应急管理局”");
    const out = await p.ask("导出统计表", /admin@车间群> $/m);
    const saved = /📎 (\S+\.xlsx)/.exec(out)![1]!;
    expect(saved.startsWith(path.join(dataDir, "outbox"))).toBe(true);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK"); // a zip: the .xlsx container
    // The ledger is written after the message's commit to a temporary file, which the console copies to the outbox.
    await p.ask("报隐患 配电箱门未关", /admin@车间群> $/m);
    const ledger = await p.ask("导出台账", /admin@车间群> $/m);
    expect(ledger).toMatch(/正在生成“城关化工厂”隐患台账[\s\S]*共 1 条/);
    const ledgerFile = /📎 (\S+台账\S*\.xlsx)/.exec(ledger)![1]!;
    expect(ledgerFile.startsWith(path.join(dataDir, "outbox"))).toBe(true);
    expect(readFileSync(ledgerFile).subarray(0, 2).toString()).toBe("PK");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    // A year the holiday calendar lacks is logged at start once it matters (this year, or the next from 1 December).
    const missing = yearsToAskFor(loadHolidayCalendar(), shanghaiDate(new Date()));
    const logged = /holiday calendar does not know these years/.test(readFileSync(path.join(dataDir, "sentinel.log"), "utf8"));
    expect(logged).toBe(missing.length > 0);
  });
});

describe("photos on the console", () => {
  test("a local photo sent with a report is kept: asked for, the bot sends back the same bytes, saved to the outbox", async () => {
    const dataDir = freshDir();
    const p = new ConsoleProcess({ DATA_DIR: dataDir, SENTINEL_ADMINS: "console:admin" });
    await p.waitFor(/admin> $/m);
    await p.ask("新建单位 城关化工厂", /admin> $/m);
    await p.ask("/as admin@车间群", /admin@车间群> $/m);
    await p.ask("绑定 城关化工厂", /admin@车间群> $/m);
    const photo = path.join(dataDir, "配电箱.png");
    writeFileSync(photo, consolePhoto(42));
    const filed = await p.ask(`/photo ${photo} 报隐患 配电箱门未关`, /admin@车间群> $/m);
    const n = /YH-\d{4}-\d{6}/.exec(filed)?.[0];
    expect(n, filed).toBeDefined();
    expect(filed).toContain("照片 1 张");
    // One the console draws is a photo the bot takes too.
    expect(await p.ask("/photo 报隐患 安全出口堵塞", /admin@车间群> $/m)).toContain("照片 1 张");
    const back = await p.ask(`照片 ${n}`, /admin@车间群> $/m);
    const saved = /📷 (.+)$/m.exec(back)?.[1];
    expect(saved, back).toBeDefined();
    expect(saved!.startsWith(path.join(dataDir, "outbox"))).toBe(true);
    expect(readFileSync(saved!).equals(readFileSync(photo))).toBe(true);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });
});
