import { describe, expect, test } from "vitest";
import { followUpDays, isoWeek, parseAnswers, parseCheckPeriod, parseDialogAnswer, parseFrequency, parseTimeOfDay, periodOf, rate, roundOn } from "../../src/domain/checks.ts";
import { loadHolidayCalendar } from "../../src/core/holidays.ts";
import { loadChecklists } from "../../src/core/checklists.ts";
import { loadIndicators } from "../../src/core/indicators.ts";

const cal = loadHolidayCalendar(undefined);

describe("periods and rounds on the working-day calendar", () => {
  test("periods of each frequency", () => {
    expect(periodOf("DAILY", "2026-11-24")).toBe("2026-11-24");
    expect(periodOf("WEEKLY", "2026-11-24")).toBe("2026-W48");
    expect(isoWeek("2026-01-01")).toBe("2026-W01");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(periodOf("MONTHLY", "2026-11-24")).toBe("2026-11");
    expect(periodOf("QUARTERLY", "2026-11-24")).toBe("2026-Q4");
  });

  test("a round is posted on the period's first working day and due on its last", () => {
    expect(roundOn(cal, "DAILY", "2026-11-21")).toBeNull(); // a Saturday
    expect(roundOn(cal, "DAILY", "2026-11-24")).toEqual({ period: "2026-11-24", postDay: "2026-11-24", deadline: "2026-11-24" });
    expect(roundOn(cal, "WEEKLY", "2026-11-26")).toEqual({ period: "2026-W48", postDay: "2026-11-23", deadline: "2026-11-27" });
    // 春节 2026: the week of 16–22 February has no working day; after 国庆 the week's round is due on the make-up Saturday.
    expect(roundOn(cal, "WEEKLY", "2026-02-18")).toBeNull();
    expect(roundOn(cal, "WEEKLY", "2026-10-05")).toEqual({ period: "2026-W41", postDay: "2026-10-08", deadline: "2026-10-10" });
    expect(roundOn(cal, "MONTHLY", "2026-10-20")!.postDay).toBe("2026-10-08");
    expect(roundOn(cal, "QUARTERLY", "2026-11-24")).toEqual({ period: "2026-Q4", postDay: "2026-10-08", deadline: "2026-12-31" });
  });

  test("a miss is reminded the next working day and escalated the one after", () => {
    expect(followUpDays(cal, "2026-11-27")).toEqual({ remind: "2026-11-30", escalate: "2026-12-01" });
  });
});

describe("answers as people type them", () => {
  test("one message, item by item", () => {
    expect(parseAnswers("1好 2好 3异常 配电箱门未关 4好")).toEqual({
      restOk: false,
      items: [
        { position: 1, result: "OK", note: "" },
        { position: 2, result: "OK", note: "" },
        { position: 3, result: "ABNORMAL", note: "配电箱门未关" },
        { position: 4, result: "OK", note: "" },
      ],
    });
    expect(parseAnswers("１正常，２不正常 漏水，3不适用")!.items.map((i) => i.result)).toEqual(["OK", "ABNORMAL", "NA"]);
    expect(parseAnswers("3异常 2号配电箱门未关 已当场整改 其余正常")).toEqual({ restOk: true, items: [{ position: 3, result: "ABNORMAL", note: "2号配电箱门未关 已当场整改" }] });
    expect(parseAnswers("1 ok 2 abnormal hose cracked 3 n/a")!.items.map((i) => [i.result, i.note])).toEqual([["OK", ""], ["ABNORMAL", "hose cracked"], ["NA", ""]]);
  });

  test("全部正常 and all ok", () => {
    expect(parseAnswers("全部正常")).toEqual({ items: [], restOk: true });
    expect(parseAnswers("all ok")).toEqual({ items: [], restOk: true });
  });

  test("chat is not an answer", () => {
    for (const s of ["今天天气好", "2号车间好像漏水", "3 okay", "明天8点开会", "隐患排查很重要", "1"]) expect(parseAnswers(s), s).toBeNull();
  });

  test("the dialog's answers", () => {
    expect(parseDialogAnswer("正常")).toEqual({ result: "OK", note: "" });
    expect(parseDialogAnswer("异常 配电箱门未关")).toEqual({ result: "ABNORMAL", note: "配电箱门未关" });
    expect(parseDialogAnswer("不正常")).toEqual({ result: "ABNORMAL", note: "" });
    expect(parseDialogAnswer("不适用")).toEqual({ result: "NA", note: "" });
    expect(parseDialogAnswer("okay")).toBeNull();
    expect(parseDialogAnswer("你好")).toBeNull();
  });

  test("words for frequencies, times, periods; rates", () => {
    expect(parseFrequency("每季度")).toBe("QUARTERLY");
    expect(parseFrequency("constructor")).toBeNull();
    expect(parseTimeOfDay("08:30")).toBe(510);
    expect(parseTimeOfDay("8点半")).toBe(510);
    expect(parseTimeOfDay("25:00")).toBeNull();
    expect(parseCheckPeriod("2026-Q4", "2026-11-24")).toEqual({ first: "2026-10-01", last: "2026-12-31", label: "2026-Q4" });
    expect(parseCheckPeriod("2026年2月", "2026-11-24")).toEqual({ first: "2026-02-01", last: "2026-02-28", label: "2026-02" });
    expect(parseCheckPeriod("下个月", "2026-11-24")).toBeNull();
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(0, 0)).toBeNull();
  });
});

