import { toHalfWidth } from "./dates.ts";

/**
 * 回执码: the tipster's only handle on a tip. 26 random digits (86 bits) and two ISO 7064 MOD 97-10 check digits,
 * shown in groups of four like a phone number. Digits only, so it is typed on any phone keyboard; the check digits
 * catch a mistyped digit or two swapped neighbours before the store is asked.
 */
export const RECEIPT_RANDOM_DIGITS = 26;
export const RECEIPT_DIGITS = RECEIPT_RANDOM_DIGITS + 2;

function mod97(digits: string): number {
  let r = 0;
  for (const c of digits) r = (r * 10 + (c.charCodeAt(0) - 48)) % 97;
  return r;
}

/** The two check digits for a body of digits (ISO 7064 MOD 97-10, as in IBAN). */
export function checkDigits(body: string): string {
  return String(98 - mod97(body + "00")).padStart(2, "0");
}

/** A code from `RECEIPT_RANDOM_DIGITS` random digits: the canonical 28 digits. */
export function makeReceiptCode(randomDigits: string): string {
  if (!new RegExp(`^\\d{${RECEIPT_RANDOM_DIGITS}}$`).test(randomDigits)) throw new Error("need 26 random digits");
  return randomDigits + checkDigits(randomDigits);
}

/** `1234 5678 …`: how a code is shown. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export type ReceiptCodeInput =
  | { ok: true; code: string }
  | { ok: false; reason: "empty" | "chars" | "length" | "check" };

/**
 * Reads a code as typed: spaces, dashes, dots, full-width digits and letter case do not matter.
 * A wrong length or check digit is a typo, told apart from a code that is well formed but unknown.
 */
export function normalizeReceiptCode(input: string): ReceiptCodeInput {
  const s = toHalfWidth(input).toLowerCase().replace(/[\s\-_.·,，、—–]/g, "");
  if (!s) return { ok: false, reason: "empty" };
  if (!/^\d+$/.test(s)) return { ok: false, reason: "chars" };
  if (s.length !== RECEIPT_DIGITS) return { ok: false, reason: "length" };
  if (mod97(s) !== 1) return { ok: false, reason: "check" };
  return { ok: true, code: s };
}
