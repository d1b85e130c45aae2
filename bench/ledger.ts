/**
 * The 台账 (hazard ledger) export at scale (issue 11's budget, printed with issue 13's table): see \`ledgerBench\`.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import ExcelJS from "exceljs";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/app.ts";
import { toIncoming } from "../src/platforms/console/chat.ts";
import { writeLedger } from "../src/reports/ledger.ts";
import { LEDGER_PAGE } from "../src/core/features/ledger.ts";
import { bulkHazards } from "../test/support/bulk.ts";
import type { BenchOptions, BenchRow } from "./row.ts";

const LEDGER_RATIO_GOAL = 0.2;
const LEDGER_RSS_BUDGET_MB = 32;

const fmt = (n: number) => n.toFixed(0).padStart(7);

/**
 * The 台账 (hazard ledger) export at scale: BENCH_LEDGER_N hazards (default 100,000) filed in one INSERT … SELECT
 * generate_series, then exported as the bot does it (keyset pages of 1,000, each its own short read, rows streamed to
 * an .xlsx) and read back with exceljs's streaming reader. The anchor is the store reading the same rows in one
 * statement (which holds them all in memory, as the export must not). Memory must not grow with the rows: the live
 * heap and buffers at 10,000 rows and at the end should be the same, and the peak RSS of the whole ledger no higher
 * than the major view's (about a tenth of the rows).
 */
export async function ledgerBench(opts: BenchOptions): Promise<BenchRow[]> {
  const LEDGER_N = opts.quick ? 20_000 : Number(process.env.BENCH_LEDGER_N ?? 100_000);
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
  const youngMb = () => v8.getHeapSpaceStatistics().filter((s) => s.space_name === "new_space").reduce((a, s) => a + s.space_size, 0) / 2 ** 20;
  let cold = { rss: 0, young: 0 };
  try {
    // The first export in a process is a warm-up, reported apart: under its allocations V8 grows its young generation
    // to the full two 16 MB semi-spaces, once (any sustained work does the same), which is not the export's memory.
    for (const [label, majorOnly] of [["cold", true], ["major", true], ["whole", false]] as const) {
      const file = path.join(dir, `${label}.xlsx`);
      gc();
      const rssBefore = process.memoryUsage().rss;
      const youngBefore = youngMb();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
      const samples: number[] = [];
      const onPage = (n: number) => void (n % 10_000 === 0 && samples.push(live()));
      t0 = performance.now();
      const { rows } = await writeLedger({ store: app.store, paths: [root.path], majorOnly, period: null, t, title: "bench", file, pageSize: LEDGER_PAGE, onPage });
      const ms = performance.now() - t0;
      clearInterval(sampler);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      if (label === "cold") {
        cold = { rss: (rssPeak - rssBefore) / 2 ** 20, young: youngMb() - youngBefore };
        continue;
      }
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
        label,
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
  console.log(`first export in process    peak RSS ${mb(cold.rss)}, of which V8's young generation ${mb(cold.young)} (a warm-up, not counted)`);
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
  return [
    {
      what: `台账 export, ${LEDGER_N} hazards (PGlite), streamed .xlsx`,
      goal: `≥ ${LEDGER_RATIO_GOAL}× anchor`,
      anchor: `${rawRate.toFixed(0)} rows/s raw SELECT`,
      measured: `${(whole.rows / (whole.ms / 1000)).toFixed(0)} rows/s`,
      ratio,
      ok: ratio >= LEDGER_RATIO_GOAL,
    },
    {
      what: "台账 export, memory growth (peak RSS / live heap)",
      goal: `≤ ${LEDGER_RSS_BUDGET_MB} MB, after a warm-up`,
      anchor: "—",
      measured: `${results.map((r) => `${r.label} ${mb(r.rss)}`).join(", ")} (first export: ${mb(cold.rss)}, young generation ${mb(cold.young)})`,
      ratio: null,
      ok: flat,
    },
  ];
}
