import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { HolidayCalendar } from "../domain/calendar.ts";

/**
 * The official holiday calendar (holidays and make-up workdays, as the State Council announces them) from the
 * `chinese-days` package. Years it does not list fall back to Monday–Friday; `main` logs which.
 */
export function loadHolidayCalendar(): HolidayCalendar {
  const require = createRequire(import.meta.url);
  const file = require.resolve("chinese-days/dist/chinese-days.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  const knownYears = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  return { holidays, workdays, knownYears };
}
