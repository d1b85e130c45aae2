import { addDays, shanghaiDate, shanghaiHour, startOfShanghaiDay } from "../domain/dates.ts";
import { topUnits } from "../domain/permissions.ts";
import { formatTipNumber, tipOverdue } from "../domain/tips.ts";
import { isQuiet } from "../domain/obligations.ts";
import type { BotDeps } from "../core/context.ts";
import { pickLang } from "../core/i18n.ts";
import { DIALOG_TTL_MS } from "../core/bot.ts";
import { privateChatOf, type OutgoingMessage } from "../core/messages.ts";
import type { TipRow, UserRow } from "../store/index.ts";

/** The digest goes out from 09:00 Shanghai time, never in the quiet hours. */
export const DIGEST_FIRST_HOUR = 9;
/** Anonymous-lane claims are kept this long (enough to catch a redelivery), then deleted. */
const ANON_CLAIM_DAYS = 2;

/**
 * The daily tip digest: each tip handler hears, in a private chat, of tips received before today, tips the tipster
 * added to, and overdue ones — once a day, at the first tick after 09:00. New tips are announced only here, never
 * the moment they arrive, so a handler's screen cannot date a tip within a day.
 * Each digest is claimed in the store before it is sent and marked after: two processes send it once; a claim left
 * by a crash before it was marked is retaken by a tick five minutes later (so a crash right after sending may repeat
 * that one digest). Returns the number sent.
 */
export async function runTipDigest(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<number> {
  const now = deps.clock();
  const hour = shanghaiHour(now);
  if (hour < DIGEST_FIRST_HOUR || isQuiet(now, deps.config.SENTINEL_QUIET_HOURS)) return 0;
  const today = shanghaiDate(now);
  const handlers = await deps.store.transaction((repo) => repo.tips.allHandlers());
  const byUser = new Map<number, { user: UserRow; paths: string[] }>();
  for (const h of handlers) {
    const entry = byUser.get(h.user.id) ?? { user: h.user, paths: [] };
    entry.paths.push(h.unitPath);
    byUser.set(h.user.id, entry);
  }
  let sent = 0;
  for (const { user, paths } of byUser.values()) {
    // The day is claimed before anything is known to say: one digest a day, at the first tick after 09:00, so a
    // digest's time says nothing about when a tip came in.
    const key = `tip-digest:${user.id}:${today}`;
    if (!(await deps.store.transaction((repo) => repo.claimJob(key, now)))) continue;
    const units = topUnits(paths.map((unitPath) => ({ role: "TIP_HANDLER" as const, unitPath })), "TIP_HANDLER");
    const tips = await deps.store.transaction((repo) => repo.tips.list(units, { includeClosed: false, limit: 1000 }));
    const text = digestText(deps, user, tips, today);
    if (text) {
      await send({ platform: user.platform, chatId: privateChatOf(user.platform, user.platformUserId), text });
      sent++;
    }
    await deps.store.transaction((repo) => repo.markJobSent(key, deps.clock()));
  }
  return sent;
}

function digestText(deps: BotDeps, user: UserRow, tips: TipRow[], today: string): string | null {
  const lang = pickLang(user.lang, deps.config.SENTINEL_LANG);
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);
  const sep = t("list-separator");
  const days = deps.config.SENTINEL_TIP_FEEDBACK_DAYS;
  const numbers = (list: TipRow[]) => list.map((x) => formatTipNumber(x.year, x.id)).join(sep);
  // Tips received today wait for tomorrow's digest: a digest never tells that a tip came in this morning.
  const fresh = tips.filter((x) => x.status === "NEW" && x.receivedOn < today);
  const unread = tips.filter((x) => x.unread && x.status !== "NEW");
  const investigation = tips.filter((x) => tipOverdue(x, today, days) === "investigation");
  const feedback = tips.filter((x) => tipOverdue(x, today, days) === "feedback");
  const lines: string[] = [];
  if (fresh.length) lines.push(t("tip-digest-new", { count: fresh.length, list: numbers(fresh) }));
  if (unread.length) lines.push(t("tip-digest-unread", { list: numbers(unread) }));
  if (investigation.length) lines.push(t("tip-digest-investigation", { list: numbers(investigation) }));
  if (feedback.length) lines.push(t("tip-digest-feedback", { list: numbers(feedback), days }));
  if (!lines.length) return null;
  return [t("tip-digest-head", { date: today }), ...lines, t("tip-digest-hint")].join("\n");
}

/**
 * Housekeeping, once a day (at the first tick of the Shanghai day): closed tips past the retention period are deleted
 * (their counts kept), the anonymous lane's claims and the look-up counters are dropped once they have done their job,
 * and the rest of the lane is rewritten in one batch and vacuumed, so the database's own order (`xmin`, `ctid`) dates
 * none of it finer than the day.
 */
export async function runTipMaintenance(deps: BotDeps): Promise<{ purged: number } | null> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const key = `tip-maintenance:${today}`;
  const done = await deps.store.transaction(async (repo) => {
    if (!(await repo.claimJob(key, now))) return null;
    const purged = await repo.tips.purgeClosed(addDays(today, -deps.config.SENTINEL_TIP_RETENTION_DAYS));
    await repo.purgeHashedClaims(addDays(today, -ANON_CLAIM_DAYS));
    // Group messages' claims only guard against redelivery, which platforms do within a day: a week is plenty.
    await repo.purgeClaims(new Date(now.getTime() - 7 * 86_400_000));
    // Tip dialogs left unfinished (or a code never confirmed saved) go too: nothing waits in the store for a chat.
    await repo.purgeConversations("anon", startOfShanghaiDay(addDays(today, -ANON_CLAIM_DAYS)));
    await repo.tips.purgeThrottles(new Date(now.getTime() - 86_400_000));
    // A failed receipt-code look-up is counted per hour; its row would date a tip-lane message to the hour. After the
    // housekeeping no tip-lane row keeps more than a day: the hourly counts start again.
    await repo.tips.purgeLookupThrottles();
    // Files sent in a tip dialog that never became a tip go with the dialog.
    await repo.tips.purgeUnboundFiles(addDays(today, -ANON_CLAIM_DAYS));
    // Half-finished report dialogs past their time would only be dropped when their sender next wrote: drop them now.
    await repo.purgeStaleDialogs(new Date(now.getTime() - DIALOG_TTL_MS));
    // What is left of the lane is written again, all of it in this one transaction and in random order: the rows a
    // tip's messages wrote yesterday no longer sit, by transaction id or by place, among the group traffic of their
    // minute. Then the old row versions are vacuumed away.
    await repo.rewriteAnonymousLane();
    await repo.markJobSent(key, now);
    return { purged };
  });
  if (done) {
    await deps.store.vacuumAnonymousLane().catch((err: unknown) => {
      deps.log.warn({ op: "tip-maintenance", err: { name: (err as Error)?.name ?? "unknown" } }, "vacuum of the anonymous lane failed");
    });
  }
  return done;
}
