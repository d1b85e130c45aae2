import { afterEach, describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import { createFixture, fileTip, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { runDeadlineReminders } from "../../src/reminders/deadlines.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";
import { consolePhoto, groupRoom, toIncoming } from "../../src/platforms/console/chat.ts";

/**
 * The expected layouts are written from the notices, not from the code: seed 000's attachment
 * (《安全生产专项整治三年行动统计表》, end of ../shared/seeds/000_799fb934becf1a57.txt) read row by row into the
 * 序号 | 情况分类 | 主要内容 frame, columns A (序号), B (情况分类), C–I (主要内容).
 */
const SEED_000_TEXT: [string, string][] = [
  ["A1:I1", "安全生产专项整治三年行动统计表"],
  ["A2:B2", "填报单位:"],
  ["A3:B3", "填报时间:"],
  ["A4", "序号"],
  ["B4", "情况分类"],
  ["C4:I4", "主要内容"],
  ["A5:A6", "1"],
  ["B5:B6", "学习宣贯习近平总书记关于安全生产重要论述情况"],
  ["C5:F5", "县市(园区)、各部门党委(党组)组织学习习近平总书记关于安全生产重要论述专题学习次数。"],
  ["G5:I5", "县市(园区)在主流媒体在专题专栏刊登重点报道数量;各部门在门户网站专题专栏推出重点报道数量。"],
  ["A7:A9", "2"],
  ["B7:B9", "安全生产排查治理隐患情况"],
  ["C7:E7", "一般隐患"],
  ["F7:I7", "重大隐患"],
  ["C8", "排查(项)"],
  ["D8", "已治理(项)"],
  ["E8", "整改率(%)"],
  ["F8", "排查(项)"],
  ["G8", "已治理(项)"],
  ["H8", "整改率(%)"],
  ["I8", "挂牌督办(项)"],
  ["A10:A12", "3"],
  ["B10:B12", "执法处罚情况"],
  ["C10:C11", "打击严重违法违规行为(起)"],
  ["D10:D11", "关闭取缔(家)"],
  ["E10:E11", "停产整顿(家)"],
  ["F10:F11", "处罚罚款(万元)"],
  ["G10:G11", "联合惩戒失信企业(家)"],
  ["H10:I10", "问责曝光工作不力的单位和个人"],
  ["H11", "单位(家)"],
  ["I11", "人员(人)"],
  ["A13:A14", "4"],
  ["B13:B14", "安全风险辨识及管控情况"],
  ["C13:F13", "重大安全风险辨识评估数量"],
  ["G13:I13", "有效管控数量"],
  ["A15:A20", "5"],
  ["B15:B20", "存在的主要问题及整改情况"],
  ["C15:D15", "主要问题"],
  ["E15:F15", "具体表现"],
  ["G15:I15", "对应整改措施及整改完成情况"],
  ["C16:D16", "安全发展理念方面"],
  ["C17:D17", "完善和落实安全生产责任方面"],
  ["C18:D18", "建立公共安全隐患排查和安全预防控制体系方面"],
  ["C19:D19", "加强安全生产基础建设方面"],
  ["C20:D20", "其他方面"],
  ["A22:B22", "联系人:"],
  ["E22", "联系方式:"],
  [
    "A23:I23",
    "填表说明:1.表内“1”“2”“3”中需填写专项整治三年行动开展以来的累计数据。\n" +
      "2.存在的主要问题及整改情况部分,对照每一个方面的主要问题,分项列出具体问题的表现,再逐项对应填写整改措施及整改完成情况。\n" +
      "3.该表格于每月18日前报送。",
  ],
];

/** The cells the form leaves for figures, by what goes in them. */
const SEED_000_FIELDS = {
  unit: "C2:E2",
  filledOn: "C3:E3",
  study: "C6:F6",
  publicity: "G6:I6",
  generalFound: "C9",
  generalRectified: "D9",
  generalRate: "E9",
  majorFound: "F9",
  majorRectified: "G9",
  majorRate: "H9",
  supervised: "I9",
  violations: "C12",
  closed: "D12",
  suspended: "E12",
  fines: "F12",
  joint: "G12",
  accountUnits: "H12",
  accountPersons: "I12",
  risks: "C14:F14",
  controlled: "G14:I14",
  shown1: "E16:F16",
  measures1: "G16:I16",
  shown2: "E17:F17",
  measures2: "G17:I17",
  shown3: "E18:F18",
  measures3: "G18:I18",
  shown4: "E19:F19",
  measures4: "G19:I19",
  shown5: "E20:F20",
  measures5: "G20:I20",
  contact: "C22:D22",
  phone: "F22:G22",
} as const;

const first = (range: string) => range.split(":")[0]!;
const merged = (rows: [string, string][], fields: Record<string, string>) =>
  [...rows.map(([r]) => r), ...Object.values(fields)].filter((r) => r.includes(":")).sort();

async function read(out: OutgoingMessage | undefined): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(out!.file!.data! as never);
  return book;
}

/** Every heading verbatim, every merged range, the print setup: the form itself. */
function expectForm(ws: ExcelJS.Worksheet, text: [string, string][], fields: Record<string, string>, titleRows: string) {
  for (const [range, words] of text) expect(ws.getCell(first(range)).value, range).toBe(words);
  expect([...ws.model.merges].sort()).toEqual(merged(text, fields));
  const page = ws.pageSetup;
  // A4 landscape, one page wide; this short a form on one page.
  expect([page.paperSize, page.orientation, page.fitToPage, page.fitToWidth, page.fitToHeight]).toEqual([9, "landscape", true, 1, 1]);
  expect(page.printTitlesRow).toBe(titleRows);
  // Heading rows tall enough for their wrapped labels (no label runs over the next row).
  for (const range of text.map(([r]) => r)) {
    const row = Number(/\d+/.exec(first(range))![0]);
    expect(ws.getRow(row).height ?? 0, `row ${row}`).toBeGreaterThanOrEqual(18);
  }
}

let f: Fixture;
afterEach(() => f?.close());

describe("seed 000's 统计表, cell for cell", () => {
  test("a county, a town office and two enterprises: the form, cumulative figures since the campaign began, enforcement only a regulator's own", async () => {
    f = await createFixture({ now: "2020-05-06T02:00:00Z" });
    const admin = f.chat.as("admin");
    await admin.say("新建单位 县应急管理局");
    await admin.in("县局群").say("绑定 县应急管理局");
    await f.chat.as("王局长").in("县局群").say("我的身份");
    await admin.in("县局群").say("授权 监管人员 王局长");
    await admin.say("新建单位 城关镇应急办 县应急管理局 监管部门");
    await admin.in("镇群").say("绑定 城关镇应急办");
    await f.chat.as("孙站长").in("镇群").say("我的身份");
    await admin.in("镇群").say("授权 监管人员 孙站长");
    for (const [unit, group, official] of [["城关化工厂", "化工厂群", "李主任"], ["东风机械厂", "机械厂群", "赵主任"]] as const) {
      await admin.say(`新建单位 ${unit} 县应急管理局 企业`);
      await admin.in(group).say(`绑定 ${unit}`);
      await f.chat.as(official).in(group).say("我的身份");
      await admin.in(group).say(`授权 安全管理员 ${official}`);
    }
    const county = f.chat.as("王局长").in("县局群");
    const town = f.chat.as("孙站长").in("镇群");
    const li = f.chat.as("李主任").in("化工厂群");
    const zhao = f.chat.as("赵主任").in("机械厂群");
    const report = async (group: string, text: string) => numberIn(await f.chat.as("张三").in(group).say(`报隐患 ${text}`));

    // Before the campaign began (2020-06-12): neither the hazard nor the figure counts.
    const before = await report("化工厂群", "旧仓库灭火器过期");
    await li.say(`确认 ${before} 一般`);
    await county.say("录入 学习=100");

    f.clock.set("2021-03-10T02:00:00Z");
    const g1 = await report("化工厂群", "配电箱门未关");
    const g2 = await report("化工厂群", "安全出口堵塞");
    const m1 = await report("化工厂群", "储罐区安全阀被拆除");
    await li.say(`确认 ${g1} 一般`);
    await li.say(`确认 ${g2} 一般`);
    await li.say(`确认 ${m1} 重大 2021-12-31`);
    await county.say(`挂牌 ${m1} 县应急管理局 2021-12-31`);
    await county.say("录入 学习=2 报道=1 罚款=3.5 打击=1");
    // An enterprise has no enforcement figures of its own: refused, with why and who records them.
    const refused = await li.say("录入 罚款=12.5");
    expect(refused).toEqual([expect.stringContaining("监管部门自己的执法数字")]);

    f.clock.set("2021-04-12T02:00:00Z");
    await li.say(`整改方案 ${g1} 责任人:张三 措施:关门上锁 资金:0 期限:2021-04-20 预案:设置警示牌`);
    await li.say(`已整改 ${g1}`, { photos: [consolePhoto(1)] });
    await county.say("录入 重大风险=9 管控=7");
    await town.say("录入 罚款=2 关闭=1");

    f.clock.set("2021-05-08T02:00:00Z");
    const g3 = await report("机械厂群", "车床防护罩缺失");
    await zhao.say(`确认 ${g3} 一般`);
    await zhao.say(`整改方案 ${g3} 责任人:赵六 措施:装防护罩 资金:0.1 期限:2021-05-20 预案:停机`);
    await zhao.say(`已整改 ${g3}`, { photos: [consolePhoto(1)] });
    await county.say("录入 学习=1 罚款=1 问责单位=1 问责人员=2 重大风险=10 管控=8 联系人=王局长 电话=0994-1234567");
    await li.say("录入 学习=4");
    expect(await county.say("录入 问题 1 理念树得不牢；开展专题学习，已完成")).toEqual([expect.stringContaining("安全发展理念方面")]);
    await county.say("录入 问题 理念 重发展轻安全；约谈主要负责人，完成 80%");
    await county.say("录入 问题 其他 台账不全；补齐台账，已完成");
    expect(await county.say("录入 问题 9 随便")).toEqual([expect.stringContaining("安全发展理念方面")]);
    expect(await county.say("录入 问题 其他 只有一半")).toEqual([expect.stringContaining("用法：录入 问题")]);

    // After the month: not in May's table.
    f.clock.set("2021-06-03T02:00:00Z");
    await county.say("录入 学习=50");

    f.clock.set("2021-06-05T02:00:00Z");
    const [out] = await county.send("导出统计表 2021-05");
    expect(out!.file!.filename).toBe("统计表-县应急管理局-2021-05.xlsx");
    const book = await read(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "县应急管理局", "城关镇应急办", "城关化工厂", "东风机械厂"]);
    for (const ws of book.worksheets) expectForm(ws, SEED_000_TEXT, SEED_000_FIELDS, "1:4");

    const at = (sheet: string, field: keyof typeof SEED_000_FIELDS) => book.getWorksheet(sheet)!.getCell(first(SEED_000_FIELDS[field])).value;
    const row = (sheet: string, fields: (keyof typeof SEED_000_FIELDS)[]) => fields.map((k) => at(sheet, k));
    const hazards = ["generalFound", "generalRectified", "generalRate", "majorFound", "majorRectified", "majorRate", "supervised"] as const;
    const enforcement = ["violations", "closed", "suspended", "fines", "joint", "accountUnits", "accountPersons"] as const;

    // Part 2, cumulative from the campaign's start to May's end (the 2020-05 hazard is before it).
    expect(row("汇总", [...hazards])).toEqual([3, 2, 66.7, 1, 0, 0, 1]);
    expect(row("城关化工厂", [...hazards])).toEqual([2, 1, 50, 1, 0, 0, 1]);
    expect(row("东风机械厂", [...hazards])).toEqual([1, 1, 100, 0, 0, null, 0]);
    expect(row("县应急管理局", [...hazards])).toEqual([0, 0, null, 0, 0, null, 0]);

    // Part 1 and 3 cumulative since the campaign began (March + May; not 2020, not June).
    expect(row("县应急管理局", ["study", "publicity"])).toEqual([3, 1]);
    expect(row("县应急管理局", [...enforcement])).toEqual([1, null, null, 4.5, null, 1, 2]);
    expect(row("城关镇应急办", [...enforcement])).toEqual([null, 1, null, 2, null, null, null]);
    expect(row("城关化工厂", ["study", "fines"])).toEqual([4, null]);
    // Part 4 is a stock: the latest recorded.
    expect(row("县应急管理局", ["risks", "controlled"])).toEqual([10, 8]);
    // The summary adds up only what the form adds up: study from every unit, enforcement from regulators only.
    expect(row("汇总", ["study", "publicity"])).toEqual([7, 1]);
    expect(row("汇总", [...enforcement])).toEqual([1, 1, null, 6.5, null, 1, 2]);
    expect(row("汇总", ["risks", "controlled"])).toEqual([10, 8]);
    expect(row("汇总", ["contact", "phone", "unit"])).toEqual(["王局长", "0994-1234567", "县应急管理局"]);
    expect(at("汇总", "filledOn")).toBe("2021-06-05");

    // Part 5: the month's entries under the form's fixed aspects, several numbered.
    expect(row("县应急管理局", ["shown1", "measures1"])).toEqual(["1. 理念树得不牢\n2. 重发展轻安全", "1. 开展专题学习，已完成\n2. 约谈主要负责人，完成 80%"]);
    expect(row("县应急管理局", ["shown5", "measures5"])).toEqual(["台账不全", "补齐台账，已完成"]);
    expect(row("城关化工厂", ["shown1", "contact"])).toEqual([null, null]);
    // The header and footer say what the counts cover.
    expect(book.getWorksheet("汇总")!.headerFooter.oddFooter).toContain("2020-06-12");
    expect(book.getWorksheet("汇总")!.headerFooter.oddFooter).toContain("2021-05-31");

    // /stats counts the same month the same way.
    const [stats] = await county.say("统计 2021-05");
    expect(stats).toMatch(/一般隐患.*1.*1/);
  });
});

