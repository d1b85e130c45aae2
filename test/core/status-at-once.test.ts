import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { createFixture, freshPostgres, lanesLogged, numberIn, rawExec, rawRows, seedTree, tempDirs, type Fixture } from "../helpers.ts";
import { groupRoom, privateRoom, toIncoming, type ConsoleRoom } from "../../src/platforms/console/chat.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";
import type { Repo } from "../../src/store/index.ts";

// `查询 <number>` from someone the bot has seen in the chat is one statement outside a transaction (`statusAtOnce`,
// `Repo.readHazard`): the claim and the hazard with its history in one round trip. These tests hold it to what the
// ordinary path answers, refuses and keeps.

/** The lane of each 查询 the log says was answered or refused, in order. */
const lanes = (logFile: string) => lanesLogged(logFile, "status", { refused: true });
const logDir = tempDirs("sentinel-status-at-once-");
const logged = () => path.join(logDir(), "sentinel.log");
let f: Fixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** A hazard taken through confirmation and a plan, with a photo on the report: a history worth reading back. */
async function hazardWithHistory(f: Fixture): Promise<string> {
  const n = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 二号车间有限空间作业没通风 地点：二号车间储罐区"));
  const boss = f.chat.as("李主任").in("车间群");
  await boss.say(`确认 ${n} 重大 2026-12-31`);
  await boss.say(`整改方案 ${n} 责任人:李主任 措施:加装强制通风 资金:2万元 期限:2026-12-15 预案:设置警戒区`);
  return n;
}

/** A message from `id` under the display name `name` (a name the store has not seen sends it the ordinary way). */
const from = (id: string, name: string, room: ConsoleRoom, text: string, messageId: string): IncomingMessage => ({
  ...toIncoming(id, room, text, { messageId }),
  sender: { id, name },
});

test("answers as the ordinary path does, in a group and in a private chat", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  const n = await hazardWithHistory(f);
  for (const room of [groupRoom("县局群"), privateRoom("王局长")]) {
    const name = `王局长（${room.type}）`;
    const ordinary = await f.app.bot.handle(from("王局长", name, room, `查询 ${n}`, `o-${room.id}`));
    const atOnce = await f.app.bot.handle(from("王局长", name, room, `查询 ${n}`, `a-${room.id}`));
    expect(ordinary[0]!.text).toContain("重大事故隐患");
    expect(ordinary[0]!.text).toContain("责任人：李主任");
    expect(atOnce.map(({ replyToMessageId: _r, ...o }) => o)).toEqual(ordinary.map(({ replyToMessageId: _r, ...o }) => o));
    expect(atOnce[0]!.replyToMessageId).toBe(`a-${room.id}`);
  }
  expect(lanes(logFile)).toEqual(["ordinary", "one-statement", "ordinary", "one-statement"]);
});

test("a number the sender may not see is refused with the ordinary words, once; a message delivered again is not answered again", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  const admin = f.chat.as("admin");
  await admin.say("新建单位 城东机械厂 县应急管理局");
  await admin.in("机械厂群").say("绑定 城东机械厂");
  const elsewhere = numberIn(await f.chat.as("赵六").in("机械厂群").say("报隐患 砂轮机防护罩缺失"));
  const mine = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 叉车无证驾驶"));
  const room = groupRoom("车间群");
  // A refusal rolls back the ordinary path's transaction, the new name with it: a second message keeps the name.
  const ordinary = await f.app.bot.handle(from("张三", "张三（电工）", room, `查询 ${elsewhere}`, "o-1"));
  expect(ordinary[0]!.text).toMatch(/找不到隐患 YH-\d{4}-\d{6}，或您无权查看/);
  await f.app.bot.handle(from("张三", "张三（电工）", room, "我的身份", "o-2"));
  const refused = from("张三", "张三（电工）", room, `查询 ${elsewhere}`, "r-1");
  expect((await f.app.bot.handle(refused)).map((o) => o.text)).toEqual(ordinary.map((o) => o.text));
  expect(await f.app.bot.handle(refused)).toEqual([]);
  const unknown = from("张三", "张三（电工）", room, "查询 YH-2026-009999", "r-2");
  expect((await f.app.bot.handle(unknown))[0]!.text).toContain("找不到隐患 YH-2026-009999");
  const asked = from("张三", "张三（电工）", room, `查询 ${mine}`, "r-3");
  expect((await f.app.bot.handle(asked))[0]!.text).toContain("叉车无证驾驶");
  expect(await f.app.bot.handle(asked)).toEqual([]);
  expect(lanes(logFile)).toEqual(["ordinary", "one-statement", "one-statement", "one-statement"]);
  // A number that does not parse is the ordinary path's to refuse (it says how to write one).
  expect((await f.app.bot.handle(from("张三", "张三（电工）", room, "/status 12x", "r-4")))[0]!.text).toContain("不是隐患编号");
  expect(lanes(logFile)).toEqual(["ordinary", "one-statement", "one-statement", "one-statement", "ordinary"]);
});

