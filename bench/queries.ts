/**
 * The store's hot paths at province scale (issue 13): hazard reports against the raw single-row INSERT rate, and the
 * officials' questions over a seeded province — 1,000 units (a province, 10 cities, 100 counties, 889 enterprises)
 * with 1,000,000 hazards on PostgreSQL and 200,000 on PGlite (`--quick`: 20,000 on PGlite only) — `查询` against a
 * primary-key SELECT, `统计` for the province and a county, `逾期隐患` for the province, and the whole tree's 统计表.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { createApp, type App } from "../src/app.ts";
import { formatHazardNumber } from "../src/domain/hazard-number.ts";
import { groupRoom, privateRoom, toIncoming } from "../src/platforms/console/chat.ts";
import { bulkHazards } from "../test/support/bulk.ts";
import type { WebHazardFilter } from "../src/store/web-repo.ts";
import { scratchDatabase } from "./latency.ts";
import { ms, percentile, type BenchOptions, type BenchRow } from "./row.ts";

type RawTx = { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };
const SILENT = pino({ level: "silent" });
const REPORT_GOAL = 0.25;
/** The province is asked in March 2027: the seeded hazards' deadlines (December) have passed, a fifth are overdue. */
const PROVINCE_NOW = new Date("2027-03-01T02:00:00Z");

/** Runs `fn` `n` times in turn; the timings in ms. */
async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Both sides of the report row are measured with warm code: each runs its own statements for `WARM_MS` first. PGlite's
 * WebAssembly is compiled by V8's baseline tier and tiered up in the background as it runs, and a fixed 200 warm-up
 * statements left the anchor (one short INSERT each) on the baseline tier, where a report's far longer statement had
 * tiered up: that gave the anchor a handicap of up to 2× (4,000–6,800 INSERTs a second measured first in the bench,
 * 11,000 once warm).
 */
const WARM_MS = 2000;

async function warm(fn: (i: number) => Promise<unknown>): Promise<void> {
  const until = performance.now() + WARM_MS;
  for (let i = 0; performance.now() < until; i++) await fn(i);
}

const ask = (app: App, who: string, text: string) => app.bot.handle(toIncoming(who, privateRoom(who), text));

/** The province's tree and its hazards; 县官 is an official of the first county. */
export async function seedProvince(app: App, hazards: number): Promise<{ first: number; last: number }> {
  await ask(app, "admin", "我的身份");
  await ask(app, "县官", "我的身份");
  const at = new Date("2026-01-01T00:00:00Z").toISOString();
  await app.store.transaction(async (repo) => {
    const tx = (repo as unknown as { tx: RawTx }).tx;
    await tx.$executeRawUnsafe(`INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt") VALUES (1, '省应急管理厅', 'REGULATOR', NULL, '/1/', $1::timestamptz)`, at);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt")
       SELECT 1 + g, '市局' || g, 'REGULATOR', 1, '/1/' || (1 + g) || '/', $1::timestamptz FROM generate_series(1, 10) g`,
      at,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt")
       SELECT 11 + g, '县局' || g, 'REGULATOR', 2 + (g - 1) / 10, '/1/' || (2 + (g - 1) / 10) || '/' || (11 + g) || '/', $1::timestamptz FROM generate_series(1, 100) g`,
      at,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt")
       SELECT 111 + g, '企业' || g, 'ENTERPRISE', c.id, c.path || (111 + g) || '/', $1::timestamptz
       FROM generate_series(1, 889) g JOIN "Unit" c ON c.id = 12 + (g - 1) % 100`,
      at,
    );
    await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Unit"', 'id'), 1000)`);
    await tx.$executeRawUnsafe(
      `INSERT INTO "RoleGrant" ("userId", "unitId", role) SELECT id, 12, 'OFFICIAL' FROM "User" WHERE "platformUserId" = '县官'`,
    );
  });
  const admin = (await app.store.transaction((r) => r.findUserById("console", "admin")))!;
  const enterprises = Array.from({ length: 889 }, (_, i) => 112 + i);
  // In slices, so no one statement holds a million rows' worth of memory.
  const slice = 100_000;
  for (let done = 0; done < hazards; done += slice) {
    await bulkHazards(app.store, { count: Math.min(slice, hazards - done), unitIds: enterprises, reporterId: admin.id });
  }
  // On PostgreSQL, what autovacuum does a while after the bulk load; PGlite's is the scheduler's (`questions` times it).
  if (app.store.kind === "postgres") await app.store.read((repo) => (repo as unknown as { tx: RawTx }).tx.$executeRawUnsafe(`VACUUM ANALYZE`));
  return { first: 1, last: hazards };
}

