import { isWorkingDay, workingDayAfter, type HolidayCalendar } from "./calendar.ts";
import { addDays, parsePeriod, toHalfWidth } from "./dates.ts";

/**
 * 日周月排查: a unit's self-inspection rounds. Pure: the periods of each frequency, the day a round is posted and its
 * deadline on the working-day calendar, the follow-up days, and the answers people type.
 */
export const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "LEADER"] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** How often a round comes: `LEADER` (主要负责人带队检查) is a frequency of its own whose cadence is the unit's industry's. */
export type Cadence = Exclude<Frequency, "LEADER">;

/**
 * The cadence of a round: 主要负责人带队检查 at least once a month in a 高危行业, once a quarter elsewhere (seed 003 第6条:
 * “每季度带队……至少开展1次检查（高危行业领域每月至少1次）”).
 */
export const cadenceOf = (freq: Frequency, highRisk: boolean): Cadence => (freq !== "LEADER" ? freq : highRisk ? "MONTHLY" : "QUARTERLY");

export const RESULTS = ["OK", "ABNORMAL", "NA"] as const;
export type CheckResult = (typeof RESULTS)[number];

/** One item of a shipped template (`prompts/checklists/*.json`). */
export interface TemplateItem {
  id: string;
  frequency: Frequency;
  zh: string;
  en: string;
  /** The standard or rule the item checks against. */
  basis: string;
  /** A major-hazard indicator id: an abnormal answer suggests a major hazard. */
  indicator?: string | undefined;
}

export interface ChecklistTemplate {
  key: string;
  name: { "zh-CN": string; en: string };
  industry: string;
  items: TemplateItem[];
}

