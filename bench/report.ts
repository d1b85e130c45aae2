/**
 * Hazard reports end to end (claim, sender, binding, hazard + event, reply) against the embedded store's raw
 * single-row INSERT rate, measured in the same run. DESIGN.md's target: ratio ≥ 0.25. Then the 台账 export at
 * 100,000 hazards against a raw SELECT of the same rows (see `ledgerBench`).
 *
 *   npm run bench            # default 2,000 messages, 100,000 ledger rows
 *   BENCH_N=10000 BENCH_LEDGER_N=200000 npm run bench
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import ExcelJS from "exceljs";
import { PGlite } from "@electric-sql/pglite";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/app.ts";
import { groupRoom, toIncoming } from "../src/platforms/console/chat.ts";
import { writeLedger } from "../src/reports/ledger.ts";
import { LEDGER_PAGE } from "../src/core/features/ledger.ts";
import { bulkHazards } from "../test/support/bulk.ts";

const N = Number(process.env.BENCH_N ?? 2000);
const LEDGER_N = Number(process.env.BENCH_LEDGER_N ?? 100_000);
const LEDGER_RATIO_GOAL = 0.2;
const LEDGER_RSS_BUDGET_MB = 32;

const fmt = (n: number) => n.toFixed(0).padStart(7);

async function rawInsertRate(): Promise<number> {
  const db = new PGlite();
  await db.exec(`CREATE TABLE t (id serial PRIMARY KEY, unit int NOT NULL, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  for (let i = 0; i < 200; i++) await db.query(`INSERT INTO t (unit, body) VALUES ($1, $2)`, [1, "warm-up"]);
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await db.query(`INSERT INTO t (unit, body) VALUES ($1, $2)`, [1, `配电箱门未关 ${i}`]);
  const rate = N / ((performance.now() - t0) / 1000);
  await db.close();
  return rate;
}

async function reportRate(): Promise<{ rate: number; p50: number; p99: number }> {
  // 50 simulated workers file thousands of reports in minutes: the per-person limit is for people, not for the bench.
  const config = loadConfig({ SENTINEL_ADMINS: "console:admin", SENTINEL_REPORTS_PER_HOUR: "10000" });
  const app = await createApp(config, pino({ level: "silent" }), () => new Date(), { inMemory: true });
  const say = (who: string, chat: string | null, text: string) =>
    app.bot.handle(toIncoming(who, chat ? groupRoom(chat) : { id: `dm:${who}`, type: "private", title: who }, text));
  await say("admin", null, "新建单位 城关化工厂");
  await say("admin", "车间群", "绑定 城关化工厂");
  for (let i = 0; i < 200; i++) await say(`w${i % 50}`, "车间群", `报隐患 预热 ${i}`);
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    const out = await say(`w${i % 50}`, "车间群", `报隐患 二号车间配电箱门未关，电线裸露 ${i}`);
    times.push(performance.now() - s);
    if (!out[0]?.text.includes("YH-")) throw new Error(`report ${i} was not filed: ${out[0]?.text}`);
  }
  const rate = N / ((performance.now() - t0) / 1000);
  await app.close();
  times.sort((a, b) => a - b);
  return { rate, p50: times[Math.floor(N * 0.5)]!, p99: times[Math.floor(N * 0.99)]! };
}

/**
 * The 台账 (hazard ledger) export at scale: BENCH_LEDGER_N hazards (default 100,000) filed in one INSERT … SELECT
 * generate_series, then exported as the bot does it (keyset pages of 1,000, each its own short read, rows streamed to
 * an .xlsx) and read back with exceljs's streaming reader. The anchor is the store reading the same rows in one
 * statement (which holds them all in memory, as the export must not). Memory must not grow with the rows: the live
 * heap and buffers at 10,000 rows and at the end should be the same, and the peak RSS of the whole ledger no higher
 * than the major view's (about a tenth of the rows).
 */
