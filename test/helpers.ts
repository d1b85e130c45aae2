import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { pino } from "pino";
import { loadConfig, type Config } from "../src/config.ts";
import { createApp, type App } from "../src/app.ts";
import { createLogger } from "../src/log.ts";
import { ConsoleChat } from "../src/platforms/console/chat.ts";
import type { Repo } from "../src/store/index.ts";

export interface Fixture {
  app: App;
  chat: ConsoleChat;
  config: Config;
  /** The fake clock: tests move it, nothing waits. */
  clock: { now: Date; set(iso: string): void; advanceDays(n: number): void };
  close(): Promise<void>;
}

/**
 * One bot on an in-memory PGlite (or the PostgreSQL at `DATABASE_URL` when `postgres` is set), with a console chat.
 * `console:admin` is a configured admin.
 */
export async function createFixture(
  opts: { env?: Record<string, string>; now?: string; postgresUrl?: string; dataDir?: string; logFile?: string } = {},
): Promise<Fixture> {
  const config = loadConfig({
    SENTINEL_ADMINS: "console:admin",
    ...(opts.postgresUrl ? { DATABASE_URL: opts.postgresUrl } : {}),
    ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}),
    ...opts.env,
  });
  const clock = {
    now: new Date(opts.now ?? "2026-11-10T02:00:00Z"),
    set(iso: string) {
      this.now = new Date(iso);
    },
    advanceDays(n: number) {
      this.now = new Date(this.now.getTime() + n * 86_400_000);
    },
  };
  const log = opts.logFile ? createLogger({ level: "trace", file: opts.logFile }) : pino({ level: "silent" });
  const app = await createApp(config, log, () => clock.now, { inMemory: !opts.postgresUrl && !opts.dataDir });
  const chat = new ConsoleChat((msg) => app.bot.handle(msg));
  return { app, chat, config, clock, close: () => app.close() };
}

/** The first tip number in a text. */
export function tipNumberIn(texts: string[] | string): string {
  const m = /JB-\d{4}-\d{6}/.exec(Array.isArray(texts) ? texts.join("\n") : texts);
  if (!m) throw new Error(`no tip number in: ${String(texts)}`);
  return m[0];
}

/** The receipt code (28 digits in groups of four) in a text. */
export function receiptCodeIn(texts: string[] | string): string {
  const m = /\d{4}(?: \d{4}){6}/.exec(Array.isArray(texts) ? texts.join("\n") : texts);
  if (!m) throw new Error(`no receipt code in: ${String(texts)}`);
  return m[0];
}

/** The first hazard number in a text. */
export function numberIn(texts: string[] | string): string {
  const m = /YH-\d{4}-\d{6}/.exec(Array.isArray(texts) ? texts.join("\n") : texts);
  if (!m) throw new Error(`no hazard number in: ${String(texts)}`);
  return m[0];
}

/**
 * Sets up a county office with one enterprise, their groups bound, an official at the county and one at the
 * enterprise, and a worker who has spoken in the enterprise group.
 */
export async function seedTree(f: Fixture): Promise<void> {
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  await admin.say("新建单位 城关化工厂 县应急管理局");
  await admin.in("县局群").say("绑定 县应急管理局");
  await admin.in("车间群").say("绑定 城关化工厂");
  await f.chat.as("王局长").in("县局群").say("我的身份");
  await f.chat.as("李主任").in("车间群").say("我的身份");
  await f.chat.as("张三").in("车间群").say("我的身份");
  await admin.in("县局群").say("授权 监管人员 王局长");
  await admin.in("车间群").say("授权 安全管理员 李主任");
}

const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";

/**
 * The PostgreSQL server for tests: `SENTINEL_TEST_POSTGRES` (set by `.ci/run`), else the project machines' local
 * server when it answers; `SENTINEL_TEST_POSTGRES=off` skips the PostgreSQL runs.
 */
async function testPostgres(): Promise<string | null> {
  const configured = process.env.SENTINEL_TEST_POSTGRES;
  if (configured === "off") return null;
  if (configured) return configured;
  const { default: pg } = await import("pg");
  const probe = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 1000 });
  try {
    await probe.connect();
    await probe.end();
    return LOCAL_POSTGRES;
  } catch {
    return null;
  }
}

/** A fresh, empty database on the test PostgreSQL server, or `null` when there is none. `drop()` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = await testPostgres();
  if (!base) return null;
  const { default: pg } = await import("pg");
  const name = `sentinel_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // A server far from UTC: the store's SQL must not depend on the session time zone.
  await admin.query(`ALTER DATABASE ${name} SET timezone TO 'America/New_York'`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Temporary folders for one test file, all removed after it: `const freshDir = tempDirs("sentinel-e2e-")` at top level. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = mkdtempSync(path.join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** The Prisma client under a repo, for the raw SQL of the two helpers below. */
type Raw = { tx: { $queryRawUnsafe<R>(q: string, ...v: unknown[]): Promise<R>; $executeRawUnsafe(q: string, ...v: unknown[]): Promise<number> } };

/** Rows of a raw SQL query on the fixture's store, outside a transaction (for checking what is stored). */
export function rawRows<T>(f: Fixture, sql: string, ...values: unknown[]): Promise<T[]> {
  return f.app.store.read((r: Repo) => (r as unknown as Raw).tx.$queryRawUnsafe<T[]>(sql, ...values));
}

/** A raw SQL statement on the fixture's store, in its own transaction (to set up or break what a test needs). */
export function rawExec(f: Fixture, sql: string, ...values: unknown[]): Promise<number> {
  return f.app.store.transaction((r: Repo) => (r as unknown as Raw).tx.$executeRawUnsafe(sql, ...values));
}

/**
 * The lane (`one-statement` or `ordinary`) of each `command` the log file says was handled, or refused too when
 * `refused`, in order.
 */
export function lanesLogged(logFile: string, command: string, opts: { refused?: boolean } = {}): string[] {
  const outcomes = opts.refused ? ['"handled"', '"refused"'] : ['"handled"'];
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.includes(`"command":"${command}"`) && outcomes.some((o) => l.includes(o)))
    .map((l) => (JSON.parse(l) as { lane?: string }).lane ?? "ordinary");
}

/** A whole guided tip from `who`; returns its number and receipt code (saved). */
export async function fileTip(fx: Fixture, who: string, answers: { kind?: string; where?: string; what?: string; identity?: string } = {}) {
  const t = fx.chat.as(who);
  await t.say("举报");
  await t.say(answers.kind ?? "1");
  await t.say(answers.where ?? "城关化工厂 三号仓库");
  await t.say(answers.what ?? "夜里偷偷储存大量液氨，没有报警装置");
  await t.say("跳过");
  const filed = await t.say(answers.identity ?? "匿名");
  const code = receiptCodeIn(filed);
  const number = tipNumberIn(filed);
  expect(await t.say("已保存")).toEqual([expect.stringContaining("已从本对话中删除")]);
  return { number, code };
}

/** `handler` finds tip `number` untrue, answers the tipster and closes it (the shortest way to a closed tip). */
export async function closeUntrue(fx: Fixture, handler: string, number: string): Promise<void> {
  const w = fx.chat.as(handler);
  await w.say(`举报核查 ${number} 不属实`);
  await w.say(`举报反馈 ${number} 经核查不属实`);
  await w.say(`举报办结 ${number}`);
}
