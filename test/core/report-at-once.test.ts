import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { createFixture, freshPostgres, lanesLogged, numberIn, rawExec, rawRows, seedTree, tempDirs, type Fixture } from "../helpers.ts";
import { groupRoom, toIncoming } from "../../src/platforms/console/chat.ts";

// A one-line report from someone the bot has seen in the group is filed in one statement outside a transaction
// (`reportAtOnce`, `sentinel_file_report`); these tests hold it to what the ordinary path does.

const lanes = (logFile: string) => lanesLogged(logFile, "report");
const logDir = tempDirs("sentinel-at-once-");
const logged = () => path.join(logDir(), "sentinel.log");
let f: Fixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

test("files the same rows as the ordinary path, and says so the same way", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  const room = groupRoom("车间群");
  // A new display name is a row to update: the ordinary path, in a transaction.
  const renamed = { ...toIncoming("张三", room, "报隐患 配电箱门未关 @ 二号车间"), sender: { id: "张三", name: "张三（电工）" } };
  const first = await f.app.bot.handle(renamed);
  const second = await f.app.bot.handle({ ...renamed, messageId: "again-1", text: "报隐患 配电箱门未关 @ 二号车间" });
  expect(lanes(logFile)).toEqual(["ordinary", "one-statement"]);
  const [a, b] = [numberIn(first.map((o) => o.text)), numberIn(second.map((o) => o.text))];
  expect(second[0]!.text).toBe(first[0]!.text.replaceAll(a, b));
  expect(second[0]!.replyToMessageId).toBe("again-1");

  const hazards = await rawRows<Record<string, unknown>>(f, `SELECT * FROM "Hazard" ORDER BY id`);
  const strip = ({ id: _i, messageId: _m, ...rest }: Record<string, unknown>) => rest;
  expect(hazards).toHaveLength(2);
  expect(strip(hazards[1]!)).toEqual(strip(hazards[0]!));
  const events = await rawRows<Record<string, unknown>>(f, `SELECT "hazardId", kind, "fromStatus", "toStatus", "actorId", note, data, attachments, at FROM "HazardEvent" ORDER BY id`);
  expect(events.map(({ hazardId: _h, ...e }) => e)).toEqual([events[0]!, events[0]!].map(({ hazardId: _h, ...e }) => e));
  const [user] = await rawRows<{ displayName: string }>(f, `SELECT "displayName" FROM "User" WHERE "platformUserId" = '张三'`);
  expect(user!.displayName).toBe("张三（电工）");
  // The tally counts both (统计 reads it).
  const [tally] = await rawRows<{ n: number }>(f, `SELECT sum(n)::int AS n FROM "HazardTally"`);
  expect(tally!.n).toBe(2);
  expect((await f.chat.as("王局长").in("县局群").say("统计"))[0]).toContain("一般隐患：排查 0");
});

test("a message delivered again is not filed again, nor answered", async () => {
  f = await createFixture();
  await seedTree(f);
  const msg = toIncoming("张三", groupRoom("车间群"), "报隐患 叉车无证驾驶", { messageId: "dup-1" });
  expect(numberIn((await f.app.bot.handle(msg)).map((o) => o.text))).toMatch(/YH-/);
  expect(await f.app.bot.handle(msg)).toEqual([]);
  expect(await f.app.bot.handle(msg)).toEqual([]);
  const [n] = await rawRows<{ n: number }>(f, `SELECT count(*)::int AS n FROM "Hazard" WHERE description = '叉车无证驾驶'`);
  expect(n!.n).toBe(1);
});

test("over the hourly limit: refused as the ordinary path refuses, and nothing of it kept", async () => {
  const logFile = logged();
  f = await createFixture({ env: { SENTINEL_REPORTS_PER_HOUR: "1" }, logFile });
  await seedTree(f);
  const w = f.chat.as("张三").in("车间群");
  expect((await w.say("报隐患 一号"))[0]).toContain("已登记隐患");
  const over = toIncoming("张三", groupRoom("车间群"), "报隐患 二号", { messageId: "over-1" });
  const refused = await f.app.bot.handle(over);
  expect(refused.map((o) => o.text)).toEqual([expect.stringContaining("达到上限")]);
  expect(refused[0]!.replyToMessageId).toBe("over-1");
  // Neither claimed nor counted: a redelivery is refused again, and the next hour files it.
  expect((await f.app.bot.handle(over)).map((o) => o.text)).toEqual([expect.stringContaining("达到上限")]);
  const [t] = await rawRows<{ count: number }>(f, `SELECT count FROM "Throttle" WHERE key LIKE 'report:%'`);
  expect(t!.count).toBe(1);
  f.clock.set("2026-11-10T03:00:00Z");
  expect(numberIn((await f.app.bot.handle(over)).map((o) => o.text))).toMatch(/YH-/);
  const [n] = await rawRows<{ n: number }>(f, `SELECT count(*)::int AS n FROM "Hazard"`);
  expect(n!.n).toBe(2);
  const refusals = readFileSync(logFile, "utf8").split("\n").filter((l) => l.includes('"refusal":"limit-reports"'));
  expect(refusals).toHaveLength(2);
});

