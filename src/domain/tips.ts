import { addDays } from "./dates.ts";

/**
 * 有奖举报: the rules of a tip that involve no I/O — its kinds and states, its deadlines, and the reward.
 * Defaults follow 《安全生产领域举报奖励办法》(2018); a deployment overrides any reward rule (see `RewardRules`).
 */

export const TIP_KINDS = ["MAJOR_HAZARD", "ILLEGAL_OPERATION", "CONCEALED_ACCIDENT", "OTHER"] as const;
export type TipKind = (typeof TIP_KINDS)[number];

export const TIP_STATUSES = ["NEW", "INVESTIGATING", "SUBSTANTIATED", "UNSUBSTANTIATED", "CLOSED"] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
/** Every status but CLOSED: a tip still being handled. */
export const OPEN_TIP_STATUSES: readonly TipStatus[] = TIP_STATUSES.filter((s) => s !== "CLOSED");

export const REWARD_STATES = ["NONE", "CLAIMED", "APPROVED", "PAID"] as const;
export type RewardState = (typeof REWARD_STATES)[number];

/** 一般 / 较大 / 重大 / 特别重大 事故. */
export const ACCIDENT_GRADES = ["GENERAL", "LARGER", "MAJOR", "ESPECIALLY_MAJOR"] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

/** The steps of a tip's history (`TipEvent.kind`). */
export const TIP_EVENT_KINDS = [
  "RECEIVED", "OPENED", "QUESTION", "FEEDBACK", "REPLY", "FINDING", "EXTENDED", "HAZARD", "FINE", "ACCIDENT",
  "SAME_AS", "CLAIMED", "REWARD_APPROVED", "PAID", "NAMED", "ANONYMOUS", "CLOSED", "KIND",
] as const;
export type TipEventKind = (typeof TIP_EVENT_KINDS)[number];

export const TIP_NUMBER_PREFIX = "JB";

/** `JB-2026-000012`: the handlers' number of a tip (the tipster has the receipt code instead). */
export function formatTipNumber(year: number, id: number): string {
  return `${TIP_NUMBER_PREFIX}-${year}-${String(id).padStart(6, "0")}`;
}

