import { createHash } from "node:crypto";
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * A Sentinel backup file: a first line that names the format, one line of JSON header, one line holding the header's
 * SHA-256, then the payload (the database). The header carries the payload's length and SHA-256, so a truncated or
 * flipped file is refused before anything is written, and the secret's fingerprint, so a restore without the
 * matching secret stops before writing too. The secret itself is never in here.
 */
export const BACKUP_MAGIC = "SENTINEL-BACKUP 1";
export const BACKUP_SUFFIX = ".sentinel-backup";
/** PostgreSQL's own format (pg_dump --format=custom), for pg_restore. */
export const PGDUMP_SUFFIX = ".pgdump";

export interface BackupHeader {
  format: 1;
  /** What the payload is: PGlite's data folder as a gzipped tarball. */
  payload: "pglite-datadir-tar-gz";
  /** The day it was taken (Asia/Shanghai); a day, never a time, like every date near tips. */
  createdOn: string;
  /** The last migration applied to the database in it. */
  schema: string;
  /** `Sealer.fingerprint()` of the server secret it was taken under: a keyed hash, not the secret. */
  secretFingerprint: string;
  bytes: number;
  sha256: string;
}

/** Why a file cannot be restored; `id` is the prompt that says so, `args` fill it. */
export class BackupError extends Error {
  constructor(
    readonly id: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(`${id} ${JSON.stringify(args)}`);
  }
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The file's parts: its head (first line, header, header checksum) and the payload, kept apart so no copy joins them. */
export function encodeBackup(header: Omit<BackupHeader, "format" | "bytes" | "sha256">, payload: Uint8Array): { parts: [Buffer, Uint8Array]; header: BackupHeader } {
  const full: BackupHeader = { format: 1, ...header, bytes: payload.byteLength, sha256: sha256(payload) };
  const json = JSON.stringify(full);
  const head = Buffer.from(`${BACKUP_MAGIC}\n${json}\n${sha256(Buffer.from(json, "utf8"))}\n`, "utf8");
  return { parts: [head, payload], header: full };
}

/** Reads and checks a backup: the format, the header's own checksum, the payload's length and checksum. */
export function decodeBackup(bytes: Buffer): { header: BackupHeader; payload: Buffer } {
  const lines: number[] = [];
  for (let i = 0; i < bytes.length && lines.length < 3 && i < 64 * 1024; i++) if (bytes[i] === 0x0a) lines.push(i);
  if (!bytes.subarray(0, BACKUP_MAGIC.length + 1).equals(Buffer.from(`${BACKUP_MAGIC}\n`))) {
    const other = bytes.subarray(0, 16).toString("latin1").startsWith("SENTINEL-BACKUP ");
    throw new BackupError(other ? "backup-newer-format" : "backup-not-a-backup");
  }
  if (lines.length < 3) throw new BackupError("backup-truncated", { expected: "?", found: bytes.length });
  const json = bytes.subarray(lines[0]! + 1, lines[1]);
  const check = bytes.subarray(lines[1]! + 1, lines[2]).toString("latin1");
  if (sha256(json) !== check) throw new BackupError("backup-damaged-header");
  const header = JSON.parse(json.toString("utf8")) as BackupHeader;
  if (header.format !== 1 || header.payload !== "pglite-datadir-tar-gz") throw new BackupError("backup-newer-format");
  const payload = bytes.subarray(lines[2]! + 1);
  if (payload.length < header.bytes) throw new BackupError("backup-truncated", { expected: header.bytes, found: payload.length });
  if (payload.length > header.bytes) throw new BackupError("backup-damaged", { sha256: header.sha256 });
  if (sha256(payload) !== header.sha256) throw new BackupError("backup-damaged", { sha256: header.sha256 });
  return { header, payload };
}

export function readBackupFile(file: string): { header: BackupHeader; payload: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new BackupError("backup-unreadable", { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  return decodeBackup(bytes);
}

/**
 * Writes `parts`, one after the other, as `dir/name` so that the name only ever holds a whole file: written to a temporary name in the same
 * folder, flushed to disk, renamed over, and the folder flushed so the rename itself survives a power cut.
 */
export function writeAtomically(dir: string, name: string, parts: readonly Uint8Array[]): string {
  const final = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  const fd = openSync(temp, "w", 0o600);
  try {
    for (const bytes of parts) for (let off = 0; off < bytes.byteLength; ) off += writeSync(fd, bytes, off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(temp, final);
  const dfd = openSync(dir, "r");
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
  return final;
}

/** The day in a backup's name (`sentinel-2026-11-23-023000.sentinel-backup`, `….pgdump`, `….pgdump.sha256`), or null for other files. */
export function backupDay(name: string): string | null {
  return /^sentinel-(\d{4}-\d{2}-\d{2})-\d{6}(?:-\d+)?\.(?:sentinel-backup|pgdump|pgdump\.sha256)$/.exec(name)?.[1] ?? null;
}

/**
 * Deletes backups from before `firstKept` (a day) and temporary files a crash left behind (older than an hour, so a
 * backup being written now is not one of them). Returns the names deleted.
 */
export function pruneBackups(dir: string, firstKept: string, now: Date): string[] {
  const gone: string[] = [];
  for (const name of readdirSync(dir)) {
    const day = backupDay(name);
    const staleTemp = name.startsWith(".sentinel-") && name.endsWith(".tmp") && now.getTime() - statSync(path.join(dir, name)).mtimeMs > 3_600_000;
    if ((day && day < firstKept) || staleTemp) {
      rmSync(path.join(dir, name), { force: true });
      gone.push(name);
    }
  }
  return gone;
}
