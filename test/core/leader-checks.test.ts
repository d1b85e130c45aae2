import { describe, expect, test } from "vitest";
import { createFixture, type Fixture } from "../helpers.ts";
import { runCheckRounds } from "../../src/reminders/checks.ts";
import type { OutgoingMessage } from "../../src/core/messages.ts";

/**
 * 主要负责人带队检查 (seed 003 第6条): a chemical plant (危险化学品, a 高危行业) leads one every month, a construction
 * company every quarter; the round goes privately to the 主要负责人, and only the 主要负责人 or the 实际控制人 makes it led:
 * a 安全管理员 who answers every item leaves it waiting for `带队签字`, which is refused to anyone else with the reason.
 * `检查情况` shows the regulator which rounds were not led and which enterprises had none.
 */
const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

async function seed(f: Fixture): Promise<void> {
  const admin = f.chat.as("admin");
  await admin.say("新建单位 县应急管理局");
  await admin.in("县局群").say("绑定 县应急管理局");
  await f.chat.as("王局长").in("县局群").say("我的身份");
  await admin.in("县局群").say("授权 监管人员 王局长");
  for (const [unit, group, industry] of [["城关化工厂", "化工厂群", "危险化学品"], ["宏建建筑公司", "建筑群", "建筑施工"], ["东风机械厂", "机械厂群", "工贸"]] as const) {
    await admin.say(`新建单位 ${unit} 县应急管理局`);
    await admin.in(group).say(`绑定 ${unit}`);
    await admin.say(`单位行业 ${unit} ${industry}`);
  }
  for (const [who, group] of [["李主任", "化工厂群"], ["赵厂长", "化工厂群"], ["钱老板", "化工厂群"], ["张三", "化工厂群"], ["周经理", "建筑群"]] as const) {
    await f.chat.as(who).in(group).say("我的身份");
  }
  await admin.in("化工厂群").say("授权 安全管理员 李主任");
  await admin.in("化工厂群").say("授权 主要负责人 赵厂长");
  await admin.in("化工厂群").say("授权 实际控制人 钱老板");
  await admin.in("建筑群").say("授权 安全管理员 周经理"); // and no 主要负责人, no 实际控制人
}

