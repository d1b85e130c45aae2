import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, test } from "vitest";
import { createFixture, freshPostgres, receiptCodeIn, seedTree, tipNumberIn, type Fixture } from "../helpers.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";
import { runTipDigest, runTipMaintenance } from "../../src/reminders/tips.ts";

/**
 * Anonymity, tested rather than promised: a tipster with a known platform id, username, display name and chat runs
 * every tipster command; then every table, every file of the data folder and every log line is searched for them,
 * and for what they wrote. None may appear. (A positive control proves the search sees what is stored.)
 */
const TIPSTER = { id: "tg-user-777001", name: "钱七七", username: "qianqi_77", chat: "private-chat-777001" };
const SECRET_TEXT = {
  what: "液氨储罐XYZ无报警装置",
  where: "城关化工厂 丙类仓库QQ",
  reply: "东侧第三个罐子WWW",
  realName: "钱真名",
  phone: "13711112222",
  photo: "photo-file-id-AAA111",
  groupTip: "偷排废液VVV",
  abandoned: "半途放弃的举报UUU",
};

function fromTipster(text: string, opts: { photos?: string[]; messageId?: string } = {}): IncomingMessage {
  return {
    platform: "console",
    chatId: TIPSTER.chat,
    chatType: "private",
    messageId: opts.messageId ?? randomUUID(),
    sender: { id: TIPSTER.id, name: TIPSTER.name, username: TIPSTER.username, lang: "zh-CN" },
    text,
    attachments: (opts.photos ?? []).map((ref) => ({ kind: "photo" as const, ref })),
  };
}

/** Every tipster command, a handler's whole path, and a tip wrongly posted in a group. Returns the receipt code. */
async function runEverything(f: Fixture, opts: { housekeeping: boolean } = { housekeeping: true }): Promise<string> {
  await seedTree(f);
  await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
  const say = async (text: string, opts?: { photos?: string[]; messageId?: string }) =>
    (await f.chat.deliver(fromTipster(text, opts))).map((o) => o.text);
  await say("我要举报");
  await say("1");
  await say(SECRET_TEXT.where);
  await say(SECRET_TEXT.what, { photos: [SECRET_TEXT.photo] });
  await say("完成");
  const filed = await say(`实名 ${SECRET_TEXT.realName} ${SECRET_TEXT.phone}`);
  const code = receiptCodeIn(filed);
  const number = tipNumberIn(filed);
  await say("再看一次");
  await say("已保存");
  await say(`举报查询 ${code}`);
  await say(`转为匿名 ${code}`);
  await say(`举报通知 ${code} 开`);
  const w = f.chat.as("王局长");
  await w.say("举报列表");
  await w.say(`查看举报 ${number}`);
  await w.say(`举报追问 ${number} 第几个罐子`);
  // A redelivered reply is filed once.
  const again = randomUUID();
  await say(`举报补充 ${code} ${SECRET_TEXT.reply}`, { messageId: again });
  expect(await say(`举报补充 ${code} ${SECRET_TEXT.reply}`, { messageId: again })).toEqual([]);
  await w.say(`举报核查 ${number} 属实 现场核实`);
  await say(`申领奖励 ${code}`);
  await w.say(`举报罚款 ${number} 100000`);
  await w.say(`批准奖励 ${number}`);
  await w.say(`举报反馈 ${number} 已处罚`);
  await w.say(`举报转隐患 ${number} 城关化工厂 危化品仓库报警器缺失`);
  await w.say(`奖励已发放 ${number}`);
  await w.say(`查看举报 ${number}`);
  await say(`举报通知 ${code} 关`);
  await say(`举报查询 ${code}`);
  await say(`举报查询 ${code.slice(0, -1)}9`); // a typo
  await say("举报查询 1234");
  // Idle words outside the tip lane leave no row behind either.
  await say("随便说一句");
  await say("/start");
  await say("帮助");
  await w.say(`举报办结 ${number}`);
  // A known worker posts a tip in a group: turned away, nothing kept.
  await f.chat.as("张三").in("车间群").say(`举报 ${SECRET_TEXT.groupTip}`);
  // A second tip, abandoned half-way; then days pass with the daily digest and housekeeping.
  await say("举报");
  await say("2");
  await say(SECRET_TEXT.abandoned);
  const digests: string[] = [];
  for (let day = 1; opts.housekeeping && day <= 3; day++) {
    f.clock.advanceDays(1);
    await runTipDigest(f.app.deps, async (m) => void digests.push(m.text));
    await runTipMaintenance(f.app.deps);
  }
  for (const s of forbidden(code)) expect(digests.join("\n")).not.toContain(s);
  return code;
}

