import { afterEach, expect, test } from "vitest";
import { createFixture, seedTree, tipNumberIn, type Fixture } from "../helpers.ts";
import { runTipMaintenance } from "../../src/reminders/tips.ts";

let f: Fixture;
afterEach(() => f.close());

test("new reports per person per hour are limited by SENTINEL_REPORTS_PER_HOUR, with a reply that says so", async () => {
  f = await createFixture({ env: { SENTINEL_REPORTS_PER_HOUR: "2" } });
  await seedTree(f);
  const w = f.chat.as("张三").in("车间群");
  expect((await w.say("报隐患 一号"))[0]).toContain("已登记隐患");
  expect((await w.say("报隐患 二号"))[0]).toContain("已登记隐患");
  expect(await w.say("报隐患 三号")).toEqual([expect.stringContaining("达到上限")]);
  // Another person is not held back; the next hour starts afresh.
  expect((await f.chat.as("李主任").in("车间群").say("报隐患 四号"))[0]).toContain("已登记隐患");
  f.clock.set("2026-11-10T03:00:00Z");
  expect((await w.say("报隐患 三号"))[0]).toContain("已登记隐患");
});

test("new tips per chat per day are limited by SENTINEL_TIPS_PER_DAY, told at the start", async () => {
  f = await createFixture({ env: { SENTINEL_TIPS_PER_DAY: "1" } });
  await seedTree(f);
  await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
  const t = f.chat.as("举报人");
  const fileOne = async () => {
    for (const step of ["举报", "1", "城关化工厂", "无证储存液氨", "跳过"]) await t.say(step);
    const filed = await t.say("匿名");
    await t.say("已保存");
    return filed;
  };
  tipNumberIn(await fileOne());
  expect(await t.say("举报")).toEqual([expect.stringContaining("今天从这个对话提交的举报已达 1 件上限")]);
  f.clock.advanceDays(1);
  tipNumberIn(await fileOne());
});

test("half-finished report dialogs past their time are purged by the daily housekeeping", async () => {
  f = await createFixture();
  await seedTree(f);
  await f.chat.as("张三").in("车间群").say("报隐患");
  const open = () => f.app.store.transaction((repo) => repo.getConversation("console", "车间群", "张三"));
  expect(await open()).not.toBeNull();
  f.clock.advanceDays(1);
  await runTipMaintenance(f.app.deps);
  expect(await open()).toBeNull();
});
