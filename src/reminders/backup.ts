import { backupSettings } from "../config.ts";
import { shanghaiDate, shanghaiHour } from "../domain/dates.ts";
import type { BotDeps } from "../core/context.ts";
import { takeBackup } from "../core/features/backup.ts";
import type { BackupResult } from "../store/index.ts";

/**
 * The nightly backup: at the first tick at or after `SENTINEL_BACKUP_AT` (Shanghai), once a day. The day is claimed in
 * the store first, as reminders are, so a restart that day takes no second one; a claim left by a crash before it
 * was marked is retaken by a tick five minutes later. Returns what was written, or null when nothing was due.
 */
export async function runNightlyBackup(deps: BotDeps): Promise<BackupResult | null> {
  if (!backupSettings(deps.config).nightly) return null;
  const now = deps.clock();
  const at = deps.config.SENTINEL_BACKUP_AT;
  // Shanghai is a whole number of hours from UTC, so its minutes are UTC's.
  if (shanghaiHour(now) * 60 + now.getUTCMinutes() < at.hour * 60 + at.minute) return null;
  const key = `backup:${shanghaiDate(now)}`;
  if (!(await deps.store.transaction((repo) => repo.claimJob(key, now)))) return null;
  const result = await takeBackup(deps, "nightly");
  await deps.store.transaction((repo) => repo.markJobSent(key, deps.clock()));
  return result;
}
