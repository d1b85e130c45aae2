import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  aspectOf,
  campaignOfMonth,
  campaignOn,
  figureTotal,
  layoutError,
  parseFigures,
  parseProblemItem,
  parseRange,
  parseSource,
  problemCell,
  type Campaign,
} from "../../src/domain/campaign.ts";
import { CAMPAIGNS_DIR, loadCampaign, loadCampaigns } from "../../src/core/campaigns.ts";

const shipped = loadCampaigns(undefined);
const three = shipped.find((c) => c.key === "three-year-2020")!;
const zhiben = shipped.find((c) => c.key === "zhiben-2024")!;

describe("the shipped campaigns", () => {
  test("both load, oldest first, with the notices' dates", () => {
    expect(shipped.map((c) => [c.key, c.start, c.end])).toEqual([
      ["three-year-2020", "2020-06-12", "2022-12-31"],
      ["zhiben-2024", "2024-05-06", "2026-12-31"],
    ]);
    for (const c of shipped) expect(layoutError(c)).toBeNull();
  });

  test("the campaign in force: the latest started, past its end until the next, the first before any", () => {
    expect(campaignOn(shipped, "2019-01-01").key).toBe("three-year-2020");
    expect(campaignOn(shipped, "2021-05-18").key).toBe("three-year-2020");
    expect(campaignOn(shipped, "2024-05-05").key).toBe("three-year-2020");
    expect(campaignOn(shipped, "2024-05-06").key).toBe("zhiben-2024");
    expect(campaignOn(shipped, "2028-01-01").key).toBe("zhiben-2024");
    // A month belongs to the campaign in force at its end.
    expect(campaignOfMonth(shipped, "2024-04").key).toBe("three-year-2020");
    expect(campaignOfMonth(shipped, "2024-05").key).toBe("zhiben-2024");
  });

  test("seed 000's figures are the form's measures: two in part 1, seven in part 3 (regulators' own), two in part 4", () => {
    const cells = new Map(three.table.cells.filter((c) => c.value).map((c) => [c.value!, c.at]));
    expect(three.figures.filter((f) => f.by === "regulator").map((f) => cells.get(`figure:${f.key}`))).toEqual(["C12", "D12", "E12", "F12", "G12", "H12", "I12"]);
    expect(["study-sessions", "publicity-items"].map((k) => cells.get(`figure:${k}`))).toEqual(["C6:F6", "G6:I6"]);
    expect(three.problems).toEqual(["安全发展理念方面", "完善和落实安全生产责任方面", "建立公共安全隐患排查和安全预防控制体系方面", "加强安全生产基础建设方面", "其他方面"]);
  });
});

describe("a deployment's own campaign file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "campaign-"));
  const write = (name: string, edit: (c: Record<string, unknown> & Campaign) => void) => {
    const c = JSON.parse(readFileSync(path.join(CAMPAIGNS_DIR, "three-year-2020.json"), "utf8"));
    edit(c);
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(c));
    return file;
  };

  test("added by path, next to the shipped ones, no code", () => {
    const file = write("mine", (c) => {
      c.key = "county-2027";
      c.start = "2027-01-01";
      c.end = "2029-12-31";
      c.table.cells[0]!.text = "某县安全生产大检查统计表";
    });
    const all = loadCampaigns(`three-year-2020,zhiben-2024,${file}`);
    expect(campaignOn(all, "2027-03-01").table.cells[0]!.text).toBe("某县安全生产大检查统计表");
  });

  test.each([
    ["overlapping cells", (c: Campaign) => c.table.cells.push({ at: "B5", text: "x" }), /cell B5 overlaps B5:B6/],
    ["an unknown value", (c: Campaign) => (c.table.cells.find((x) => x.value === "count:supervised")!.value = "count:nonsense"), /unknown value "count:nonsense"/],
    ["a figure that is not in the file", (c: Campaign) => (c.table.cells.find((x) => x.value === "figure:enforce-fines")!.value = "figure:weight"), /unknown value "figure:weight"/],
    ["a cell past the columns", (c: Campaign) => c.table.cells.push({ at: "J30", text: "x" }), /past the last column/],
    ["text and value together", (c: Campaign) => c.table.cells.push({ at: "A30", text: "x", value: "unit" }), /either text or value/],
    ["a word naming two figures", (c: Campaign) => c.figures[1]!.words.push("学习"), /the word "学习" names two figures/],
    ["end before start", (c: Campaign) => (c.end = "2019-01-01"), /end before start/],
    ["a date that is not one", (c: Campaign) => (c.start = "2020-02-30"), /start: a date/],
  ])("refused at start, naming the file and the cell: %s", (_, edit, why) => {
    const file = write("bad", edit as never);
    expect(() => loadCampaign(file)).toThrow(why);
    expect(() => loadCampaign(file)).toThrow(/SENTINEL_CAMPAIGNS/);
  });
});

