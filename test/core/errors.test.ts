import { expect, test } from "vitest";
import { createFixture } from "../helpers.ts";

test("an internal failure answers with an apology, never a stack trace, and keeps nothing", async () => {
  const f = await createFixture();
  await f.chat.as("admin").say("新建单位 城关化工厂");
  await f.app.store.close();
  const [reply] = await f.chat.as("admin").say("单位列表");
  expect(reply).toContain("出错了");
  expect(reply).toContain("没有保存");
  expect(reply).not.toMatch(/Error|at .*\.ts|prisma/i);
});