describe("the shipped templates", () => {
  test("five industries, every item with a basis, links only to known indicators, every frequency present", () => {
    const templates = loadChecklists(loadIndicators());
    expect(templates.map((t) => t.name["zh-CN"])).toEqual(expect.arrayContaining(["工贸通用", "危险化学品", "建筑施工", "城镇燃气", "人员密集场所/自建房"]));
    for (const t of templates) {
      // Every period, and the check the 主要负责人 leads (seed 003 第6条) in place of a quarterly one.
      expect(new Set(t.items.map((i) => i.frequency)), t.key).toEqual(new Set(["DAILY", "WEEKLY", "MONTHLY", "LEADER"]));
      expect(t.items.every((i) => /《|GB|JGJ|CJJ/.test(i.basis)), t.key).toBe(true);
      expect(t.items.some((i) => i.indicator), t.key).toBe(true);
    }
  });
});

describe("leader-led checks and periods in words", () => {
  test("monthly in a 高危行业 (data), quarterly elsewhere; periods as their words' arguments", async () => {
    const { cadenceOf, periodArgs } = await import("../../src/domain/checks.ts");
    const { isHighRisk, industryOf } = await import("../../src/domain/industries.ts");
    const { loadIndustries } = await import("../../src/core/industries.ts");
    const industries = loadIndustries(loadIndicators());
    for (const name of ["危险化学品", "危化品经营", "非煤矿山", "烟花爆竹", "金属冶炼", "城镇燃气"]) expect(isHighRisk(industries, name), name).toBe(true);
    for (const name of ["建筑施工", "工贸", "餐饮", "", null]) expect(isHighRisk(industries, name), String(name)).toBe(false);
    expect(industryOf(industries, "危化品经营")?.key).toBe("hazardous-chemicals");
    expect(cadenceOf("LEADER", true)).toBe("MONTHLY");
    expect(cadenceOf("LEADER", false)).toBe("QUARTERLY");
    expect(cadenceOf("WEEKLY", true)).toBe("WEEKLY");
    expect(periodArgs("2026-W50")).toMatchObject({ pkind: "week", pyear: "2026", pn: "50" });
    expect(periodArgs("2026-Q4")).toMatchObject({ pkind: "quarter", pyear: "2026", pn: "4" });
    expect(periodArgs("2026-03")).toMatchObject({ pkind: "month", pyear: "2026", pn: "3" });
    expect(periodArgs("2026-12-07")).toMatchObject({ pkind: "other", ptext: "2026-12-07" });
  });
});