describe("reminders attach the table of their campaign", () => {
  test("May 2021 under seed 000's campaign, November 2026 under the 治本攻坚 one", async () => {
    f = await createFixture({ now: "2021-05-06T02:00:00Z" });
    const admin = f.chat.as("admin");
    await admin.say("新建单位 县应急管理局");
    await admin.say("新建单位 城关化工厂 县应急管理局 企业");
    await admin.in("化工厂群").say("绑定 城关化工厂");
    const tables = async (iso: string) => {
      f.clock.set(iso);
      const sent: OutgoingMessage[] = [];
      await runDeadlineReminders(f.app.deps, async (m) => void sent.push(m));
      const files = sent.filter((m) => m.file);
      expect(files).toHaveLength(1);
      return (await read(files[0])).worksheets[0]!;
    };
    const may = await tables("2021-05-13T01:05:00Z");
    expect(may.getCell("A1").value).toBe("安全生产专项整治三年行动统计表");
    expect(may.getCell("C2").value).toBe("城关化工厂");
    const nov = await tables("2026-11-13T01:05:00Z");
    expect(nov.getCell("A1").value).toBe("安全生产治本攻坚三年行动统计表");
    expect(nov.getCell("B5").value).toBe("重大事故隐患排查整治情况");
  });
});

/** Seed 003 attaches no form: the campaign file's table reports what the notice asks for, in its words. */
const SEED_003_TEXT: [string, string][] = [
  ["A1:I1", "安全生产治本攻坚三年行动统计表"],
  ["A4", "序号"],
  ["B4", "情况分类"],
  ["C4:I4", "主要内容"],
  ["A5:A7", "1"],
  ["B5:B7", "重大事故隐患排查整治情况"],
  ["C5:C6", "排查(项)"],
  ["D5:F5", "其中"],
  ["D6", "企业自查上报"],
  ["E6", "督导检查发现"],
  ["F6", "群众举报查实"],
  ["G5:G6", "已整改(项)"],
  ["H5:H6", "整改率(%)"],
  ["I5:I6", "挂牌督办(项)"],
  ["B8:B9", "一般事故隐患排查整治情况"],
  ["C10:D10", "主要负责人带队检查(次)"],
  ["E10:F10", "安全生产专题培训(场)"],
  ["G10:I10", "疏散逃生演练(次)"],
  ["B12:B13", "约谈、通报、曝光情况"],
  ["C12:D12", "约谈(次)"],
  ["E12:F12", "通报(次)"],
  ["G12:I12", "曝光(次)"],
  ["B14:B17", "存在的主要问题及整改情况"],
];

