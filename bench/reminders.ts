/**
 * Reminder rounds at province scale (issue 13): a county with N enterprises, each with its own Telegram group, all
 * owing the monthly report, on the day of its second step (T-1; the first, with the table, already went out).
 *
 * - Through Telegram: the real adapter (grammY, auto-retry, the throttler at its defaults) sending to
 *   `telegram-test-api`. The anchor is the throttler's own ideal: N messages at 30 a second (its global reservoir).
 * - The store's share per chat: the same round with a sink that takes each message at once, at N and 2N chats; O(1)
 *   per chat means the time per chat does not grow with the chats.
 * - A round with nothing left to send (every reminder already out), at N and 2N chats (the median of three).
 */
import { pino } from "pino";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { loadConfig } from "../src/config.ts";
import { createApp, type App } from "../src/app.ts";
import { runDeadlineReminders } from "../src/reminders/deadlines.ts";
import { dueDate, ladder } from "../src/domain/obligations.ts";
import { TelegramAdapter } from "../src/platforms/telegram/adapter.ts";
import { Router } from "../src/platforms/router.ts";
import { Metrics } from "../src/ops/metrics.ts";
import { ms, percentile, type BenchOptions, type BenchRow } from "./row.ts";

type RawTx = { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };
const PERIOD = "2026-12";
const SILENT = pino({ level: "silent" });

/** The throttler's global rate: 30 messages a second (a reservoir of 30, refilled every second). */
const THROTTLER_RATE = 30;

interface Setup {
  app: App;
  /** 09:05 Shanghai time on the T-1 step's day. */
  at: Date;
}

