import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openStore, type Store } from "../../src/store/index.ts";
import { freshPostgres } from "../helpers.ts";

const pg = await freshPostgres();
const backends: [string, () => Promise<{ store: Store; done(): Promise<void> }>][] = [
  ["PGlite", async () => {
    const store = await openStore({ dataDir: null });
    return { store, done: () => store.close() };
  }],
];
if (pg) {
  backends.push(["PostgreSQL", async () => {
    const store = await openStore({ url: pg.url });
    return { store, done: async () => { await store.close(); await pg.drop(); } };
  }]);
}

describe.each(backends)("the store on %s", (_name, open) => {
  let store: Store;
  let done: () => Promise<void>;
  beforeAll(async () => ({ store, done } = await open()));
  afterAll(() => done());

  test("units form a tree with materialised paths", async () => {
    const { county, plant, other } = await store.transaction(async (repo) => {
      const county = await repo.createUnit("县局", null, "REGULATOR");
      const plant = await repo.createUnit("化工厂", county, "ENTERPRISE");
      const other = await repo.createUnit("外县", null, "REGULATOR");
      return { county, plant, other };
    });
    expect(plant.path).toBe(`${county.path}${plant.id}/`);
    const under = await store.transaction((repo) => repo.listUnits(county.path));
    expect(under.map((u) => u.name)).toEqual(["县局", "化工厂"]);
    expect(under.map((u) => u.id)).not.toContain(other.id);
  });

  // A message's claim, as every message of the ordinary path opens with it (`openMessage`).
  const claim = (repo: Parameters<Parameters<Store["transaction"]>[0]>[0], messageId: string) =>
    repo
      .openMessage({ claim: { platform: "console", chatId: "c1", messageId }, sender: { platform: "console", platformUserId: "u0", displayName: "赵六" }, touch: false, groupChatId: null })
      .then((o) => o.claimed);

  test("a message is claimed once, even by concurrent transactions", async () => {
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.transaction((repo) => claim(repo, "m1"))),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  test("a failed transaction leaves nothing behind, not even its claim", async () => {
    await expect(
      store.transaction(async (repo) => {
        await claim(repo, "m-rollback");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.transaction((repo) => claim(repo, "m-rollback"))).toBe(true);
  });

  test("a transition applies only from the expected status and records its event", async () => {
    const id = await store.transaction(async (repo) => {
      const unit = (await repo.findUnitByName("化工厂"))!;
      const user = await repo.touchUser({ platform: "console", platformUserId: "u1", displayName: "张三" });
      const h = await repo.createHazard({
        year: 2026, unitId: unit.id, reporterId: user.id, platform: "console", chatId: "g", messageId: "m",
        description: "配电箱门未关", location: null, attachments: [], indicators: [], reportedAt: new Date("2026-11-10T02:00:00Z"),
      });
      return h.id;
    });
    const move = () =>
      store.transaction((repo) =>
        repo.transition(id, "REPORTED", "CONFIRMED", { level: "GENERAL", deadline: "2026-12-01", confirmedAt: new Date("2026-11-10T03:00:00Z") }, { kind: "CONFIRM", actorId: 1, note: null, at: new Date() }),
      );
    const [a, b] = await Promise.all([move(), move()]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const [h, events] = await store.transaction(async (repo) => [await repo.getHazard(id), await repo.events(id)] as const);
    expect(h?.status).toBe("CONFIRMED");
    expect(h?.deadline).toBe("2026-12-01");
    // Written by raw SQL, read by Prisma: the same instant whatever the server's time zone.
    expect(h?.reportedAt.toISOString()).toBe("2026-11-10T02:00:00.000Z");
    expect(events.map((e) => e.kind)).toEqual(["REPORTED", "CONFIRM"]);
  });

  test("a hazard reads back the same through Prisma and through the driver: instants to the millisecond, days as dates", async () => {
    const at = (iso: string) => new Date(iso);
    const { id, print } = await store.transaction(async (repo) => {
      // Units of its own: the statistics below count the tree of 县局.
      const unit = await repo.createUnit("储运公司", await repo.createUnit("邻县局", null, "REGULATOR"), "ENTERPRISE");
      const user = await repo.touchUser({ platform: "console", platformUserId: "u-json", displayName: "李主任" });
      const h = await repo.createHazard({
        year: 2026, unitId: unit.id, reporterId: user.id, platform: "console", chatId: "g-json", messageId: "m-json",
        description: "储罐区\"无\"检测\n报警", location: "二号车间", attachments: ["blob:a", "blob:b"], indicators: ["limited-space"],
        reportedAt: at("2026-11-10T02:00:00.123Z"),
      });
      await repo.transition(h.id, "REPORTED", "CONFIRMED", { level: "MAJOR", confirmedAt: at("2026-11-10T03:00:00Z"), dualReportedAt: at("2026-11-10T03:00:01.5Z") }, { kind: "CONFIRM", actorId: user.id, note: "核实", at: at("2026-11-10T03:00:00.007Z") });
      await repo.transition(
        h.id, "CONFIRMED", "RECTIFYING",
        { plan: { responsible: "李主任", measures: "加装通风", funds: "2万元", deadline: "2026-12-15", contingency: "警戒区" }, supervised: true, supervisedBy: "县应急管理局", supervisedDeadline: "2027-01-31", supervisingUnitId: unit.parentId, supervisedAt: at("2026-11-11T00:00:00Z"), closeAppliedAt: at("2026-11-12T23:59:59.999Z") },
        { kind: "PLAN", actorId: user.id, note: null, at: at("2026-11-11T00:00:00Z"), attachments: ["blob:c"] },
      );
      const standing = (await repo.standing("console", null, "u-json"))!;
      return { id: h.id, print: standing.print };
    });
    const viaPrisma = await store.read(async (repo) => ({ hazard: await repo.getHazard(id), events: await repo.events(id, 12) }));
    const viaDriver = await store.once((repo) =>
      repo.readHazard({ claim: { platform: "console", chatId: "dm:u-json", messageId: "q-json" }, platform: "console", platformUserId: "u-json", groupChatId: null, print, tipDialog: null, hazardId: id, take: 12 }),
    );
    expect(viaDriver).toEqual({ outcome: "read", ...viaPrisma });
    const h = viaPrisma.hazard!;
    expect(h.reportedAt.toISOString()).toBe("2026-11-10T02:00:00.123Z");
    expect(h.dualReportedAt?.toISOString()).toBe("2026-11-10T03:00:01.500Z");
    expect(h.closeAppliedAt?.toISOString()).toBe("2026-11-12T23:59:59.999Z");
    expect([h.deadline, h.supervisedDeadline, h.plan?.deadline]).toEqual(["2026-12-15", "2027-01-31", "2026-12-15"]);
    expect(h).toMatchObject({ description: "储罐区\"无\"检测\n报警", attachments: ["blob:a", "blob:b"], level: "MAJOR", status: "RECTIFYING", supervised: true, source: "REPORT" });
    expect(viaPrisma.events.map((e) => [e.kind, e.at.toISOString(), e.actorName, e.attachments])).toEqual([
      ["REPORTED", "2026-11-10T02:00:00.123Z", "李主任", []],
      ["CONFIRM", "2026-11-10T03:00:00.007Z", "李主任", []],
      ["PLAN", "2026-11-11T00:00:00.000Z", "李主任", ["blob:c"]],
    ]);
    // Asked again, the same message is a duplicate: the claim committed with the statement.
    const again = await store.once((repo) =>
      repo.readHazard({ claim: { platform: "console", chatId: "dm:u-json", messageId: "q-json" }, platform: "console", platformUserId: "u-json", groupChatId: null, print, tipDialog: null, hazardId: id, take: 12 }),
    );
    expect(again).toEqual({ outcome: "duplicate" });
  });

  test("statistics count per level over a subtree, split at Shanghai month boundaries", async () => {
    const county = (await store.transaction((repo) => repo.findUnitByName("县局")))!;
    const at = (iso: string) => new Date(iso);
    // 2026-11-30T16:30Z is 00:30 on 1 December in Shanghai.
    const rows: [string, "GENERAL" | "MAJOR" | null, string | null][] = [
      ["2026-11-01T00:00:00Z", "GENERAL", "2026-11-05T00:00:00Z"],
      ["2026-11-15T00:00:00Z", "GENERAL", null],
      ["2026-11-20T00:00:00Z", "MAJOR", "2026-12-02T00:00:00Z"],
      ["2026-11-30T16:30:00Z", "MAJOR", null],
      ["2026-11-30T15:30:00Z", null, null],
    ];
    await store.transaction(async (repo) => {
      const unit = (await repo.findUnitByName("化工厂"))!;
      const user = await repo.touchUser({ platform: "console", platformUserId: "u2", displayName: "李四" });
      for (const [reported, level, rectified] of rows) {
        const { id } = await repo.createHazard({
          year: 2026, unitId: unit.id, reporterId: user.id, platform: "console", chatId: "g", messageId: reported,
          description: "x", location: null, attachments: [], indicators: [], reportedAt: at(reported),
        });
        if (level) await repo.transition(id, "REPORTED", "CONFIRMED", { level, confirmedAt: at(reported) }, { kind: "CONFIRM", actorId: user.id, note: null, at: at(reported) });
        if (rectified) await repo.transition(id, "CONFIRMED", "RECTIFIED", { rectifiedAt: at(rectified) }, { kind: "RECTIFIED", actorId: user.id, note: null, at: at(rectified) });
      }
    });
    const nov = { start: at("2026-10-31T16:00:00Z"), end: at("2026-11-30T16:00:00Z") };
    const month = await store.transaction((repo) => repo.stats([county.path], nov.start, nov.end, "2026-12-10"));
    // The first test's hazard (confirmed, general, reported 2026-11-10) counts too.
    expect(month.general).toEqual({ found: 3, rectified: 1 });
    expect(month.major).toEqual({ found: 1, rectified: 0 });
    expect(month.pending).toBe(1);
    expect(month.overdue).toBe(1);
    const total = await store.transaction((repo) => repo.stats([county.path], null, at("2026-12-31T16:00:00Z"), "2026-12-10"));
    expect(total.major).toEqual({ found: 2, rectified: 1 });
    const outside = await store.transaction(async (repo) => repo.stats([(await repo.findUnitByName("外县"))!.path], null, nov.end, "2026-12-10"));
    expect(outside.general.found + outside.major.found + outside.pending).toBe(0);
    // Several windows in one query (the trend's): each the same as `stats` for it, in the order asked, empty ones zero.
    const windows = [
      { from: nov.start, to: nov.end },
      { from: null, to: at("2026-12-31T16:00:00Z") },
      { from: at("2027-01-31T16:00:00Z"), to: at("2027-02-28T16:00:00Z") },
      { from: nov.start, to: nov.end },
    ];
    const many = await store.transaction((repo) => repo.windowStats([county.path], windows, "2026-12-10"));
    const none = { general: { found: 0, rectified: 0 }, major: { found: 0, rectified: 0 }, supervised: 0, majorBySource: { self: 0, inspection: 0, tip: 0 }, pending: 0, overdue: 0 };
    expect(many).toEqual([month, total, none, month]);
    expect(await store.transaction((repo) => repo.windowStats([county.path], [], "2026-12-10"))).toEqual([]);
    // Each unit on its own, the whole subtree in one query (the statistics table's sheets): the same as `stats` of
    // that unit alone; a unit with nothing in the window is absent.
    const byUnit = await store.transaction((repo) => repo.statsByUnit(county.path, nov.start, nov.end, "2026-12-10"));
    for (const u of await store.transaction((repo) => repo.listUnits(county.path))) {
      const alone = await store.transaction((repo) => repo.stats([u.path], nov.start, nov.end, "2026-12-10", { exact: true }));
      expect(byUnit.get(u.id) ?? none).toEqual(alone);
    }
    expect([...byUnit.keys()]).toEqual([(await store.transaction((repo) => repo.findUnitByName("化工厂")))!.id]);
  });

  test("hazard numbers run without gaps: a rolled-back report takes none, concurrent reports take one each", async () => {
    const file = (repo: Parameters<Parameters<Store["transaction"]>[0]>[0], m: string) =>
      repo.findUnitByName("化工厂").then(async (unit) =>
        repo.createHazard({
          year: 2026, unitId: unit!.id, reporterId: (await repo.touchUser({ platform: "console", platformUserId: "u3", displayName: "王五" })).id,
          platform: "console", chatId: "g", messageId: m, description: "x", location: null, attachments: [], indicators: [], reportedAt: new Date("2026-11-12T02:00:00Z"),
        }),
      );
    const before = (await store.transaction((repo) => file(repo, "gap-0"))).id;
    await expect(store.transaction(async (repo) => { await file(repo, "gap-1"); throw new Error("rolled back"); })).rejects.toThrow("rolled back");
    const ids = (await Promise.all([1, 2, 3, 4].map((i) => store.transaction((repo) => file(repo, `gap-c${i}`))))).map((h) => h.id).sort((a, b) => a - b);
    expect(ids).toEqual([before + 1, before + 2, before + 3, before + 4]);
  });

  test("a conversation is stored with its version and survives as data", async () => {
    const now = new Date("2026-11-10T02:00:00Z");
    await store.transaction((repo) => repo.saveConversation("console", "g", "u1", { kind: "report", step: "where", version: 1, data: { description: "x", attachments: [] } }, now));
    const c = await store.transaction((repo) => repo.getConversation("console", "g", "u1"));
    expect(c).toMatchObject({ kind: "report", step: "where", version: 1, data: { description: "x" } });
    expect(c?.updatedAt.toISOString()).toBe(now.toISOString());
  });
});

test.skipIf(pg !== null)("no PostgreSQL server for tests: its runs are skipped (.ci/run always provides one)", () => {
  expect(pg).toBeNull();
});
