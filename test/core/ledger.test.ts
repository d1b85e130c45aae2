import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import { createFixture, fileTip, freshPostgres, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { bulkHazards } from "../support/bulk.ts";
import { consolePhoto } from "../../src/platforms/console/chat.ts";
import { Prompts } from "../../src/core/i18n.ts";
import { ledgerColumns, ledgerRow, rowHeight, unitInfo, writeLedger, LEDGER_COLUMNS } from "../../src/reports/ledger.ts";
import { parseLedgerArgs, parseCommand } from "../../src/core/parse.ts";
import type { LedgerHazard, LedgerUnit, Store } from "../../src/store/index.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";
import { groupRoom, toIncoming } from "../../src/platforms/console/chat.ts";

const prompts = new Prompts();
const t = (id: string, args?: Record<string, string | number>) => prompts.t("zh-CN", id, args);
const HEADERS = ["编号", "单位", "行业", "来源渠道", "隐患描述", "地点", "等级", "发现日期", "整改措施", "责任人", "整改资金", "整改时限", "应急预案", "督办单位", "督办期限", "状态", "销号日期", "照片"];
const MAJOR_HEADERS = [...HEADERS.slice(0, 3), "主要负责人", ...HEADERS.slice(3)];

/** A hazard as the ledger reads it, every field set; tests change what they look at. */
function hazard(over: Partial<LedgerHazard> = {}): LedgerHazard {
  return {
    id: 12, year: 2026, unitId: 9, source: "REPORT", description: "储罐区安全阀被拆除", location: "二号罐区", level: "MAJOR", status: "RECTIFYING",
    reportedAt: new Date("2026-11-09T17:30:00Z"), measures: "加装安全阀", responsible: "李主任", funds: "2万元", deadline: "2026-12-15",
    contingency: "设置警戒区", fixedOnSpot: false, supervised: true, supervisedBy: "县应急管理局", supervisedDeadline: "2026-12-31",
    closedAt: null, photos: 2, ...over,
  };
}

// /1/ county (regulator) ─ /1/4/ enterprise (industry, principals) ─ /1/4/9/ workshop (no industry of its own)
const UNITS: LedgerUnit[] = [
  { id: 1, name: "县应急管理局", kind: "REGULATOR", path: "/1/", industry: null, principals: [] },
  { id: 4, name: "城关化工厂", kind: "ENTERPRISE", path: "/1/4/", industry: "危险化学品", principals: ["周厂长", "吴总"] },
  { id: 9, name: "一车间", kind: "DEPARTMENT", path: "/1/4/9/", industry: null, principals: [] },
];

describe("a ledger row, column by column", () => {
  const info = unitInfo(UNITS, "、");
  const row = (h: LedgerHazard, major = false) => {
    const cols = ledgerColumns(major);
    return Object.fromEntries(ledgerRow(h, info.get(h.unitId), cols, t).map((v, i) => [cols[i]!, v]));
  };

  test("the headers: every column, 主要负责人 only in the major view", () => {
    expect(ledgerColumns(false).map((c) => t(`ledger-col-${c}`))).toEqual(HEADERS);
    expect(ledgerColumns(true).map((c) => t(`ledger-col-${c}`))).toEqual(MAJOR_HEADERS);
    expect(ledgerColumns(true)).toEqual([...LEDGER_COLUMNS]);
  });

  test("each column of a supervised major hazard in rectification", () => {
    expect(row(hazard(), true)).toEqual({
      number: "YH-2026-000012",
      unit: "一车间",
      industry: "危险化学品", // the enterprise's, shared by its workshop
      principal: "周厂长、吴总", // the enterprise's 主要负责人, names only
      channel: "随手拍",
      description: "储罐区安全阀被拆除",
      location: "二号罐区",
      level: "重大事故隐患",
      found: "2026-11-10", // the Shanghai day: 01:30 on the 10th
      measures: "加装安全阀",
      responsible: "李主任",
      funds: "2万元",
      deadline: "2026-12-15",
      contingency: "设置警戒区",
      supervisedBy: "县应急管理局",
      supervisedDeadline: "2026-12-31",
      status: "整改中",
      closedOn: "",
      photos: 2,
    });
  });

  test.each([
    ["REPORT", "随手拍"],
    ["SELF", "自查"],
    ["INSPECTION", "检查"],
    ["TIP", "举报"],
  ] as const)("channel %s is %s", (source, label) => {
    expect(row(hazard({ source })).channel).toBe(label);
  });

  test("an unconfirmed report, one closed on the spot, one whose listing was removed", () => {
    const fresh = row(hazard({ level: null, status: "REPORTED", measures: null, responsible: null, funds: null, deadline: null, contingency: null, supervised: false, supervisedBy: null, supervisedDeadline: null, location: null, photos: 0 }));
    expect(fresh).toMatchObject({ level: "未定级", status: "待核实", measures: "", responsible: "", location: "", supervisedBy: "", photos: 0 });
    const fixed = row(hazard({ level: "GENERAL", status: "CLOSED", fixedOnSpot: true, measures: null, supervised: false, closedAt: new Date("2026-11-10T03:00:00Z") }));
    expect(fixed).toMatchObject({ level: "一般隐患", status: "已销号", measures: "即查即改（当场整改）", closedOn: "2026-11-10" });
    // 摘牌 keeps the authority's name on record, but the hazard is no longer listed: the ledger shows no 督办.
    expect(row(hazard({ supervised: false }))).toMatchObject({ supervisedBy: "", supervisedDeadline: "" });
  });

  test("a unit with no industry anywhere above, and a regulator's own unit, name no principal", () => {
    const bare = unitInfo([{ id: 2, name: "南山矿业", kind: "ENTERPRISE", path: "/2/", industry: null, principals: [] }, UNITS[0]!], "、");
    expect(bare.get(2)).toEqual({ name: "南山矿业", industry: "", principals: "" });
    expect(bare.get(1)).toEqual({ name: "县应急管理局", industry: "", principals: "" });
  });

  test("rows are as tall as their wrapped text (spreadsheets do not refit them on opening), at most Excel's 409 points", () => {
    const cols = ledgerColumns(false);
    const cells = (description: string) => ledgerRow(hazard({ description }), info.get(9), cols, t);
    expect(rowHeight(cells("短"), cols)).toBe(30); // 重大事故隐患 takes two lines of its column
    expect(rowHeight(cells("配电箱门未关".repeat(10)), cols)).toBe(15 * 5);
    expect(rowHeight(cells("第一行\n第二行\n第三行"), cols)).toBe(45);
    expect(rowHeight(cells("很长".repeat(1000)), cols)).toBe(405);
  });

  test("arguments: 重大 or 全部 and a period, in any order; anything else is a usage error", () => {
    const today = "2026-11-10";
    expect(parseLedgerArgs("", today)).toEqual({ majorOnly: false, period: null });
    expect(parseLedgerArgs("全部", today)).toEqual({ majorOnly: false, period: null });
    expect(parseLedgerArgs("重大 2026", today)).toEqual({ majorOnly: true, period: { from: "2026-01-01", to: "2026-12-31", label: "2026" } });
    expect(parseLedgerArgs("10月 major", today)).toMatchObject({ majorOnly: true, period: { label: "2026-10" } });
    expect(parseLedgerArgs("2026-01-01 ~ 2026-06-30", today)).toMatchObject({ period: { from: "2026-01-01", to: "2026-06-30" } });
    expect(parseLedgerArgs("一般", today)).toBeNull();
    expect(parseLedgerArgs("明天", today)).toBeNull();
    expect(parseCommand("导出台账 重大")).toEqual({ name: "ledger", args: "重大" });
    expect(parseCommand("/ledger major 2026")).toEqual({ name: "ledger", args: "major 2026" });
    expect(parseCommand("/export ledger")).toEqual({ name: "ledger", args: "" });
    expect(parseCommand("导出 台账")).toEqual({ name: "export", args: "台账" }); // handed on to the ledger
  });
});

async function readBook(data: Uint8Array): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(data) as never);
  return book.worksheets[0]!;
}

