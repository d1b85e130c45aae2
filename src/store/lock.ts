import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class DatabaseLockedError extends Error {}

/**
 * The embedded database lives in one process: a second process opening the same folder would corrupt it.
 * The lock file holds the owner's pid. It is created exclusively — written to a file of this process's own, then
 * linked into place, which like O_EXCL fails when the lock exists — so of two processes starting together exactly one
 * gets it, and nobody ever reads a lock without its pid. A lock left by a dead process (kill -9) is removed and the
 * create tried again.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "pglite.lock");
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, String(process.pid), { flag: "w" });
  for (let attempt = 0; ; attempt++) {
    try {
      linkSync(mine, file);
      rmSync(mine, { force: true });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) {
        rmSync(mine, { force: true });
        throw err;
      }
    }
    let pid = 0;
    try {
      pid = Number(readFileSync(file, "utf8"));
    } catch {
      continue; // removed meanwhile by its owner: try again
    }
    if (pid && pid !== process.pid && alive(pid)) {
      rmSync(mine, { force: true });
      throw new DatabaseLockedError(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it, use another DATA_DIR, ` +
          `or set DATABASE_URL to share one PostgreSQL between processes.`,
      );
    }
    // Stale: its process is gone (or it is this process's own, left by a close that never ran).
    rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
