import { afterAll, beforeAll, expect, test } from "vitest";
import { createFixture, freshPostgres, receiptCodeIn, seedTree, tipNumberIn, type Fixture } from "../helpers.ts";
import { parseTipNumber } from "../../src/domain/tips.ts";
import type { TipRow } from "../../src/store/index.ts";

// Two tip handlers (or a handler and the tipster) acting on one tip at the same moment, on PostgreSQL, where the
// two messages run in two transactions at once. Each race is run on several tips: one trial can miss the window.
const pg = await freshPostgres();
let f: Fixture;
const TRIALS = 8;

beforeAll(async () => {
  if (!pg) return;
  f = await createFixture({ postgresUrl: pg.url });
  await seedTree(f);
  const admin = f.chat.as("admin");
  await f.chat.as("孙科长").in("县局群").say("我的身份");
  await admin.in("县局群").say("授权 举报处理人 王局长");
  await admin.in("县局群").say("授权 举报处理人 孙科长");
});
afterAll(async () => {
  if (!pg) return;
  await f.close();
  await pg.drop();
});

let tipsters = 0;
/** A substantiated major-hazard tip (reward 3000 yuan without a fine); its number and receipt code. */
async function substantiatedTip(): Promise<{ number: string; code: string }> {
  const t = f.chat.as(`举报人${++tipsters}`);
  for (const step of ["举报", "1", "城关化工厂 三号仓库", "夜里储存液氨，没有报警装置", "跳过"]) await t.say(step);
  const filed = await t.say("匿名");
  await t.say("已保存");
  const number = tipNumberIn(filed);
  await f.chat.as("王局长").say(`举报核查 ${number} 属实`);
  return { number, code: receiptCodeIn(filed) };
}

async function stored(number: string): Promise<{ tip: TipRow; events: string[] }> {
  const id = parseTipNumber(number)!.id;
  return f.app.store.transaction(async (repo) => ({ tip: (await repo.tips.get(id))!, events: (await repo.tips.events(id)).map((e) => e.kind) }));
}
const count = (events: string[], kind: string) => events.filter((e) => e === kind).length;

test.runIf(pg)("批准奖励 sent twice at once approves once", async () => {
  for (let i = 0; i < TRIALS; i++) {
    const { number } = await substantiatedTip();
    const replies = await Promise.all([f.chat.as("王局长").say(`批准奖励 ${number}`), f.chat.as("孙科长").say(`批准奖励 ${number}`)]);
    const { tip, events } = await stored(number);
    expect(count(events, "REWARD_APPROVED")).toBe(1);
    expect(tip.reward).toBe("APPROVED");
    expect(replies.flat().filter((r) => r.includes("已核定举报"))).toHaveLength(1);
  }
});

test.runIf(pg)("奖励已发放 sent twice at once pays once", async () => {
  for (let i = 0; i < TRIALS; i++) {
    const { number } = await substantiatedTip();
    await f.chat.as("王局长").say(`批准奖励 ${number}`);
    const replies = await Promise.all([f.chat.as("王局长").say(`奖励已发放 ${number}`), f.chat.as("孙科长").say(`奖励已发放 ${number}`)]);
    const { tip, events } = await stored(number);
    expect(count(events, "PAID")).toBe(1);
    expect(tip.reward).toBe("PAID");
    expect(replies.flat().filter((r) => r.includes("已发放"))).toHaveLength(1);
  }
});

test.runIf(pg)("举报罚款 racing 批准奖励: never an approval on a fine it was not computed from, unless the handler is told", async () => {
  for (let i = 0; i < TRIALS; i++) {
    const { number } = await substantiatedTip();
    await f.chat.as("王局长").say(`举报罚款 ${number} 10万`);
    const [fined, approved] = await Promise.all([f.chat.as("王局长").say(`举报罚款 ${number} 100万`), f.chat.as("孙科长").say(`批准奖励 ${number}`)]);
    const { tip } = await stored(number);
    const onFacts = tip.rewardYuan === Math.round((tip.fineYuan ?? 0) * 0.15);
    if (tip.reward === "APPROVED" && !onFacts) {
      // Approved first, fined after: the fine's handler is asked to approve again.
      expect(fined.join("\n")).toContain("重新核定");
    }
    // A refused approval says why and what to do.
    if (tip.reward !== "APPROVED") expect(approved.join("\n")).toMatch(/重新核定|看最新情况/);
  }
});

test.runIf(pg)("申领奖励 racing 批准奖励: an approval the handler was told of is never lost", async () => {
  for (let i = 0; i < TRIALS * 2; i++) {
    const { number, code } = await substantiatedTip();
    const [approved, claimed] = await Promise.all([f.chat.as("王局长").say(`批准奖励 ${number}`), f.chat.as(`举报人${tipsters}`).say(`申领奖励 ${code}`)]);
    const { tip, events } = await stored(number);
    const told = approved.join("\n").includes("已核定举报");
    expect(tip.reward).toBe(told ? "APPROVED" : "CLAIMED");
    expect(count(events, "REWARD_APPROVED")).toBe(told ? 1 : 0);
    expect(claimed.join("\n")).toContain("已登记");
  }
});