/** An item as a round carries it (numbered from 1 in the round). */
export interface RoundItem {
  itemId: number;
  text: string;
  indicator: string | null;
  responsible: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO week of a date: `2026-W48`. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = d.getUTCDay() || 7;
  const thursday = new Date(d.getTime() + (4 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The period of a frequency that contains `date`: `2026-11-24`, `2026-W48`, `2026-11`, `2026-Q4`. */
export function periodOf(freq: Cadence, date: string): string {
  switch (freq) {
    case "DAILY":
      return date;
    case "WEEKLY":
      return isoWeek(date);
    case "MONTHLY":
      return date.slice(0, 7);
    case "QUARTERLY":
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  }
}

/**
 * A period as the words say it, as the arguments of the prompt `check-period` (which every message naming a period
 * refers to): `2026-W50` → 2026年第50周, `2026-Q4` → 2026年第四季度, `2026-12` → 2026年12月, `2026` → 2026年; a date or a
 * range as it is. Numbers as strings (Fluent would group 2026 as 2,026). `period` keeps the stored form.
 */
export function periodArgs(period: string): { pkind: "week" | "quarter" | "month" | "year" | "other"; pyear: string; pn: string; ptext: string; period: string } {
  const base = { ptext: period, period };
  const w = /^(\d{4})-W(\d{2})$/.exec(period);
  if (w) return { ...base, pkind: "week", pyear: w[1]!, pn: String(Number(w[2])) };
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return { ...base, pkind: "quarter", pyear: q[1]!, pn: q[2]! };
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return { ...base, pkind: "month", pyear: m[1]!, pn: String(Number(m[2])) };
  if (/^\d{4}$/.test(period)) return { ...base, pkind: "year", pyear: period, pn: "" };
  return { ...base, pkind: "other", pyear: "", pn: "" };
}

/** The calendar days of the period containing `date`, first and last. */
export function periodRange(freq: Cadence, date: string): { first: string; last: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (freq) {
    case "DAILY":
      return { first: date, last: date };
    case "WEEKLY": {
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
      const first = addDays(date, 1 - dow);
      return { first, last: addDays(first, 6) };
    }
    case "MONTHLY":
      return { first: `${date.slice(0, 7)}-01`, last: `${date.slice(0, 7)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}` };
    case "QUARTERLY": {
      const q0 = Math.floor((m - 1) / 3) * 3;
      return { first: `${y}-${pad(q0 + 1)}-01`, last: `${y}-${pad(q0 + 3)}-${pad(new Date(Date.UTC(y, q0 + 3, 0)).getUTCDate())}` };
    }
  }
}

/**
 * The round of a frequency for the period containing `date`: posted on the period's first working day, due on its
 * last (a daily round: the day itself). `null` when the period has no working day (a daily round on a day off, a week
 * of holiday).
 */
export function roundOn(cal: HolidayCalendar, freq: Cadence, date: string): { period: string; postDay: string; deadline: string } | null {
  const { first, last } = periodRange(freq, date);
  let postDay: string | null = null;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) {
      postDay = d;
      break;
    }
  }
  if (!postDay) return null;
  let deadline = last;
  while (!isWorkingDay(cal, deadline)) deadline = addDays(deadline, -1);
  return { period: periodOf(freq, date), postDay, deadline };
}

/** A round may still be answered this many days after its deadline (late, and chased meanwhile); then it is closed to answers. */
export const ANSWERABLE_DAYS = 14;

/** The earliest deadline of a round that may still be answered today. */
export const answerableSince = (today: string): string => addDays(today, -ANSWERABLE_DAYS);

/** After a missed deadline: the unit is reminded the next working day, and the round escalated the one after. */
export function followUpDays(cal: HolidayCalendar, deadline: string): { remind: string; escalate: string } {
  return { remind: workingDayAfter(cal, deadline, 1), escalate: workingDayAfter(cal, deadline, 2) };
}

/** `HH:MM` (also `8:30`, `8点半`, `8点`): minutes after midnight, or null. */
export function parseTimeOfDay(input: string): number | null {
  const s = toHalfWidth(input.trim());
  const m = /^(\d{1,2})(?::(\d{2})|点(?:(\d{1,2})分?|(半))?)?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number(m[3]) : m[4] ? 30 : 0;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

export const formatTime = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

// Longest first, so 不正常 is not read as 正常, 无异常 not as 异常.
const RESULT_WORDS: [string, CheckResult][] = (
  [
    ["无异常", "OK"], ["不正常", "ABNORMAL"], ["不合格", "ABNORMAL"], ["有问题", "ABNORMAL"], ["不适用", "NA"], ["无此项", "NA"],
    ["正常", "OK"], ["合格", "OK"], ["良好", "OK"], ["好", "OK"], ["异常", "ABNORMAL"], ["abnormal", "ABNORMAL"], ["problem", "ABNORMAL"],
    ["fine", "OK"], ["good", "OK"], ["ok", "OK"], ["n/a", "NA"], ["na", "NA"],
  ] as [string, CheckResult][]
).sort((a, b) => b[0].length - a[0].length);

const RESULT_RE = RESULT_WORDS.map(([w]) => w.replace("/", "\\/")).join("|");
/** `3异常`, `3 异常`, `3.正常`, `3、好` — a number and a result word, not followed by a Latin letter (`3 okay` is not one). */
const SEGMENT = new RegExp(`(?:^|(?<=[\\s，,；;。]))(\\d{1,3})\\s*[.、:：)）]?\\s*(${RESULT_RE})(?![a-z])`, "gi");
const ALL_OK = /^(?:全部|全都|都|均|所有项目?|全部项目)\s*(?:正常|好|合格|无异常)[。.!！]?$|^all\s*(?:ok|fine|good|normal)[.!]?$/i;
const REST_OK = /(?:^|[\s，,；;。])(?:其余|其他|其它|其余均|其他均|其余都|其他都|rest|others)\s*(?:正常|好|合格|ok|fine)[。.!！]?$/i;

export interface ParsedAnswers {
  items: { position: number; result: CheckResult; note: string }[];
  /** Items not named are OK (`全部正常`, or `… 其余正常` at the end). */
  restOk: boolean;
}

const resultOf = (word: string): CheckResult => RESULT_WORDS.find(([w]) => w === word.toLowerCase())![1];

/**
 * A round answered in one message: `1好 2好 3异常 配电箱门未关 4不适用`, `全部正常`, `3异常 配电箱门未关 其余正常`.
 * The text after an item's result word, up to the next item, is its note. `null` when the message is not written so.
 */
export function parseAnswers(input: string): ParsedAnswers | null {
  let s = toHalfWidth(input).trim();
  if (ALL_OK.test(s)) return { items: [], restOk: true };
  let restOk = false;
  const rest = REST_OK.exec(s);
  if (rest) {
    restOk = true;
    s = s.slice(0, rest.index).trim();
  }
  const marks = [...s.matchAll(SEGMENT)];
  if (marks.length === 0 || marks[0]!.index !== 0) return null;
  const items = marks.map((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : s.length;
    const note = s.slice(m.index + m[0].length, end).replace(/^[\s:：，,-]+|[\s，,；;。]+$/g, "").trim();
    return { position: Number(m[1]), result: resultOf(m[2]!), note };
  });
  return { items, restOk };
}

/** One answer in the item-by-item dialog: `正常`, `异常 配电箱门未关`, `不适用`. */
export function parseDialogAnswer(input: string): { result: CheckResult; note: string } | null {
  const s = toHalfWidth(input).trim();
  for (const [w, result] of RESULT_WORDS) {
    if (s.toLowerCase().startsWith(w) && !/^[a-z]/i.test(s.slice(w.length))) {
      return { result, note: s.slice(w.length).replace(/^[\s:：，,-]+/, "").trim() };
    }
  }
  return null;
}

/** A rate as a percentage with one decimal, or `null` when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((Math.min(part, whole) / whole) * 1000) / 10;
}

const FREQUENCY_WORDS: Record<string, Frequency> = {
  每日: "DAILY", 每天: "DAILY", 日: "DAILY", 日查: "DAILY", daily: "DAILY", day: "DAILY",
  每周: "WEEKLY", 周: "WEEKLY", 周查: "WEEKLY", weekly: "WEEKLY", week: "WEEKLY",
  每月: "MONTHLY", 月: "MONTHLY", 月查: "MONTHLY", monthly: "MONTHLY", month: "MONTHLY",
  每季: "QUARTERLY", 每季度: "QUARTERLY", 季: "QUARTERLY", 季度: "QUARTERLY", 季查: "QUARTERLY", quarterly: "QUARTERLY", quarter: "QUARTERLY",
  带队: "LEADER", 带队检查: "LEADER", 主要负责人带队: "LEADER", 领导带队: "LEADER", leader: "LEADER", lead: "LEADER",
};

/** A frequency as people write it (每日, 周查, weekly …). */
export function parseFrequency(word: string | undefined): Frequency | null {
  if (!word) return null;
  const w = toHalfWidth(word).trim().toLowerCase();
  return Object.hasOwn(FREQUENCY_WORDS, w) ? FREQUENCY_WORDS[w]! : null;
}

/** A period for `检查情况`: `2026-11`, `2026-Q4`, `2026`, `2026-W48` → its first and last day. */
export function parseCheckPeriod(input: string, today: string): { first: string; last: string; label: string } | null {
  // A quarter is this report's own; months, years and ranges are written as everywhere else (see `parsePeriod`).
  const q = /^(\d{4})-?Q([1-4])$/.exec(toHalfWidth(input).trim().toUpperCase());
  if (q) return { ...periodRange("QUARTERLY", `${q[1]}-${pad((Number(q[2]) - 1) * 3 + 1)}-01`), label: `${q[1]}-Q${q[2]}` };
  const p = parsePeriod(input, today);
  return p && { first: p.from, last: p.to, label: p.label };
}
