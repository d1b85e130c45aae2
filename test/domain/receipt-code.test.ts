import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  RECEIPT_DIGITS,
  checkDigits,
  formatReceiptCode,
  makeReceiptCode,
  normalizeReceiptCode,
} from "../../src/domain/receipt-code.ts";

const BODY = "12345678901234567890123456";
const CODE = makeReceiptCode(BODY);

describe("receipt codes", () => {
  test("26 random digits and two check digits: at least 80 bits", () => {
    expect(CODE).toHaveLength(RECEIPT_DIGITS);
    expect(26 * Math.log2(10)).toBeGreaterThanOrEqual(80);
    expect(CODE.startsWith(BODY)).toBe(true);
    expect(CODE.slice(26)).toBe(checkDigits(BODY));
  });

  test("ISO 7064 MOD 97-10, as IBAN: the whole number mod 97 is 1", () => {
    expect(BigInt(CODE) % 97n).toBe(1n);
    // IBAN GB82 WEST 1234 5698 7654 32 → check digits 82 for the rearranged body.
    expect(checkDigits("32142829123456987654321611")).toBe("82");
  });

  test("shown in groups of four", () => {
    expect(formatReceiptCode(CODE)).toMatch(/^(\d{4} ){6}\d{4}$/);
  });

  test.each([
    ["spaces", (c: string) => formatReceiptCode(c)],
    ["dashes", (c: string) => formatReceiptCode(c).replace(/ /g, "-")],
    ["full-width digits and ideographic spaces", (c: string) =>
      formatReceiptCode(c).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000")],
    ["dots and stray whitespace", (c: string) => `  ${c.slice(0, 10)}.${c.slice(10)}\n`],
  ])("reads a code typed with %s", (_, typed) => {
    expect(normalizeReceiptCode(typed(CODE))).toEqual({ ok: true, code: CODE });
  });

  test("tells a typo from an unknown code", () => {
    expect(normalizeReceiptCode("")).toEqual({ ok: false, reason: "empty" });
    expect(normalizeReceiptCode("abcd efgh")).toEqual({ ok: false, reason: "chars" });
    expect(normalizeReceiptCode(CODE.slice(0, 27))).toEqual({ ok: false, reason: "length" });
    expect(normalizeReceiptCode(CODE + "1")).toEqual({ ok: false, reason: "length" });
  });

  test("every single wrong digit and every swap of two different neighbours is caught", () => {
    for (let i = 0; i < CODE.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === CODE[i]) continue;
        const typo = CODE.slice(0, i) + d + CODE.slice(i + 1);
        expect(normalizeReceiptCode(typo)).toEqual({ ok: false, reason: "check" });
      }
    }
    fc.assert(
      fc.property(fc.stringMatching(/^\d{26}$/), fc.integer({ min: 0, max: RECEIPT_DIGITS - 2 }), (body, i) => {
        const code = makeReceiptCode(body);
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        return !normalizeReceiptCode(swapped).ok && normalizeReceiptCode(code).ok;
      }),
    );
  });

  test("refuses a body that is not 26 digits", () => {
    expect(() => makeReceiptCode("123")).toThrow();
  });
});
