import { shanghaiDate, shanghaiHour } from "../domain/dates.ts";
import { isWorkingDay, yearsToAskFor } from "../domain/calendar.ts";
import { isQuiet } from "../domain/obligations.ts";
import type { BotDeps } from "../core/context.ts";
import { pickLang } from "../core/i18n.ts";
import { privateChatOf, type OutgoingMessage } from "../core/messages.ts";

/** Like the reminders: from 09:00 Shanghai time, never in the quiet hours. */
const FIRST_HOUR = 9;

/**
 * Tells every admin, privately and once, that the holiday calendar does not know a year: the current one, or from
 * 1 December the coming one (`yearsToAskFor`). Until the deployment gives that year's holidays (`SENTINEL_HOLIDAYS`),
 * its reminders count Monday–Friday as working days and may fall in 春节. Admins are the people in `SENTINEL_ADMINS`,
 * the super-admins in the store and the holders of an ADMIN grant. Sent on a working day, from 09:00, outside the quiet
 * hours. Each (year, person) is claimed in the store before it is sent and marked after, as the deadline reminders
 * are: two processes send it once, a failed send is retaken by a tick five minutes later, and someone who becomes an
 * admin later hears it then. Returns the number sent.
 */
export async function runCalendarWarning(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<number> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const years = yearsToAskFor(deps.calendar, today);
  if (years.length === 0) return 0;
  if (!isWorkingDay(deps.calendar, today) || shanghaiHour(now) < FIRST_HOUR || isQuiet(now, deps.config.SENTINEL_QUIET_HOURS)) return 0;
  const log = deps.log.child({ module: "reminders" });
  const tx = deps.store.transaction;

  // Configured admins may not have written to the bot yet: addressed by their id, in the deployment's language.
  const people = new Map<string, { platform: string; platformUserId: string; lang: string | null }>();
  for (const entry of deps.config.SENTINEL_ADMINS) {
    const i = entry.indexOf(":");
    people.set(entry, { platform: entry.slice(0, i), platformUserId: entry.slice(i + 1), lang: null });
  }
  for (const u of await tx((repo) => repo.admins())) people.set(`${u.platform}:${u.platformUserId}`, u);
  const configuredLangs = await tx(async (repo) => {
    const out = new Map<string, string | null>();
    for (const entry of deps.config.SENTINEL_ADMINS) {
      const p = people.get(entry)!;
      if (p.lang === null) out.set(entry, (await repo.findUserById(p.platform, p.platformUserId))?.lang ?? null);
    }
    return out;
  });

  let sent = 0;
  for (const year of years) {
    for (const [who, p] of people) {
      const key = `calendar-unknown:${year}|${who}`;
      if (!(await tx((repo) => repo.claimJob(key, now)))) continue;
      try {
        const lang = pickLang(p.lang ?? configuredLangs.get(who), deps.config.SENTINEL_LANG);
        const text = deps.prompts.t(lang, "calendar-unknown", { year: String(year), setting: "SENTINEL_HOLIDAYS" });
        await send({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), text });
        await tx((repo) => repo.markJobSent(key, deps.clock()));
        sent++;
      } catch (err) {
        // The claim stays unsent: a later tick (this process or another) retakes it once it is stale.
        log.error({ op: "calendar-warning", year, err }, "calendar warning not sent");
      }
    }
  }
  return sent;
}
