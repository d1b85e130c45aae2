import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  monthRange,
  parseDate,
  parseMonth,
  parsePeriod,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiMonth,
  shanghaiYear,
  startOfShanghaiDay,
  toHalfWidth,
} from "../../src/domain/dates.ts";

const at = (iso: string) => new Date(iso);
const DAY_MS = 24 * 60 * 60 * 1000;

describe("Shanghai calendar of an instant", () => {
  test.each([
    // Shanghai is UTC+8: its midnight is 16:00 UTC the day before.
    ["2026-11-30T15:59:59.999Z", "2026-11-30", "2026-11", 2026],
    ["2026-11-30T16:00:00Z", "2026-12-01", "2026-12", 2026],
    ["2026-11-30T00:00:00Z", "2026-11-30", "2026-11", 2026],
    ["2026-11-29T16:00:00Z", "2026-11-30", "2026-11", 2026],
    ["2026-12-31T15:59:59Z", "2026-12-31", "2026-12", 2026],
    ["2026-12-31T16:00:00Z", "2027-01-01", "2027-01", 2027],
    ["2027-01-01T00:00:00Z", "2027-01-01", "2027-01", 2027],
    ["2028-02-28T16:00:00Z", "2028-02-29", "2028-02", 2028],
    ["2026-02-28T16:00:00Z", "2026-03-01", "2026-03", 2026],
  ])("%s is %s in Shanghai", (iso, date, month, year) => {
    expect(shanghaiDate(at(iso))).toBe(date);
    expect(shanghaiMonth(at(iso))).toBe(month);
    expect(shanghaiYear(at(iso))).toBe(year);
  });

  test.each([
    ["2026-11-30T15:59:59Z", "2026-11-30 23:59"],
    ["2026-11-30T16:00:00Z", "2026-12-01 00:00"],
    ["2026-11-10T02:05:30Z", "2026-11-10 10:05"],
    ["2026-12-31T16:30:00Z", "2027-01-01 00:30"],
  ])("shanghaiDateTime(%s) = %s", (iso, shown) => {
    expect(shanghaiDateTime(at(iso))).toBe(shown);
  });

  test("startOfShanghaiDay is 16:00 UTC the day before", () => {
    expect(startOfShanghaiDay("2026-12-01").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(startOfShanghaiDay("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(startOfShanghaiDay("2028-03-01").toISOString()).toBe("2028-02-29T16:00:00.000Z");
  });
});

describe("monthRange", () => {
  test.each([
    ["2026-11", "2026-10-31T16:00:00.000Z", "2026-11-30T16:00:00.000Z"],
    ["2026-12", "2026-11-30T16:00:00.000Z", "2026-12-31T16:00:00.000Z"],
    ["2027-01", "2026-12-31T16:00:00.000Z", "2027-01-31T16:00:00.000Z"],
    ["2026-02", "2026-01-31T16:00:00.000Z", "2026-02-28T16:00:00.000Z"],
    ["2028-02", "2028-01-31T16:00:00.000Z", "2028-02-29T16:00:00.000Z"],
    ["2026-09", "2026-08-31T16:00:00.000Z", "2026-09-30T16:00:00.000Z"],
  ])("%s runs [%s, %s)", (month, start, end) => {
    const r = monthRange(month);
    expect(r.start.toISOString()).toBe(start);
    expect(r.end.toISOString()).toBe(end);
  });

  test("December ends where the next year's January starts", () => {
    expect(monthRange("2026-12").end.getTime()).toBe(monthRange("2027-01").start.getTime());
  });

  test("the last Shanghai instant of a month is inside it, the first of the next is not", () => {
    const { start, end } = monthRange("2026-11");
    expect(shanghaiMonth(start)).toBe("2026-11");
    expect(shanghaiMonth(new Date(end.getTime() - 1))).toBe("2026-11");
    expect(shanghaiMonth(end)).toBe("2026-12");
  });
});

describe("properties", () => {
  // Instants between 2000 and 2100, to the millisecond.
  const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-30T00:00:00Z"), noInvalidDate: true });

  test("an instant lies within its Shanghai day", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const start = startOfShanghaiDay(shanghaiDate(t)).getTime();
        return start <= t.getTime() && t.getTime() < start + DAY_MS;
      }),
      { seed: 42 },
    );
  });

  test("an instant lies within its Shanghai month", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const { start, end } = monthRange(shanghaiMonth(t));
        return start.getTime() <= t.getTime() && t.getTime() < end.getTime();
      }),
      { seed: 42 },
    );
  });

  test("parseDate reads back every Shanghai date it is given", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const d = shanghaiDate(t);
        const [y, m, day] = d.split("-");
        expect(parseDate(d)).toBe(d);
        expect(parseDate(`${y}年${Number(m)}月${Number(day)}日`)).toBe(d);
        expect(parseDate(`${y}/${m}/${day}`)).toBe(d);
      }),
      { seed: 42 },
    );
  });
});