// `Row.values` is sparse (index 1 is column A; an empty cell is a hole).
const values = (ws: ExcelJS.Worksheet, r: number) => Array.from((ws.getRow(r).values as unknown[]).slice(1), (v) => v ?? "");

describe("导出台账 through the bot", () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
    await seedTree(f);
    const admin = f.chat.as("admin");
    await admin.say("新建单位 一车间 城关化工厂");
    await admin.in("一车间群").say("绑定 一车间");
    await f.chat.as("周厂长").in("车间群").say("我的身份");
    await admin.in("车间群").say("授权 主要负责人 周厂长");
    await admin.say("单位行业 城关化工厂 危险化学品");
  });
  afterEach(() => f.close());

  test("every channel, the 五到位 plan, 督办 and close-out, read back from the .xlsx; 重大 adds the principal", async () => {
    const li = f.chat.as("李主任").in("车间群");
    const wang = f.chat.as("王局长");
    const worker = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 储罐区安全阀被拆除 地点：二号罐区", { photos: ["a.jpg", "b.jpg"] }));
    await li.say(`确认 ${worker} 重大`);
    await li.say(`整改方案 ${worker} 责任人:李主任 措施:加装安全阀 资金:2万元 期限:2026-12-15 预案:设置警戒区`);
    await wang.in("县局群").say(`挂牌督办 ${worker} 县应急管理局 2026-12-31`);
    const self = numberIn(await li.say("报隐患 消防通道堆放货物"));
    await li.say(`确认 ${self} 一般`);
    await li.say(`整改方案 ${self} 责任人:仓库主管 措施:清理通道 资金:500元 期限:2026-11-20 预案:临时疏散路线`);
    await li.say(`已整改 ${self}`, { photos: [consolePhoto(1)] });
    await li.say(`销号 ${self} 验收合格`);
    const inspection = numberIn(await wang.in("车间群").say("报隐患 检查发现：有限空间作业无人监护"));
    await li.say(`确认 ${inspection} 重大`);
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    const { number: tip } = await fileTip(f, "举报人");
    await wang.say(`举报核查 ${tip} 属实`);
    const fromTip = numberIn(await wang.say(`举报转隐患 ${tip} 城关化工厂 三号仓库液氨无泄漏报警`));
    const workshop = numberIn(await f.chat.as("张三").in("一车间群").say("报隐患 叉车超速"));
    await li.say(`确认 ${workshop} 重大`);
    // Not hazards: withdrawn, rejected as untrue. Not in the ledger either.
    const withdrawn = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 报错了"));
    await f.chat.as("张三").in("车间群").say(`撤回 ${withdrawn}`);
    const rejected = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 随便说的"));
    await li.say(`驳回 ${rejected} 不属实`);

    const out = await wang.in("县局群").send("导出台账");
    expect(out.map((o) => o.text)).toEqual([
      "正在生成“县应急管理局”隐患台账（全部期间），完成后发送。",
      "“县应急管理局”隐患台账（全部期间）：共 5 条。",
    ]);
    expect(out[1]!.file).toMatchObject({ kind: "document", filename: "隐患台账-县应急管理局-全部期间.xlsx" });
    const ws = await readBook(out[1]!.file!.data!);
    expect(ws.name).toBe("隐患台账");
    expect(ws.getCell("A1").value).toBe("县应急管理局 隐患台账（全部期间）");
    expect(values(ws, 2)).toEqual(HEADERS);
    expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, printTitlesRow: "2:2" });
    expect(ws.getColumn(5).width).toBeGreaterThan(ws.getColumn(1).width!);
    expect(ws.getRow(3).getCell(5).alignment?.wrapText).toBe(true);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.rowCount).toBe(7);
    const rows = [3, 4, 5, 6, 7].map((r) => values(ws, r));
    expect(rows.map((r) => r[0])).toEqual([worker, self, inspection, fromTip, workshop]);
    expect(rows.map((r) => r[3])).toEqual(["随手拍", "自查", "检查", "举报", "随手拍"]);
    expect(rows.map((r) => r[1])).toEqual(["城关化工厂", "城关化工厂", "城关化工厂", "城关化工厂", "一车间"]);
    expect(rows.map((r) => r[2])).toEqual(Array(5).fill("危险化学品"));
    expect(rows[0]).toEqual([
      worker, "城关化工厂", "危险化学品", "随手拍", "储罐区安全阀被拆除", "二号罐区", "重大事故隐患", "2026-11-10",
      "加装安全阀", "李主任", "2万元", "2026-12-15", "设置警戒区", "县应急管理局", "2026-12-31", "整改中", "", 2,
    ]);
    expect(rows[1]!.slice(6)).toEqual(["一般隐患", "2026-11-10", "清理通道", "仓库主管", "500元", "2026-11-20", "临时疏散路线", "", "", "已销号", "2026-11-10", 1]); // 照片: the fixed state's
    // The regulator assigned the tip's hazard at the level the tip's kind implies, already confirmed.
    expect(rows[3]!.slice(4, 7)).toEqual(["三号仓库液氨无泄漏报警", "", "重大事故隐患"]);
    expect(rows[3]![15]).toBe("已确认");
    // Nobody's name but the plan's people: not the reporter of any row, not the tip's handler, not the tipster.
    const text = rows.flat().join("|");
    for (const name of ["张三", "王局长", "举报人"]) expect(text).not.toContain(name);

    const [, majorOut] = await wang.in("县局群").send("导出台账 重大");
    expect(majorOut!.text).toBe("“县应急管理局”重大事故隐患台账（全部期间）：共 4 条。");
    const major = await readBook(majorOut!.file!.data!);
    expect(major.name).toBe("重大事故隐患台账");
    expect(values(major, 2)).toEqual(MAJOR_HEADERS);
    expect([3, 4, 5, 6].map((r) => [values(major, r)[0], values(major, r)[3]])).toEqual([
      [worker, "周厂长"],
      [inspection, "周厂长"],
      [fromTip, "周厂长"],
      [workshop, "周厂长"], // the workshop's enterprise's principal
    ]);

    // The enterprise's own official: its subtree, the workshop included.
    const [, own] = await li.send("导出 台账 2026");
    expect(own!.text).toBe("“城关化工厂”隐患台账（2026）：共 5 条。");
  });

  test("单位行业: set by the unit's admin, shown in 单位列表, shared by the units below, cleared with 无", async () => {
    const admin = f.chat.as("admin");
    expect(await f.chat.as("李主任").say("单位行业 城关化工厂 工贸")).toEqual([expect.stringContaining("管理员权限")]);
    expect(await admin.say("单位行业 城关化工厂")).toEqual([expect.stringContaining("用法：单位行业")]);
    expect(await admin.say("单位行业 城关化工厂 危险化学品生产经营储存运输使用处置及废弃物回收")).toEqual([expect.stringContaining("20")]);
    expect((await admin.say("单位列表"))[0]).toContain("城关化工厂（企业、危险化学品）");
    await f.chat.as("张三").in("一车间群").say("报隐患 叉车超速");
    const industryOf = async () => values(await readBook((await f.chat.as("王局长").in("县局群").send("导出台账"))[1]!.file!.data!), 3)[2];
    expect(await industryOf()).toBe("危险化学品");
    expect(await admin.say("单位行业 一车间 仓储")).toEqual(["“一车间”的行业已设为“仓储”（隐患台账的“行业”一栏）。"]);
    expect(await industryOf()).toBe("仓储");
    expect(await admin.say("单位行业 一车间 无")).toEqual(["已清除“一车间”的行业。"]);
    expect(await industryOf()).toBe("危险化学品");
  });

  test("refusals and an empty period", async () => {
    await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关");
    expect(await f.chat.as("张三").in("车间群").say("导出台账")).toEqual([expect.stringContaining("安全管理员")]);
    expect(await f.chat.as("李主任").in("车间群").say("导出台账 明年")).toEqual([expect.stringContaining("用法：导出台账")]);
    expect(await f.chat.as("李主任").in("车间群").say("导出台账 2025")).toEqual([
      expect.stringContaining("正在生成"),
      "“城关化工厂”隐患台账（2025）：没有符合条件的隐患。",
    ]);
    // Privately, an official gets every unit they hold.
    expect((await f.chat.as("王局长").say("导出台账 11月"))[1]).toBe("“县应急管理局”隐患台账（2026-11）：共 1 条。");
  });

  test("the export runs after the message's transaction, outside any: another message is handled while it reads", async () => {
    const store = f.app.store;
    const original = store.transaction.bind(store);
    const events: string[] = [];
    let open = 0;
    let exporting = false;
    let interleaved = false;
    // Every transaction of the bot, counted; the first one the export opens lets another person's report through first.
    (store as { transaction: Store["transaction"] }).transaction = async (fn) => {
      if (exporting && !interleaved) {
        interleaved = true;
        const other = await f.app.bot.handle(toIncoming("张三", groupRoom("车间群"), "报隐患 楼梯扶手断裂"));
        events.push(`other report filed: ${other[0]?.text.includes("已登记隐患")}`);
      }
      open++;
      events.push(`begin ${open}`);
      try {
        return await original(fn);
      } finally {
        events.push(`end ${open}`);
        open--;
      }
    };
    await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关");
    events.length = 0;
    const delivered: OutgoingMessage[] = [];
    const returned = await f.app.bot.handle(toIncoming("李主任", groupRoom("车间群"), "导出台账"), async (out) => {
      // The acknowledgement comes when the message's transaction is over; the file when no transaction is open.
      events.push(`deliver ${out.map((o) => (o.file ? "file" : "text")).join(",")} with ${open} open`);
      if (out.some((o) => o.file)) expect(existsSync(out.find((o) => o.file)!.file!.path!)).toBe(true);
      delivered.push(...out);
      exporting = true;
    });
    (store as { transaction: Store["transaction"] }).transaction = original;
    expect(returned).toEqual([]);
    expect(events[0]).toBe("begin 1"); // the message's own
    expect(events[1]).toBe("end 1");
    expect(events[2]).toBe("deliver text with 0 open");
    // The export's reads: never nested in another, and a whole report of another person between them.
    expect(events.filter((e) => e.startsWith("begin")).every((e) => e === "begin 1")).toBe(true);
    expect(events).toContain("other report filed: true");
    expect(events.at(-1)).toBe("deliver file with 0 open");
    expect(delivered.map((o) => o.text)).toEqual([expect.stringContaining("正在生成"), "“城关化工厂”隐患台账（全部期间）：共 2 条。"]);
    // The temporary file is gone once sent.
    expect(existsSync(delivered[1]!.file!.path!)).toBe(false);
  });

  test("a failure is logged and the official told to try again", async () => {
    const store = f.app.store;
    const original = store.transaction.bind(store);
    let acknowledged = false;
    (store as { transaction: Store["transaction"] }).transaction = async (fn) => {
      if (acknowledged) throw new Error("connection lost");
      return original(fn);
    };
    const texts: string[] = [];
    await f.app.bot.handle(toIncoming("李主任", groupRoom("车间群"), "导出台账"), async (out) => {
      texts.push(...out.map((o) => o.text));
      acknowledged = true;
    });
    (store as { transaction: Store["transaction"] }).transaction = original;
    expect(texts).toEqual([expect.stringContaining("正在生成"), "台账导出失败，请稍后重试。"]);
  });
});

