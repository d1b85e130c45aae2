import { readdirSync } from "node:fs";
import { backupSettings } from "../config.ts";
import type { BotDeps } from "../core/context.ts";
import { shanghaiDate } from "../domain/dates.ts";
import { backupDay } from "../store/backup-file.ts";
import type { GaugeSources } from "./metrics.ts";

/**
 * The operator's gauges read from the running bot: hazards from the store's tally, the backup's age from the backup
 * folder itself, by the names of its files (so it holds across restarts, and a backup an admin took by hand counts as one the night took).
 */
export function gaugeSources(deps: BotDeps): GaugeSources {
  const { dir } = backupSettings(deps.config);
  return {
    hazards: () => deps.store.read((repo) => repo.ops.hazardGauges(shanghaiDate(deps.clock()))),
    backupAge: () => {
      let newest = -Infinity;
      try {
        // A backup is whole once it has its final name (backup-file.ts writes a temporary file, then renames it), and
        // its name says when it was taken (Shanghai time), on the bot's own clock.
        for (const name of readdirSync(dir)) {
          if (backupDay(name) === null || name.endsWith(".sha256")) continue;
          const [, day, h, m, s] = /^sentinel-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name)!;
          newest = Math.max(newest, Date.parse(`${day}T${h}:${m}:${s}+08:00`));
        }
      } catch {
        return null;
      }
      return newest === -Infinity ? null : Math.max(0, (deps.clock().getTime() - newest) / 1000);
    },
  };
}
