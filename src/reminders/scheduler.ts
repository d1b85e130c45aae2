import cron from "node-cron";
import type { BotDeps } from "../core/context.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import { runTipDigest, runTipMaintenance } from "./tips.ts";
import { runDeadlineReminders } from "./deadlines.ts";
import { runHonorPosts } from "./honor.ts";
import { runHazardChase } from "./hazards.ts";
import { runCalendarWarning } from "./calendar.ts";
import { runNightlyBackup } from "./backup.ts";
import { runCheckRounds } from "./checks.ts";
import { runRemovedTipGrants } from "./tip-grants.ts";
import type { Metrics } from "../ops/metrics.ts";

export interface Scheduler {
  /** Runs every job once now (also what each tick does). */
  tick(): Promise<void>;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

/** How long after start the catch-up tick runs. */
const CATCH_UP_AFTER_MS = 3_000;

/**
 * `node-cron` only ticks (every ten minutes, and once a few seconds after start to catch up after downtime); what is due, and
 * whether someone already sent it, is decided by the jobs against the store.
 */
export function startScheduler(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>, metrics?: Metrics): Scheduler {
  const log = deps.log.child({ module: "scheduler" });
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        const removed = await runRemovedTipGrants(deps, send);
        if (removed) log.info({ op: "tip-grants-removed", sent: removed }, "holders of removed tip-handler grants told");
        const m = await runTipMaintenance(deps);
        if (m) log.info({ op: "tip-maintenance", purged: m.purged }, "tips purged");
        const n = await runTipDigest(deps, send);
        if (n) log.info({ op: "tip-digest", sent: n }, "tip digests sent");
        const h = await runHonorPosts(deps, send);
        if (h) log.info({ op: "honor", sent: h }, "honour roll posted");
        const chase = await runHazardChase(deps, send);
        if (chase.sent || chase.reportedUp) log.info({ op: "hazard-chase", ...chase }, "hazard deadlines chased");
        const r = await runDeadlineReminders(deps, send);
        if (r.sent || r.skipped) log.info({ op: "deadline-reminders", ...r }, "deadline reminders");
        metrics?.reminders.inc({ outcome: "sent" }, r.sent);
        metrics?.reminders.inc({ outcome: "skipped" }, r.skipped);
        const k = await runCheckRounds(deps, send);
        if (k.posted || k.reminded || k.escalated) log.info({ op: "check-rounds", ...k }, "self-inspection rounds");
        const c = await runCalendarWarning(deps, send);
        if (c) log.warn({ op: "calendar-warning", sent: c }, "admins told the holiday calendar lacks a year");
      } catch (err) {
        log.error({ op: "tick", err }, "scheduled jobs failed");
        metrics?.errors.inc({ where: "scheduler" });
      }
      // The embedded database's statistics and dead rows (autovacuum's work on a server), before the backup.
      try {
        const m = await deps.store.maintain();
        if (m.analyzed.length || m.vacuumed.length) log.info({ op: "maintenance", ...m }, "tables analyzed and vacuumed");
      } catch (err) {
        log.error({ op: "maintenance", err }, "table maintenance failed");
        metrics?.errors.inc({ where: "scheduler" });
      }
      // Last, and on its own: a backup takes seconds, and one that fails (a full disk) must not hold up reminders.
      try {
        await runNightlyBackup(deps);
      } catch (err) {
        log.error({ op: "backup", err }, "nightly backup failed");
        metrics?.errors.inc({ where: "backup" });
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const task = cron.schedule("*/10 * * * *", () => void tick(), { timezone: "Asia/Shanghai", name: "sentinel-jobs", noOverlap: true });
  // The catch-up a few seconds after start, not at once: the first messages (a newcomer's first question) are
  // answered before it, rather than wait for the store behind it.
  const catchUp = setTimeout(() => void tick(), CATCH_UP_AFTER_MS);
  return {
    tick,
    async stop() {
      clearTimeout(catchUp);
      await task.stop();
      await running;
    },
  };
}