describe("seed 003's 治本攻坚 campaign table", () => {
  test("major hazards by channel (企业自查上报, 督导检查发现, 群众举报查实), counted from 2024-05-06", async () => {
    f = await createFixture({ now: "2026-11-05T02:00:00Z" });
    await seedTree(f);
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
    const li = f.chat.as("李主任").in("车间群");
    const county = f.chat.as("王局长");
    const worker = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 储罐区安全阀被拆除"));
    const own = numberIn(await li.say("报隐患 液氨储罐无泄漏报警装置"));
    const inspected = numberIn(await county.in("车间群").say("报隐患 可燃气体报警器停用"));
    const general = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
    for (const n of [worker, own, inspected]) await li.say(`确认 ${n} 重大 2026-12-31`);
    await li.say(`确认 ${general} 一般`);
    await county.in("县局群").say(`挂牌 ${inspected} 县应急管理局 2026-12-31`);
    const { number } = await fileTip(f, "举报人小王");
    await county.say(`举报核查 ${number} 属实 现场查实`);
    const tipHazard = numberIn(await county.say(`举报转隐患 ${number} 城关化工厂 仓库危化品未设泄漏报警`));
    await li.say(`确认 ${tipHazard} 重大 2026-12-31`);
    await li.say(`整改方案 ${worker} 责任人:张三 措施:复装安全阀 资金:1 期限:2026-11-20 预案:停用储罐`);
    await li.say(`已整改 ${worker}`, { photos: [consolePhoto(1)] });
    await li.say("录入 带队检查=1 培训=2 演练=1");
    expect(await li.say("录入 约谈=1")).toEqual([expect.stringContaining("监管部门自己的执法数字")]);
    await county.in("县局群").say("录入 约谈=2 通报=1 曝光=1");

    const [out] = await county.in("县局群").send("导出统计表 2026-11");
    const book = await read(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "县应急管理局", "城关化工厂"]);
    for (const ws of book.worksheets) expectForm(ws, SEED_003_TEXT.concat([["A2:B2", "填报单位:"], ["A3:B3", "填报时间:"]]), REST_003, "1:4");
    const cells = (sheet: string, at: string[]) => at.map((a) => book.getWorksheet(sheet)!.getCell(a).value);
    // 排查 4 = 自查上报 2 (the worker's and the safety manager's) + 督导检查 1 + 举报查实 1; 已整改 1; 挂牌督办 1.
    expect(cells("城关化工厂", ["C7", "D7", "E7", "F7", "G7", "H7", "I7"])).toEqual([4, 2, 1, 1, 1, 25, 1]);
    expect(cells("汇总", ["C7", "D7", "E7", "F7", "G7", "H7", "I7"])).toEqual([4, 2, 1, 1, 1, 25, 1]);
    expect(cells("汇总", ["C9", "E9", "G9"])).toEqual([1, 0, 0]);
    expect(cells("城关化工厂", ["C11", "E11", "G11", "C13"])).toEqual([1, 2, 1, null]);
    expect(cells("汇总", ["C11", "E11", "G11", "C13", "E13", "G13"])).toEqual([1, 2, 1, 2, 1, 1]);
    expect(book.getWorksheet("汇总")!.headerFooter.oddFooter).toContain("2024-05-06");
  });
});