function forbidden(code: string): string[] {
  return [TIPSTER.id, TIPSTER.name, TIPSTER.username, TIPSTER.chat, code.replace(/ /g, ""), code, ...Object.values(SECRET_TEXT)];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function dumpPGlite(dir: string): Promise<string> {
  const db = new PGlite(dir);
  try {
    return await dumpWith((sql) => db.query<Record<string, string>>(sql).then((r) => r.rows));
  } finally {
    await db.close();
  }
}

/** Every row of every table of the public schema, as JSON text. */
async function dumpWith(query: (sql: string) => Promise<Record<string, string>[]>): Promise<string> {
  const tables = await query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
  const parts: string[] = [];
  for (const { t } of tables) {
    const rows = await query(`SELECT row_to_json(x)::text AS j FROM "${t}" x`);
    parts.push(`${t}:\n${rows.map((r) => r.j).join("\n")}`);
  }
  return parts.join("\n");
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("an anonymous tipster leaves no trace", () => {
  test("on the embedded database: not in any table, any file of the data folder, or any log line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-anon-"));
    dirs.push(dir);
    const logFile = path.join(dir, "sentinel.log");
    const f = await createFixture({ dataDir: dir, logFile });
    let code: string;
    try {
      code = await runEverything(f);
    } finally {
      await f.close();
    }
    const dump = await dumpPGlite(path.join(dir, "pglite"));
    const log = readFileSync(logFile, "utf8");
    const raw = filesUnder(dir).map((p) => readFileSync(p));

    // Positive controls: the search does see what is stored in clear, and the log did record the work.
    expect(dump).toContain("危化品仓库报警器缺失");
    expect(raw.some((b) => b.includes(Buffer.from("危化品仓库报警器缺失")))).toBe(true);
    expect(dump).toMatch(/"Tip":|Tip:\n\{/);
    // Housekeeping left no tip dialog behind (the abandoned one, or a code never confirmed saved).
    expect(dump).not.toMatch(/"platform":"anon","chatId"[^\n]*"kind":"tip"/);
    expect(log).toContain('"op":"handle"');
    expect(log.split("\n").length).toBeGreaterThan(15);

    for (const s of forbidden(code)) {
      expect(dump, `table dump contains ${s}`).not.toContain(s);
      expect(log, `log contains ${s}`).not.toContain(s);
      const bytes = Buffer.from(s);
      expect(raw.filter((b) => b.includes(bytes)).length, `a data file contains ${s}`).toBe(0);
    }
  });

  test("stored dates of a tip are days, not times", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-anon-"));
    dirs.push(dir);
    const f = await createFixture({ dataDir: dir, now: "2026-11-10T06:37:21Z" });
    try {
      await runEverything(f, { housekeeping: false });
    } finally {
      await f.close();
    }
    const db = new PGlite(path.join(dir, "pglite"));
    try {
      const tip = (await db.query<Record<string, unknown>>(`SELECT "receivedOn"::text AS r, "findingOn"::text AS f, "closedOn"::text AS c FROM "Tip"`)).rows[0]!;
      expect(tip).toEqual({ r: "2026-11-10", f: "2026-11-10", c: "2026-11-10" });
      const anon = await db.query<{ t: string }>(`SELECT "claimedAt"::text AS t FROM "InboundMessage" WHERE platform = 'anon'`);
      expect(anon.rows.length).toBeGreaterThan(5);
      for (const { t } of anon.rows) expect(t).toMatch(/ 00:00:00$/);
      const dialogs = await db.query<{ t: string }>(`SELECT "updatedAt"::text AS t FROM "Conversation" WHERE platform = 'anon'`);
      for (const { t } of dialogs.rows) expect(t).toMatch(/ 16:00:00$/); // start of the Shanghai day, in UTC
      // The exact minute appears nowhere among the tip's rows.
      const all = await dumpWith((sql) => db.query<Record<string, string>>(sql).then((r) => r.rows));
      const tipRows = all.split("\n").filter((l) => /"tipId"|"codeHash"|"anon"/.test(l)).join("\n");
      expect(tipRows).not.toMatch(/06:37|14:37/);
    } finally {
      await db.close();
    }
  });

  test("on PostgreSQL: not in any table", async (t) => {
    const pg = await freshPostgres();
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const f = await createFixture({ postgresUrl: pg.url });
    let code: string;
    try {
      code = await runEverything(f);
    } finally {
      await f.close();
    }
    const { default: Pg } = await import("pg");
    const client = new Pg.Client({ connectionString: pg.url });
    await client.connect();
    try {
      const dump = await dumpWith(async (sql) => (await client.query(sql)).rows);
      expect(dump).toContain("危化品仓库报警器缺失");
      for (const s of forbidden(code)) expect(dump, `table dump contains ${s}`).not.toContain(s);
      // Database order (see anonymity-order.test.ts): after the days' housekeeping, the tip shares its transaction id
      // only with the lane's rows, and no row stamped to the millisecond is newer.
      const { x } = (await client.query(`SELECT xmin::text AS x FROM "Tip"`)).rows[0] as { x: string };
      const newer = await client.query(
        `SELECT 'claim' AS t FROM "InboundMessage" WHERE platform <> 'anon' AND xmin::text::bigint >= ${x}
         UNION ALL SELECT 'hazard-event' FROM "HazardEvent" WHERE xmin::text::bigint >= ${x}
         UNION ALL SELECT 'event' FROM "TipEvent" WHERE xmin::text <> '${x}'
         UNION ALL SELECT 'anon-claim' FROM "InboundMessage" WHERE platform = 'anon' AND xmin::text <> '${x}'`,
      );
      expect(newer.rows).toEqual([]);
    } finally {
      await client.end();
      await pg.drop();
    }
  });
});
