import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFixture, freshPostgres } from "../helpers.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";

/**
 * Two bot processes on one PostgreSQL, acting at the same moment (each waits for a shared signal file): every
 * incoming message is answered once and every reminder is sent once, because both are claimed in the database.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = { SENTINEL_SECRET: "s".repeat(40) };

let pg: Awaited<ReturnType<typeof freshPostgres>>;
beforeAll(async () => {
  pg = await freshPostgres();
  if (!pg) return;
  const f = await createFixture({ postgresUrl: pg.url, env: SECRET, now: "2026-11-13T01:00:00Z" });
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  for (const [unit, group] of [["城关化工厂", "化工厂群"], ["东风机械厂", "机械厂群"], ["南山矿业", "矿业群"]] as const) {
    await admin.say(`新建单位 ${unit} 县应急管理局`);
    await admin.in(group).say(`绑定 ${unit}`);
  }
  await f.close();
}, 600_000);
afterAll(() => pg?.drop());

/** Starts two workers with `env`, lets them go together, returns the lines each printed. */
async function twoWorkers(env: Record<string, string>): Promise<string[][]> {
  const go = path.join(mkdtempSync(path.join(tmpdir(), "sentinel-go-")), "go");
  const ready: Promise<void>[] = [];
  const run = () =>
    new Promise<string[]>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "test/support/worker.ts"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", DATABASE_URL: pg!.url, GO: go, ...SECRET, ...env },
      });
      let out = "";
      let isReady = () => {};
      ready.push(new Promise((r) => (isReady = r)));
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
        if (out.includes("ready")) isReady();
      });
      child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
      child.on("exit", (code) => (code === 0 ? resolve(out.split("\n").filter((l) => l.startsWith('{"chatId"'))) : reject(new Error(`exit ${code}: ${out}`))));
    });
  const both = Promise.all([run(), run()]);
  await Promise.all(ready);
  writeFileSync(go, "");
  return both;
}

describe("two processes on one PostgreSQL", () => {
  test("the same message delivered to both is handled and answered once", async (t) => {
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const msg: IncomingMessage = {
      platform: "console",
      chatId: "化工厂群",
      chatType: "group",
      messageId: "redelivered-1",
      sender: { id: "张三", name: "张三" },
      text: "报隐患 配电箱门未关",
      attachments: [],
    };
    const [a, b] = await twoWorkers({ JOB: "message", AT: "2026-11-13T02:00:00Z", MESSAGE: JSON.stringify(msg) });
    const replies = [...a!, ...b!];
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("已登记隐患");
  }, 600_000);

  test("a reminder round run by both sends each reminder once", async (t) => {
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const [a, b] = await twoWorkers({ JOB: "remind", AT: "2026-11-13T01:05:00Z" });
    const sent = [...a!, ...b!];
    expect(sent).toHaveLength(3); // T-3 of November to each of the three enterprises, once
    expect(new Set(sent.map((l) => JSON.parse(l).chatId))).toEqual(new Set(["化工厂群", "机械厂群", "矿业群"]));
  }, 600_000);

  test("a self-inspection round run by both is posted once", async (t) => {
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const f = await createFixture({ postgresUrl: pg.url, env: SECRET, now: "2026-11-12T02:00:00Z" });
    await f.chat.as("admin").in("化工厂群").say("检查清单 采用 工贸通用");
    await f.chat.as("admin").in("化工厂群").say("排查计划 每日 08:30");
    await f.close();
    const [a, b] = await twoWorkers({ JOB: "checks", AT: "2026-11-13T00:35:00Z" });
    const sent = [...a!, ...b!].map((l) => JSON.parse(l) as { chatId: string; text: string });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ chatId: "化工厂群", text: expect.stringMatching(/^【日查】城关化工厂 2026-11-13，共 4 项，完成期限 2026-11-13/) });
  }, 600_000);
});
