import path from "node:path";
import { FileBlobs } from "../../store/blobs.ts";
import { backupSettings } from "../../config.ts";
import { addDays, shanghaiDate } from "../../domain/dates.ts";
import { BackupError, pruneBackups, type BackupResult } from "../../store/index.ts";
import { Refusal, type BotDeps, type Ctx } from "../context.ts";
import type { Feature } from "../bot.ts";

/**
 * Takes a backup of the whole store now, into the backup folder, and deletes those older than the days kept. The
 * one use case behind the nightly job and an admin's `备份`. The log gets the file, its size and checksum (to compare
 * with a copy elsewhere), never anything in it.
 */
export async function takeBackup(deps: BotDeps, reason: "nightly" | "admin"): Promise<BackupResult> {
  const { dir } = backupSettings(deps.config);
  const now = deps.clock();
  const result = await deps.store.backup({ dir, now, fingerprint: deps.sealer.fingerprint() });
  const log = deps.log.child({ module: "backup" });
  log.info({ op: "snapshot", reason, file: result.file, bytes: result.bytes, sha256: result.sha256, ms: result.ms }, "backup written");
  // The photos and documents beside it (`files/`, the same layout as DATA_DIR/files): only the new ones are copied.
  // Object storage (S3) keeps its own copies (versioning, replication) and is not mirrored here.
  if (deps.blobs instanceof FileBlobs) {
    const copied = await deps.blobs.mirrorTo(path.join(dir, "files"));
    log.info({ op: "files", copied }, "files mirrored");
  }
  const gone = pruneBackups(dir, addDays(shanghaiDate(now), -(deps.config.SENTINEL_BACKUP_KEEP_DAYS - 1)), now);
  if (gone.length) log.info({ op: "prune", deleted: gone }, "old backups deleted");
  return result;
}

/** `4.5 MB`, `49 KB`: a PostgreSQL dump of a small county is well under a megabyte. */
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * `备份` / `/backup`: a system admin's backup now. The whole store, every unit's, so only a system admin; in a private
 * chat, so the server's folders are not shown to a group.
 */
async function backup(ctx: Ctx): Promise<void> {
  if (!ctx.isSuperAdmin) throw new Refusal("refuse-backup-admin");
  if (ctx.msg.chatType !== "private") throw new Refusal("refuse-backup-in-group");
  // A PostgreSQL server is usually backed up by its own operators; the bot runs pg_dump only when told to.
  if (ctx.deps.store.kind === "postgres" && !backupSettings(ctx.deps.config).nightly) throw new Refusal("refuse-backup-postgres");
  let result: BackupResult;
  try {
    result = await takeBackup(ctx.deps, "admin");
  } catch (err) {
    ctx.deps.log.error({ module: "backup", op: "snapshot", reason: "admin", err }, "backup failed");
    const reason = err instanceof BackupError ? String(err.args.reason ?? err.id) : ((err as NodeJS.ErrnoException).code ?? (err as Error).name);
    throw new Refusal("refuse-backup-failed", { reason });
  }
  ctx.reply("backup-done", { file: result.file, size: size(result.bytes), sha256: result.sha256 });
}

/** Backups of the store, on request. */
export const backups: Feature = { commands: { backup } };
