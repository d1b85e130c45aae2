import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

/** The two things a migration needs of a connection: run a script, run a query with parameters. */
export interface SqlConnection {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Prisma's own lock id and bookkeeping table, so `prisma migrate deploy` and this runner agree on what is applied.
const LOCK_ID = 72707369;
const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** The committed migrations' names, oldest first (their names start with the time they were written). */
export function availableMigrations(dir = MIGRATIONS_DIR): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
}

/**
 * Applies the committed migrations (prisma/migrations/<name>/migration.sql) that are not yet applied, in name order,
 * each in its own transaction, under Prisma's advisory lock so that several processes starting together on one
 * PostgreSQL migrate once. In-process rather than `prisma migrate deploy`: the embedded database can be open in
 * only one process, and starting the CLI would cost the bot's whole start-up budget.
 * Returns the names it applied.
 */
export async function migrate(db: SqlConnection, dir = MIGRATIONS_DIR): Promise<string[]> {
  const available = availableMigrations(dir);
  const applied: string[] = [];
  await db.exec(`SELECT pg_advisory_lock(${LOCK_ID})`);
  try {
    await db.exec(TABLE);
    const done = new Map(
      (
        await db.query<{ migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
      ).map((r) => [r.migration_name, r.checksum]),
    );
    for (const name of available) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      await db.exec(`BEGIN;\n${sql}\n;`);
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), checksum, name],
      );
      await db.exec("COMMIT");
      applied.push(name);
    }
  } catch (err) {
    await db.exec("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await db.exec(`SELECT pg_advisory_unlock(${LOCK_ID})`);
  }
  return applied;
}
