import { describe, expect, test } from "vitest";
import {
  DEFAULT_REWARD_RULES,
  computeReward,
  feedbackBy,
  formatTipNumber,
  investigateBy,
  parseTipNumber,
  tipOverdue,
  type RewardFacts,
  type RewardRules,
  type TipClock,
} from "../../src/domain/tips.ts";

const facts = (f: Partial<RewardFacts>): RewardFacts => ({
  kind: "MAJOR_HAZARD",
  substantiated: true,
  first: true,
  fineYuan: null,
  accident: null,
  ...f,
});
const reward = (f: Partial<RewardFacts>, rules: RewardRules = DEFAULT_REWARD_RULES) => computeReward(rules, facts(f));

describe("reward rules (《安全生产领域举报奖励办法》 defaults)", () => {
  test.each(["MAJOR_HAZARD", "ILLEGAL_OPERATION"] as const)("%s: 15%% of the fine", (kind) => {
    const r = reward({ kind, fineYuan: 100000 });
    expect(r.amount).toBe(15000);
    expect(r.steps).toEqual([{ id: "reward-step-share", args: { fine: 100000, pct: 15, raw: 15000 } }]);
  });

  test("no fine: the minimum, ¥3,000", () => {
    expect(reward({ fineYuan: null })).toEqual({ amount: 3000, steps: [{ id: "reward-step-no-fine", args: { min: 3000 } }] });
    expect(reward({ fineYuan: 0 }).amount).toBe(3000);
  });

  test("a small fine: raised to the minimum, with the arithmetic", () => {
    const r = reward({ fineYuan: 10000 });
    expect(r.amount).toBe(3000);
    expect(r.steps.map((s) => s.id)).toEqual(["reward-step-share", "reward-step-min"]);
    expect(r.steps[0]!.args.raw).toBe(1500);
  });

  test("the edges of the minimum: exactly 20,000 gives 3,000 without raising", () => {
    expect(reward({ fineYuan: 20000 }).steps.map((s) => s.id)).toEqual(["reward-step-share"]);
    expect(reward({ fineYuan: 20001 }).amount).toBe(3000);
    expect(reward({ fineYuan: 19900 }).steps.map((s) => s.id)).toEqual(["reward-step-share", "reward-step-min"]);
  });

  test("the cap: ¥300,000 at most", () => {
    expect(reward({ fineYuan: 2_000_000 }).steps.map((s) => s.id)).toEqual(["reward-step-share"]);
    expect(reward({ fineYuan: 2_000_000 }).amount).toBe(300000);
    const r = reward({ fineYuan: 5_000_000 });
    expect(r.amount).toBe(300000);
    expect(r.steps.map((s) => s.id)).toEqual(["reward-step-share", "reward-step-max"]);
    expect(r.steps[0]!.args.raw).toBe(750000);
  });

  test("fractions round to the yuan", () => {
    expect(reward({ fineYuan: 123457 }).amount).toBe(18519);
  });

  test.each([
    ["GENERAL", 1, 30000],
    ["LARGER", 1, 40000],
    ["MAJOR", 1, 50000],
    ["ESPECIALLY_MAJOR", 1, 60000],
    ["GENERAL", 3, 90000],
    ["LARGER", 7, 280000],
  ] as const)("concealed %s accident, %i death(s): ¥%i", (grade, deaths, amount) => {
    const r = reward({ kind: "CONCEALED_ACCIDENT", accident: { grade, deaths } });
    expect(r.amount).toBe(amount);
    expect(r.steps).toHaveLength(1);
  });

  test("several deaths hit the cap", () => {
    const r = reward({ kind: "CONCEALED_ACCIDENT", accident: { grade: "MAJOR", deaths: 10 } });
    expect(r.amount).toBe(300000);
    expect(r.steps.map((s) => s.id)).toEqual(["reward-step-per-death", "reward-step-max"]);
    expect(r.steps[0]!.args).toMatchObject({ deaths: 10, per: 50000, raw: 500000 });
  });

  test("a concealed accident without its facts earns nothing yet, and says which facts are missing", () => {
    expect(reward({ kind: "CONCEALED_ACCIDENT" })).toEqual({ amount: 0, steps: [{ id: "reward-step-need-accident", args: {} }] });
    expect(reward({ kind: "CONCEALED_ACCIDENT", accident: { grade: "GENERAL", deaths: 0 } }).amount).toBe(0);
  });

  test("nothing for an unsubstantiated tip, one not yet decided, or a later tip on the same facts", () => {
    expect(reward({ substantiated: false, fineYuan: 100000 }).steps[0]!.id).toBe("reward-step-not-substantiated");
    expect(reward({ substantiated: null }).amount).toBe(0);
    expect(reward({ first: false, fineYuan: 100000 })).toEqual({ amount: 0, steps: [{ id: "reward-step-not-first", args: {} }] });
  });

  test("other tips earn nothing by default; a deployment may override any rule", () => {
    expect(reward({ kind: "OTHER" }).steps[0]!.id).toBe("reward-step-none");
    const rules: RewardRules = { ...DEFAULT_REWARD_RULES, OTHER: { type: "fixed", amount: 500 }, MAJOR_HAZARD: { type: "fine-share", rate: 0.2, min: 5000, max: 100000 } };
    expect(reward({ kind: "OTHER" }, rules).amount).toBe(500);
    expect(reward({ fineYuan: 100000 }, rules).amount).toBe(20000);
    expect(reward({ fineYuan: null }, rules).amount).toBe(5000);
    expect(reward({ fineYuan: 1_000_000 }, rules).amount).toBe(100000);
  });
});

