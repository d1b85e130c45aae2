import { describe, expect, test } from "vitest";
import {
  allowedActions,
  isFinal,
  isFound,
  isOpen,
  isOverdue,
  isRectified,
  nextStatus,
  photosOf,
  type HazardAction,
} from "../../src/domain/lifecycle.ts";
import { HAZARD_STATUSES, type HazardStatus } from "../../src/domain/types.ts";

const ACTIONS = ["confirm", "reject", "duplicate", "withdraw", "fix", "plan", "rectified", "apply", "return", "close", "supervise", "unsupervise"] as const satisfies readonly HazardAction[];
// Fails to compile if HazardAction gains a member that ACTIONS does not list.
const _everyAction: [Exclude<HazardAction, (typeof ACTIONS)[number]>] extends [never] ? true : never = true;
void _everyAction;

/** The whole transition table, written out: every status x every action, `null` where refused. */
const EXPECTED: Record<HazardStatus, Record<HazardAction, HazardStatus | null>> = {
  REPORTED: {
    confirm: "CONFIRMED",
    reject: "REJECTED",
    duplicate: "DUPLICATE",
    withdraw: "WITHDRAWN",
    fix: "CLOSED",
    plan: null,
    rectified: null,
    apply: null,
    return: null,
    close: null,
    supervise: null,
    unsupervise: null,
  },
  CONFIRMED: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: "CLOSED",
    plan: "RECTIFYING",
    rectified: null,
    apply: null,
    return: null,
    close: null,
    supervise: "CONFIRMED",
    unsupervise: "CONFIRMED",
  },
  RECTIFYING: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: null,
    plan: "RECTIFYING",
    rectified: "RECTIFIED",
    apply: null,
    return: null,
    close: null,
    supervise: "RECTIFYING",
    unsupervise: "RECTIFYING",
  },
  RECTIFIED: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: null,
    plan: null,
    rectified: null,
    apply: "RECTIFIED",
    return: "RECTIFYING",
    close: "CLOSED",
    supervise: "RECTIFIED",
    unsupervise: "RECTIFIED",
  },
  CLOSED: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: null,
    plan: null,
    rectified: null,
    apply: null,
    return: null,
    close: null,
    supervise: null,
    unsupervise: null,
  },
  REJECTED: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: null,
    plan: null,
    rectified: null,
    apply: null,
    return: null,
    close: null,
    supervise: null,
    unsupervise: null,
  },
  DUPLICATE: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: null,
    plan: null,
    rectified: null,
    apply: null,
    return: null,
    close: null,
    supervise: null,
    unsupervise: null,
  },
  WITHDRAWN: {
    confirm: null,
    reject: null,
    duplicate: null,
    withdraw: null,
    fix: null,
    plan: null,
    rectified: null,
    apply: null,
    return: null,
    close: null,
    supervise: null,
    unsupervise: null,
  },
};

const PAIRS = HAZARD_STATUSES.flatMap((status) => ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] })));

describe("nextStatus", () => {
  test("the table covers all 8 statuses × 12 actions", () => {
    expect(PAIRS).toHaveLength(96);
  });

  test.each(PAIRS)("$status --$action--> $to", ({ status, action, to }) => {
    expect(nextStatus(status, action)).toBe(to);
  });

  test("supervise and unsupervise never move the status", () => {
    for (const status of HAZARD_STATUSES) {
      for (const action of ["supervise", "unsupervise"] as const) {
        const to = nextStatus(status, action);
        if (to !== null) expect(to).toBe(status);
      }
    }
  });

  test("closed, rejected, duplicate and withdrawn are final", () => {
    for (const action of ACTIONS) {
      for (const final of ["CLOSED", "REJECTED", "DUPLICATE", "WITHDRAWN"] as const) expect(nextStatus(final, action)).toBeNull();
    }
  });
});

describe("allowedActions", () => {
  test.each([
    ["REPORTED", ["confirm", "reject", "duplicate", "withdraw", "fix"]],
    ["CONFIRMED", ["fix", "plan", "supervise", "unsupervise"]],
    ["RECTIFYING", ["plan", "rectified", "supervise", "unsupervise"]],
    ["RECTIFIED", ["apply", "return", "close", "supervise", "unsupervise"]],
    ["CLOSED", []],
    ["REJECTED", []],
    ["DUPLICATE", []],
    ["WITHDRAWN", []],
  ] as const)("%s offers %j, in lifecycle order", (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });

  test("agrees with nextStatus for every pair", () => {
    for (const { status, action, to } of PAIRS) {
      expect(allowedActions(status).includes(action)).toBe(to !== null);
    }
  });

  test("lists actions in the order of ACTIONS (lifecycle order)", () => {
    for (const status of HAZARD_STATUSES) {
      const allowed = allowedActions(status);
      expect(allowed).toEqual(ACTIONS.filter((a) => allowed.includes(a)));
    }
  });
});

