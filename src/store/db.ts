import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../generated/prisma/client.ts";
import { availableMigrations, migrate } from "./migrate.ts";
import { DatabaseLockedError, lockDataDir } from "./lock.ts";

export type Prisma = InstanceType<typeof PrismaClient>;

export interface Database {
  prisma: Prisma;
  /** The server's URL (PostgreSQL), for pg_dump. */
  url: string | null;
  kind: "pglite" | "postgres";
  /** The last migration applied (all committed ones are, once it is open). */
  schema: string;
  /**
   * The embedded database's data folder as a gzipped tarball, taken inside PGlite between two statements: what was
   * committed is in it, a transaction still open is not (its rows are rolled back when the copy is opened).
   * Null on PostgreSQL, whose own tools (pg_dump) do this.
   */
  snapshot: (() => Promise<Uint8Array>) | null;
  /** One statement through the driver itself, outside any transaction (see `DriverQuery`). */
  query: DriverQuery;
  close(): Promise<void>;
}

/**
 * A statement sent by the driver (pg, PGlite) rather than Prisma: for the one statement a hot path is, where Prisma's
 * raw query costs about a quarter of a millisecond more (its query engine and adapter), as much as the statement.
 * With a `name`, pg prepares the statement once per connection and keeps its plan (one name, one text); PGlite,
 * in process, plans each.
 */
export type DriverQuery = <T>(sql: string, params: unknown[], name?: string) => Promise<T[]>;

export interface DatabaseOptions {
  /** `postgresql://…` for a server; otherwise the embedded database. */
  url?: string | undefined;
  /** Folder of the embedded database; `null` keeps it in memory (tests). */
  dataDir?: string | null;
}

export { DatabaseLockedError };

/** Opens and migrates the store: PostgreSQL when a URL is given, else PGlite in `<dataDir>/pglite` (or in memory). */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url) : openPGlite(opts.dataDir ?? null);
}

/**
 * Starts Prisma's own set-up (its query compiler, WebAssembly compiled off the main thread) while the database opens
 * and migrates, rather than at the first message: about a fifth of a second off the start. Its failure is the open's.
 */
function connectEarly(prisma: Prisma): Promise<void> {
  const p = prisma.$connect();
  p.catch(() => undefined);
  return p;
}

// Each store's driver loads only when that store is opened: a bot on the embedded database never needs \`pg\`, and
// one on PostgreSQL never needs PGlite's WebAssembly (both cost the start, issue 13).

async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover) is discarded by the pool; the next query opens a new
  // one. Without a listener, node would treat that 'error' event as a crash.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const connecting = connectEarly(prisma);
  const client = await pool.connect();
  try {
    await migrate({
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params) => (await client.query(sql, params)).rows,
    });
  } finally {
    client.release();
  }
  await connecting;
  return {
    prisma,
    kind: "postgres",
    url,
    schema: availableMigrations().at(-1) ?? "",
    snapshot: null,
    query: async <T>(sql: string, params: unknown[], name?: string) => (await pool.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows as T[],
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

async function openPGlite(dataDir: string | null): Promise<Database> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  let release = () => {};
  let pglite: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
    pglite = new PGlite(path.join(dataDir, "pglite"));
  } else {
    pglite = new PGlite();
  }
  // pglite-prisma-adapter 0.6 declares its own copy (6.10) of Prisma's adapter types; the protocol is the same.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
  const connecting = connectEarly(prisma);
  try {
    await migrate({
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async (sql, params) => (await pglite.query(sql, params)).rows as never[],
    });
    await connecting;
  } catch (err) {
    await prisma.$disconnect().catch(() => undefined);
    await pglite.close().catch(() => undefined);
    release();
    throw err;
  }
  return {
    prisma,
    kind: "pglite",
    url: null,
    schema: availableMigrations().at(-1) ?? "",
    // Not through a transaction: dumpDataDir waits only for the statement in progress, so a snapshot asked for from
    // inside a message's transaction (the admin's 备份) does not wait for that transaction, which waits for it.
    snapshot: async () => new Uint8Array(await (await pglite.dumpDataDir("gzip")).arrayBuffer()),
    // PGlite runs it after any transaction in progress, never inside one (its query waits for the transaction's lock).
    query: async <T>(sql: string, params: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
