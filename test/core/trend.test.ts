import { afterAll, describe, expect, test, vi } from "vitest";
import { createFixture, freshPostgres, numberIn, seedTree, type Fixture } from "../helpers.ts";
import { consolePhoto } from "../../src/platforms/console/chat.ts";
import { monthRange, shanghaiDate, startOfShanghaiDay } from "../../src/domain/dates.ts";
import { rectificationRate, totalCounts, type HazardStats } from "../../src/domain/stats.ts";
import type { TrendInput } from "../../src/reports/trend.ts";

// What /trend draws, as it hands it to the renderer (the picture itself is tested in test/reports/trend-font.test.ts).
const drawn: TrendInput[] = [];
vi.mock("../../src/reports/trend.ts", async (original) => {
  const real = await original<typeof import("../../src/reports/trend.ts")>();
  return {
    ...real,
    renderTrend: async (input: TrendInput) => {
      drawn.push(input);
      return real.renderTrend(input);
    },
  };
});

const MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];
const CAMPAIGN = "2025-11-01";
const PLAN = (deadline: string) => `责任人:李主任 措施:整改到位 资金:1万元 期限:${deadline} 预案:停用设备`;

/**
 * Hazards across months, in 城关化工厂 under 县应急管理局, the way people file and handle them: reported in one month
 * and confirmed or rectified in the next, fixed on the spot, supervised, rejected, never confirmed.
 */
async function history(f: Fixture): Promise<void> {
  const at = (when: string) => f.clock.set(new Date(`${when.replace(" ", "T")}:00+08:00`).toISOString());
  const worker = () => f.chat.as("张三").in("车间群");
  const manager = () => f.chat.as("李主任").in("车间群");
  const county = () => f.chat.as("王局长").in("县局群");
  const report = async (when: string, text: string) => {
    at(when);
    return numberIn(await worker().say(`报隐患 ${text}`));
  };
  // 已整改 comes with a photo of the fixed state, as a major hazard's must.
  const step = async (when: string, who: () => ReturnType<Fixture["chat"]["as"]>, text: string, expected: string) => {
    at(when);
    const photos = text.startsWith("已整改") ? { photos: [consolePhoto(1)] } : {};
    expect((await who().say(text, photos))[0]).toContain(expected);
  };

  // A: reported before the twelve months (after the campaign's start), confirmed and rectified in the first of them.
  const a = await report("2025-11-28 10:00", "一号仓库灭火器过期");
  await step("2025-12-02 10:00", manager, `确认 ${a} 一般`, "一般隐患");
  await step("2025-12-03 10:00", manager, `整改方案 ${a} ${PLAN("2025-12-25")}`, "进入整改");
  await step("2025-12-20 10:00", manager, `已整改 ${a}`, "待验收");
  // B: reported and confirmed in March, rectified in April.
  const b = await report("2026-03-10 10:00", "二号车间配电箱门未关");
  await step("2026-03-12 10:00", manager, `确认 ${b} 一般`, "一般隐患");
  await step("2026-03-15 10:00", manager, `整改方案 ${b} ${PLAN("2026-04-30")}`, "进入整改");
  await step("2026-04-05 10:00", manager, `已整改 ${b}`, "待验收");
  // C: reported on March's last evening (Shanghai), confirmed major on 1 April, still being rectified.
  const c = await report("2026-03-31 23:30", "液氨储罐压力表失灵");
  await step("2026-04-01 09:00", manager, `确认 ${c} 重大`, "重大");
  await step("2026-04-02 09:00", manager, `整改方案 ${c} ${PLAN("2026-12-30")}`, "进入整改");
  // D: fixed on the spot in April.
  const d = await report("2026-04-02 10:00", "通道堆放杂物");
  await step("2026-04-02 11:00", manager, `确认 ${d} 一般 已当场整改`, "");
  // E: major in May, listed for supervision by the county, rectified in May.
  const e = await report("2026-05-03 10:00", "反应釜安全阀缺失");
  await step("2026-05-04 10:00", manager, `确认 ${e} 重大`, "重大");
  await step("2026-05-06 10:00", county, `挂牌督办 ${e} 2026-06-30`, "挂牌督办");
  await step("2026-05-07 10:00", manager, `整改方案 ${e} ${PLAN("2026-06-20")}`, "进入整改");
  await step("2026-05-20 10:00", manager, `已整改 ${e}`, "");
  // F: rejected; G: never confirmed.
  const fx = await report("2026-06-10 10:00", "楼顶有人吸烟");
  await step("2026-06-11 10:00", manager, `驳回 ${fx} 不属实`, "驳回");
  await report("2026-07-15 10:00", "叉车喇叭不响");
  // I: reported in October, confirmed and rectified in November.
  const i = await report("2026-10-30 10:00", "消防通道锁闭");
  await step("2026-11-03 10:00", manager, `确认 ${i} 一般`, "一般隐患");
  await step("2026-11-03 11:00", manager, `整改方案 ${i} ${PLAN("2026-11-20")}`, "进入整改");
  await step("2026-11-05 10:00", manager, `已整改 ${i}`, "待验收");
  // H: reported and confirmed in November, open.
  const h = await report("2026-11-01 10:00", "电焊机接地线松脱");
  await step("2026-11-02 10:00", manager, `确认 ${h} 一般`, "一般隐患");
  at("2026-11-10 10:00");
}

