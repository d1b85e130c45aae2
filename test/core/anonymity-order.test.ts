import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createFixture, freshPostgres, receiptCodeIn, seedTree } from "../helpers.ts";
import type { IncomingMessage } from "../../src/core/messages.ts";
import { runTipMaintenance } from "../../src/reminders/tips.ts";

/**
 * The database's own order: transaction ids (`xmin`) and physical positions (`ctid`) are not dates, but they order
 * rows. After the day's maintenance, a tip's rows must not sit, in either order, among rows stamped to the millisecond.
 */
const TIPSTER = { id: "tg-user-888001", name: "孙八八", chat: "private-chat-888001" };

function fromTipster(text: string): IncomingMessage {
  return {
    platform: "console",
    chatId: TIPSTER.chat,
    chatType: "private",
    messageId: randomUUID(),
    sender: { id: TIPSTER.id, name: TIPSTER.name, lang: "zh-CN" },
    text,
    attachments: [],
  };
}

describe("the anonymous lane in the database's order", () => {
  test("on PostgreSQL: after the day's maintenance, the tip's xmin and ctid neighbours carry no time finer than the day", async (t) => {
    const pg = await freshPostgres();
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const f = await createFixture({ postgresUrl: pg.url, now: "2026-11-10T01:00:00Z" });
    const { default: Pg } = await import("pg");
    const client = new Pg.Client({ connectionString: pg.url });
    try {
      await seedTree(f);
      await f.chat.as("admin").in("县局群").say("授权 举报处理人 王局长");
      const group = async () => {
        f.clock.set(new Date(f.clock.now.getTime() + 60_000).toISOString());
        await f.chat.as("张三").in("车间群").say("我的身份");
        await f.chat.as("李主任").in("车间群").say("我的身份");
      };
      const tip = async (text: string) => {
        await group();
        const out = (await f.chat.deliver(fromTipster(text))).map((o) => o.text);
        if (process.env.DBG) console.log(text, "=>", out);
        return out;
      };
      await group();
      await tip("我要举报");
      await tip("1");
      await tip("城关化工厂 甲类仓库");
      await tip("仓库里堆放了大量易燃物");
      await tip("完成");
      const filed = await tip("匿名");
      const code = receiptCodeIn(filed);
      await tip("已保存");
      await tip(`举报查询 ${code}`);
      await group();
      await group();

      // The next day, at the first tick: the day's maintenance.
      f.clock.set("2026-11-10T16:05:00Z");
      expect(await runTipMaintenance(f.app.deps)).not.toBeNull();

      await client.connect();
      const q = async <T,>(sql: string) => (await client.query(sql)).rows as T[];
      const [tipRow] = await q<{ x: string }>(`SELECT xmin::text AS x FROM "Tip"`);
      const tipX = BigInt(tipRow!.x);

      // Transaction order: every row stamped finer than the day was written before the tip's transaction id, none after.
      const claims = await q<{ x: string; ctid: string; platform: string; t: string }>(
        `SELECT xmin::text AS x, ctid::text AS ctid, platform, to_char("claimedAt", 'HH24:MI:SS.MS') AS t FROM "InboundMessage"
         ORDER BY (ctid::text::point)[0], (ctid::text::point)[1]`,
      );
      const groupClaims = claims.filter((c) => c.platform !== "anon");
      expect(groupClaims.length).toBeGreaterThan(10);
      for (const c of groupClaims) expect(BigInt(c.x), `a group claim of ${c.t} is newer than the tip`).toBeLessThan(tipX);

      // No row sharing the tip's transaction id is stamped finer than the day, or belongs to the normal lane.
      const anon = claims.filter((c) => c.platform === "anon");
      expect(anon.length).toBeGreaterThanOrEqual(8);
      for (const c of anon) {
        expect(c.t).toBe("00:00:00.000");
        expect(BigInt(c.x)).toBe(tipX);
      }
      const sharing = await q<{ n: string }>(`SELECT count(*)::text AS n FROM "HazardEvent" WHERE xmin::text = '${tipX}'`);
      expect(sharing[0]!.n).toBe("0");
      const dialogs = await q<{ platform: string }>(`SELECT platform FROM "Conversation" WHERE xmin::text = '${tipX}'`);
      for (const d of dialogs) expect(d.platform).toBe("anon");
      const events = await q<{ x: string }>(`SELECT xmin::text AS x FROM "TipEvent"`);
      for (const e of events) expect(BigInt(e.x)).toBe(tipX);

      // The old row versions were vacuumed away (the statistics reach other sessions within a second or so).
      let vacuumed = false;
      for (let i = 0; i < 40 && !vacuumed; i++) {
        const r = await q<{ v: boolean }>(`SELECT last_vacuum IS NOT NULL AS v FROM pg_stat_user_tables WHERE relname = 'InboundMessage'`);
        vacuumed = r[0]?.v === true;
        if (!vacuumed) await new Promise((res) => setTimeout(res, 100));
      }
      expect(vacuumed, "InboundMessage was not vacuumed").toBe(true);

      // Physical order: the lane's claims form one run, with no group claim between them.
      const positions = claims.map((c, i) => (c.platform === "anon" ? i : -1)).filter((i) => i >= 0);
      expect(positions.at(-1)! - positions[0]!, "a group claim sits among the anonymous claims").toBe(positions.length - 1);
    } finally {
      await client.end().catch(() => undefined);
      await f.close();
      await pg.drop();
    }
  });

  test("the vacuum runs on the embedded database too", async () => {
    const f = await createFixture();
    try {
      await seedTree(f);
      await f.chat.deliver(fromTipster("我要举报"));
      f.clock.advanceDays(1);
      await f.app.deps.store.transaction((repo) => repo.rewriteAnonymousLane());
      await expect(f.app.deps.store.vacuumAnonymousLane()).resolves.toBeUndefined();
    } finally {
      await f.close();
    }
  });
});
