import { isWorkingDay, workingDayAfter, workingDayBefore, type HolidayCalendar } from "./calendar.ts";
import { addDays, shanghaiDate, shanghaiHour, startOfShanghaiDay } from "./dates.ts";

/**
 * 报送事项: what units owe the unit above them, and when. Recurring ones come from the campaign in force (`prompts/campaigns/`);
 * one-off ones are added by officials. Every step here is pure: dates in, dates out.
 */
export type Recurrence = { kind: "monthly"; day: number } | { kind: "annual"; month: number; day: number } | { kind: "once"; date: string };

export interface Obligation {
  /** Stable key: `monthly`, `annual`, or `once-<id>`. */
  key: string;
  name: { "zh-CN": string; en: string };
  /** Words that name it in `已报送 <word>` and in a file's caption. */
  keywords: string[];
  recurrence: Recurrence;
  /** The monthly statistics table goes with the first reminder of each period. */
  attachTable?: boolean;
  /** Who owes it: the units directly below the receiving unit (default), or every unit below it. */
  owedBy?: "children" | "subtree";
  /** The receiving units, by name; unset: every unit with units below it. */
  receivers?: string[];
  /** A one-off's creation day: steps before it are not reminders anyone missed. */
  createdOn?: string;
}

/** The reminder ladder: 3 working days before, 1 working day before, the morning of the due day, the day after a miss. */
export const STEPS = ["T-3", "T-1", "T0", "MISS"] as const;
export type Step = (typeof STEPS)[number];

/** Reminders go out from this hour, and never in the quiet hours. */
export const SEND_HOUR = 9;

/** Quiet hours on the Shanghai clock, `from` (inclusive) to `to` (exclusive), across midnight when from > to. */
export interface QuietHours {
  from: number;
  to: number;
}

export const DEFAULT_QUIET: QuietHours = { from: 21, to: 8 };

export function isQuiet(instant: Date, quiet: QuietHours = DEFAULT_QUIET): boolean {
  const h = shanghaiHour(instant);
  return quiet.from > quiet.to ? h >= quiet.from || h < quiet.to : h >= quiet.from && h < quiet.to;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** The period an obligation is owed for on `date`: `YYYY-MM`, `YYYY`, or the one-off's date. */
export function periodOn(rec: Recurrence, date: string): string {
  return rec.kind === "monthly" ? date.slice(0, 7) : rec.kind === "annual" ? date.slice(0, 4) : rec.date;
}

/** Whether `period` is written the way this obligation's periods are. */
export function isPeriodOf(rec: Recurrence, period: string): boolean {
  if (rec.kind === "monthly") return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  if (rec.kind === "annual") return /^\d{4}$/.test(period);
  return period === rec.date;
}

/** The due date of a period. A day past the month's end (e.g. 31 in February) is the month's last day. */
export function dueDate(rec: Recurrence, period: string): string {
  if (rec.kind === "once") return rec.date;
  if (rec.kind === "annual") {
    const y = Number(period);
    return `${period}-${pad(rec.month)}-${pad(Math.min(rec.day, lastDayOfMonth(y, rec.month)))}`;
  }
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${pad(Math.min(rec.day, lastDayOfMonth(y, m)))}`;
}

/**
 * The days of the ladder for a due date. A due date on a day off keeps its date; its reminders move to working days
 * before it (the due-day reminder falls on the last working day before, together with T-1, so it is dropped).
 */
export function ladder(cal: HolidayCalendar, due: string): { step: Step; date: string }[] {
  const steps: { step: Step; date: string }[] = [
    { step: "T-3", date: workingDayBefore(cal, due, 3) },
    { step: "T-1", date: workingDayBefore(cal, due, 1) },
  ];
  if (isWorkingDay(cal, due)) steps.push({ step: "T0", date: due });
  steps.push({ step: "MISS", date: workingDayAfter(cal, due, 1) });
  return steps;
}

export type StepState =
  | { state: "early" }
  /** Inside its window: send now (late when its own day has passed: the bot was down). */
  | { state: "due"; late: boolean }
  /** Its window passed without it being sent: record it as skipped, do not send. */
  | { state: "passed" };

/**
 * Where a step stands at `now`. A step's window runs from SEND_HOUR on its day to SEND_HOUR on the next step's day,
 * but never past the due day for the steps before it (a reminder to submit "by the due date" is not sent after it);
 * the miss's runs to the next working day after it. Inside it, quiet hours hold sends back.
 */
export function stepState(cal: HolidayCalendar, steps: { step: Step; date: string }[], i: number, now: Date, due?: string): StepState {
  const s = steps[i]!;
  const start = startOfShanghaiDay(s.date).getTime() + SEND_HOUR * 3600_000;
  const endDate = steps[i + 1]?.date ?? workingDayAfter(cal, s.date, 1);
  let end = startOfShanghaiDay(endDate).getTime() + SEND_HOUR * 3600_000;
  if (due && s.step !== "MISS") end = Math.min(end, startOfShanghaiDay(due).getTime() + 86_400_000);
  const t = now.getTime();
  if (t < start) return { state: "early" };
  if (t >= end) return { state: "passed" };
  return { state: "due", late: shanghaiDate(now) > s.date };
}

/**
 * The period a submission is for when none is named: the last period, if it fell due within the last month and this
 * unit has not submitted it (a late report is for the period it is late for); else the current one.
 */
export function defaultPeriod(rec: Recurrence, today: string, submitted: (period: string) => boolean): string {
  const current = periodOn(rec, today);
  if (rec.kind === "once") return current;
  const [prev] = activePeriods(rec, today);
  const prevDue = prev ? dueDate(rec, prev) : null;
  // Within a month after its due date: a report older than that is named explicitly.
  if (prev && prevDue && prevDue < today && today <= addDays(prevDue, 31) && !submitted(prev)) return prev;
  return current;
}

/**
 * The periods whose ladder may be running on `date`: this one, the one before (a miss after a month's end) and the
 * next (reminders before a due date early in a month start in the month before).
 */
export function activePeriods(rec: Recurrence, date: string): string[] {
  if (rec.kind === "once") return [rec.date];
  const y = Number(date.slice(0, 4));
  if (rec.kind === "annual") return [String(y - 1), String(y), String(y + 1)];
  const m = Number(date.slice(5, 7));
  const at = (k: number) => {
    const d = new Date(Date.UTC(y, m - 1 + k, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  };
  return [at(-1), at(0), at(1)];
}

/** Whether a submission on `date` for a period due `due` is late. */
export function isLate(date: string, due: string): boolean {
  return date > due;
}