/** The numbers of one block of the 统计 reply (`stats-block`). */
function block(text: string): { gf: number; gr: number; mf: number; mr: number; supervised: number } {
  const num = (re: RegExp) => Number(re.exec(text)![1]);
  return {
    gf: num(/一般隐患：排查 (\d+)/),
    gr: num(/一般隐患：排查 \d+，整改 (\d+)/),
    mf: num(/重大隐患：排查 (\d+)/),
    mr: num(/重大隐患：排查 \d+，整改 (\d+)/),
    supervised: num(/挂牌督办（含已销号）(\d+)/),
  };
}

async function check(f: Fixture): Promise<void> {
  await seedTree(f);
  await history(f);
  drawn.length = 0;
  const [out] = await f.chat.as("王局长").in("县局群").send("趋势");
  expect(drawn).toHaveLength(1);
  const chart = drawn[0]!;
  expect(chart.months).toEqual(MONTHS);
  const series = (label: string) => chart.series.find((s) => s.label === label)!.values;
  const bars = {
    gf: series("一般隐患排查"),
    gr: series("一般隐患整改"),
    mf: series("重大隐患排查"),
    mr: series("重大隐患整改"),
  };
  const supervised = series("挂牌督办（累计）");
  const rate = series("累计整改率");

  // The figures worked out by hand from the history above (a hazard counts in the month it was reported in).
  //            12 1  2  3  4  5  6  7  8  9  10 11
  expect(bars.gf).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1]);
  expect(bars.gr).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  expect(bars.mf).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  expect(bars.mr).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  expect(supervised).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  expect(rate).toEqual([100, 100, 100, 50, 75, 80, 80, 80, 80, 80, 80, 71.4]);

  // The same, month by month, as `统计 <month>` replies and as `repo.stats` counts.
  const county = (await f.app.store.transaction((repo) => repo.findUnitByName("县应急管理局")))!;
  const today = shanghaiDate(f.clock.now);
  for (const [i, month] of MONTHS.entries()) {
    const [reply] = await f.chat.as("王局长").in("县局群").say(`统计 ${month}`);
    const [monthly, cumulative] = reply!.split("【累计");
    expect(block(monthly!), month).toEqual({ gf: bars.gf[i], gr: bars.gr[i], mf: bars.mf[i], mr: bars.mr[i], supervised: expect.any(Number) });
    expect(block(cumulative!).supervised, month).toBe(supervised[i]);
    const { start, end } = monthRange(month);
    const [own, total] = await f.app.store.transaction(async (repo): Promise<[HazardStats, HazardStats]> => [
      await repo.stats([county.path], start, end, today),
      await repo.stats([county.path], startOfShanghaiDay(CAMPAIGN), end, today),
    ]);
    expect([own.general.found, own.general.rectified, own.major.found, own.major.rectified], month).toEqual([bars.gf[i], bars.gr[i], bars.mf[i], bars.mr[i]]);
    expect(total.supervised, month).toBe(supervised[i]);
    expect(rectificationRate(totalCounts(total)), month).toBe(rate[i]);
  }

  // The text: the twelve months as one period of 统计 (reported in them, as they stand at the end), and the cumulative rate.
  const year = await f.app.store.transaction((repo) => repo.stats([county.path], monthRange(MONTHS[0]!).start, monthRange(MONTHS[11]!).end, today));
  expect(totalCounts(year)).toEqual({ found: 6, rectified: 4 });
  expect(out!.text).toContain("排查 6 项，整改 4 项；截至 2026-11 累计整改率 71.4%，挂牌督办（含已销号）1 项");
}

const pg = await freshPostgres();
afterAll(() => pg?.drop());

describe("/trend and 统计 count a month alike", () => {
  test("on PGlite: every month's bars and lines are 统计's figures for that month", async () => {
    const f = await createFixture({ now: "2025-11-01T02:00:00Z", env: { SENTINEL_CAMPAIGN_START: CAMPAIGN } });
    try {
      await check(f);
    } finally {
      await f.close();
    }
  });

  test.runIf(pg)("on PostgreSQL (a server far from UTC): the same", async () => {
    const f = await createFixture({ postgresUrl: pg!.url, now: "2025-11-01T02:00:00Z", env: { SENTINEL_CAMPAIGN_START: CAMPAIGN, SENTINEL_SECRET: "s".repeat(40) } });
    try {
      await check(f);
    } finally {
      await f.close();
    }
  });
});