/** `JB-2026-000012`, `jb2026000012` or the bare id `12`; the year, when given, must be the tip's. */
export function parseTipNumber(input: string): { id: number; year: number | null } | null {
  const s = input.trim().toUpperCase().replace(/[\s-]/g, "");
  const m = /^(?:JB(\d{4}))?(\d{1,9})$/.exec(s);
  if (!m) return null;
  const id = Number(m[2]);
  return id > 0 ? { id, year: m[1] ? Number(m[1]) : null } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines: investigate within 60 days of receipt (once extendable by 30), tell the tipster within N days of the
// finding. Calendar days, on Asia/Shanghai dates (`YYYY-MM-DD`).

export const INVESTIGATION_DAYS = 60;
export const EXTENSION_DAYS = 30;

export interface TipClock {
  status: TipStatus;
  receivedOn: string;
  extended: boolean;
  findingOn: string | null;
  feedbackOn: string | null;
}

export function investigateBy(t: Pick<TipClock, "receivedOn" | "extended">): string {
  return addDays(t.receivedOn, INVESTIGATION_DAYS + (t.extended ? EXTENSION_DAYS : 0));
}

export function feedbackBy(t: Pick<TipClock, "findingOn">, feedbackDays: number): string | null {
  return t.findingOn ? addDays(t.findingOn, feedbackDays) : null;
}

/** What is late on `today`: the finding, or the feedback after it; `null` when nothing is. */
export function tipOverdue(t: TipClock, today: string, feedbackDays: number): "investigation" | "feedback" | null {
  if (t.status === "CLOSED") return null;
  if (!t.findingOn) return today > investigateBy(t) ? "investigation" : null;
  if (!t.feedbackOn && today > feedbackBy(t, feedbackDays)!) return "feedback";
  return null;
}

/** Whether a handler may record a finding now (only before one is recorded; a closed tip is final). */
export function canRecordFinding(status: TipStatus): boolean {
  return status === "NEW" || status === "INVESTIGATING";
}

// ---------------------------------------------------------------------------------------------------------------
// Rewards. Amounts in whole yuan.

export type RewardRule =
  /** A share of the fine, never below `min` (also when there is no fine) and never above `max`. */
  | { type: "fine-share"; rate: number; min: number; max: number }
  /** A sum per concealed or falsely reported death, by the accident's grade, at most `max`. */
  | { type: "per-death"; perDeath: Record<AccidentGrade, number>; max: number }
  | { type: "fixed"; amount: number }
  | { type: "none" };

export type RewardRules = Record<TipKind, RewardRule>;

export const DEFAULT_REWARD_RULES: RewardRules = {
  MAJOR_HAZARD: { type: "fine-share", rate: 0.15, min: 3000, max: 300000 },
  ILLEGAL_OPERATION: { type: "fine-share", rate: 0.15, min: 3000, max: 300000 },
  CONCEALED_ACCIDENT: {
    type: "per-death",
    perDeath: { GENERAL: 30000, LARGER: 40000, MAJOR: 50000, ESPECIALLY_MAJOR: 60000 },
    max: 300000,
  },
  OTHER: { type: "none" },
};

export interface RewardFacts {
  kind: TipKind;
  /** The finding: only a substantiated tip earns anything. */
  substantiated: boolean | null;
  /** Whether this tip was the first on the same facts (a later one on the same facts earns nothing). */
  first: boolean;
  fineYuan: number | null;
  accident: { grade: AccidentGrade; deaths: number } | null;
  /** The level the regulator gave the hazard made from the tip, if one was made. */
  hazardLevel?: "GENERAL" | "MAJOR" | null;
}

/** One line of the arithmetic, as a prompt id and its arguments, so the handler sees how the sum came about. */
export interface RewardStep {
  id: string;
  args: Record<string, string | number>;
}

export interface RewardResult {
  amount: number;
  steps: RewardStep[];
}

const none = (id: string, args: Record<string, string | number> = {}): RewardResult => ({ amount: 0, steps: [{ id, args }] });

/**
 * The reward a tip earns under `rules`, with its arithmetic. It follows what was found, not what the tipster chose: a
 * tip of a major hazard whose hazard the regulator rated general earns as a tip of another kind (`OTHER`), and says so.
 */
export function computeReward(rules: RewardRules, f: RewardFacts): RewardResult {
  if (f.substantiated !== true) return none("reward-step-not-substantiated");
  if (!f.first) return none("reward-step-not-first");
  if (f.kind === "MAJOR_HAZARD" && f.hazardLevel === "GENERAL") {
    const r = computeReward(rules, { ...f, kind: "OTHER", hazardLevel: null });
    return { amount: r.amount, steps: [{ id: "reward-step-found-general", args: {} }, ...r.steps] };
  }
  const rule = rules[f.kind];
  switch (rule.type) {
    case "none":
      return none("reward-step-none");
    case "fixed":
      return { amount: rule.amount, steps: [{ id: "reward-step-fixed", args: { amount: rule.amount } }] };
    case "fine-share": {
      const pct = Math.round(rule.rate * 10000) / 100;
      if (!f.fineYuan) return { amount: rule.min, steps: [{ id: "reward-step-no-fine", args: { min: rule.min } }] };
      const raw = Math.round(f.fineYuan * rule.rate);
      const steps: RewardStep[] = [{ id: "reward-step-share", args: { fine: f.fineYuan, pct, raw } }];
      if (raw < rule.min) {
        steps.push({ id: "reward-step-min", args: { min: rule.min } });
        return { amount: rule.min, steps };
      }
      if (raw > rule.max) {
        steps.push({ id: "reward-step-max", args: { max: rule.max } });
        return { amount: rule.max, steps };
      }
      return { amount: raw, steps };
    }
    case "per-death": {
      if (!f.accident || f.accident.deaths <= 0) return none("reward-step-need-accident");
      const per = rule.perDeath[f.accident.grade];
      const raw = per * f.accident.deaths;
      const steps: RewardStep[] = [
        { id: "reward-step-per-death", args: { deaths: f.accident.deaths, grade: f.accident.grade, per, raw } },
      ];
      if (raw > rule.max) {
        steps.push({ id: "reward-step-max", args: { max: rule.max } });
        return { amount: rule.max, steps };
      }
      return { amount: raw, steps };
    }
  }
}
