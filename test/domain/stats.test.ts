import { describe, expect, test } from "vitest";
import { rectificationRate, totalCounts, type HazardStats } from "../../src/domain/stats.ts";

describe("rectificationRate", () => {
  test("no hazards found means no rate, not 0% or 100%", () => {
    expect(rectificationRate({ found: 0, rectified: 0 })).toBeNull();
    expect(rectificationRate({ found: 0, rectified: 3 })).toBeNull();
  });

  test.each([
    [1, 1, 100],
    [1, 0, 0],
    [2, 1, 50],
    [3, 2, 66.7],
    [3, 1, 33.3],
    [6, 1, 16.7],
    [7, 1, 14.3],
    [8, 1, 12.5],
    [9, 8, 88.9],
    [1000, 999, 99.9],
    [2000, 1999, 100], // 99.95 rounds up
    [3000, 1, 0],
  ])("%i found, %i rectified -> %d%%", (found, rectified, rate) => {
    expect(rectificationRate({ found, rectified })).toBe(rate);
  });

  test("more rectified than found (e.g. rectified this month, found earlier) is capped at 100", () => {
    expect(rectificationRate({ found: 2, rectified: 5 })).toBe(100);
    expect(rectificationRate({ found: 1, rectified: 2 })).toBe(100);
  });

  test("always one decimal at most and within [0, 100]", () => {
    for (let found = 1; found <= 60; found++) {
      for (let rectified = 0; rectified <= found + 2; rectified++) {
        const rate = rectificationRate({ found, rectified })!;
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(100);
        expect(Math.round(rate * 10) / 10).toBe(rate);
      }
    }
  });
});

describe("totalCounts", () => {
  const stats = (gFound: number, gRect: number, mFound: number, mRect: number): HazardStats => ({
    general: { found: gFound, rectified: gRect },
    major: { found: mFound, rectified: mRect },
    supervised: 7,
    majorBySource: { self: 0, inspection: 0, tip: 0 },
    pending: 8,
    overdue: 9,
  });

  test("adds both levels", () => {
    expect(totalCounts(stats(10, 7, 3, 1))).toEqual({ found: 13, rectified: 8 });
  });

  test("ignores supervised, pending and overdue", () => {
    expect(totalCounts(stats(0, 0, 0, 0))).toEqual({ found: 0, rectified: 0 });
  });

  test("the total rate is over both levels together", () => {
    expect(rectificationRate(totalCounts(stats(2, 2, 1, 0)))).toBe(66.7);
    expect(rectificationRate(totalCounts(stats(0, 0, 0, 0)))).toBeNull();
  });
});
