import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatHazardNumber, parseHazardNumber } from "../../src/domain/hazard-number.ts";

describe("formatHazardNumber", () => {
  test.each([
    [2026, 1, "YH-2026-000001"],
    [2026, 123, "YH-2026-000123"],
    [2027, 999999, "YH-2027-999999"],
    [2027, 1234567, "YH-2027-1234567"],
  ])("(%i, %i) -> %s", (year, id, number) => {
    expect(formatHazardNumber(year, id)).toBe(number);
  });
});

describe("parseHazardNumber", () => {
  test("round-trips every formatted number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 999_999_999 }), (year, id) => {
        expect(parseHazardNumber(formatHazardNumber(year, id))).toEqual({ id, year });
      }),
      { seed: 42 },
    );
  });

  test("round-trips formatted numbers however they are retyped", () => {
    const retype = fc.constantFrom<(s: string) => string>(
      (s) => s.toLowerCase(),
      (s) => s.replace(/-/g, ""),
      (s) => s.replace(/-/g, " "),
      (s) => s.replace(/-/g, "—"),
      (s) => ` ${s}\t`,
      (s) => s.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 999_999_999 }), retype, (year, id, f) => {
        expect(parseHazardNumber(f(formatHazardNumber(year, id)))).toEqual({ id, year });
      }),
      { seed: 42 },
    );
  });

  test.each([
    ["YH-2026-000123", 123, 2026],
    ["yh-2026-000123", 123, 2026],
    ["Yh-2026-123", 123, 2026],
    ["yh-2026-123", 123, 2026],
    ["YH2026000123", 123, 2026],
    ["yh2026000123", 123, 2026],
    ["YH 2026 000123", 123, 2026],
    ["YH - 2026 - 000123", 123, 2026],
    ["YH_2026_000123", 123, 2026],
    ["YH—2026—000123", 123, 2026],
    ["YH–2026–000123", 123, 2026],
    ["ＹＨ－２０２６－０００１２３", 123, 2026],
    ["ｙｈ２０２６０００１２３", 123, 2026],
    ["  YH-2026-000123  ", 123, 2026],
    ["2026-000123", 123, 2026],
    ["2026000123", 123, 2026],
    ["YH-2026-1234567", 1234567, 2026],
  ])("%j -> id %i, year %i", (input, id, year) => {
    expect(parseHazardNumber(input)).toEqual({ id, year });
  });

  test.each([
    ["123", 123],
    ["000123", 123],
    ["1", 1],
    ["１２３", 123],
    ["YH123", 123],
    ["YH-123", 123],
    ["yh 123", 123],
    // The year left out but the id still padded: not year 0001, id 23.
    ["YH-000123", 123],
    ["YH000123", 123],
    ["YH-123456", 123456],
    ["YH--5", 5],
    ["999999999", 999999999],
  ])("%j -> id %i without a year", (input, id) => {
    expect(parseHazardNumber(input)).toEqual({ id, year: null });
  });

  test.each([
    "",
    "   ",
    "YH",
    "YH-",
    "YH-2026-",
    "abc",
    "隐患",
    "一二三",
    "12a",
    "YH-2026-00012x",
    "XY-2026-000123",
    "YH-2026-000123-1",
    "12345678901234",
    "12.5",
    "1e3",
    "0",
    "000000",
    "YH-0",
    "YH-2026-000000",
    "-5",
    "-123",
  ])("rejects %j", (input) => {
    expect(parseHazardNumber(input)).toBeNull();
  });
});
