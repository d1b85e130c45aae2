import { openDatabase, type Database, type DatabaseOptions } from "./db.ts";
import { Repo } from "./repo.ts";
import { writeBackup, writePgDump, type BackupResult } from "./backup.ts";

export * from "./repo.ts";
export * from "./tip-repo.ts";
export * from "./deadline-repo.ts";
export * from "./reward-repo.ts";
export * from "./oversight-repo.ts";
export * from "./check-repo.ts";
export * from "./ledger-repo.ts";
export * from "./web-repo.ts";
export { DatabaseLockedError } from "./db.ts";
export type { RowCounts } from "./counts.ts";
export { BackupError, pruneBackups, restoreBackup, type BackupResult, type BackupHeader } from "./backup.ts";

/** The store the core sees: work happens in transactions over a `Repo`; nothing of Prisma leaks out. */
export interface Store {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one database transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (repo: Repo) => Promise<T>): Promise<T>;
  /**
   * Runs reads outside a transaction, each statement on its own (no BEGIN and COMMIT round trips): for a look that
   * decides nothing durable (is there a dialog?), never for anything that writes.
   */
  read<T>(fn: (repo: Repo) => Promise<T>): Promise<T>;
  /**
   * Runs work that writes in one statement, outside a transaction: the statement commits on its own, with no BEGIN and
   * COMMIT round trips (a report filed by `Repo.fileReport`). Anything of two statements that must commit together
   * belongs in `transaction`.
   */
  once<T>(fn: (repo: Repo) => Promise<T>): Promise<T>;
  /**
   * Writes a consistent snapshot of the whole database into `dir`: the embedded database as a checked Sentinel backup
   * (`writeBackup`), PostgreSQL with pg_dump (`writePgDump`). May be called inside a transaction: neither waits for it.
   */
  backup(opts: { dir: string; now: Date; fingerprint: string }): Promise<BackupResult>;
  /**
   * VACUUMs the tables of the anonymous lane (outside any transaction, as VACUUM must run): the row versions that
   * `Repo.rewriteAnonymousLane` left dead, with their old transaction ids and places, are removed.
   */
  vacuumAnonymousLane(): Promise<void>;
  close(): Promise<void>;
}

/** The tables `Repo.rewriteAnonymousLane` rewrites. */
const ANONYMOUS_LANE_TABLES = ["InboundMessage", "Conversation", "Throttle", "TipEvent", "Tip"];

export async function openStore(opts: DatabaseOptions): Promise<Store> {
  const db: Database = await openDatabase(opts);
  return {
    kind: db.kind,
    transaction: (fn) => db.prisma.$transaction((tx) => fn(new Repo(tx)), { maxWait: 10_000, timeout: 20_000 }),
    read: (fn) => fn(new Repo(db.prisma)),
    once: (fn) => fn(new Repo(db.prisma, db.query)),
    async backup(opts) {
      if (db.snapshot) return writeBackup(db.snapshot, { ...opts, schema: db.schema });
      return writePgDump(db.url!, opts);
    },
    async vacuumAnonymousLane() {
      await db.prisma.$executeRawUnsafe(`VACUUM ${ANONYMOUS_LANE_TABLES.map((t) => `"${t}"`).join(", ")}`);
    },
    close: () => db.close(),
  };
}
