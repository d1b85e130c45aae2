import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { openStore, type Store, type StatsWindow } from "../../src/store/index.ts";
import { freshPostgres } from "../helpers.ts";

/**
 * The tally (HazardTally, kept by a trigger on every change of a hazard) against a recount from the hazards
 * themselves, on random histories: hazards filed at random instants (month boundaries in Shanghai included), then
 * confirmed, rectified, listed, given deadlines, moved to another unit, withdrawn or deleted, in random order. Every
 * window 统计, the trend and the statistics table ask for must give the same counts both ways.
 */
type RawTx = { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };

const pg = await freshPostgres();
const backends: [string, () => Promise<{ store: Store; done(): Promise<void> }>][] = [
  ["PGlite", async () => {
    const store = await openStore({ dataDir: null });
    return { store, done: () => store.close() };
  }],
];
if (pg) {
  backends.push(["PostgreSQL", async () => {
    const store = await openStore({ url: pg.url });
    return { store, done: async () => { await store.close(); await pg.drop(); } };
  }]);
}

const START = Date.parse("2025-12-31T10:00:00Z");
const SPAN = 200 * 86_400_000;
/** Instants, a quarter of them within an hour of a Shanghai midnight at a month's turn. */
const instant = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: SPAN }).map((ms) => new Date(START + ms)), weight: 3 },
  {
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3_600_000, max: 3_600_000 })).map(
      ([m, off]) => new Date(Date.UTC(2026, m, 1) - 8 * 3_600_000 + off),
    ),
    weight: 1,
  },
);
const day = fc.integer({ min: 0, max: 240 }).map((d) => new Date(START + d * 86_400_000).toISOString().slice(0, 10));
const STATUSES = ["REPORTED", "CONFIRMED", "RECTIFYING", "RECTIFIED", "CLOSED", "REJECTED", "DUPLICATE", "WITHDRAWN"] as const;
const change = fc.oneof(
  fc.record({ kind: fc.constant("confirm" as const), level: fc.constantFrom("GENERAL", "MAJOR"), at: instant }),
  fc.record({ kind: fc.constant("rectify" as const), at: instant }),
  fc.record({ kind: fc.constant("supervise" as const), at: instant, until: day }),
  fc.record({ kind: fc.constant("deadline" as const), until: day }),
  fc.record({ kind: fc.constant("status" as const), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant("move" as const), to: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant("source" as const), source: fc.constantFrom("REPORT", "SELF", "INSPECTION", "TIP") }),
  fc.record({ kind: fc.constant("delete" as const) }),
);
const history = fc.array(fc.record({ unit: fc.integer({ min: 0, max: 2 }), at: instant, changes: fc.array(change, { maxLength: 5 }) }), { minLength: 1, maxLength: 25 });
/** A window as the bot asks: to a month's start, from a month's start, the beginning, or a campaign's mid-month day. */
const months = Array.from({ length: 9 }, (_, i) => new Date(Date.UTC(2026, i - 1, 1) - 8 * 3_600_000));
const window = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.oneof(fc.constant(null), fc.constant("month" as const), instant))
  .map(([a, b, from]): StatsWindow => {
    const [lo, hi] = a < b ? [a, b] : [b - 1, a + 1 > 8 ? 8 : a + 1];
    const start = from === null ? null : from === "month" ? months[Math.max(0, lo)]! : from.getTime() < months[hi]!.getTime() ? from : months[Math.max(0, lo)]!;
    return { from: start, to: months[hi]! };
  });

describe.each(backends)("the tally on %s", (_name, open) => {
  let store: Store;
  let done: () => Promise<void>;
  let run = 0;
  beforeAll(async () => ({ store, done } = await open()));
  afterAll(() => done());

  test("equals a recount from the hazards, for every window the statistics ask for", { timeout: 600_000 }, async () => {
    const user = await store.transaction((repo) => repo.touchUser({ platform: "console", platformUserId: "tally", displayName: "统计" }));
    await fc.assert(
      fc.asyncProperty(history, fc.array(window, { minLength: 1, maxLength: 6 }), day, async (hazards, windows, today) => {
        run++;
        const units = await store.transaction(async (repo) => {
          const root = await repo.createUnit(`县${run}`, null, "REGULATOR");
          const plant = await repo.createUnit(`厂${run}`, root, "ENTERPRISE");
          const shop = await repo.createUnit(`车间${run}`, plant, "DEPARTMENT");
          return [root, plant, shop];
        });
        await store.transaction(async (repo) => {
          const tx = (repo as unknown as { tx: RawTx }).tx;
          for (const [i, h] of hazards.entries()) {
            const { id } = await repo.createHazard({
              year: 2026, unitId: units[h.unit]!.id, reporterId: user.id, platform: "console", chatId: `t${run}`, messageId: `${run}-${i}`,
              description: "x", location: null, attachments: [], indicators: [], reportedAt: h.at,
            });
            for (const c of h.changes) {
              const set = (sql: string, ...values: unknown[]) => tx.$executeRawUnsafe(`UPDATE "Hazard" SET ${sql} WHERE id = ${id}`, ...values);
              if (c.kind === "confirm") await set(`level = $1::"HazardLevel", "confirmedAt" = $2::timestamptz AT TIME ZONE 'UTC', status = 'CONFIRMED'`, c.level, c.at.toISOString());
              else if (c.kind === "rectify") await set(`"rectifiedAt" = $1::timestamptz AT TIME ZONE 'UTC', status = 'RECTIFIED'`, c.at.toISOString());
              else if (c.kind === "supervise") await set(`supervised = true, "supervisedAt" = $1::timestamptz AT TIME ZONE 'UTC', "supervisedDeadline" = $2::date`, c.at.toISOString(), c.until);
              else if (c.kind === "deadline") await set(`deadline = $1::date`, c.until);
              else if (c.kind === "status") await set(`status = $1::"HazardStatus"`, c.status);
              else if (c.kind === "move") await set(`"unitId" = $1`, units[c.to]!.id);
              else if (c.kind === "source") await set(`source = $1`, c.source);
              else {
                await tx.$executeRawUnsafe(`DELETE FROM "HazardEvent" WHERE "hazardId" = ${id}`);
                await tx.$executeRawUnsafe(`DELETE FROM "Hazard" WHERE id = ${id}`);
                break;
              }
            }
          }
        });
        const [root] = units;
        const tallied = await store.transaction((repo) => repo.windowStats([root!.path], windows, today));
        const recounted = await store.transaction((repo) => repo.windowStats([root!.path], windows, today, { recount: true }));
        expect(tallied).toEqual(recounted);
        for (const w of windows) {
          const from = w.from ?? new Date(START - 86_400_000);
          const byUnit = await store.transaction((repo) => repo.statsByUnit(root!.path, from, w.to, today));
          for (const u of units) {
            const [alone] = await store.transaction((repo) => repo.windowStats([u.path], [{ from, to: w.to }], today, { exact: true, recount: true }));
            const none = { general: { found: 0, rectified: 0 }, major: { found: 0, rectified: 0 }, supervised: 0, majorBySource: { self: 0, inspection: 0, tip: 0 }, pending: 0, overdue: 0 };
            expect(byUnit.get(u.id) ?? none).toEqual(alone);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