test("a role granted since is honoured at the next 查询", async () => {
  f = await createFixture();
  await seedTree(f);
  const admin = f.chat.as("admin");
  await admin.say("新建单位 城东机械厂 县应急管理局");
  await admin.in("机械厂群").say("绑定 城东机械厂");
  const n = numberIn(await f.chat.as("赵六").in("机械厂群").say("报隐患 砂轮机防护罩缺失"));
  const ask = () => f!.chat.as("张三").say(`查询 ${n}`);
  expect((await ask())[0]).toContain("无权查看");
  await admin.in("县局群").say("授权 监管人员 张三");
  expect((await ask())[0]).toContain("砂轮机防护罩缺失");
});

test("in a private chat with a tip under way, the message is the tip's, and nothing names the chat", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
  const n = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
  const me = f.chat.as("张三");
  expect((await me.say(`查询 ${n}`))[0]).toContain("配电箱门未关");
  expect((await me.say("举报")).join("\n")).toContain("请选择举报类别");
  const during = (await me.say(`查询 ${n}`)).join("\n");
  expect(during).not.toContain("配电箱门未关");
  expect(during).toContain("没看懂类别");
  expect(lanes(logFile)).toEqual(["one-statement"]);
  // Private claims are keyed hashes: the claim table names no private chat, the lane's or the ordinary path's.
  const claims = await rawRows<{ platform: string; chatId: string; messageId: string }>(f, `SELECT platform, "chatId", "messageId" FROM "InboundMessage"`);
  expect(claims.filter((c) => c.platform !== "anon").map((c) => c.chatId)).not.toContain(privateRoom("张三").id);
  expect(JSON.stringify(claims)).not.toMatch(/dm:|张三/);
});

test("a lane that fails leaves the message to the ordinary path, which answers it", async () => {
  const logFile = logged();
  f = await createFixture({ logFile });
  await seedTree(f);
  const n = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 配电箱门未关"));
  const boss = f.chat.as("王局长").in("县局群");
  expect((await boss.say(`查询 ${n}`))[0]).toContain("配电箱门未关");
  await rawExec(f, `DROP FUNCTION sentinel_standing_print`);
  expect((await boss.say(`查询 ${n}`))[0]).toContain("配电箱门未关");
  expect(lanes(logFile)).toEqual(["one-statement", "ordinary"]);
  expect(readFileSync(logFile, "utf8")).toContain("one-statement lane failed");
});

const pg = await freshPostgres();
test.runIf(pg)("two processes on one PostgreSQL: a role one grants is honoured by the other's next 查询, and each 查询 is answered once", async () => {
  const one = await createFixture({ postgresUrl: pg!.url });
  const two = await createFixture({ postgresUrl: pg!.url });
  try {
    await seedTree(one);
    const admin = one.chat.as("admin");
    await admin.say("新建单位 城东机械厂 县应急管理局");
    await admin.in("机械厂群").say("绑定 城东机械厂");
    const n = numberIn(await one.chat.as("赵六").in("机械厂群").say("报隐患 砂轮机防护罩缺失"));
    const ask = (id: string) => one.app.bot.handle(toIncoming("张三", privateRoom("张三"), `查询 ${n}`, { messageId: id }));
    await one.chat.as("张三").say("我的身份");
    expect((await ask("p-1"))[0]!.text).toContain("无权查看");
    await two.chat.as("admin").in("县局群").say("授权 监管人员 张三");
    expect((await ask("p-2"))[0]!.text).toContain("砂轮机防护罩缺失");
    // The same 查询 delivered to both processes at once is answered by one of them.
    const both = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).app.bot.handle(toIncoming("张三", privateRoom("张三"), `查询 ${n}`, { messageId: `b-${i % 5}` }))),
    );
    expect(both.filter((r) => r.length > 0)).toHaveLength(5);
  } finally {
    await one.close();
    await two.close();
    await pg!.drop();
  }
});