/** The officials' questions over a seeded province; `pkAnchor` times a primary-key SELECT of a hazard. */
async function questions(app: App, store: string, hazards: number, quick: boolean, pkAnchor: ((id: number) => Promise<void>) | null): Promise<BenchRow[]> {
  const t0 = performance.now();
  const { last } = await seedProvince(app, hazards);
  const seeded = (performance.now() - t0) / 1000;
  const scale = `${hazards >= 1_000_000 ? `${hazards / 1_000_000}M` : `${hazards / 1000}k`} hazards, 1,000 units, ${store}`;
  const rows: BenchRow[] = [];
  if (app.store.kind === "pglite") {
    // The embedded database has no autovacuum: right after the bulk load it has no statistics, until the scheduler's
    // maintenance (`Store.maintain`, each tick) analyzes and vacuums it. 统计 before it, the pass itself, and a pass
    // with nothing to do.
    const t1 = performance.now();
    await ask(app, "admin", "统计");
    const unanalyzed = performance.now() - t1;
    const t2 = performance.now();
    const m = await app.store.maintain();
    const pass = performance.now() - t2;
    const t3 = performance.now();
    await app.store.maintain();
    const idle = performance.now() - t3;
    rows.push({ what: `统计 (/stats) province before the first maintenance (no statistics), ${scale}`, goal: "—", anchor: "—", measured: ms(unanalyzed), ratio: null, ok: true });
    rows.push({
      what: `maintenance pass after the bulk load (${m.analyzed.length} tables analyzed, ${m.vacuumed.length} vacuumed), ${scale}`,
      goal: "—", anchor: "—", measured: `${ms(pass)}; with nothing to do ${ms(idle)}`, ratio: null, ok: true,
    });
  }
  const n = quick ? 50 : 200;
  const pick = (i: number) => 1 + ((i * 7919) % last);
  // Both sides read the same hazards with the same pages cached: one untimed pass of 查询 over them first (it reads
  // all the anchor reads and more). Timed in turn from cold, each side found the pages the other had just read.
  for (let i = 0; i < n; i++) await ask(app, "admin", `查询 ${formatHazardNumber(2026, pick(i))}`);
  if (pkAnchor) await pkAnchor(1);
  const status = await timed(n, async (i) => {
    const out = await ask(app, "admin", `查询 ${formatHazardNumber(2026, pick(i))}`);
    if (!out[0]?.text.includes(formatHazardNumber(2026, pick(i)))) throw new Error(`查询: ${out[0]?.text}`);
  });
  if (pkAnchor) {
    const pk = await timed(n, (i) => pkAnchor(pick(i)));
    const a = percentile(pk, 0.99);
    const s = percentile(status, 0.99);
    rows.push({ what: `查询 (/status) p99, ${scale}`, goal: "≤ 3× anchor", anchor: `${ms(a)} PK SELECT p99`, measured: `${ms(s)} (p50 ${ms(percentile(status, 0.5))})`, ratio: s / a, ok: s / a <= 3 });
  } else {
    rows.push({ what: `查询 (/status) p99, ${scale}`, goal: "—", anchor: "—", measured: `${ms(percentile(status, 0.99))} (p50 ${ms(percentile(status, 0.5))})`, ratio: null, ok: true });
  }
  const med = async (who: string, text: string, expect: string) =>
    percentile(
      await timed(quick ? 3 : 10, async () => {
        const out = await ask(app, who, text);
        if (!out[0]?.text.includes(expect)) throw new Error(`${text}: ${out[0]?.text}`);
      }),
      0.5,
    );
  const statsRoot = await med("admin", "统计", "统计");
  rows.push({ what: `统计 (/stats) province, ${scale}`, goal: "≤ 50 ms", anchor: "—", measured: ms(statsRoot), ratio: null, ok: statsRoot <= 50 });
  const statsCounty = await med("县官", "统计", "县局1");
  rows.push({ what: `统计 (/stats) county, ${scale}`, goal: "≤ 20 ms", anchor: "—", measured: ms(statsCounty), ratio: null, ok: statsCounty <= 20 });
  const overdue = await med("admin", "逾期隐患", "YH-");
  rows.push({ what: `逾期隐患 (/overdue) province, ${scale}`, goal: "≤ 20 ms", anchor: "—", measured: ms(overdue), ratio: null, ok: overdue <= 20 });
  // The web ledger's list (issue 15): one page of 50, as /web/ reads it, through the whole province, a deep page, an
  // enterprise, and filters that few hazards pass.
  const page = async (what: string, f: Omit<WebHazardFilter, "limit">) => {
    const med_ = percentile(
      await timed(quick ? 5 : 20, async () => {
        const got = await app.store.read((repo) => repo.web.hazards({ ...f, limit: 50 }));
        if (!got.length) throw new Error(`web ledger, ${what}: an empty page`);
      }),
      0.5,
    );
    rows.push({ what: `web ledger page of 50, ${what}, ${scale}`, goal: "≤ 50 ms", anchor: "—", measured: ms(med_), ratio: null, ok: med_ <= 50 });
  };
  const province = { unitPaths: ["/1/"] };
  await page("province, newest", province);
  await page("province, page in the middle", { ...province, before: Math.floor(last / 2) });
  await page("one enterprise", { unitPaths: ["/1/2/12/112/"] });
  await page("province, major and overdue", { ...province, level: "MAJOR", overdueBefore: "2027-03-01" });
  await page("province, 挂牌督办", { ...province, supervised: true });
  const t1 = performance.now();
  const table = await ask(app, "admin", "导出统计表 2026-11");
  const tableMs = performance.now() - t1;
  const file = table.find((o) => o.file);
  if (!file) throw new Error(`导出统计表: ${table.map((o) => o.text).join(" / ")}`);
  rows.push({
    what: `whole-tree 统计表 (1,000 sheets), ${scale}`,
    goal: "≤ 2 s, never an error",
    anchor: "—",
    measured: `${(tableMs / 1000).toFixed(1)} s`,
    ratio: null,
    ok: tableMs <= 2000,
  });
  process.stderr.write(`bench: ${scale} seeded in ${seeded.toFixed(0)} s\n`);
  return rows;
}

