import { addDays } from "./dates.ts";
import { isWorkingDay, workingDayAfter, workingDayBefore, type HolidayCalendar } from "./calendar.ts";

/**
 * One step of chasing a hazard's deadline (rectification or 督办): `T-3` three working days before and `T0` on the day
 * go to the unit; `LATE-<n>` (the first working day after, then weekly while overdue) goes to the regulator above.
 */
export interface ChaseStep {
  step: string;
  to: "unit" | "regulator";
  /** Calendar days past the deadline (0 before and on the day). */
  daysLate: number;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The first working day on or after `date`. */
function onOrAfter(cal: HolidayCalendar, date: string): string {
  return isWorkingDay(cal, date) ? date : workingDayAfter(cal, date);
}

/**
 * The chase step due on `today` for a deadline, or `null`. Each step has one day (a day off moves it to a working day:
 * the day's own reminder to the working day before, the weekly ones after), so a step is sent once whatever the hour.
 */
export function chaseStepOn(cal: HolidayCalendar, deadline: string, today: string): ChaseStep | null {
  if (today === workingDayBefore(cal, deadline, 3)) return { step: "T-3", to: "unit", daysLate: 0 };
  const onDay = isWorkingDay(cal, deadline) ? deadline : workingDayBefore(cal, deadline);
  if (today === onDay) return { step: "T0", to: "unit", daysLate: 0 };
  if (today <= deadline) return null;
  const first = workingDayAfter(cal, deadline);
  for (let n = 0; ; n++) {
    const d = n === 0 ? first : onOrAfter(cal, addDays(first, 7 * n));
    if (d === today) return { step: `LATE-${n}`, to: "regulator", daysLate: days(deadline, today) };
    if (d > today) return null;
  }
}

/** The deadline `days` calendar days after `today`, moved to the next working day when it falls on a day off. */
export function deadlineAfter(cal: HolidayCalendar, today: string, days: number): string {
  return onOrAfter(cal, addDays(today, days));
}

/**
 * The chase step due on `today` for a report nobody has confirmed since `reportedOn`, or `null`: `CONFIRM-0` to the
 * unit (its 安全管理员) `n` working days after, then `CONFIRM-1` to the regulator above at `2n`, and weekly after that.
 */
export function confirmChaseOn(cal: HolidayCalendar, reportedOn: string, today: string, n: number): ChaseStep | null {
  const first = workingDayAfter(cal, reportedOn, n);
  if (today === first) return { step: "CONFIRM-0", to: "unit", daysLate: days(reportedOn, today) };
  const up = workingDayAfter(cal, reportedOn, 2 * n);
  for (let k = 0; ; k++) {
    const d = k === 0 ? up : onOrAfter(cal, addDays(up, 7 * k));
    if (d === today) return { step: `CONFIRM-${k + 1}`, to: "regulator", daysLate: days(reportedOn, today) };
    if (d > today) return null;
  }
}
