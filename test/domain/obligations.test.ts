import { describe, expect, test } from "vitest";
import { WEEKDAYS_ONLY, isWorkingDay, unknownYears, workingDayAfter, workingDayBefore } from "../../src/domain/calendar.ts";
import { activePeriods, defaultPeriod, dueDate, isLate, isPeriodOf, isQuiet, ladder, periodOn, stepState, type Recurrence } from "../../src/domain/obligations.ts";
import { loadHolidayCalendar } from "../../src/core/holidays.ts";

const cal = loadHolidayCalendar();
const MONTHLY: Recurrence = { kind: "monthly", day: 18 };
const ANNUAL: Recurrence = { kind: "annual", month: 12, day: 10 };
const at = (iso: string) => new Date(iso);
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe("the 2026 calendar", () => {
  test.each([
    ["2026-01-01", false], ["2026-01-04", true], // New Year; Sunday made up
    ["2026-02-14", true], ["2026-02-16", false], ["2026-02-23", false], ["2026-02-24", true], ["2026-02-28", true], // Spring Festival
    ["2026-05-01", false], ["2026-05-05", false], ["2026-05-09", true], // Labour Day
    ["2026-09-20", true], ["2026-10-01", false], ["2026-10-07", false], ["2026-10-08", true], ["2026-10-10", true], // National Day
    ["2026-11-18", true], ["2026-11-21", false], ["2026-12-10", true],
  ])("%s is a working day: %s", (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working);
  });

  test("a year the calendar does not know falls back to Monday–Friday", () => {
    expect(unknownYears(cal, 2026, 2027)).toEqual([2027]);
    expect(isWorkingDay(cal, "2027-01-01")).toBe(true); // a Friday; its holiday is not announced yet
    expect(isWorkingDay(cal, "2027-01-02")).toBe(false);
    expect(isWorkingDay(WEEKDAYS_ONLY, "2026-10-01")).toBe(true);
  });

  test("working days before and after skip holidays and count make-up days", () => {
    expect(workingDayBefore(cal, "2026-02-18")).toBe("2026-02-14");
    expect(workingDayBefore(cal, "2026-02-18", 3)).toBe("2026-02-12");
    expect(workingDayAfter(cal, "2026-02-18")).toBe("2026-02-24");
    expect(workingDayAfter(cal, "2026-09-30")).toBe("2026-10-08");
  });
});

describe("due dates and periods", () => {
  test("monthly on the 18th, annual on 10 December; a day past the month's end is its last day", () => {
    expect(dueDate(MONTHLY, "2026-11")).toBe("2026-11-18");
    expect(dueDate(ANNUAL, "2026")).toBe("2026-12-10");
    expect(dueDate({ kind: "monthly", day: 31 }, "2026-02")).toBe("2026-02-28");
    expect(dueDate({ kind: "monthly", day: 31 }, "2028-02")).toBe("2028-02-29");
    expect(dueDate({ kind: "annual", month: 2, day: 30 }, "2026")).toBe("2026-02-28");
    expect(dueDate({ kind: "once", date: "2026-08-15" }, "2026-08-15")).toBe("2026-08-15");
  });

  test("periods are explicit", () => {
    expect(periodOn(MONTHLY, "2026-11-23")).toBe("2026-11");
    expect(periodOn(ANNUAL, "2026-11-23")).toBe("2026");
    expect(isPeriodOf(MONTHLY, "2026-11")).toBe(true);
    expect(isPeriodOf(MONTHLY, "2026-13")).toBe(false);
    expect(isPeriodOf(ANNUAL, "2026")).toBe(true);
    expect(isPeriodOf(ANNUAL, "2026-11")).toBe(false);
    expect(activePeriods(MONTHLY, "2026-01-05")).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(activePeriods(ANNUAL, "2026-01-05")).toEqual(["2025", "2026", "2027"]);
  });

  test("late is after the due day, not on it", () => {
    expect(isLate("2026-11-18", "2026-11-18")).toBe(false);
    expect(isLate("2026-11-19", "2026-11-18")).toBe(true);
  });
});

