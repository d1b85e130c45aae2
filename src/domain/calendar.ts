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
