import { monthRange, shanghaiDate } from "../domain/dates.ts";
import { isWorkingDay, workingDayAfter } from "../domain/calendar.ts";
import { isQuiet, SEND_HOUR } from "../domain/obligations.ts";
import { maskName } from "../domain/report-rewards.ts";
import { shanghaiHour } from "../domain/dates.ts";
import type { BotDeps } from "../core/context.ts";
import type { OutgoingMessage } from "../core/messages.ts";

/** The first working day of the month `date` falls in. */
export function firstWorkingDay(deps: BotDeps, date: string): string {
  const first = `${date.slice(0, 7)}-01`;
  return isWorkingDay(deps.calendar, first) ? first : workingDayAfter(deps.calendar, first, 1);
}

/**
 * 光荣榜: on the first working day of each month, from 09:00, every bound group hears last month's top reporters of
 * its unit (masked names for those who asked). Each post is claimed in the store before it is sent and marked after,
 * so it goes out once, across restarts and processes. Returns the number sent.
 */
export async function runHonorPosts(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<number> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  if (today !== firstWorkingDay(deps, today) || shanghaiHour(now) < SEND_HOUR || isQuiet(now, deps.config.SENTINEL_QUIET_HOURS)) return 0;
  const d = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`) - 86_400_000);
  const month = d.toISOString().slice(0, 7);
  const { start, end } = monthRange(month);
  const lang = deps.config.SENTINEL_LANG;
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);
  const units = await deps.store.transaction((repo) => repo.deadlines.allUnits());
  let sent = 0;
  for (const unit of units) {
    const chats = await deps.store.transaction((repo) => repo.deadlines.chatsOf(unit.id));
    if (chats.length === 0) continue;
    const rows = (await deps.store.transaction((repo) => repo.rewards.honor([unit.path], start, end))).slice(0, 10);
    if (rows.length === 0) continue;
    const text = [
      t("honor-head", { unit: unit.name, month }),
      ...rows.map((r, i) => t("honor-line", { rank: i + 1, name: r.hidden ? maskName(r.name) : r.name, general: r.general, major: r.major })),
    ].join("\n");
    for (const chat of chats) {
      const key = `honor:${unit.id}:${month}|${chat.platform}:${chat.chatId}`;
      if (!(await deps.store.transaction((repo) => repo.claimJob(key, now)))) continue;
      try {
        await send({ ...chat, text });
        await deps.store.transaction((repo) => repo.markJobSent(key, deps.clock()));
        sent++;
      } catch (err) {
        deps.log.error({ module: "honor", op: "post", err }, "honour roll not sent");
      }
    }
  }
  return sent;
}