async function ledgerBench(): Promise<void> {
  const config = loadConfig({ SENTINEL_ADMINS: "console:admin" });
  const app = await createApp(config, pino({ level: "silent" }), () => new Date(), { inMemory: true });
  const say = (who: string, text: string) => app.bot.handle(toIncoming(who, { id: `dm:${who}`, type: "private", title: who }, text));
  await say("admin", "新建单位 县应急管理局");
  for (let i = 1; i <= 20; i++) {
    await say("admin", `新建单位 企业${i} 县应急管理局`);
    await say("admin", `单位行业 企业${i} ${i % 2 ? "危险化学品" : "工贸"}`);
  }
  const units = await app.store.transaction((r) => r.listUnits());
  const admin = await app.store.transaction((r) => r.findUserById("console", "admin"));
  const root = units.find((u) => u.parentId === null)!;
  let t0 = performance.now();
  await bulkHazards(app.store, { count: LEDGER_N, unitIds: units.filter((u) => u.parentId !== null).map((u) => u.id), reporterId: admin!.id });
  const seedMs = performance.now() - t0;

  // Memory: RSS sampled every 20 ms against the RSS just before; and what is still alive after a full collection
  // (JS heap and buffers), every 10,000 rows: the writer's own state, which must not grow with the rows written.
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const live = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const t = (id: string, a?: Record<string, string | number>) => app.prompts.t("zh-CN", id, a);
  const dir = mkdtempSync(path.join(tmpdir(), "sentinel-bench-ledger-"));
  const results: { label: string; rows: number; ms: number; rss: number; liveGrowth: number | null; bytes: number; readMs: number }[] = [];
  try {
    for (const majorOnly of [true, false]) {
      const file = path.join(dir, `${majorOnly ? "major" : "all"}.xlsx`);
      gc();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
      const samples: number[] = [];
      const onPage = (n: number) => void (n % 10_000 === 0 && samples.push(live()));
      t0 = performance.now();
      const { rows } = await writeLedger({ store: app.store, paths: [root.path], majorOnly, period: null, t, title: "bench", file, pageSize: LEDGER_PAGE, onPage });
      const ms = performance.now() - t0;
      clearInterval(sampler);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      // Read back, streaming: every row once, the first and the last as numbered.
      t0 = performance.now();
      let count = 0;
      let first = "";
      let last = "";
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore" });
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          if (row.number <= 2) continue;
          const n = String((row.values as unknown[])[1]);
          if (!/^YH-\d{4}-\d{6}$/.test(n)) throw new Error(`row ${row.number}: ${n}`);
          first ||= n;
          last = n;
          count++;
        }
      }
      const readMs = performance.now() - t0;
      if (count !== rows) throw new Error(`wrote ${rows} rows, read back ${count}`);
      if (!majorOnly && (first !== "YH-2026-000001" || last !== `YH-2026-${String(LEDGER_N).padStart(6, "0")}`)) throw new Error(`rows ${first} … ${last}`);
      results.push({
        label: majorOnly ? "major" : "whole",
        rows,
        ms,
        rss: (rssPeak - rssBefore) / 2 ** 20,
        liveGrowth: samples.length > 1 ? (samples.at(-1)! - samples[0]!) / 2 ** 20 : null,
        bytes: statSync(file).size,
        readMs,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The anchor, after the exports: the same rows in one statement, all of them in memory at once.
  const unitIds = units.map((u) => u.id);
  const liveBefore = live();
  t0 = performance.now();
  const all = await app.store.transaction((r) => r.ledger.page({ unitIds, majorOnly: false, from: null, to: null }, 0, LEDGER_N + 1));
  const rawRate = all.length / ((performance.now() - t0) / 1000);
  const rawLive = (live() - liveBefore) / 2 ** 20;
  if (all.length !== LEDGER_N) throw new Error(`raw read gave ${all.length} rows`);
  await app.close();

  const whole = results.find((r) => r.label === "whole")!;
  const mb = (n: number) => {
    const v = Math.round(n);
    return `${v >= 0 ? "+" : ""}${v} MB`;
  };
  console.log(`ledger hazards seeded      ${fmt(LEDGER_N)}   in ${(seedMs / 1000).toFixed(1)} s (one INSERT … SELECT generate_series)`);
  console.log(`raw SELECT same rows /s    ${fmt(rawRate)}   (baseline: one statement; holding the rows: live ${mb(rawLive)})`);
  for (const r of results) {
    console.log(
      `${`ledger export /s (${r.label})`.padEnd(27)}${fmt(r.rows / (r.ms / 1000))}   ${r.rows} rows in ${(r.ms / 1000).toFixed(1)} s; peak RSS ${mb(r.rss)}` +
        (r.liveGrowth === null ? "" : `, live 10,000 → ${r.rows} rows ${mb(r.liveGrowth)}`) +
        `; ${(r.bytes / 2 ** 20).toFixed(1)} MB .xlsx, read back (streaming) in ${(r.readMs / 1000).toFixed(1)} s`,
    );
  }
  const ratio = whole.rows / (whole.ms / 1000) / rawRate;
  console.log(`ratio export / raw SELECT  ${ratio.toFixed(3)}   (pages of ${LEDGER_PAGE}, streamed to .xlsx)`);
  // The budget (issue 11): 100,000 rows at a fifth of the store's own read rate or better, memory flat (no row held).
  const flat = results.every((r) => r.rss <= LEDGER_RSS_BUDGET_MB && (r.liveGrowth ?? 0) <= LEDGER_RSS_BUDGET_MB);
  console.log(
    `ledger budget              goal ratio ≥ ${LEDGER_RATIO_GOAL} and RSS/live growth ≤ ${LEDGER_RSS_BUDGET_MB} MB | measured ${ratio.toFixed(3)}, ` +
      `${results.map((r) => `${r.label} ${mb(r.rss)}`).join(", ")} | ${ratio >= LEDGER_RATIO_GOAL && flat ? "ok" : "MISSED"}`,
  );
}

const raw = await rawInsertRate();
const report = await reportRate();
console.log(`messages per run           ${fmt(N)}`);
console.log(`raw PGlite INSERT /s       ${fmt(raw)}   (baseline)`);
console.log(`hazard report end-to-end/s ${fmt(report.rate)}   p50 ${report.p50.toFixed(2)} ms, p99 ${report.p99.toFixed(2)} ms`);
console.log(`ratio report / raw insert  ${(report.rate / raw).toFixed(3)}   (target ≥ 0.25)`);
await ledgerBench();