describe("checks led by the principal", () => {
  test("monthly in a 高危行业, quarterly elsewhere; led only by the 主要负责人 or 实际控制人; shown to the regulator", { timeout: 300_000 }, async () => {
    const f = await createFixture({ now: "2026-11-30T02:00:00Z" });
    await seed(f);
    const li = f.chat.as("李主任").in("化工厂群");
    const adopted = (await li.say("检查清单 采用 危化")).join();
    expect(adopted).toContain("其中主要负责人带队检查 1 项：城关化工厂 属高危行业（危险化学品），每月至少带队检查 1 次");
    expect((await li.say("排查计划 带队 09:00")).join()).toContain("每月第一个工作日（高危行业）由主要负责人带队");
    const zhou = f.chat.as("周经理").in("建筑群");
    expect((await zhou.say("检查清单 采用 建筑施工")).join()).toContain("宏建建筑公司 每季度至少带队检查 1 次");
    expect((await zhou.say("排查计划 带队 09:00")).join()).toContain("每季度第一个工作日由主要负责人带队");

    const sent: OutgoingMessage[] = [];
    f.clock.set(shanghai("2026-12-01", "09:05"));
    await runCheckRounds(f.app.deps, async (m) => void sent.push(m));
    const post = sent.find((m) => m.chatId === "化工厂群")!;
    expect(post.text).toMatch(/^【主要负责人带队检查】城关化工厂 2026年12月（每月至少 1 次，高危行业），共 \d+ 项，完成期限 2026-12-31/);
    expect(post.text).not.toContain("还没有授权主要负责人");
    // Privately to the 主要负责人 only (the 实际控制人 hears it when there is no 主要负责人).
    expect(sent.filter((m) => m.chatId === "dm:赵厂长").map((m) => m.text.split("\n")[0])).toEqual([expect.stringContaining("【主要负责人带队检查】城关化工厂 2026年12月 的带队检查已发布（每月至少 1 次）")]);
    expect(sent.some((m) => m.chatId === "dm:钱老板")).toBe(false);
    // The construction company: its quarter's round, and a warning that nobody can lead it.
    const site = sent.find((m) => m.chatId === "建筑群")!;
    expect(site.text).toMatch(/^【主要负责人带队检查】宏建建筑公司 2026年第四季度（每季度至少 1 次），/);
    expect(site.text).toContain("⚠ 宏建建筑公司 还没有授权主要负责人或实际控制人，这一轮无法完成");

    // A worker's “全部正常” is not the leader's round; the 安全管理员 answers it by name, and it is still not led.
    expect((await f.chat.as("张三").in("化工厂群").say("全部正常")).join()).toBe("");
    const answered = (await li.say("排查 带队 全部正常")).join("\n");
    expect(answered).toContain("须由主要负责人或实际控制人发送“带队签字”后才算完成");
    expect(answered).not.toContain("本轮排查已全部完成");
    let [report] = await f.chat.as("王局长").in("县局群").say("检查情况 2026-12");
    expect(report).toContain("主要负责人带队检查 1 轮，主要负责人或实际控制人带队 0 轮，⚠ 未带队 1 轮：2026年12月");
    expect(report).toContain("城关化工厂：1 轮，完成 0 轮");
    // Nobody but a leader signs, and the refusal says why and who may.
    const refused = (await li.say("带队签字")).join();
    expect(refused).toContain("只有 城关化工厂 的主要负责人或实际控制人可以为带队检查签字");
    expect(refused).toContain("不算主要负责人带队");
    const signed = (await f.chat.as("钱老板").in("化工厂群").say("带队签字")).join();
    expect(signed).toContain("已记录：城关化工厂 2026年12月 的主要负责人带队检查由 钱老板 带队。本轮带队检查已完成。");
    expect((await f.chat.as("赵厂长").in("化工厂群").say("带队签字")).join()).toContain("现在没有待签字的主要负责人带队检查");
    [report] = await f.chat.as("王局长").in("县局群").say("检查情况 2026-12");
    expect(report).toContain("城关化工厂：1 轮，完成 1 轮（按时 1），完成率 100%");
    expect(report).toMatch(/城关化工厂：[^\n]*\n {3}主要负责人带队检查 1 轮，主要负责人或实际控制人带队 1 轮\n/);
    // The construction company's round is not led; 东风机械厂 has none at all.
    expect(report).toContain("宏建建筑公司：1 轮，完成 0 轮");
    expect(report).toContain("⚠ 本期没有主要负责人带队检查的企业（1 家）：东风机械厂");

    // The principal answering the round himself makes it led at once.
    await f.chat.as("admin").in("建筑群").say("授权 主要负责人 周经理"); // now the company has one
    const zhouLed = (await zhou.say("排查 带队 全部正常")).join();
    expect(zhouLed).toContain("本轮排查已全部完成");
    const rounds = await f.app.store.transaction(async (repo) => repo.checks.roundsIn([(await repo.findUnitByName("宏建建筑公司"))!.id], new Date(0), new Date("2030-01-01")));
    expect(rounds.map((r) => [r.round.frequency, r.round.period, r.round.ledById !== null, r.round.completedAt !== null])).toEqual([["LEADER", "2026-Q4", true, true]]);
    await f.close();
  });

  test("a leader-led round not led by its deadline is chased to the leaders, then to the regulator", { timeout: 300_000 }, async () => {
    const f = await createFixture({ now: "2026-10-30T02:00:00Z" });
    await seed(f);
    const li = f.chat.as("李主任").in("化工厂群");
    await li.say("检查清单 采用 危化");
    await li.say("排查计划 带队 09:00");
    const sent: OutgoingMessage[] = [];
    const tick = async (day: string) => {
      f.clock.set(shanghai(day, "09:05"));
      await runCheckRounds(f.app.deps, async (m) => void sent.push(m));
    };
    await tick("2026-11-02");
    await li.say("排查 带队 全部正常"); // answered, never signed
    await tick("2026-12-01"); // the working day after the deadline (30 November)
    const reminders = sent.filter((m) => m.text.startsWith("【带队检查未完成】"));
    expect(reminders.map((m) => m.chatId).sort()).toEqual(["dm:赵厂长", "化工厂群"]);
    expect(reminders[0]!.text).toContain("各项已回答，但还没有主要负责人或实际控制人带队签字");
    await tick("2026-12-02");
    const escalated = sent.filter((m) => m.text.startsWith("【带队检查逾期】"));
    expect(escalated.map((m) => m.chatId).sort()).toEqual(["dm:赵厂长", "县局群"]);
    expect(escalated[0]!.text).toContain("城关化工厂 的主要负责人带队检查（2026年11月）期限 2026-11-30 已过");
    expect(escalated[0]!.text).toContain("未经主要负责人或实际控制人带队");
    await f.close();
  });
});

describe("hints from the unit's own standard, and findings that say what is wrong", () => {
  test("a chemical plant's confined space is judged by the chemical standard, a machine works' by the 工贸 one; a finding opens with the finding", { timeout: 300_000 }, async () => {
    const f = await createFixture({ now: "2026-11-30T02:00:00Z" });
    await seed(f);
    const text = "报隐患 储罐内受限空间作业没通风就直接下去了";
    const chem = (await f.chat.as("张三").in("化工厂群").say(text)).join();
    expect(chem).toContain("《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十八项");
    expect(chem).not.toContain("工贸企业重大事故隐患判定标准");
    await f.chat.as("孙师傅").in("机械厂群").say("我的身份");
    const machine = (await f.chat.as("孙师傅").in("机械厂群").say(text)).join();
    expect(machine).toContain("《工贸企业重大事故隐患判定标准》第十三条");
    expect(machine).not.toContain("化工和危险化学品");

    const li = f.chat.as("李主任").in("化工厂群");
    await li.say("检查清单 采用 危化");
    await li.say("排查计划 每日 08:30");
    f.clock.set("2026-12-01T00:35:00Z");
    await runCheckRounds(f.app.deps, async () => undefined);
    const filed = (await li.say("排查 日 3异常 动火作业票证缺失 其余正常")).join();
    expect(filed).toContain("已登记隐患");
    const hazards = await f.app.store.transaction((repo) => repo.listHazards({ unitPaths: ["/"], limit: 50 }));
    const finding = hazards.find((h) => h.source === "SELF")!;
    expect(finding.description).toBe("【自查】动火作业票证缺失（检查项：动火、受限空间等特殊作业票证齐全，现场有人监护）");
    await f.close();
  });
});
