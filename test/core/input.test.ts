import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFixture, numberIn, seedTree, tipNumberIn, receiptCodeIn, type Fixture } from "../helpers.ts";
import { cleanText, excerpt, storableId } from "../../src/core/input.ts";
import { toIncoming, groupRoom } from "../../src/platforms/console/chat.ts";
import { ConsoleRepl } from "../../src/platforms/console/repl.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";

describe("input, pure", () => {
  test("NUL, other control characters and lone surrogates are removed; pairs, tabs and newlines stay", () => {
    expect(cleanText("a\u0000b\u0007c")).toBe("abc");
    expect(cleanText("x\uD800y\uDC00z")).toBe("xyz");
    expect(cleanText("火\uD83D\uDD25\t行\n列")).toBe("火🔥\t行\n列");
  });

  test("text with nothing visible is empty", () => {
    expect(cleanText("\u200B\u200C\u200D\uFEFF \u2060")).toBe("");
    expect(cleanText("\u200B配电箱\u200B")).toBe("配电箱");
  });

  test("ids are refused, not altered", () => {
    expect(storableId("wxid_abc")).toBe(true);
    expect(storableId("a\u0000")).toBe(false);
    expect(storableId("a\uDC00")).toBe(false);
    expect(storableId("")).toBe(false);
  });

  test("an excerpt counts characters as people do", () => {
    expect(excerpt("🔥".repeat(50), 3)).toBe("🔥🔥🔥…");
    expect(excerpt("短", 3)).toBe("短");
  });
});

describe("input through the bot", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture();
    await seedTree(f);
    await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
  });
  afterAll(() => f.close());

  test("a NUL or lone surrogate in the text is removed, and the report is filed", async () => {
    const r = await f.chat.as("张三").in("车间群").say("报隐患 配电箱\u0000门未关\uD800");
    expect(r[0]).toContain("已登记隐患");
    const [shown] = await f.chat.as("张三").in("车间群").say(`查询 ${numberIn(r)}`);
    expect(shown).toContain("配电箱门未关");
  });

  test("a sender or chat id that cannot be stored is refused with the reason", async () => {
    expect(await f.chat.as("坏\u0000人").say("我的身份")).toEqual([expect.stringContaining("无法保存的字符")]);
    const msg = toIncoming("张三", groupRoom("车间\uDC00群"), "报隐患 叉车无证驾驶");
    const out = await f.app.bot.handle(msg);
    expect(out.map((o) => o.text).join()).toContain("无法保存的字符");
  });

  test("a sender name with a lone surrogate is cleaned, not fatal", async () => {
    const msg = toIncoming("赵六", groupRoom("车间群"), "我的身份");
    const out = await f.app.bot.handle({ ...msg, sender: { id: "赵六", name: "赵\uD800六\u0000" } });
    expect(out[0]!.text).not.toContain("出错");
  });

  test("报隐患 followed only by zero-width characters files nothing", async () => {
    const r = await f.chat.as("张三").in("车间群").say("报隐患 \u200B\u200D\u2060");
    expect(r.join()).not.toContain("已登记隐患");
    expect(await f.chat.as("张三").in("车间群").say("\u200B\uFEFF")).not.toEqual([expect.stringContaining("已登记隐患")]);
    await f.chat.as("张三").in("车间群").say("取消");
  });

  test("amounts past the bound are refused with the bound", async () => {
    const t = f.chat.as("举报人");
    for (const step of ["举报", "1", "城关化工厂", "无证储存液氨", "跳过"]) await t.say(step);
    const filed = await t.say("匿名");
    receiptCodeIn(filed);
    const number = tipNumberIn(filed);
    const w = f.chat.as("王局长");
    await w.say(`举报核查 ${number} 属实`);
    expect(await w.say(`举报罚款 ${number} 9999999999999`)).toEqual([expect.stringContaining("最多 1000000000 元")]);
    const h = numberIn(await f.chat.as("张三").in("车间群").say("报隐患 楼梯扶手松动"));
    expect(await f.chat.as("王局长").in("县局群").say(`奖励发放 更正 ${h} 99999999999 多计`)).toEqual([expect.stringContaining("最多 1000000000 元")]);
  });

  test("a refusal repeats only an excerpt of what was typed", async () => {
    const long = "某".repeat(100_000);
    const [r] = await f.chat.as("admin").in("县局群").say(`授权 监管人员 ${long}`);
    expect(r!.length).toBeLessThan(300);
    expect(r).toContain("…");
  });
});

test("nothing escapes handle, even when the store is gone (group chatter look-up included)", async () => {
  const f = await createFixture();
  await f.app.store.close();
  const out = await f.app.bot.handle(toIncoming("张三", groupRoom("车间群"), "今天天气不错"));
  expect(out[0]!.text).toContain("出错");
});

test("the console survives a line that fails and reads the next one", async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d: Buffer) => (text += d.toString()));
  const repl = new ConsoleRepl({ input, output, speaker: "admin", say: (id, a) => `${id}:${a?.kind ?? ""}`, outbox: "/tmp/none" });
  const seen: string[] = [];
  const done = repl.start(async (m: IncomingMessage) => {
    seen.push(m.text);
    if (m.text === "boom") throw new TypeError("x");
  });
  input.end("boom\nafter\n");
  await done;
  expect(seen).toEqual(["boom", "after"]);
  expect(text).toContain("console-error:TypeError");
});