describe("tip deadlines", () => {
  const tip = (t: Partial<TipClock>): TipClock => ({
    status: "NEW", receivedOn: "2026-11-10", extended: false, findingOn: null, feedbackOn: null, ...t,
  });

  test("investigate within 60 days of receipt, 90 when extended", () => {
    expect(investigateBy(tip({}))).toBe("2027-01-09");
    expect(investigateBy(tip({ extended: true }))).toBe("2027-02-08");
    expect(investigateBy(tip({ receivedOn: "2028-01-01" }))).toBe("2028-03-01"); // a leap year
  });

  test("overdue the day after the last day, not on it", () => {
    expect(tipOverdue(tip({}), "2027-01-09", 10)).toBeNull();
    expect(tipOverdue(tip({}), "2027-01-10", 10)).toBe("investigation");
    expect(tipOverdue(tip({ extended: true }), "2027-01-10", 10)).toBeNull();
  });

  test("after the finding, feedback within the configured days", () => {
    const found = tip({ status: "SUBSTANTIATED", findingOn: "2026-12-01" });
    expect(feedbackBy(found, 10)).toBe("2026-12-11");
    expect(tipOverdue(found, "2026-12-11", 10)).toBeNull();
    expect(tipOverdue(found, "2026-12-12", 10)).toBe("feedback");
    expect(tipOverdue(found, "2026-12-12", 15)).toBeNull();
    expect(tipOverdue({ ...found, feedbackOn: "2026-12-20" }, "2027-06-01", 10)).toBeNull();
    expect(tipOverdue({ ...found, status: "CLOSED" }, "2027-06-01", 10)).toBeNull();
    expect(feedbackBy(tip({}), 10)).toBeNull();
  });
});

describe("tip numbers", () => {
  test("JB-<year>-<id>, read back with or without dashes, or by id", () => {
    expect(formatTipNumber(2026, 12)).toBe("JB-2026-000012");
    expect(parseTipNumber("JB-2026-000012")).toEqual({ id: 12, year: 2026 });
    expect(parseTipNumber("jb2026000012")).toEqual({ id: 12, year: 2026 });
    expect(parseTipNumber("12")).toEqual({ id: 12, year: null });
    expect(parseTipNumber("YH-2026-000012")).toBeNull();
    expect(parseTipNumber("0")).toBeNull();
    expect(parseTipNumber("")).toBeNull();
  });
});
