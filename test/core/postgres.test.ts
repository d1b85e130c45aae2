import { afterAll, beforeAll, expect, test } from "vitest";
import { createFixture, freshPostgres, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { consolePhoto, toIncoming, groupRoom } from "../../src/platforms/console/chat.ts";

// The same bot on a PostgreSQL server, where several processes share one database.
const pg = await freshPostgres();
let f: Fixture;

beforeAll(async () => {
  if (!pg) return;
  f = await createFixture({ postgresUrl: pg.url });
  await seedTree(f);
});
afterAll(async () => {
  if (!pg) return;
  await f.close();
  await pg.drop();
});

test.runIf(pg)("a report, delivered three times at once, is filed once and answered once", async () => {
  const msg = toIncoming("张三", groupRoom("车间群"), "报隐患 二号车间动火作业没有动火证", { messageId: "pg-dup-1" });
  const results = await Promise.all([f.app.bot.handle(msg), f.app.bot.handle(msg), f.app.bot.handle(msg)]);
  const answered = results.filter((r) => r.length > 0);
  expect(answered).toHaveLength(1);
  const n = numberIn(answered[0]!.map((o) => o.text));
  const mine = await f.chat.as("张三").in("车间群").say("我的隐患");
  expect(mine[0]!.match(/动火作业/g)).toHaveLength(1);

  const off = f.chat.as("李主任").in("车间群");
  await off.say(`确认 ${n} 重大`);
  await off.say(`整改方案 ${n} 责任人:李主任 措施:办理动火证 资金:0元 期限:2026-11-20 预案:配备灭火器`);
  await off.say(`已整改 ${n}`, { photos: [consolePhoto(1)] });
  const [stats] = await f.chat.as("王局长").in("县局群").say("统计");
  expect(stats).toContain("重大隐患：排查 1，整改 1，整改率 100%");
});

test.runIf(pg)("two officials acting at once: one wins, the other is told to look again", async () => {
  const n = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 叉车无证驾驶"));
  const [a, b] = await Promise.all([
    f.chat.as("李主任").in("车间群").say(`确认 ${n} 一般`),
    f.chat.as("王局长").in("县局群").say(`驳回 ${n} 不属实`),
  ]);
  const texts = [...a, ...b].join("\n");
  expect(texts.match(/已确认隐患|已驳回隐患/g)).toHaveLength(1);
  expect(texts).toMatch(/刚被其他人处理过|当前是/);
});
