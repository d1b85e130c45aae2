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
export * from "./ops-repo.ts";
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
  /**
   * What PostgreSQL's autovacuum does on a server, for the embedded database, which has none (PGlite is one backend,
   * with no background workers): ANALYZEs each table that was never analyzed or of which a tenth has changed since,
   * and VACUUMs each table of which a fifth is dead row versions (autovacuum's own thresholds: 50 rows plus those
   * fractions). Without it the planner never has statistics: on 200,000 hazards 统计 took 539 ms instead of 47, and
   * “我的隐患” 6.4 s instead of 9 ms. On PostgreSQL it does nothing (autovacuum does it there). The tables the tip lane
   * writes are vacuumed but never analyzed: statistics keep sampled values, which could outlive a purged tip.
   * Returns the tables it analyzed and vacuumed.
   */
  maintain(): Promise<{ analyzed: string[]; vacuumed: string[] }>;
  close(): Promise<void>;
}

/** The tables `Repo.rewriteAnonymousLane` rewrites. */
const ANONYMOUS_LANE_TABLES = ["InboundMessage", "Conversation", "Throttle", "TipEvent", "Tip"];
/** The tables the tip lane writes, of which `maintain` keeps no statistics. */
const NO_STATISTICS = [...ANONYMOUS_LANE_TABLES, "TipFile", "TipCount"];

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
    async maintain() {
      if (db.kind !== "pglite") return { analyzed: [], vacuumed: [] };
      // The counts the next statement reads are those of the statements before it: flushed now, not a second later.
      await db.query("SELECT pg_stat_force_next_flush()", []);
      const due = await db.query<{ name: string; analyze: boolean; vacuum: boolean }>(
        `SELECT s.relname AS name,
                NOT s.relname = ANY($1::text[]) AND (c.reltuples < 0 OR s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)) AS analyze,
                s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) AS vacuum
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
         WHERE s.schemaname = current_schema()
         ORDER BY s.relname`,
        [NO_STATISTICS],
      );
      const names = (f: (t: (typeof due)[number]) => boolean) => due.filter(f).map((t) => `"${t.name}"`).join(", ");
      // VACUUM runs outside a transaction; with ANALYZE it does both in one pass over the table.
      const both = names((t) => t.vacuum && t.analyze);
      const vacuumOnly = names((t) => t.vacuum && !t.analyze);
      const analyzeOnly = names((t) => t.analyze && !t.vacuum);
      if (both) await db.prisma.$executeRawUnsafe(`VACUUM (ANALYZE) ${both}`);
      if (vacuumOnly) await db.prisma.$executeRawUnsafe(`VACUUM ${vacuumOnly}`);
      if (analyzeOnly) await db.prisma.$executeRawUnsafe(`ANALYZE ${analyzeOnly}`);
      const analyzed = due.filter((t) => t.analyze).map((t) => t.name);
      const vacuumed = due.filter((t) => t.vacuum).map((t) => t.name);
      return { analyzed, vacuumed };
    },
    close: () => db.close(),
  };
}