describe("the reminder ladder", () => {
  test.each([
    // A plain Wednesday.
    ["2026-11", [["T-3", "2026-11-13"], ["T-1", "2026-11-17"], ["T0", "2026-11-18"], ["MISS", "2026-11-19"]]],
    // The 18th in the Spring Festival: the reminders move before it (to a make-up Saturday), the miss after it.
    ["2026-02", [["T-3", "2026-02-12"], ["T-1", "2026-02-14"], ["MISS", "2026-02-24"]]],
    // A Sunday, with the National Day make-up Saturday before it.
    ["2026-10", [["T-3", "2026-10-14"], ["T-1", "2026-10-16"], ["MISS", "2026-10-19"]]],
    // A Saturday.
    ["2026-04", [["T-3", "2026-04-15"], ["T-1", "2026-04-17"], ["MISS", "2026-04-20"]]],
  ])("monthly report %s", (period, expected) => {
    expect(ladder(cal, dueDate(MONTHLY, period)).map((s) => [s.step, s.date])).toEqual(expected);
  });

  test("annual summary 2026: Thursday 10 December", () => {
    expect(ladder(cal, "2026-12-10").map((s) => [s.step, s.date])).toEqual([
      ["T-3", "2026-12-07"], ["T-1", "2026-12-09"], ["T0", "2026-12-10"], ["MISS", "2026-12-11"],
    ]);
  });

  test("over the whole year, every reminder is on a working day, in order, 3 and 1 working days ahead", () => {
    for (let m = 1; m <= 12; m++) {
      const period = `2026-${String(m).padStart(2, "0")}`;
      const due = dueDate(MONTHLY, period);
      const steps = ladder(cal, due);
      for (const s of steps) expect(isWorkingDay(cal, s.date), `${period} ${s.step} ${s.date}`).toBe(true);
      const dates = steps.map((s) => s.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      const before = (d: string) => days(d, due).slice(1, -1).filter((x) => isWorkingDay(cal, x)).length;
      expect(before(steps[0]!.date), period).toBe(2); // T-3: two working days lie between it and the due day
      expect(before(steps[1]!.date), period).toBe(0);
      expect(steps.some((s) => s.step === "T0")).toBe(isWorkingDay(cal, due));
      const miss = steps.at(-1)!;
      expect(miss.step).toBe("MISS");
      expect(days(due, miss.date).slice(1, -1).some((d) => isWorkingDay(cal, d))).toBe(false);
    }
  });

  test("a step is due from 09:00 on its day until 09:00 on the next step's day, late when its day has passed", () => {
    const steps = ladder(cal, "2026-11-18");
    const state = (i: number, iso: string) => stepState(cal, steps, i, at(iso));
    expect(state(0, "2026-11-13T00:59:00Z")).toEqual({ state: "early" }); // 08:59 Shanghai
    expect(state(0, "2026-11-13T01:00:00Z")).toEqual({ state: "due", late: false });
    expect(state(0, "2026-11-16T03:00:00Z")).toEqual({ state: "due", late: true }); // the bot was down until Monday
    expect(state(0, "2026-11-17T01:00:00Z")).toEqual({ state: "passed" }); // T-1 has begun: T-3 is skipped
    expect(state(3, "2026-11-19T01:00:00Z")).toEqual({ state: "due", late: false });
    expect(state(3, "2026-11-20T01:00:00Z")).toEqual({ state: "passed" });
  });

  test("no reminder to submit by the due date goes out after it: a due date on a holiday ends T-1's window", () => {
    const due = "2026-10-01"; // National Day
    const steps = ladder(cal, due);
    expect(steps.map((x) => [x.step, x.date])).toEqual([["T-3", "2026-09-28"], ["T-1", "2026-09-30"], ["MISS", "2026-10-08"]]);
    expect(stepState(cal, steps, 1, at("2026-09-30T16:00:00Z"), due)).toEqual({ state: "due", late: true }); // 1 October
    expect(stepState(cal, steps, 1, at("2026-10-01T16:00:00Z"), due)).toEqual({ state: "passed" }); // 2 October
    expect(stepState(cal, steps, 1, at("2026-09-30T15:00:00Z"), due)).toEqual({ state: "due", late: false }); // 23:00 on the 30th
    expect(stepState(cal, steps, 1, at("2026-10-05T02:00:00Z"), due)).toEqual({ state: "passed" });
    // The due day's own reminder is not sent the day after.
    const nov = ladder(cal, "2026-11-18");
    expect(stepState(cal, nov, 2, at("2026-11-19T00:30:00Z"), "2026-11-18")).toEqual({ state: "passed" });
    expect(stepState(cal, nov, 3, at("2026-11-19T01:00:00Z"), "2026-11-18")).toEqual({ state: "due", late: false });
  });

  test("a submission names its period, or it is the overdue last one, else the current one", () => {
    const none = () => false;
    expect(defaultPeriod(MONTHLY, "2026-11-02", none)).toBe("2026-10");
    expect(defaultPeriod(MONTHLY, "2026-11-02", (p) => p === "2026-10")).toBe("2026-11");
    expect(defaultPeriod(MONTHLY, "2026-11-20", (p) => p === "2026-10")).toBe("2026-11");
    expect(defaultPeriod(MONTHLY, "2026-11-18", none)).toBe("2026-10");
    expect(defaultPeriod(MONTHLY, "2026-11-19", none)).toBe("2026-11"); // October's is more than a month late: name it
    expect(defaultPeriod(ANNUAL, "2027-01-05", none)).toBe("2026");
    expect(defaultPeriod(ANNUAL, "2026-11-05", none)).toBe("2026");
    expect(defaultPeriod({ kind: "once", date: "2026-08-15" }, "2026-08-20", none)).toBe("2026-08-15");
  });

  test("quiet hours are 21:00 to 08:00 Shanghai", () => {
    expect(isQuiet(at("2026-11-18T13:00:00Z"))).toBe(true); // 21:00
    expect(isQuiet(at("2026-11-17T23:59:00Z"))).toBe(true); // 07:59
    expect(isQuiet(at("2026-11-18T00:00:00Z"))).toBe(false); // 08:00
    expect(isQuiet(at("2026-11-18T12:59:00Z"))).toBe(false); // 20:59
  });

  test("quiet hours a deployment sets", () => {
    expect(isQuiet(at("2026-11-18T14:30:00Z"), { from: 22, to: 7 })).toBe(true); // 22:30
    expect(isQuiet(at("2026-11-18T13:30:00Z"), { from: 22, to: 7 })).toBe(false); // 21:30
    expect(isQuiet(at("2026-11-18T04:30:00Z"), { from: 12, to: 14 })).toBe(true); // 12:30, a lunch break
    expect(isQuiet(at("2026-11-18T06:30:00Z"), { from: 12, to: 14 })).toBe(false); // 14:30
  });
});