describe("cells", () => {
  test("addresses and ranges", () => {
    expect(parseRange("B5")).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
    expect(parseRange("C7:E7")).toEqual({ top: 7, left: 3, bottom: 7, right: 5 });
    expect(parseRange("AA10:AB12")).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    for (const bad of ["", "5B", "B0", "E7:C7", "B6:B5", "b5", "B5:"]) expect(parseRange(bad), bad).toBeNull();
  });

  test("sources", () => {
    expect(parseSource("unit", three)).toEqual({ kind: "unit" });
    expect(parseSource("count:major-rate", three)).toEqual({ kind: "count", name: "major-rate" });
    expect(parseSource("figure:enforce-fines", three)).toEqual({ kind: "figure", key: "enforce-fines" });
    expect(parseSource("figure:drills", three)).toBeNull();
    expect(parseSource("figure:drills", zhiben)).toEqual({ kind: "figure", key: "drills" });
    expect(parseSource("problem:5:measures", three)).toEqual({ kind: "problem", index: 5, part: "measures" });
    expect(parseSource("problem:6:measures", three)).toBeNull();
    expect(parseSource("problem:0:shown", three)).toBeNull();
    expect(parseSource("problem:1:progress", three)).toBeNull();
    expect(parseSource("constructor", three)).toBeNull();
  });
});

describe("figures", () => {
  const fines = three.figures.find((f) => f.key === "enforce-fines")!;
  const risks = three.figures.find((f) => f.key === "risk-identified")!;
  const values = new Map([["2021-03", "3.5"], ["2021-05", "1"], ["2021-06", "50"]]);

  test("cumulative: everything recorded up to the month", () => {
    expect(figureTotal(fines, values, "2021-05")).toBe("4.5");
    expect(figureTotal(fines, values, "2021-04")).toBe("3.5");
    expect(figureTotal(fines, values, "2021-02")).toBeNull();
    expect(figureTotal(fines, new Map([["2021-01", "0.1"], ["2021-02", "0.2"]]), "2021-02")).toBe("0.3");
  });

  test("latest: the stock as last recorded; month: the month's own", () => {
    expect(figureTotal(risks, new Map([["2021-04", "9"], ["2021-05", "10"]]), "2021-05")).toBe("10");
    expect(figureTotal(risks, new Map([["2021-04", "9"]]), "2021-05")).toBe("9");
    expect(figureTotal({ kind: "count", total: "month" }, new Map([["2021-04", "9"]]), "2021-05")).toBeNull();
    expect(figureTotal({ kind: "count", total: "month" }, new Map([["2021-05", "2"]]), "2021-05")).toBe("2");
  });

  test("parsed with the campaign's own words, in either width", () => {
    const p = parseFigures(three, "学习＝3 罚款:12.5 联系人：李主任");
    expect(p.ok && p.values.map((v) => [v.def.key, v.value])).toEqual([["study-sessions", "3"], ["enforce-fines", "12.5"], ["contact-person", "李主任"]]);
    expect(parseFigures(three, "演练=2")).toEqual({ ok: false, error: "unknown-key", word: "演练" });
    expect(parseFigures(zhiben, "演练=2").ok).toBe(true);
    expect(parseFigures(three, "学习=三")).toEqual({ ok: false, error: "bad-value", word: "学习" });
    expect(parseFigures(three, "罚款=1.23456")).toEqual({ ok: false, error: "bad-value", word: "罚款" });
    expect(parseFigures(three, "constructor=1")).toEqual({ ok: false, error: "unknown-key", word: "constructor" });
    expect(parseFigures(three, "随便说说")).toEqual({ ok: false, error: "empty" });
  });
});

describe("存在的主要问题", () => {
  test("an aspect by its number or a word of it", () => {
    expect(aspectOf(three, "1")).toBe(1);
    expect(aspectOf(three, "５")).toBe(5);
    expect(aspectOf(three, "6")).toBeNull();
    expect(aspectOf(three, "理念")).toBe(1);
    expect(aspectOf(three, "其他")).toBe(5);
    expect(aspectOf(three, "其他方面")).toBe(5);
    expect(aspectOf(three, "基础建设")).toBe(4);
    // 安全 is in several: not a guess.
    expect(aspectOf(three, "安全")).toBeNull();
    expect(aspectOf(three, "")).toBeNull();
  });

  test("an entry: what it looks like; the measures and how far they got", () => {
    expect(parseProblemItem("理念树得不牢；开展专题学习，已完成")).toEqual({ shown: "理念树得不牢", measures: "开展专题学习，已完成" });
    expect(parseProblemItem("表现：台账不全; 措施：补齐台账")).toEqual({ shown: "台账不全", measures: "补齐台账" });
    expect(parseProblemItem("a;b;c")).toEqual({ shown: "a", measures: "b;c" });
    for (const bad of ["只有一半", "；只有措施", "只有表现；", "  ；  "]) expect(parseProblemItem(bad), bad).toBeNull();
  });

  test("a cell: one entry as it is, several numbered", () => {
    expect(problemCell([], "shown")).toBeNull();
    expect(problemCell([{ shown: "a", measures: "b" }], "measures")).toBe("b");
    expect(problemCell([{ shown: "a", measures: "b" }, { shown: "c", measures: "d" }], "shown")).toBe("1. a\n2. c");
  });
});
