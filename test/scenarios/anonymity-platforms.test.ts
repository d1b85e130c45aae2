import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, test } from "vitest";
import { createLogger } from "../../src/log.ts";
import { telegramDriver, wechatDriver, type DriverOptions } from "./drivers.ts";
import { workchatDriver } from "./workchat-drivers.ts";

/**
 * The anonymity test again, through the real platform clients: a tipster with a known Telegram or WeChat identity
 * runs a tip; no table, data file or log line (adapters' included, at trace level) holds their id, name, or what
 * they wrote.
 */
const SECRET = { what: "液氨储罐PPP无报警", reply: "东侧第二个罐子QQQ", group: "群里举报偷排RRR" };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));

describe.each([
  ["telegram", telegramDriver],
  ["wechat", wechatDriver],
  ["wecom", (o: DriverOptions) => workchatDriver("wecom", o)],
  ["dingtalk", (o: DriverOptions) => workchatDriver("dingtalk", o)],
  ["feishu", (o: DriverOptions) => workchatDriver("feishu", o)],
] as const)("on %s", (_, driver) => {
  test("a tipster leaves no trace", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-anon-"));
    dirs.push(dir);
    const logFile = path.join(dir, "sentinel.log");
    const d = await driver({ dataDir: dir, log: createLogger({ level: "trace", file: logFile }), ids: { 钱七七: 7770001 } });
    let id: string;
    try {
      await d.say("admin", null, "新建单位 县应急管理局");
      await d.say("王局长", "县局群", "我的身份");
      await d.say("admin", "县局群", "绑定 县应急管理局");
      await d.say("admin", "县局群", `授权 举报处理人 ${d.nameOf?.("王局长") ?? "王局长"}`);
      id = d.idOf("钱七七");
      for (const text of ["举报", "1", "某化工厂北门", SECRET.what, "跳过", "匿名"]) await d.say("钱七七", null, text);
      const code = /\d{4}(?: \d{4}){6}/.exec(d.inbox("钱七七", null).join("\n"))![0];
      await d.say("钱七七", null, "已保存");
      await d.say("钱七七", null, `举报补充 ${code} ${SECRET.reply}`);
      const number = /JB-\d{4}-\d{6}/.exec(d.inbox("钱七七", null).join("\n"))![0];
      expect((await d.say("王局长", null, `查看举报 ${number}`)).join()).toContain(SECRET.reply);
      // A tip posted in a group is neither kept nor repeated.
      expect((await d.say("钱七七", "县局群", `举报 ${SECRET.group}`)).join()).not.toContain(SECRET.group);
    } finally {
      await d.close();
    }
    const db = new PGlite(path.join(dir, "pglite"));
    const tables = (await db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`)).rows;
    let dump = "";
    for (const { t } of tables) dump += (await db.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x`)).rows.map((r) => r.j).join("\n");
    await db.close();
    const log = readFileSync(logFile, "utf8");
    const raw = files(dir).filter((f) => f !== logFile).map((f) => readFileSync(f));
    expect(dump).toContain(d.nameOf?.("王局长") ?? "王局长"); // the search sees what is stored
    expect(log.length).toBeGreaterThan(0);
    for (const s of [id, "钱七七", "u7770001", SECRET.what, SECRET.reply, SECRET.group]) {
      expect(dump, `table dump contains ${s}`).not.toContain(s);
      expect(log, `log contains ${s}`).not.toContain(s);
      expect(raw.some((b) => b.includes(Buffer.from(s))), `a data file contains ${s}`).toBe(false);
    }
  }, 120_000);
});