/** Reports filed end to end by 50 workers in one group, against the raw single-row INSERT rate of the same store. */
async function reportRate(app: App, n: number): Promise<{ rate: number; p99: number }> {
  const say = (who: string, text: string) => app.bot.handle(toIncoming(who, groupRoom("车间群"), text));
  await ask(app, "admin", "新建单位 城关化工厂");
  await say("admin", "绑定 城关化工厂");
  await warm((i) => say(`w${i % 50}`, `报隐患 预热 ${i}`));
  const t0 = performance.now();
  const times = await timed(n, async (i) => {
    const out = await say(`w${i % 50}`, `报隐患 二号车间配电箱门未关，电线裸露 ${i}`);
    if (!out[0]?.text.includes("YH-")) throw new Error(`report ${i} was not filed: ${out[0]?.text}`);
  });
  return { rate: n / ((performance.now() - t0) / 1000), p99: percentile(times, 0.99) };
}

async function rawInserts(query: (sql: string, params?: unknown[]) => Promise<unknown>, n: number): Promise<number> {
  await query(`CREATE TABLE bench_t (id serial PRIMARY KEY, unit int NOT NULL, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  await warm(() => query(`INSERT INTO bench_t (unit, body) VALUES ($1, $2)`, [1, "warm-up"]));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await query(`INSERT INTO bench_t (unit, body) VALUES ($1, $2)`, [1, `配电箱门未关 ${i}`]);
  return n / ((performance.now() - t0) / 1000);
}

const reportRow = (store: string, raw: number, r: { rate: number; p99: number }): BenchRow => ({
  what: `hazard reports end to end (${store})`,
  goal: `≥ ${REPORT_GOAL}× anchor`,
  anchor: `${raw.toFixed(0)}/s raw single-row INSERT`,
  measured: `${r.rate.toFixed(0)}/s (p99 ${ms(r.p99)})`,
  ratio: r.rate / raw,
  ok: r.rate / raw >= REPORT_GOAL,
});

export async function queryBench(opts: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const config = (extra: Record<string, string> = {}) => loadConfig({ SENTINEL_ADMINS: "console:admin", SENTINEL_REPORTS_PER_HOUR: "10000", ...extra });
  const n = opts.quick ? 500 : 2000;

  // PGlite: reports, then the province.
  const lite = new PGlite();
  const liteRaw = await rawInserts((sql, p) => lite.query(sql, p), n);
  await lite.close();
  let app = await createApp(config(), SILENT, () => new Date("2026-11-20T02:00:00Z"), { inMemory: true });
  try {
    rows.push(reportRow("PGlite", liteRaw, await reportRate(app, n)));
  } finally {
    await app.close();
  }
  app = await createApp(config(), SILENT, () => PROVINCE_NOW, { inMemory: true });
  try {
    rows.push(...(await questions(app, "PGlite", opts.quick ? 20_000 : 200_000, opts.quick, null)));
  } finally {
    await app.close();
  }

  if (!opts.postgresUrl) {
    rows.push({ what: "PostgreSQL rows (reports, 1M hazards)", goal: "—", anchor: "—", measured: "", ratio: null, ok: false, skipped: "no PostgreSQL reachable" });
    return rows;
  }
  // PostgreSQL: reports against a raw `pg` INSERT on the same server, then the province (1M; --quick 50k).
  const db = await scratchDatabase(opts.postgresUrl, "queries");
  const raw = new pg.Client({ connectionString: db.url });
  await raw.connect();
  try {
    const pgRaw = await rawInserts((sql, p) => raw.query(sql, p as unknown[]), n);
    app = await createApp(config({ DATABASE_URL: db.url }), SILENT, () => new Date("2026-11-20T02:00:00Z"));
    try {
      rows.push(reportRow("PostgreSQL", pgRaw, await reportRate(app, n)));
    } finally {
      await app.close();
    }
  } finally {
    await raw.end();
    await db.drop();
  }
  const big = await scratchDatabase(opts.postgresUrl, "province");
  const anchor = new pg.Client({ connectionString: big.url });
  try {
    app = await createApp(config({ DATABASE_URL: big.url }), SILENT, () => PROVINCE_NOW);
    await anchor.connect();
    try {
      rows.push(...(await questions(app, "PostgreSQL", opts.quick ? 50_000 : 1_000_000, opts.quick, async (id) => void (await anchor.query(`SELECT * FROM "Hazard" WHERE id = $1`, [id])))));
    } finally {
      await app.close();
    }
  } finally {
    await anchor.end().catch(() => undefined);
    await big.drop();
  }
  return rows;
}
