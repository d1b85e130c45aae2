import { openDatabase, type Database, type DatabaseOptions } from "./db.ts";
import { Repo } from "./repo.ts";

export * from "./repo.ts";
export * from "./tip-repo.ts";
export * from "./deadline-repo.ts";
export * from "./reward-repo.ts";
export * from "./oversight-repo.ts";
export { DatabaseLockedError } from "./db.ts";

/** The store the core sees: work happens in transactions over a `Repo`; nothing of Prisma leaks out. */
export interface Store {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one database transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (repo: Repo) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openStore(opts: DatabaseOptions): Promise<Store> {
  const db: Database = await openDatabase(opts);
  return {
    kind: db.kind,
    transaction: (fn) => db.prisma.$transaction((tx) => fn(new Repo(tx)), { maxWait: 10_000, timeout: 20_000 }),
    close: () => db.close(),
  };
}
