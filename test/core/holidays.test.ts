import { afterAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError } from "../../src/config.ts";
import { loadHolidayCalendar, mergeCalendar } from "../../src/core/holidays.ts";
import { isWorkingDay, unknownYears, workingDayBefore, yearsToAskFor } from "../../src/domain/calendar.ts";

const dir = mkdtempSync(path.join(tmpdir(), "sentinel-holidays-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
};

// Sample dates for the tests, not the State Council's 2027 notice.
const SAMPLE_2027 = {
  "2027": {
    holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"],
    workdays: ["2027-01-30", "2027-02-20"],
  },
};

describe("the holiday calendar from chinese-days and SENTINEL_HOLIDAYS", () => {
  test("without the file, 2027 is unknown and falls back to Monday–Friday", () => {
    const cal = loadHolidayCalendar(undefined);
    expect(cal.knownYears.has(2026)).toBe(true);
    expect(unknownYears(cal, 2026, 2027)).toEqual([2027]);
    expect(isWorkingDay(cal, "2027-01-01")).toBe(true); // a Friday
    expect(isWorkingDay(cal, "2027-02-08")).toBe(true); // a Monday in 春节
    expect(isWorkingDay(cal, "2027-01-30")).toBe(false); // a Saturday
    expect(isWorkingDay(cal, "2026-10-01")).toBe(false); // the library's 国庆
  });

  test("with the file, a 2027 holiday is a day off and a make-up Saturday a working day; the library's years stay", () => {
    const cal = loadHolidayCalendar(file("2027.json", SAMPLE_2027));
    expect(cal.knownYears.has(2027)).toBe(true);
    expect(unknownYears(cal, 2026, 2027)).toEqual([]);
    expect(isWorkingDay(cal, "2027-01-01")).toBe(false);
    expect(isWorkingDay(cal, "2027-02-08")).toBe(false);
    expect(isWorkingDay(cal, "2027-01-30")).toBe(true);
    expect(isWorkingDay(cal, "2027-02-20")).toBe(true);
    expect(isWorkingDay(cal, "2027-02-12")).toBe(true); // an ordinary Friday
    expect(isWorkingDay(cal, "2027-02-13")).toBe(false); // an ordinary Saturday
    // The working day before the first one after 春节 is before the holiday, not in it.
    expect(workingDayBefore(cal, "2027-02-12", 1)).toBe("2027-02-04");
    expect(isWorkingDay(cal, "2026-10-01")).toBe(false);
    expect(isWorkingDay(cal, "2026-09-20")).toBe(true); // the library's make-up Sunday
  });

  test("the file wins for a year the library knows too", () => {
    const lib = loadHolidayCalendar(undefined);
    expect(isWorkingDay(lib, "2026-10-05")).toBe(false);
    const cal = loadHolidayCalendar(file("2026.json", { "2026": { holidays: ["2026-10-01"], workdays: [] } }));
    expect(isWorkingDay(cal, "2026-10-01")).toBe(false);
    expect(isWorkingDay(cal, "2026-10-05")).toBe(true); // a Monday the library had as 国庆, not in the file
    expect(isWorkingDay(cal, "2026-09-20")).toBe(false); // the library's make-up Sunday is gone with its year
    expect(isWorkingDay(cal, "2025-10-01")).toBe(false); // other years untouched
  });

  test("several years, workdays optional", () => {
    const cal = mergeCalendar([], [], { "2027": { holidays: ["2027-01-01"], workdays: [] }, "2028": { holidays: ["2028-01-01"], workdays: [] } });
    expect([...cal.knownYears].sort()).toEqual([2027, 2028]);
    const parsed = loadHolidayCalendar(file("no-workdays.json", { "2027": { holidays: ["2027-01-01"] } }));
    expect(parsed.knownYears.has(2027)).toBe(true);
  });

  test.each([
    ["not JSON", "{ nope", "cannot read"],
    ["a year that is not four digits", { "27": { holidays: ["2027-01-01"] } }, "four digits"],
    ["a date that is not YYYY-MM-DD", { "2027": { holidays: ["2027/01/01"] } }, "2027.holidays.0"],
    ["a date that does not exist", { "2027": { holidays: ["2027-02-30"] } }, "2027-02-30 is not a real date"],
    ["a date outside its year", { "2027": { holidays: ["2027-01-01", "2026-12-31"] } }, "2027.holidays.1: 2026-12-31 is not in 2027"],
    ["a day both off and worked", { "2027": { holidays: ["2027-01-02"], workdays: ["2027-01-02"] } }, "2027-01-02 is both a holiday and a make-up workday"],
    ["a make-up workday on a weekday", { "2027": { holidays: ["2027-01-01"], workdays: ["2027-01-04"] } }, "2027.workdays.0: 2027-01-04 is a weekday"],
    ["a year without holidays", { "2027": { holidays: [], workdays: [] } }, "2027.holidays"],
    ["an unknown field", { "2027": { holidays: ["2027-01-01"], makeup: [] } }, "makeup"],
  ])("%s stops start-up naming the setting and the entry", (_name, content, words) => {
    const p = file(`${_name}.json`, content);
    expect(() => loadHolidayCalendar(p)).toThrow(ConfigError);
    expect(() => loadHolidayCalendar(p)).toThrow("SENTINEL_HOLIDAYS");
    expect(() => loadHolidayCalendar(p)).toThrow(words);
  });

  test("a missing file too", () => {
    expect(() => loadHolidayCalendar(path.join(dir, "absent.json"))).toThrow("SENTINEL_HOLIDAYS");
  });

  test("which years to ask for: the current one when unknown, the next one from 1 December", () => {
    const cal = loadHolidayCalendar(undefined);
    expect(yearsToAskFor(cal, "2026-06-30")).toEqual([]);
    expect(yearsToAskFor(cal, "2026-11-30")).toEqual([]);
    expect(yearsToAskFor(cal, "2026-12-01")).toEqual([2027]);
    expect(yearsToAskFor(cal, "2027-03-01")).toEqual([2027]);
    expect(yearsToAskFor(cal, "2027-12-01")).toEqual([2027, 2028]);
    const known = loadHolidayCalendar(file("known.json", SAMPLE_2027));
    expect(yearsToAskFor(known, "2026-12-01")).toEqual([]);
    expect(yearsToAskFor(known, "2027-12-01")).toEqual([2028]);
  });
});
