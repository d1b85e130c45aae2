/**
 * Hazard reports end to end (claim, sender, binding, hazard + event, reply) against the embedded store's raw
 * single-row INSERT rate, measured in the same run. DESIGN.md's target: ratio ≥ 0.25.
 *
 *   npm run bench            # default 2,000 messages
 *   BENCH_N=10000 npm run bench
 */
import { PGlite } from "@electric-sql/pglite";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/app.ts";
import { groupRoom, toIncoming } from "../src/platforms/console/chat.ts";

const N = Number(process.env.BENCH_N ?? 2000);

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

const raw = await rawInsertRate();
const report = await reportRate();
const fmt = (n: number) => n.toFixed(0).padStart(7);
console.log(`messages per run           ${fmt(N)}`);
console.log(`raw PGlite INSERT /s       ${fmt(raw)}   (baseline)`);
console.log(`hazard report end-to-end/s ${fmt(report.rate)}   p50 ${report.p50.toFixed(2)} ms, p99 ${report.p99.toFixed(2)} ms`);
console.log(`ratio report / raw insert  ${(report.rate / raw).toFixed(3)}   (target ≥ 0.25)`);
