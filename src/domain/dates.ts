/**
 * Calendar arithmetic in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991,
 * so a fixed offset is exact and needs no time-zone database.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of the Shanghai calendar day that contains `instant`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Shanghai, for history lines. */
export function shanghaiDateTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** `YYYY-MM` of the Shanghai month that contains `instant`. */
export function shanghaiMonth(instant: Date): string {
  return shanghaiDate(instant).slice(0, 7);
}

/** The hour (0–23) on a Shanghai clock. */
export function shanghaiHour(instant: Date): number {
  return new Date(instant.getTime() + OFFSET_MS).getUTCHours();
}

export function shanghaiYear(instant: Date): number {
  return Number(shanghaiDate(instant).slice(0, 4));
}

/** The calendar day `days` after (or before, when negative) `date`, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** Full-width digits and punctuation (common from Chinese input methods) to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 2000 || y > 2100) return null;
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  // Date.parse rolls 2026-02-30 over to March; a round trip catches it.
  const back = new Date(Date.parse(`${iso}T00:00:00Z`));
  return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * A calendar date as people type it: `2026-12-31`, `2026/12/31`, `2026.12.31`, `2026年12月31日`
 * (full-width digits too). Returns `YYYY-MM-DD`, or `null` when it is not a real date.
 */
export function parseDate(input: string): string | null {
  const m = DATE_SHAPE.exec(toHalfWidth(input.trim()));
  return m ? validDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const DATE_SHAPE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;

/** Whether the input is written as a date, valid or not (`2026-02-30` is; `明天` is not): such a typo is no usage error. */
export function looksLikeDate(input: string): boolean {
  return DATE_SHAPE.test(toHalfWidth(input.trim()));
}

/** A month as `YYYY-MM`, `YYYY/MM` or `YYYY年M月`; returns `YYYY-MM` or `null`. */
export function parseMonth(input: string): string | null {
  const s = toHalfWidth(input.trim());
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12 || Number(m[1]) < 2000 || Number(m[1]) > 2100) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}`;
}

/** The instants `[start, end)` of a Shanghai month `YYYY-MM`. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { start: startOfShanghaiDay(`${month}-01`), end: startOfShanghaiDay(`${next}-01`) };
}

/** A stretch of Shanghai calendar days, first and last included, and how it was asked for (`2026-10`, `2026`, …). */
export interface Period {
  from: string;
  to: string;
  label: string;
}

/** The last day of `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`, -1);
}

/**
 * A period as officials write it: a month (`2026-10`, `2026年10月`, or `10月` — the latest October not after `today`),
 * a year (`2026`, `2026年`) or two dates (`2026-01-01~2026-06-30`, also with 至, 到 or a dash between). Returns `null`
 * for anything else, or dates the wrong way round.
 */
export function parsePeriod(input: string, today: string): Period | null {
  const s = toHalfWidth(input.trim()).replace(/\s+/g, "");
  const month = parseMonth(s);
  if (month) return { from: `${month}-01`, to: lastDayOf(month), label: month };
  const bare = /^(\d{1,2})月$/.exec(s);
  if (bare) {
    const m = Number(bare[1]);
    if (m < 1 || m > 12) return null;
    const year = Number(today.slice(0, 4)) - (m > Number(today.slice(5, 7)) ? 1 : 0);
    const label = `${year}-${String(m).padStart(2, "0")}`;
    return { from: `${label}-01`, to: lastDayOf(label), label };
  }
  const year = /^(\d{4})年?$/.exec(s);
  if (year) {
    const y = Number(year[1]);
    return y < 2000 || y > 2100 ? null : { from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
  }
  const range = /^(.+?)(?:~|至|到|—|–|--)(.+)$/.exec(s);
  if (range) {
    const from = parseDate(range[1]!);
    const to = parseDate(range[2]!);
    return from && to && from <= to ? { from, to, label: `${from}~${to}` } : null;
  }
  return null;
}
