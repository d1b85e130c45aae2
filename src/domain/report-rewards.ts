import type { HazardLevel } from "./types.ts";
import { toHalfWidth } from "./dates.ts";

/**
 * 事故隐患报告奖励: what a worker's confirmed hazard report earns in their unit — money (yuan) and recognition points by
 * level, a bonus for the first reporter of a hazard others reported again, an optional monthly cap per person, and
 * where the reporter is told. Rejected and duplicate reports earn nothing. Rules are data; a unit overrides any.
 */
export interface ReportRewardRules {
  general: number;
  major: number;
  pointsGeneral: number;
  pointsMajor: number;
  firstBonus: number;
  /** Most a person earns in a month (yuan); null: no cap. */
  monthlyCap: number | null;
  /** Tell the reporter in the group they reported in, or privately. */
  notify: "group" | "private";
}

/** Modest defaults: ¥50 for a general hazard, ¥1,000 for a major one (重奖), a ¥20 first-reporter bonus, no cap. */
export const DEFAULT_REPORT_REWARDS: ReportRewardRules = {
  general: 50,
  major: 1000,
  pointsGeneral: 1,
  pointsMajor: 10,
  firstBonus: 20,
  monthlyCap: null,
  notify: "group",
};

export interface Earning {
  amount: number;
  points: number;
  /** The arithmetic, as prompt ids and arguments. */
  steps: { id: string; args: Record<string, string | number> }[];
}

/** What a report confirmed at `level` earns, given what the person already earned this month. */
export function earnFor(rules: ReportRewardRules, level: HazardLevel, earnedThisMonth: number): Earning {
  const base = level === "MAJOR" ? rules.major : rules.general;
  const points = level === "MAJOR" ? rules.pointsMajor : rules.pointsGeneral;
  return capped(rules, base, points, earnedThisMonth, { id: "earn-step-level", args: { level, amount: base, points } });
}

/** The first reporter's bonus, when a later report of the same hazard is found a duplicate. */
export function firstBonus(rules: ReportRewardRules, earnedThisMonth: number): Earning {
  return capped(rules, rules.firstBonus, 0, earnedThisMonth, { id: "earn-step-first", args: { amount: rules.firstBonus } });
}

function capped(rules: ReportRewardRules, amount: number, points: number, earned: number, step: Earning["steps"][number]): Earning {
  const steps = [step];
  if (rules.monthlyCap !== null && earned + amount > rules.monthlyCap) {
    const left = Math.max(0, rules.monthlyCap - earned);
    steps.push({ id: "earn-step-cap", args: { cap: rules.monthlyCap, earned, amount: left } });
    return { amount: left, points, steps };
  }
  return { amount, points, steps };
}

const KEYS: Record<string, keyof ReportRewardRules> = {
  一般: "general", 一般隐患: "general", general: "general",
  重大: "major", 重大隐患: "major", major: "major",
  积分一般: "pointsGeneral", "points-general": "pointsGeneral",
  积分重大: "pointsMajor", "points-major": "pointsMajor",
  首报: "firstBonus", 首报奖励: "firstBonus", first: "firstBonus",
  上限: "monthlyCap", 月上限: "monthlyCap", cap: "monthlyCap",
  通知: "notify", notify: "notify",
};

/** Why a rule was not taken: a word it does not know, or a value below zero or above `MAX_RULE_VALUE`. */
export type RuleParse =
  | { ok: true; changes: Partial<ReportRewardRules> }
  | { ok: false; word: string; reason?: "negative" | "too-large"; value?: string };

/** The largest amount or point count a rule takes (seven digits). */
export const MAX_RULE_VALUE = 9_999_999;

/** `一般=50 重大=1000 首报=20 上限=500|无 通知=群|私聊`: the rules to change. */
export function parseRuleChanges(text: string): RuleParse {
  const pairs = [...toHalfWidth(text).matchAll(/([^\s=:：]+)\s*[=:：]\s*(\S+)/g)];
  if (pairs.length === 0) return { ok: false, word: "" };
  const changes: Partial<ReportRewardRules> = {};
  for (const [, word, raw] of pairs) {
    const w = word!.toLowerCase();
    // Own keys only: `constructor=5` names no rule.
    const key = Object.hasOwn(KEYS, w) ? KEYS[w] : undefined;
    if (!key) return { ok: false, word: word! };
    const v = raw!.toLowerCase();
    if (key === "notify") {
      if (["群", "群里", "group"].includes(v)) changes.notify = "group";
      else if (["私聊", "private"].includes(v)) changes.notify = "private";
      else return { ok: false, word: word! };
    } else if (key === "monthlyCap" && ["无", "不限", "none"].includes(v)) {
      changes.monthlyCap = null;
    } else if (/^\d{1,7}$/.test(v)) {
      (changes as Record<string, number>)[key] = Number(v);
    } else if (/^[-−]\d+$/.test(v)) {
      return { ok: false, word: word!, reason: "negative", value: raw! };
    } else if (/^\d+$/.test(v)) {
      return { ok: false, word: word!, reason: "too-large", value: raw! };
    } else {
      return { ok: false, word: word! };
    }
  }
  return { ok: true, changes };
}

/** 张三 → 张*, 欧阳小明 → 欧***; Zhang San → Z********: a name on the honour roll of someone who asked not to be shown. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(chars.length - 1);
}
