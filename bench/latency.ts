/**
 * Reply latency under load (issue 13): hazard reports offered at a fixed 100 messages a second, open loop (each sent
 * on its schedule whether or not the ones before it were answered, as a busy province's groups would), from 50
 * workers in one group; the latency of each is from its scheduled time to its reply. On PGlite and, when a server
 * answers, on PostgreSQL (a database the bench creates and drops).
 */
import pg from "pg";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { createApp, type App } from "../src/app.ts";
import { groupRoom, toIncoming } from "../src/platforms/console/chat.ts";
import { ms, percentile, type BenchOptions, type BenchRow } from "./row.ts";

const RATE = 100;
const GOAL_MS = 20;

/** A database of its own on the server, dropped by `drop`. */
export async function scratchDatabase(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sentinel_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function offered(app: App, count: number): Promise<{ p50: number; p99: number; errors: number }> {
  const say = (who: string, text: string) => app.bot.handle(toIncoming(who, groupRoom("车间群"), text));
  await app.bot.handle(toIncoming("admin", { id: "dm:admin", type: "private", title: "admin" }, "新建单位 城关化工厂"));
  await say("admin", "绑定 城关化工厂");
  for (let i = 0; i < 200; i++) await say(`w${i % 50}`, `报隐患 预热 ${i}`);
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const at = t0 + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      say(`w${i % 50}`, `报隐患 二号车间配电箱门未关，电线裸露 ${i}`).then((out) => {
        latencies.push(performance.now() - at);
        if (!out[0]?.text.includes("YH-")) errors++;
      }),
    );
  }
  await Promise.all(pending);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

export async function latencyBench(opts: BenchOptions): Promise<BenchRow[]> {
  const count = opts.quick ? 5 * RATE : 20 * RATE;
  const config = (extra: Record<string, string>) => loadConfig({ SENTINEL_ADMINS: "console:admin", SENTINEL_REPORTS_PER_HOUR: "10000", ...extra });
  const row = (store: string, r: { p50: number; p99: number; errors: number }): BenchRow => {
    if (r.errors) throw new Error(`${store}: ${r.errors} reports not filed`);
    return {
      what: `reply p99, reports offered at ${RATE}/s open loop, ${count} messages (${store})`,
      goal: `≤ ${GOAL_MS} ms`,
      anchor: "—",
      measured: `p99 ${ms(r.p99)} (p50 ${ms(r.p50)})`,
      ratio: null,
      ok: r.p99 <= GOAL_MS,
    };
  };
  const rows: BenchRow[] = [];
  const lite = await createApp(config({}), pino({ level: "silent" }), () => new Date(), { inMemory: true });
  try {
    rows.push(row("PGlite", await offered(lite, count)));
  } finally {
    await lite.close();
  }
  if (!opts.postgresUrl) {
    rows.push({ what: `reply p99, reports offered at ${RATE}/s open loop (PostgreSQL)`, goal: `≤ ${GOAL_MS} ms`, anchor: "—", measured: "", ratio: null, ok: false, skipped: "no PostgreSQL reachable" });
    return rows;
  }
  const db = await scratchDatabase(opts.postgresUrl, "latency");
  try {
    const app = await createApp(config({ DATABASE_URL: db.url }), pino({ level: "silent" }), () => new Date());
    try {
      rows.push(row("PostgreSQL", await offered(app, count)));
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
  return rows;
}
