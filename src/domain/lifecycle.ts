import type { HazardLevel, HazardStatus } from "./types.ts";

/**
 * What can be done to a hazard, and the status it leads to.
 * `supervise`/`unsupervise` (挂牌督办) do not move the status; they are allowed while the hazard is open.
 * `fix` is 即查即改: a general hazard fixed on the spot closes at once, without a five-part plan.
 * `apply` (申请销号) and `return` (退回) are the two-step close-out of a supervised hazard.
 */
export type HazardAction =
  | "confirm" | "reject" | "duplicate" | "withdraw" | "fix" | "plan" | "rectified" | "apply" | "return" | "close"
  | "supervise" | "unsupervise";

const MOVES: Record<HazardStatus, Partial<Record<HazardAction, HazardStatus>>> = {
  REPORTED: { confirm: "CONFIRMED", reject: "REJECTED", duplicate: "DUPLICATE", withdraw: "WITHDRAWN", fix: "CLOSED" },
  // A plan may be revised while rectification runs; the old one stays in the event history.
  CONFIRMED: { fix: "CLOSED", plan: "RECTIFYING", supervise: "CONFIRMED", unsupervise: "CONFIRMED" },
  RECTIFYING: { plan: "RECTIFYING", rectified: "RECTIFIED", supervise: "RECTIFYING", unsupervise: "RECTIFYING" },
  RECTIFIED: { apply: "RECTIFIED", return: "RECTIFYING", close: "CLOSED", supervise: "RECTIFIED", unsupervise: "RECTIFIED" },
  CLOSED: {},
  REJECTED: {},
  DUPLICATE: {},
  WITHDRAWN: {},
};

/** The status an action leads to, or `null` when the action is not allowed from `status`. */
export function nextStatus(status: HazardStatus, action: HazardAction): HazardStatus | null {
  return MOVES[status][action] ?? null;
}

/** The actions allowed from `status`, in lifecycle order: what a refusal offers instead. */
export function allowedActions(status: HazardStatus): HazardAction[] {
  return Object.keys(MOVES[status]) as HazardAction[];
}

/**
 * Whether a hazard closes only after a regulator's review (审核把关销号, seed 003 第7条): every major hazard, listed for
 * supervision or not. The enterprise applies (`apply`), the regulator above (or the one that listed it) accepts (`close`)
 * or returns it (`return`). A general hazard is closed by its own unit.
 */
export function needsReview(h: { level: HazardLevel | null }): boolean {
  return h.level === "MAJOR";
}

/**
 * What may be done to this hazard now, in lifecycle order: the status's moves, less those its facts rule out (a general
 * hazard is neither listed nor reviewed; a major one is never fixed on the spot; only a listed one is de-listed).
 */
export function possibleActions(h: { status: HazardStatus; level: HazardLevel | null; supervised: boolean }): HazardAction[] {
  return allowedActions(h.status).filter((a) => {
    if (a === "unsupervise") return h.supervised;
    if (a === "supervise") return h.level === "MAJOR";
    if (a === "apply" || a === "return") return needsReview(h);
    if (a === "fix") return h.level !== "MAJOR";
    return true;
  });
}

/** Open hazards still need work; only open hazards can be overdue. */
export function isOpen(status: HazardStatus): boolean {
  return status === "REPORTED" || status === "CONFIRMED" || status === "RECTIFYING";
}

/** Done with: closed, or no hazard at all (rejected, a duplicate, withdrawn). Takes no more photos. */
export function isFinal(status: HazardStatus): boolean {
  return status === "CLOSED" || status === "REJECTED" || status === "DUPLICATE" || status === "WITHDRAWN";
}

/**
 * A hazard's photos by when they were taken: before (the report's own, and any added while it was open), after (sent
 * with 已整改, or added once rectified or closed), and those sent with the plan.
 */
export function photosOf(
  reported: readonly string[],
  steps: readonly { kind: string; toStatus: HazardStatus; attachments?: readonly string[] | null }[],
): { before: string[]; after: string[]; plan: string[] } {
  const before = [...reported];
  const after: string[] = [];
  const plan: string[] = [];
  for (const e of steps) {
    const refs = e.attachments ?? [];
    if (refs.length === 0) continue;
    if (e.toStatus === "RECTIFIED" || e.toStatus === "CLOSED") after.push(...refs);
    else if (e.kind === "PLAN") plan.push(...refs);
    else before.push(...refs);
  }
  return { before, after, plan };
}

/** Counted as found (发现) in statistics: confirmed with a level, whatever happened after. */
export function isFound(status: HazardStatus): boolean {
  return status !== "REPORTED" && status !== "REJECTED" && status !== "DUPLICATE" && status !== "WITHDRAWN";
}

// How a 五到位 part says nothing: it names no person, measure, money or plan.
const EMPTY_PART = /^(?:无|没有|暂无|待定|未定|不详|无需|-+|—+|－+|\/|none|n\/a|na|tbd|nil|null)$/i;

/** Whether a part of a rectification plan says nothing (无, 没有, -, 暂无, 待定 …): a plan must name each part. */
export function saysNothing(value: string): boolean {
  return EMPTY_PART.test(value.trim().replace(/[。.!！]+$/, ""));
}

/** Counted as rectified (已整改) in statistics. */
export function isRectified(status: HazardStatus): boolean {
  return status === "RECTIFIED" || status === "CLOSED";
}

/**
 * Overdue: a deadline (rectification or supervision) before `today` and not yet rectified.
 * Dates are Asia/Shanghai calendar days as `YYYY-MM-DD`, so string comparison orders them.
 */
export function isOverdue(
  h: { status: HazardStatus; deadline: string | null; supervisedDeadline: string | null },
  today: string,
): boolean {
  if (!isOpen(h.status)) return false;
  return [h.deadline, h.supervisedDeadline].some((d) => d !== null && d < today);
}
