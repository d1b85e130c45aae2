import { addDays } from "./dates.ts";

/**
 * Working days in China: Monday to Friday, except the official holidays, plus the make-up workdays (调休上班)
 * that fall on weekends. The data is passed in (see `src/core/holidays.ts`); a year it does not cover falls back to
 * Monday–Friday. Dates are Asia/Shanghai calendar days, `YYYY-MM-DD`.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  knownYears: ReadonlySet<number>;
}

export const WEEKDAYS_ONLY: HolidayCalendar = { holidays: new Set(), workdays: new Set(), knownYears: new Set() };


export function isWorkingDay(cal: HolidayCalendar, date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekday = dow >= 1 && dow <= 5;
  if (!cal.knownYears.has(Number(date.slice(0, 4)))) return weekday;
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return weekday;
}

/** The `n`th working day strictly before `date`. */
export function workingDayBefore(cal: HolidayCalendar, date: string, n = 1): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** The `n`th working day strictly after `date`. */
export function workingDayAfter(cal: HolidayCalendar, date: string, n = 1): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** Years in [from, to] the calendar does not know (they fall back to Monday–Friday). */
export function unknownYears(cal: HolidayCalendar, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) if (!cal.knownYears.has(y)) out.push(y);
  return out;
}

/** From this day of the year before (`MM-DD`), a year's missing holidays are asked for: a month ahead, 1 December. */
export const ASK_FROM_MONTH_DAY = "12-01";

/**
 * The years whose missing holidays should be pointed out on `today` (`YYYY-MM-DD`, Shanghai): the current year when the
 * calendar does not know it, and from 1 December the coming year when it does not know that one.
 */
export function yearsToAskFor(cal: HolidayCalendar, today: string): number[] {
  const year = Number(today.slice(0, 4));
  const to = today.slice(5) >= ASK_FROM_MONTH_DAY ? year + 1 : year;
  return unknownYears(cal, year, to);
}