describe("status predicates", () => {
  test.each([
    // status,      open,  found, rectified
    ["REPORTED", true, false, false],
    ["CONFIRMED", true, true, false],
    ["RECTIFYING", true, true, false],
    ["RECTIFIED", false, true, true],
    ["CLOSED", false, true, true],
    ["REJECTED", false, false, false],
    ["DUPLICATE", false, false, false],
    ["WITHDRAWN", false, false, false],
  ] as const)("%s: open=%s found=%s rectified=%s", (status, open, found, rectified) => {
    expect(isOpen(status)).toBe(open);
    expect(isFound(status)).toBe(found);
    expect(isRectified(status)).toBe(rectified);
  });

  test("every rectified hazard was found", () => {
    for (const s of HAZARD_STATUSES) if (isRectified(s)) expect(isFound(s)).toBe(true);
  });
});

describe("isOverdue", () => {
  const TODAY = "2026-11-20";
  const hazard = (status: HazardStatus, deadline: string | null, supervisedDeadline: string | null = null) => ({
    status,
    deadline,
    supervisedDeadline,
  });
  const OPEN = HAZARD_STATUSES.filter(isOpen);
  const NOT_OPEN = HAZARD_STATUSES.filter((s) => !isOpen(s));

  test("open statuses are REPORTED, CONFIRMED, RECTIFYING", () => {
    expect(OPEN).toEqual(["REPORTED", "CONFIRMED", "RECTIFYING"]);
  });

  test.each(OPEN)("%s with a deadline before today is overdue", (status) => {
    expect(isOverdue(hazard(status, "2026-11-19"), TODAY)).toBe(true);
    expect(isOverdue(hazard(status, "2025-12-31"), TODAY)).toBe(true);
  });

  test.each(OPEN)("%s with a supervision deadline before today is overdue", (status) => {
    expect(isOverdue(hazard(status, null, "2026-11-19"), TODAY)).toBe(true);
    expect(isOverdue(hazard(status, "2026-12-31", "2026-11-01"), TODAY)).toBe(true);
    expect(isOverdue(hazard(status, "2026-11-01", "2026-12-31"), TODAY)).toBe(true);
  });

  test.each(OPEN)("%s due today is not yet overdue", (status) => {
    expect(isOverdue(hazard(status, TODAY), TODAY)).toBe(false);
    expect(isOverdue(hazard(status, null, TODAY), TODAY)).toBe(false);
    expect(isOverdue(hazard(status, TODAY, TODAY), TODAY)).toBe(false);
  });

  test.each(OPEN)("%s due later or without a deadline is not overdue", (status) => {
    expect(isOverdue(hazard(status, "2026-11-21"), TODAY)).toBe(false);
    expect(isOverdue(hazard(status, "2027-01-01", "2026-12-01"), TODAY)).toBe(false);
    expect(isOverdue(hazard(status, null, null), TODAY)).toBe(false);
  });

  test.each(NOT_OPEN)("%s is never overdue, however old the deadlines", (status) => {
    expect(isOverdue(hazard(status, "2020-01-01", "2020-01-01"), TODAY)).toBe(false);
    expect(isOverdue(hazard(status, "2026-11-19"), TODAY)).toBe(false);
    expect(isOverdue(hazard(status, null, "2026-11-19"), TODAY)).toBe(false);
  });

  test("compares calendar days across month and year boundaries", () => {
    expect(isOverdue(hazard("CONFIRMED", "2026-12-31"), "2027-01-01")).toBe(true);
    expect(isOverdue(hazard("CONFIRMED", "2026-09-30"), "2026-10-01")).toBe(true);
    expect(isOverdue(hazard("CONFIRMED", "2026-10-01"), "2026-09-30")).toBe(false);
  });
});

describe("evidence", () => {
  test("isFinal: closed, or no hazard at all; every other state still takes photos", () => {
    const final = HAZARD_STATUSES.filter((s) => isFinal(s));
    expect(final).toEqual(["CLOSED", "REJECTED", "DUPLICATE", "WITHDRAWN"]);
  });

  test("photosOf: the report's and those added while open are before; 已整改's and those added after are after; the plan's apart", () => {
    const got = photosOf(
      ["r1", "r2"],
      [
        { kind: "CONFIRMED", toStatus: "CONFIRMED", attachments: [] },
        { kind: "PHOTOS", toStatus: "CONFIRMED", attachments: ["b1"] },
        { kind: "PLAN", toStatus: "RECTIFYING", attachments: ["p1"] },
        { kind: "RECTIFIED", toStatus: "RECTIFIED", attachments: ["a1"] },
        { kind: "PHOTOS", toStatus: "RECTIFIED", attachments: ["a2"] },
        { kind: "CLOSED", toStatus: "CLOSED", attachments: null },
      ],
    );
    expect(got).toEqual({ before: ["r1", "r2", "b1"], after: ["a1", "a2"], plan: ["p1"] });
    expect(photosOf([], [])).toEqual({ before: [], after: [], plan: [] });
  });
});