describe("toHalfWidth", () => {
  test.each([
    ["２０２６－１２－３１", "2026-12-31"],
    ["２０２６／１２／３１", "2026/12/31"],
    ["ＹＨ－２０２６－０００１２３", "YH-2026-000123"],
    ["ａｂｃ：ｘ；ｙ，ｚ！？", "abc:x;y,z!?"],
    ["全角\u3000空格", "全角 空格"],
    ["中文不变。、“”", "中文不变。、“”"],
    ["ascii stays", "ascii stays"],
    ["", ""],
  ])("%j -> %j", (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });
});

describe("parseDate", () => {
  test.each([
    ["2026-12-31", "2026-12-31"],
    ["2026/12/31", "2026-12-31"],
    ["2026.12.31", "2026-12-31"],
    ["2026年12月31日", "2026-12-31"],
    ["2026年12月31", "2026-12-31"],
    ["2026 年 12 月 31 日", "2026-12-31"],
    ["２０２６－１２－３１", "2026-12-31"],
    ["２０２６年１２月３１日", "2026-12-31"],
    ["2026-1-5", "2026-01-05"],
    ["2026/1/5", "2026-01-05"],
    ["2026年1月5日", "2026-01-05"],
    ["2026-01-05", "2026-01-05"],
    ["  2026-12-31  ", "2026-12-31"],
    ["2028-02-29", "2028-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2026-02-28", "2026-02-28"],
  ])("%j -> %s", (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });

  test.each([
    "2026-02-30",
    "2026-02-29",
    "2025-02-29",
    "2100-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-12-00",
    "2026-12-32",
    "1999-12-31",
    "2101-01-01",
    "26-12-31",
    "2026-12",
    "2026-123-1",
    "2026-12-31T00:00",
    "2026-12-31 明天",
    "明天",
    "下周五",
    "tomorrow",
    "",
    "   ",
  ])("rejects %j", (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe("parseMonth", () => {
  test.each([
    ["2026-11", "2026-11"],
    ["2026/11", "2026-11"],
    ["2026.11", "2026-11"],
    ["2026年11月", "2026-11"],
    ["2026年1月", "2026-01"],
    ["2026-1", "2026-01"],
    ["２０２６－１１", "2026-11"],
    ["２０２６年１１月", "2026-11"],
    [" 2026-12 ", "2026-12"],
  ])("%j -> %s", (input, month) => {
    expect(parseMonth(input)).toBe(month);
  });

  test.each(["2026-13", "2026-00", "1999-12", "2101-01", "2026-11-01", "2026", "11月", "上个月", ""])("rejects %j", (input) => {
    expect(parseMonth(input)).toBeNull();
  });
});

describe("parsePeriod", () => {
  const today = "2026-11-10";
  test.each([
    ["2026-10", { from: "2026-10-01", to: "2026-10-31", label: "2026-10" }],
    ["2026年2月", { from: "2026-02-01", to: "2026-02-28", label: "2026-02" }],
    ["2024-02", { from: "2024-02-01", to: "2024-02-29", label: "2024-02" }],
    ["2026-12", { from: "2026-12-01", to: "2026-12-31", label: "2026-12" }],
    // A bare month is the latest one not after today: October this year, December last year.
    ["10月", { from: "2026-10-01", to: "2026-10-31", label: "2026-10" }],
    ["１１月", { from: "2026-11-01", to: "2026-11-30", label: "2026-11" }],
    ["12月", { from: "2025-12-01", to: "2025-12-31", label: "2025-12" }],
    ["2026", { from: "2026-01-01", to: "2026-12-31", label: "2026" }],
    ["2025年", { from: "2025-01-01", to: "2025-12-31", label: "2025" }],
    ["2026-01-01~2026-06-30", { from: "2026-01-01", to: "2026-06-30", label: "2026-01-01~2026-06-30" }],
    ["2026-01-01 至 2026-06-30", { from: "2026-01-01", to: "2026-06-30", label: "2026-01-01~2026-06-30" }],
    ["2026年1月1日到2026年3月31日", { from: "2026-01-01", to: "2026-03-31", label: "2026-01-01~2026-03-31" }],
    ["2026-03-01～2026-03-01", { from: "2026-03-01", to: "2026-03-01", label: "2026-03-01~2026-03-01" }],
  ])("%s", (input, period) => {
    expect(parsePeriod(input, today)).toEqual(period);
  });

  test.each(["", "13月", "0月", "2026-13", "1999", "明年", "2026-06-30~2026-01-01", "2026-02-30~2026-03-01", "2026-01-01~", "重大"])("refuses %j", (input) => {
    expect(parsePeriod(input, today)).toBeNull();
  });
});
