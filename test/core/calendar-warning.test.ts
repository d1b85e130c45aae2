import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { createFixture, freshPostgres, type Fixture } from "../helpers.ts";
import { runCalendarWarning } from "../../src/reminders/calendar.ts";
import type { BotDeps } from "../../src/core/context.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";

const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

/** A configured admin (console:admin), an ADMIN grant holder, a super-admin who reads English, and an official. */
async function seedAdmins(f: Fixture): Promise<void> {
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  await admin.in("县局群").say("绑定 县应急管理局");
  await f.chat.as("赵管理员").in("县局群").say("我的身份");
  await f.chat.as("王局长").in("县局群").say("我的身份");
  await admin.in("县局群").say("授权 管理员 赵管理员");
  await admin.in("县局群").say("授权 监管人员 王局长");
  await f.app.store.transaction(async (repo) => {
    const u = await repo.touchUser({ platform: "console", platformUserId: "Qian", displayName: "Qian", lang: "en" });
    await repo.makeSuperAdmin(u.id);
  });
}

function collect() {
  const sent: OutgoingMessage[] = [];
  return { sent, send: async (m: OutgoingMessage) => void sent.push(m) };
}

let f: Fixture;

describe("admins are told when the holiday calendar lacks a year", () => {
  beforeEach(async () => {
    f = await createFixture({ now: shanghai("2026-11-02", "10:00") });
    await seedAdmins(f);
  });
  afterEach(() => f.close());

  test("from 1 December, privately, once per admin, outside the quiet hours; 2027 stays told in 2027", async () => {
    const out = collect();
    f.clock.set(shanghai("2026-11-30", "10:00")); // a working Monday, but more than a month before 2027
    expect(await runCalendarWarning(f.app.deps, out.send)).toBe(0);
    f.clock.set(shanghai("2026-12-01", "07:30")); // quiet hours
    expect(await runCalendarWarning(f.app.deps, out.send)).toBe(0);
    f.clock.set(shanghai("2026-12-01", "09:05"));
    expect(await runCalendarWarning(f.app.deps, out.send)).toBe(3);
    expect(out.sent.map((m) => m.chatId).sort()).toEqual(["dm:Qian", "dm:admin", "dm:赵管理员"]);
    const zh = out.sent.find((m) => m.chatId === "dm:admin")!.text;
    expect(zh).toContain("2027 年的法定节假日");
    expect(zh).toContain("按周一至周五算工作日");
    expect(zh).toContain("SENTINEL_HOLIDAYS");
    expect(zh).not.toContain("README"); // a chat message is complete in itself: no pointer to a document the admin may not have
    expect(out.sent.find((m) => m.chatId === "dm:Qian")!.text).toContain("does not have 2027's public holidays");
    // Once: later ticks, later days, and the year itself (still unknown) say nothing more.
    for (const at of [shanghai("2026-12-01", "09:15"), shanghai("2026-12-02", "09:05"), shanghai("2027-01-04", "09:05")]) {
      f.clock.set(at);
      expect(await runCalendarWarning(f.app.deps, out.send)).toBe(0);
    }
    expect(out.sent).toHaveLength(3);
  });

  test("the current year unknown (a process first started in 2027) is told too, on a working day only", async () => {
    const out = collect();
    f.clock.set(shanghai("2027-01-02", "10:00")); // Saturday
    expect(await runCalendarWarning(f.app.deps, out.send)).toBe(0);
    f.clock.set(shanghai("2027-01-03", "10:00")); // Sunday
    expect(await runCalendarWarning(f.app.deps, out.send)).toBe(0);
    f.clock.set(shanghai("2027-01-04", "09:05"));
    expect(await runCalendarWarning(f.app.deps, out.send)).toBe(3);
    expect(out.sent[0]!.text).toContain("2027");
  });

  test("two bot instances on one store tell each admin once", async () => {
    const out = collect();
    const other: BotDeps = { ...f.app.deps, log: pino({ level: "silent" }) };
    f.clock.set(shanghai("2026-12-01", "09:05"));
    const counts = await Promise.all([runCalendarWarning(f.app.deps, out.send), runCalendarWarning(other, out.send), runCalendarWarning(f.app.deps, out.send)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(new Set(out.sent.map((m) => m.chatId)).size).toBe(3);
  });

  test("a send that fails is retried by a later tick; the others are not told twice", async () => {
    const sent: string[] = [];
    let blocked = true;
    const send = async (m: OutgoingMessage) => {
      if (blocked && m.chatId === "dm:赵管理员") throw new Error("chat unreachable");
      sent.push(m.chatId);
    };
    f.clock.set(shanghai("2026-12-01", "09:05"));
    expect(await runCalendarWarning(f.app.deps, send)).toBe(2);
    blocked = false;
    f.clock.set(shanghai("2026-12-01", "09:07")); // the failed claim is not yet stale
    expect(await runCalendarWarning(f.app.deps, send)).toBe(0);
    f.clock.set(shanghai("2026-12-01", "09:15"));
    expect(await runCalendarWarning(f.app.deps, send)).toBe(1);
    expect(sent.sort()).toEqual(["dm:Qian", "dm:admin", "dm:赵管理员"]);
  });
});

describe("with SENTINEL_HOLIDAYS giving 2027", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sentinel-holidays-"));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("nobody is told, in December or in 2027", async () => {
    const file = path.join(dir, "holidays.json");
    writeFileSync(file, JSON.stringify({ "2027": { holidays: ["2027-01-01"], workdays: [] } }));
    const g = await createFixture({ now: shanghai("2026-11-02", "10:00"), env: { SENTINEL_HOLIDAYS: file } });
    try {
      await seedAdmins(g);
      const out = collect();
      for (const at of [shanghai("2026-12-01", "09:05"), shanghai("2027-03-01", "09:05")]) {
        g.clock.set(at);
        expect(await runCalendarWarning(g.app.deps, out.send)).toBe(0);
      }
      // 2028 is asked for from 1 December 2027.
      g.clock.set(shanghai("2027-12-01", "09:05"));
      expect(await runCalendarWarning(g.app.deps, out.send)).toBe(3);
      expect(out.sent[0]!.text).toContain("2028");
    } finally {
      await g.close();
    }
  });
});

describe("two apps on one PostgreSQL", () => {
  test("each admin is told once", async (t) => {
    const pg = await freshPostgres();
    if (!pg) return t.skip("no PostgreSQL server for tests");
    const env = { SENTINEL_SECRET: "s".repeat(40) };
    const a = await createFixture({ postgresUrl: pg.url, now: shanghai("2026-12-01", "09:05"), env });
    const b = await createFixture({ postgresUrl: pg.url, now: shanghai("2026-12-01", "09:05"), env });
    try {
      await seedAdmins(a);
      const out = collect();
      await Promise.all([runCalendarWarning(a.app.deps, out.send), runCalendarWarning(b.app.deps, out.send), runCalendarWarning(a.app.deps, out.send)]);
      expect(out.sent.map((m) => m.chatId).sort()).toEqual(["dm:Qian", "dm:admin", "dm:赵管理员"]);
    } finally {
      await a.close();
      await b.close();
      await pg.drop();
    }
  });
});
