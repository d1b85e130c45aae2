import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { shanghaiDate } from "../domain/dates.ts";
import { BACKUP_SUFFIX, BackupError, PGDUMP_SUFFIX, encodeBackup, readBackupFile, writeAtomically, type BackupHeader } from "./backup-file.ts";
import { availableMigrations, migrate } from "./migrate.ts";
import { COUNT_SQL, type RowCounts } from "./counts.ts";

export { BackupError, pruneBackups, readBackupFile, type BackupHeader } from "./backup-file.ts";

export interface BackupResult {
  file: string;
  bytes: number;
  /** Of the whole file, as `sha256sum` computes it. */
  sha256: string;
  ms: number;
}

/** `sentinel-2026-11-23-023000.sentinel-backup` (Shanghai time), `-2`, `-3` … when that name is taken. */
function backupName(dir: string, now: Date, suffix: string): string {
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", "-").replace(/:/g, "");
  for (let n = 1; ; n++) {
    const name = `sentinel-${stamp}${n === 1 ? "" : `-${n}`}${suffix}`;
    if (!existsSync(path.join(dir, name))) return name;
  }
}

/** Takes a snapshot with `snapshot` and writes it, with its header, into `dir` (atomically). */
export async function writeBackup(
  snapshot: () => Promise<Uint8Array>,
  opts: { dir: string; now: Date; schema: string; fingerprint: string },
): Promise<BackupResult> {
  const started = Date.now();
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const payload = await snapshot();
  const { parts } = encodeBackup(
    { payload: "pglite-datadir-tar-gz", createdOn: shanghaiDate(opts.now), schema: opts.schema, secretFingerprint: opts.fingerprint },
    payload,
  );
  const file = writeAtomically(opts.dir, backupName(opts.dir, opts.now, BACKUP_SUFFIX), parts);
  // The whole file's checksum (the header holds the payload's): what `sha256sum` says of a copy made elsewhere.
  const whole = createHash("sha256");
  for (const p of parts) whole.update(p);
  return { file, bytes: parts[0].length + parts[1].byteLength, sha256: whole.digest("hex"), ms: Date.now() - started };
}

/**
 * PostgreSQL, when asked for (SENTINEL_BACKUP=on): `pg_dump --format=custom` as it is, so `pg_restore` reads it
 * directly, written atomically like the embedded backups, with a `sha256sum -c` file beside it. The connection goes
 * to pg_dump in its environment, so no password shows in the process list.
 */
export async function writePgDump(url: string, opts: { dir: string; now: Date }): Promise<BackupResult> {
  const started = Date.now();
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const payload = await pgDump(url);
  const name = backupName(opts.dir, opts.now, PGDUMP_SUFFIX);
  const sha256 = createHash("sha256").update(payload).digest("hex");
  const file = writeAtomically(opts.dir, name, [payload]);
  writeAtomically(opts.dir, `${name}.sha256`, [Buffer.from(`${sha256}  ${name}\n`)]);
  return { file, bytes: payload.length, sha256, ms: Date.now() - started };
}

function pgDump(url: string): Promise<Buffer> {
  const u = new URL(url);
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  const set = (k: string, v: string | null | undefined) => v && (env[k] = decodeURIComponent(v));
  set("PGHOST", u.hostname.replace(/^\[|\]$/g, ""));
  set("PGPORT", u.port);
  set("PGUSER", u.username);
  set("PGPASSWORD", u.password);
  set("PGDATABASE", u.pathname.slice(1));
  set("PGSSLMODE", u.searchParams.get("sslmode"));
  return new Promise((resolve, reject) => {
    const child = spawn("pg_dump", ["--format=custom", "--no-password"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", (e) => reject(new BackupError("backup-pg-dump", { reason: (e as NodeJS.ErrnoException).code ?? e.message })));
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new BackupError("backup-pg-dump", { reason: err.trim().split("\n")[0] || `exit ${code}` })),
    );
  });
}

/** What a data folder may hold before a restore: nothing, or the secret the restore needs (kept apart from backups). */
const ALLOWED_BEFORE_RESTORE = new Set(["secret.key"]);

/**
 * Restores a backup into `dataDir`, which must be empty (or hold only `secret.key`), and applies the migrations newer
 * than the backup. Everything is checked before anything is written: the file (format, length, checksums), the
 * folder, and the secret (`fingerprint` must be the one the backup was taken under). The database is unpacked under
 * a temporary name and renamed into place only once it opened and migrated, so a failed restore leaves no half
 * database behind. Returns the header, the migrations applied and the rows restored.
 */
export async function restoreBackup(opts: { file: string; dataDir: string; fingerprint: string }): Promise<{ header: BackupHeader; applied: string[]; counts: RowCounts }> {
  const found = existsSync(opts.dataDir) ? readdirSync(opts.dataDir).filter((n) => !ALLOWED_BEFORE_RESTORE.has(n)) : [];
  if (found.length) throw new BackupError("restore-not-empty", { dir: opts.dataDir, found: found.slice(0, 5).join(", ") });
  const { header, payload } = readBackupFile(opts.file);
  if (header.secretFingerprint !== opts.fingerprint) throw new BackupError("restore-wrong-secret", { day: header.createdOn });
  const known = availableMigrations();
  if (header.schema && !known.includes(header.schema)) throw new BackupError("restore-newer-schema", { schema: header.schema });

  mkdirSync(opts.dataDir, { recursive: true });
  const temp = path.join(opts.dataDir, "pglite.restoring");
  const final = path.join(opts.dataDir, "pglite");
  rmSync(temp, { recursive: true, force: true });
  let db: PGlite | null = null;
  try {
    db = new PGlite(temp, { loadDataDir: new Blob([payload as Uint8Array<ArrayBuffer>]) });
    const conn = db;
    const applied = await migrate({
      exec: async (sql) => void (await conn.exec(sql)),
      query: async (sql, params) => (await conn.query(sql, params)).rows as never[],
    });
    const counts = (await conn.query<RowCounts>(COUNT_SQL)).rows[0]!;
    await conn.close();
    db = null;
    renameSync(temp, final);
    return { header, applied, counts };
  } catch (err) {
    await db?.close().catch(() => undefined);
    rmSync(temp, { recursive: true, force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError("restore-failed", { reason: (err as Error).message });
  }
}
