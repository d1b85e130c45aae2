import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { createFixture, freshPostgres, rawExec, rawRows, seedTree, tempDirs, type Fixture } from "../helpers.ts";
import { bulkHazards } from "../support/bulk.ts";
import { startScheduler } from "../../src/reminders/scheduler.ts";

// The embedded database has no autovacuum (PGlite is one backend, without background workers): `Store.maintain`
// does its work from the scheduler's tick, or the planner never has statistics.

const logDir = tempDirs("sentinel-maintain-");

test("on PGlite, tables are analyzed once they have changed by a tenth and vacuumed once a fifth is dead, as autovacuum would", async () => {
  const logFile = path.join(logDir(), "sentinel.log");
  const f = await createFixture({ logFile });
  try {
    await seedTree(f);
    const q = <T,>(sql: string) => rawRows<T>(f, sql);
    const admin = (await f.app.store.read((r) => r.findUserById("console", "admin")))!;
    const [plant] = await q<{ id: number }>(`SELECT id FROM "Unit" WHERE name = '城关化工厂'`);
    await bulkHazards(f.app.store, { count: 3000, unitIds: [plant!.id], reporterId: admin.id });
    const statsOfHazard = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'Hazard'`))[0]!.n;
    expect(await statsOfHazard()).toBe(0);

    const first = await f.app.store.maintain();
    expect(first.analyzed).toContain("Hazard");
    expect(first.analyzed).toContain("HazardTally");
    expect(await statsOfHazard()).toBeGreaterThan(0);
    const [c] = await q<{ reltuples: number }>(`SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'Hazard'`);
    expect(c!.reltuples).toBeGreaterThanOrEqual(3000);

    // Nothing changed since: nothing to do.
    expect(await f.app.store.maintain()).toEqual({ analyzed: [], vacuumed: [] });

    // Every hazard rewritten: its old versions are dead rows, and VACUUM takes them away.
    await rawExec(f, `UPDATE "Hazard" SET location = '三号车间'`);
    const second = await f.app.store.maintain();
    expect(second.vacuumed).toContain("Hazard");
    await q(`SELECT 1 AS flushed FROM pg_stat_force_next_flush()`);
    const [dead] = await q<{ n: number }>(`SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = 'Hazard'`);
    expect(dead!.n).toBe(0);

    // The tables the tip lane writes are vacuumed, never analyzed: no statistics of their values, which could outlive
    // a purged tip.
    await rawExec(f, `INSERT INTO "InboundMessage" (platform, "chatId", "messageId") SELECT 'anon', 'h' || g, '-' FROM generate_series(1, 500) g`);
    const third = await f.app.store.maintain();
    expect(third.analyzed).not.toContain("InboundMessage");
    await rawExec(f, `DELETE FROM "InboundMessage" WHERE "chatId" LIKE 'h%'`);
    const fourth = await f.app.store.maintain();
    expect(fourth.vacuumed).toContain("InboundMessage");
    expect(fourth.analyzed).not.toContain("InboundMessage");
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename IN ('InboundMessage', 'Tip', 'TipEvent', 'TipFile', 'TipCount', 'Conversation', 'Throttle')`))[0]!.n).toBe(0);

    // The scheduler's tick runs it, and says what it did.
    await rawExec(f, `UPDATE "Hazard" SET location = '四号车间'`);
    const scheduler = startScheduler(f.app.deps, async () => undefined);
    await scheduler.tick();
    await scheduler.stop();
    const logged = readFileSync(logFile, "utf8").split("\n").filter((l) => l.includes('"op":"maintenance"'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!).vacuumed).toContain("Hazard");
  } finally {
    await f.close();
  }
});

const pg = await freshPostgres();
test.runIf(pg)("on PostgreSQL it leaves the work to autovacuum", async () => {
  const f = await createFixture({ postgresUrl: pg!.url });
  try {
    await seedTree(f);
    expect(await f.app.store.maintain()).toEqual({ analyzed: [], vacuumed: [] });
  } finally {
    await f.close();
    await pg!.drop();
  }
});
