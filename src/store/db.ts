import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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
  close(): Promise<void>;
}

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

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover) is discarded by the pool; the next query opens a new
  // one. Without a listener, node would treat that 'error' event as a crash.
  pool.on("error", () => undefined);
  const client = await pool.connect();
  try {
    await migrate({
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params) => (await client.query(sql, params)).rows,
    });
  } finally {
    client.release();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    url,
    schema: availableMigrations().at(-1) ?? "",
    snapshot: null,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

async function openPGlite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  let pglite: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
    pglite = new PGlite(path.join(dataDir, "pglite"));
  } else {
    pglite = new PGlite();
  }
  try {
    await migrate({
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async (sql, params) => (await pglite.query(sql, params)).rows as never[],
    });
  } catch (err) {
    await pglite.close().catch(() => undefined);
    release();
    throw err;
  }
  // pglite-prisma-adapter 0.6 declares its own copy (6.10) of Prisma's adapter types; the protocol is the same.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
  return {
    prisma,
    kind: "pglite",
    url: null,
    schema: availableMigrations().at(-1) ?? "",
    // Not through a transaction: dumpDataDir waits only for the statement in progress, so a snapshot asked for from
    // inside a message's transaction (the admin's 备份) does not wait for that transaction, which waits for it.
    snapshot: async () => new Uint8Array(await (await pglite.dumpDataDir("gzip")).arrayBuffer()),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