test("refusals, dialogs and fixes on the spot are the ordinary path's, with its words", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  const w = f.chat.as("张三").in("车间群");
  await w.say("报隐患 预热");
  expect((await w.say("报隐患 地点：二号车间"))[0]).toMatch(/隐患内容不能为空/);
  expect((await w.say(`报隐患 ${"长".repeat(3000)}`))[0]).toMatch(/内容太长了/);
  // A worker's 已当场整改 is filed as a claim for the 安全管理员 to confirm with one word (seed 004: 即查即改 is the official's call).
  expect((await w.say("报隐患 地面油污 已当场整改"))[0]).toMatch(/已登记隐患 YH-\d{4}-\d{6}.*已当场整改/s);
  expect((await w.say("报隐患"))[0]).toMatch(/请描述您发现的隐患/);
  await w.say("取消");
  // The refusals are logged as refusals; the dialog started in a transaction.
  // The claim of a fix on the spot is filed on the ordinary path, as is the dialog.
  expect(lanes(logFile)).toEqual(["one-statement", "ordinary", "ordinary"]);
});

test("a lane that fails leaves the message to the ordinary path, which files it", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  const w = f.chat.as("张三").in("车间群");
  numberIn(await w.say("报隐患 一号"));
  await rawExec(f, `DROP FUNCTION sentinel_file_report`);
  numberIn(await w.say("报隐患 二号"));
  expect(lanes(logFile)).toEqual(["one-statement", "ordinary"]);
  expect(readFileSync(logFile, "utf8")).toContain("one-statement lane failed");
});

test("a role granted, a group bound elsewhere or a group language set since is honoured at the next report", async () => {
  f = await createFixture();
  await seedTree(f);
  const w = f.chat.as("张三").in("车间群");
  const admin = f.chat.as("admin");
  const status = async (n: string) => (await f!.chat.as("王局长").in("县局群").say(`查询 ${n}`)).join("\n");
  expect(await status(numberIn(await w.say("报隐患 一号")))).toContain("随手拍");
  await admin.in("车间群").say("授权 安全管理员 张三");
  expect(await status(numberIn(await w.say("报隐患 二号")))).toContain("自查");
  await admin.say("新建单位 城东机械厂 县应急管理局");
  await admin.in("车间群").say("绑定 城东机械厂");
  expect((await w.say("报隐患 三号"))[0]).toContain("城东机械厂");
  await admin.in("车间群").say("群语言 en");
  expect((await w.say("报隐患 四号"))[0]).toMatch(/Hazard .*registered|filed/i);
});

const pg = await freshPostgres();
test.runIf(pg)("two processes on one PostgreSQL: a role one grants is honoured by the other at once", async () => {
  const one = await createFixture({ postgresUrl: pg!.url });
  const two = await createFixture({ postgresUrl: pg!.url });
  try {
    await seedTree(one);
    const w = one.chat.as("张三").in("车间群");
    numberIn(await w.say("报隐患 一号"));
    await two.chat.as("admin").in("车间群").say("授权 安全管理员 张三");
    const n = numberIn(await w.say("报隐患 二号"));
    expect((await two.chat.as("王局长").in("县局群").say(`查询 ${n}`)).join("\n")).toContain("自查");
    // Both processes file at once from the same people: every report once, numbers without gaps.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).app.bot.handle(toIncoming("张三", groupRoom("车间群"), `报隐患 并发 ${i}`, { messageId: `burst-${i % 10}` }))),
    );
    expect(burst.filter((r) => r.length > 0)).toHaveLength(10);
    const [ids] = await rawRows<{ n: number; lo: number; hi: number }>(one, `SELECT count(*)::int AS n, min(id) AS lo, max(id) AS hi FROM "Hazard"`);
    expect(ids!.n).toBe(12);
    expect(ids!.hi - ids!.lo + 1).toBe(12);
  } finally {
    await one.close();
    await two.close();
    await pg!.drop();
  }
});
