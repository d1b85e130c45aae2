import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import { loadJsonSetting } from "../config.ts";
import { parseDate } from "../domain/dates.ts";
import type { HolidayCalendar } from "../domain/calendar.ts";

/** `YYYY-MM-DD`, a real calendar day. */
const day = z.string().superRefine((d, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) ctx.addIssue({ code: "custom", message: `"${d}": a date is written YYYY-MM-DD` });
  else if (parseDate(d) !== d) ctx.addIssue({ code: "custom", message: `${d} is not a real date` });
});

const year = z.object({
  /** Days off (法定节假日, including the weekend days the notice lists as part of a holiday). */
  holidays: z.array(day).min(1, "a year's notice always has holidays: list them"),
  /** Weekend days that are working days (调休上班). */
  workdays: z.array(day).default([]),
}).strict();

/**
 * The file at `SENTINEL_HOLIDAYS`: `{ "2027": { "holidays": [...], "workdays": [...] }, ... }`. Each date must be real
 * and within its year, no day both a holiday and a make-up workday, and a make-up workday a Saturday or Sunday (a weekday
 * is a working day already: there it is a typo).
 */
const holidaysFile = z
  .record(z.string(), year)
  .superRefine((years, ctx) => {
    for (const [y, entry] of Object.entries(years)) {
      if (!/^\d{4}$/.test(y)) {
        ctx.addIssue({ code: "custom", path: [y], message: `"${y}" is not a year: years are written as four digits, e.g. "2027"` });
        continue;
      }
      const workdays = new Set(entry.workdays);
      for (const [kind, list] of [["holidays", entry.holidays], ["workdays", entry.workdays]] as const) {
        list.forEach((d, i) => {
          const path = [y, kind, i];
          if (!d.startsWith(`${y}-`)) ctx.addIssue({ code: "custom", path, message: `${d} is not in ${y}` });
          if (kind === "holidays" && workdays.has(d)) ctx.addIssue({ code: "custom", path, message: `${d} is both a holiday and a make-up workday` });
          const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
          if (kind === "workdays" && dow !== 0 && dow !== 6) ctx.addIssue({ code: "custom", path, message: `${d} is a weekday, so already a working day: a make-up workday (调休上班) falls on a Saturday or Sunday` });
        });
      }
    }
  });

export type HolidaysFile = z.infer<typeof holidaysFile>;

/**
 * The official holiday calendar (holidays and make-up workdays, as the State Council announces them): the `chinese-days`
 * package, with the years in the file at `SENTINEL_HOLIDAYS` laid over it — a year in the file replaces the package's
 * days of that year and becomes a known year. Years neither lists fall back to Monday–Friday (see `unknownYears`).
 * A wrong file stops start-up with a ConfigError naming the setting and the entry.
 */
export function loadHolidayCalendar(file?: string): HolidayCalendar {
  const require = createRequire(import.meta.url);
  const lib = require.resolve("chinese-days/dist/chinese-days.json");
  const data = JSON.parse(readFileSync(lib, "utf8")) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const extra = file ? loadJsonSetting("SENTINEL_HOLIDAYS", file, holidaysFile) : {};
  return mergeCalendar(Object.keys(data.holidays), Object.keys(data.workdays), extra);
}

/** The library's days, with each year of `extra` replacing the library's days of that year. */
export function mergeCalendar(holidayDays: readonly string[], workdayDays: readonly string[], extra: HolidaysFile): HolidayCalendar {
  const given = new Set(Object.keys(extra));
  const ofLibrary = (d: string) => !given.has(d.slice(0, 4));
  const holidays = new Set(holidayDays.filter(ofLibrary));
  const workdays = new Set(workdayDays.filter(ofLibrary));
  for (const entry of Object.values(extra)) {
    for (const d of entry.holidays) holidays.add(d);
    for (const d of entry.workdays) workdays.add(d);
  }
  const knownYears = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  return { holidays, workdays, knownYears };
}