/** An app whose store holds a county and `n` enterprises with one Telegram group each, T-3 already sent to all. */
export async function county(n: number, platform = "telegram", chat = "(-1000000 - g)::text"): Promise<Setup> {
  let now = new Date("2026-11-01T02:00:00Z");
  const app = await createApp(loadConfig({ SENTINEL_ADMINS: `${platform}:1` }), SILENT, () => now, { inMemory: true });
  const steps = ladder(app.deps.calendar, dueDate({ kind: "monthly", day: 18 }, PERIOD));
  await app.store.transaction(async (repo) => {
    const tx = (repo as unknown as { tx: RawTx }).tx;
    await tx.$executeRawUnsafe(`INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt") VALUES (1, '县应急管理局', 'REGULATOR', NULL, '/1/', $1::timestamptz)`, now.toISOString());
    await tx.$executeRawUnsafe(
      `INSERT INTO "Unit" (id, name, kind, "parentId", path, "createdAt")
       SELECT 1 + g, '企业' || g, 'ENTERPRISE', 1, '/1/' || (1 + g) || '/', $2::timestamptz FROM generate_series(1, $1::int) g`,
      n,
      now.toISOString(),
    );
    await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Unit"', 'id'), $1::int)`, n + 1);
    await tx.$executeRawUnsafe(
      `INSERT INTO "ChatBinding" (platform, "chatId", title, "unitId") SELECT '${platform}', ${chat}, '企业' || g || '群', 1 + g FROM generate_series(1, $1::int) g`,
      n,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "JobClaim" (key, "claimedAt", "sentAt", outcome)
       SELECT 'deadline:monthly:${PERIOD}:' || (1 + g) || ':T-3|${platform}:' || ${chat}, $2::timestamptz, $2::timestamptz, 'sent'
       FROM generate_series(1, $1::int) g`,
      n,
      new Date(`${steps[0]!.date}T01:05:00Z`).toISOString(),
    );
  });
  const at = new Date(`${steps[1]!.date}T09:05:00+08:00`);
  now = at;
  return { app, at };
}

/** The round's time with a sink that takes every message at once: the store's (and the round's own) share. */
async function storeRound(n: number): Promise<{ firstMs: number; againMs: number; sent: number }> {
  const { app } = await county(n);
  try {
    let sent = 0;
    const sink = async () => void sent++;
    let t0 = performance.now();
    await runDeadlineReminders(app.deps, sink);
    const firstMs = performance.now() - t0;
    if (sent < n) throw new Error(`store round: ${sent} of ${n} sent`);
    // The median of three: one round takes well under a tenth of a second, where a single collection shows.
    const againRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      const again = await runDeadlineReminders(app.deps, sink);
      againRuns.push(performance.now() - t0);
      if (again.sent !== 0) throw new Error(`a round after the first sent ${again.sent}`);
    }
    return { firstMs, againMs: percentile(againRuns, 0.5), sent };
  } finally {
    await app.close();
  }
}

/** The round through grammY's throttler to the Telegram emulator. */
async function telegramRound(n: number): Promise<{ ms: number; sent: number; delivered: number }> {
  const { app } = await county(n);
  // Messages kept an hour (the emulator drops them after a minute by default; a 10,000-chat round takes six).
  const server = new TelegramServer({ port: 0, host: "127.0.0.1", storeTimeout: 3600 } as never);
  await server.start();
  const port = (server as unknown as { server: { address(): { port: number } } }).server?.address?.().port;
  const apiRoot = port ? `http://127.0.0.1:${port}` : server.config.apiURL;
  const adapter = new TelegramAdapter({ token: "123456:SENTINEL-BENCH", apiRoot, prompts: app.prompts, log: SILENT });
  const router = new Router([adapter], app.bot, SILENT, new Metrics());
  try {
    const t0 = performance.now();
    const r = await runDeadlineReminders(app.deps, router.send);
    const elapsed = performance.now() - t0;
    const delivered = (server as unknown as { storage: { botMessages: unknown[] } }).storage.botMessages.length;
    return { ms: elapsed, sent: r.sent, delivered };
  } finally {
    await server.stop();
    await app.close();
  }
}

export async function reminderBench(opts: BenchOptions): Promise<BenchRow[]> {
  const n = opts.quick ? 300 : 1000;
  const rows: BenchRow[] = [];
  for (const chats of opts.quick ? [n] : [n, 10 * n]) {
    const tg = await telegramRound(chats);
    if (tg.sent !== chats || tg.delivered !== chats) throw new Error(`telegram round: ${tg.sent} sent, ${tg.delivered} delivered of ${chats}`);
    const ideal = ((chats - THROTTLER_RATE) / THROTTLER_RATE) * 1000;
    rows.push({
      what: `reminder round, ${chats} chats, Telegram throttler (emulator)`,
      goal: "≤ 1.05× ideal",
      anchor: `${(ideal / 1000).toFixed(1)} s ideal at ${THROTTLER_RATE} msg/s`,
      measured: `${(tg.ms / 1000).toFixed(1)} s, 0 duplicates`,
      ratio: tg.ms / ideal,
      ok: tg.ms / ideal <= 1.05,
    });
  }
  const small = await storeRound(n);
  const large = await storeRound(2 * n);
  const per = (r: { firstMs: number; sent: number }) => r.firstMs / r.sent;
  rows.push({
    what: `store work per reminder chat, ${2 * n} vs ${n} chats`,
    goal: "O(1): ≤ 1.25× anchor",
    anchor: `${ms(per(small))}/chat at ${n}`,
    measured: `${ms(per(large))}/chat at ${2 * n}`,
    ratio: per(large) / per(small),
    ok: per(large) / per(small) <= 1.25,
  });
  rows.push({
    what: `round with nothing to send, ${2 * n} vs ${n} chats`,
    goal: "≤ 2.5× anchor (linear)",
    anchor: `${ms(small.againMs)} at ${n}`,
    measured: `${ms(large.againMs)} at ${2 * n}`,
    ratio: large.againMs / small.againMs,
    ok: large.againMs / small.againMs <= 2.5,
  });
  return rows;
}