/** The value cells of seed 003's table and the fields outside the frame, for the merged-range check. */
const REST_003: Record<string, string> = {
  unit: "C2:E2", filledOn: "C3:E3", contact: "C19:D19", phone: "F19:G19", notes: "A20:I20", contactLabel: "A19:B19",
  s1: "E15:F15", m1: "G15:I15", s2: "E16:F16", m2: "G16:I16", s3: "E17:F17", m3: "G17:I17",
  a1: "C15:D15", a2: "C16:D16", a3: "C17:D17", h1: "C14:D14", h2: "E14:F14", h3: "G14:I14",
  n2: "A8:A9", n3: "A10:A11", n4: "A12:A13", n5: "A14:A17", g1: "C8:D8", g2: "E8:F8", g3: "G8:I8",
  gv1: "C9:D9", gv2: "E9:F9", gv3: "G9:I9", b3: "B10:B11", v1: "C11:D11", v2: "E11:F11", v3: "G11:I11",
  v4: "C13:D13", v5: "E13:F13", v6: "G13:I13",
};

describe("导出统计表 after the commit", () => {
  test("a table that cannot be built gets a clear answer, not an internal error, and the chat goes on", async () => {
    f = await createFixture({ now: "2026-11-05T02:00:00Z" });
    await seedTree(f);
    const county = f.chat.as("王局长").in("县局群");
    const campaigns = f.app.deps.campaigns;
    f.app.deps.campaigns = []; // nothing to build the table from: the job fails after the commit
    expect(await county.say("导出统计表 2026-11")).toEqual([expect.stringContaining("统计表生成失败，请稍后重试")]);
    f.app.deps.campaigns = campaigns;
    const [out] = await county.send("导出统计表 2026-11");
    expect(out!.file!.filename).toBe("统计表-县应急管理局-2026-11.xlsx");
  });

  test("a table that takes a while is announced, then sent", { timeout: 300_000 }, async () => {
    f = await createFixture({ now: "2026-11-05T02:00:00Z" });
    await seedTree(f);
    // The table's own transaction (the job's, after the message's) waits until the asker has been told: a slow build
    // without a timed test.
    const delivered: OutgoingMessage[] = [];
    let told: () => void = () => {};
    const announced = new Promise<void>((r) => (told = r));
    const store = f.app.deps.store;
    let calls = 0;
    const deps = f.app.deps as { store: typeof store };
    deps.store = {
      ...store,
      transaction: async (fn) => {
        if (++calls === 2) await announced;
        return store.transaction(fn);
      },
    };
    try {
      const msg = toIncoming("王局长", groupRoom("县局群"), "导出统计表 2026-11");
      await f.app.bot.handle(msg, async (out) => {
        delivered.push(...out);
        if (out.some((o) => o.text.includes("正在生成"))) told();
      });
    } finally {
      deps.store = store;
    }
    expect(delivered.map((o) => o.text)).toEqual([expect.stringContaining("正在生成“县应急管理局”2026-11 统计表，完成后发送"), expect.stringContaining("统计表：")]);
    expect(delivered[1]!.file!.filename).toBe("统计表-县应急管理局-2026-11.xlsx");
  });
});
