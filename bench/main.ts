/**
 * `npm run bench`: issue 13's table, every row with its anchor measured in the same run, printed as
 * `what | goal | anchor | measured | ratio | ok`. `npm run bench -- --quick` runs small sizes (under two minutes).
 *
 * PostgreSQL rows run when a server answers at `SENTINEL_BENCH_POSTGRES` (default: the machine's local server,
 * postgresql://postgres@127.0.0.1:5432/postgres); the bench creates its own databases there and drops them.
 * Benchmarks never run inside `npm test`.
 */
import pg from "pg";
import { printRows, type BenchOptions, type BenchRow } from "./row.ts";
import { startBench } from "./start.ts";
import { reminderBench } from "./reminders.ts";
import { workchatBench } from "./workchat.ts";
import { ledgerBench } from "./ledger.ts";
import { latencyBench } from "./latency.ts";
import { queryBench } from "./queries.ts";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const quick = process.argv.includes("--quick");
const url = process.env.SENTINEL_BENCH_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const opts: BenchOptions = { quick, postgresUrl: url !== "off" && (await reachable(url)) ? url : null };
const parts: [string, (o: BenchOptions) => Promise<BenchRow[]>][] = [
  ["reports and questions at province scale", queryBench],
  ["reply latency under load", latencyBench],
  ["cold start and idle memory", startBench],
  ["reminder rounds", reminderBench],
  ["work-chat reminder rounds", workchatBench],
  ["台账 export", ledgerBench],
];
const rows: BenchRow[] = [];
let failed = 0;
const started = performance.now();
for (const [name, run] of parts) {
  const t0 = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const got = await run(opts);
    rows.push(...got);
    printRows(got);
  } catch (err) {
    // One part that fails does not lose the others' figures.
    rows.push({ what: name, goal: "—", anchor: "—", measured: "", ratio: null, ok: false, skipped: `failed: ${(err as Error).message}` });
    failed++;
  }
  process.stderr.write(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
console.log(`\nSentinel bench (${quick ? "quick" : "full"}; PostgreSQL ${opts.postgresUrl ? "reachable" : "not reachable: its rows skipped"}; ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
printRows(rows);
const missed = rows.filter((r) => !r.ok && !r.skipped).length;
console.log(`\n${rows.length} rows, ${missed} missed${failed ? `, ${failed} parts failed` : ""}`);
if (failed) process.exitCode = 1;
