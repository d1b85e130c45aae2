import { toHalfWidth } from "./dates.ts";

/**
 * A hazard's number: `YH-<year reported>-<id, at least six digits>`, e.g. `YH-2026-000123`.
 * The id is the store's, so the number is unique per deployment and costs no extra query to assign.
 */
export function formatHazardNumber(year: number, id: number): string {
  return `YH-${year}-${String(id).padStart(6, "0")}`;
}

/** A hazard number as typed: the id, and the year when it was given. */
export interface HazardNumber {
  id: number;
  year: number | null;
}

/**
 * Reads a number as people type it back: any case, full-width, spaces or dashes, with or without the year
 * (`yh-2026-123`, `YH2026000123`, `123`). Returns the id and the year if one was given, or `null`.
 */
export function parseHazardNumber(input: string): HazardNumber | null {
  // Separators are kept (as one `-`): without one, the year is only read off a padded id (`YH2026000123`),
  // so `YH-000123` is id 123, not year 0001 and id 23; a leading `-` is not a number.
  const s = toHalfWidth(input).trim().toUpperCase().replace(/[\s_—–-]+/g, "-");
  const full = /^(?:YH-?)?(\d{4})-(\d{1,9})$/.exec(s) ?? /^(?:YH-?)?(\d{4})(\d{6,9})$/.exec(s);
  if (full) return validId(Number(full[2]), Number(full[1]));
  const bare = /^(?:YH-?)?(\d{1,9})$/.exec(s);
  return bare ? validId(Number(bare[1]), null) : null;
}

function validId(id: number, year: number | null): { id: number; year: number | null } | null {
  return Number.isSafeInteger(id) && id > 0 ? { id, year } : null;
}