describe("paging", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test("a few thousand hazards in pages of 250: every row read back exactly once, in number order", async () => {
    const f = await createFixture();
    try {
      await seedTree(f);
      const units = await f.app.store.transaction((repo) => repo.listUnits());
      const admin = await f.app.store.transaction((repo) => repo.findUserById("console", "admin"));
      const N = 3000;
      await bulkHazards(f.app.store, { count: N, unitIds: units.map((u) => u.id), reporterId: admin!.id });
      // A report filed through the bot afterwards takes the next number: the ledger has N + 1 rows.
      const last = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
      const dir = mkdtempSync(path.join(tmpdir(), "sentinel-ledger-test-"));
      dirs.push(dir);
      const file = path.join(dir, "ledger.xlsx");
      const root = units.find((u) => u.parentId === null)!;
      const { rows, pages } = await writeLedger({ store: f.app.store, paths: [root.path], majorOnly: false, period: null, t, title: "台账", file, pageSize: 250 });
      expect(rows).toBe(N + 1);
      expect(pages).toBe(Math.ceil((N + 1) / 250));

      // Read back with the streaming reader, as a large file would be.
      const seen = new Set<string>();
      let dataRows = 0;
      let header: unknown[] = [];
      const channels = new Set<unknown>();
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore" });
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          const v = (row.values as unknown[]).slice(1);
          if (row.number === 2) header = v;
          if (row.number <= 2) continue;
          dataRows++;
          seen.add(String(v[0]));
          channels.add(v[3]);
        }
      }
      expect(header).toEqual(HEADERS);
      expect(dataRows).toBe(N + 1);
      expect(seen.size).toBe(N + 1);
      expect([...seen].sort()).toEqual(Array.from({ length: N + 1 }, (_, i) => `YH-2026-${String(i + 1).padStart(6, "0")}`));
      expect(seen.has(last)).toBe(true);
      expect([...channels].sort()).toEqual(["举报", "检查", "自查", "随手拍"]);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    } finally {
      await f.close();
    }
  });
});

const pg = await freshPostgres();
describe("on PostgreSQL", () => {
  test.runIf(pg)("the same ledger from a server (its time zone far from Shanghai)", async () => {
    const f = await createFixture({ postgresUrl: pg!.url });
    try {
      await seedTree(f);
      const a = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关", { photos: ["p.jpg"] }));
      const b = numberIn(await f.chat.as("李主任").in("车间群").say("报隐患 消防通道堆放货物"));
      await f.chat.as("李主任").in("车间群").say(`确认 ${b} 重大`);
      const out = await f.chat.as("王局长").in("县局群").send("导出台账 2026-11");
      expect(out[1]!.text).toBe("“县应急管理局”隐患台账（2026-11）：共 2 条。");
      const ws = await readBook(out[1]!.file!.data!);
      expect([3, 4].map((r) => [values(ws, r)[0], values(ws, r)[3], values(ws, r)[7], values(ws, r)[17]])).toEqual([
        [a, "随手拍", "2026-11-10", 1],
        [b, "自查", "2026-11-10", 0],
      ]);
      const [, major] = await f.chat.as("王局长").in("县局群").send("导出台账 重大");
      expect(major!.text).toContain("共 1 条");
    } finally {
      await f.close();
      await pg!.drop();
    }
  });
});
