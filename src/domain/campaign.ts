import { lastDayOf, toHalfWidth } from "./dates.ts";
import type { Obligation } from "./obligations.ts";

/**
 * A campaign (专项行动): a notice's dates, the reports it asks for (obligations), the figures officials record for it,
 * the fixed aspects of its 主要问题 and its statistics table, cell for cell. Campaigns are data
 * (`prompts/campaigns/*.json`); everything here is pure.
 */
export interface Campaign {
  key: string;
  name: { "zh-CN": string; en: string };
  /** The notice it comes from, for people reading the file. */
  notice: string;
  /** `YYYY-MM-DD`: counted from (note 1 of seed 000's form: cumulative since the campaign began) … */
  start: string;
  /** … and announced to end (the campaign stays in force until the next one starts). */
  end: string;
  obligations: Obligation[];
  figures: FigureDef[];
  /** The fixed aspects of 存在的主要问题 (1-based in `problem:N:…` cells and in `录入 问题 N …`). */
  problems: string[];
  table: TableLayout;
}

/**
 * A figure officials record (录入) per unit and month. `total`: the table shows the sum since the campaign's start
 * (`cumulative`), the last value recorded (`latest`: a stock such as risks under control) or the month's own
 * (`month`). `by: "regulator"`: only a regulator's own number (enforcement), never an enterprise's, never summed
 * from enterprises.
 */
export interface FigureDef {
  key: string;
  kind: "count" | "amount" | "text";
  total: "cumulative" | "latest" | "month";
  by: "any" | "regulator";
  words: string[];
  label: { "zh-CN": string; en: string };
}

export interface TableLayout {
  title: string;
  /** Column widths, A first. */
  columns: number[];
  /** The bordered frame, e.g. `A4:I20`. */
  frame: string;
  /** Rows repeated at the top of every printed page, e.g. `1:4`. */
  printTitles: string;
  /** Row heights (points) by row number. */
  rows: Record<string, number>;
  cells: CellDef[];
}

export type CellStyle = "title" | "label" | "field" | "head" | "category" | "measure" | "value" | "text" | "note";

export interface CellDef {
  /** `B5` or a merged range `B5:B6`. */
  at: string;
  /** The form's own words. */
  text?: string;
  /** Where a filled cell's value comes from: see `CellSource`. */
  value?: string;
  style?: CellStyle;
}

/** The store's counts a table can show (section 2 of seed 000's form; the channels of seed 003's). */
export const COUNTS = [
  "general-found", "general-rectified", "general-rate",
  "major-found", "major-rectified", "major-rate", "supervised",
  "major-found-self", "major-found-inspection", "major-found-tip",
] as const;
export type CountName = (typeof COUNTS)[number];

export type CellSource =
  | { kind: "unit" }
  | { kind: "filled-on" }
  | { kind: "count"; name: CountName }
  | { kind: "figure"; key: string }
  | { kind: "problem"; index: number; part: "shown" | "measures" };

/** Reads a cell's `value`; null when it names nothing this campaign has. */
export function parseSource(value: string, c: Pick<Campaign, "figures" | "problems">): CellSource | null {
  if (value === "unit" || value === "filled-on") return { kind: value };
  const [kind, a, b] = value.split(":");
  if (kind === "count" && (COUNTS as readonly string[]).includes(a ?? "")) return { kind: "count", name: a as CountName };
  if (kind === "figure" && c.figures.some((f) => f.key === a)) return { kind: "figure", key: a! };
  const index = Number(a);
  if (kind === "problem" && Number.isInteger(index) && index >= 1 && index <= c.problems.length && (b === "shown" || b === "measures")) {
    return { kind: "problem", index, part: b };
  }
  return null;
}

/** `B5` → { row: 5, col: 2 }; null when not an address. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,2})([1-9]\d{0,3})$/.exec(a);
  if (!m) return null;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** `B5:C6` (or `B5`) → its corners; null when not a range with its first corner top-left. */
export function parseRange(r: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = r.split(":");
  const p = parseAddress(a ?? "");
  const q = parseAddress(b ?? "");
  if (!p || !q || q.row < p.row || q.col < p.col) return null;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Why a layout cannot be drawn (overlapping cells, unknown sources), or null. */
export function layoutError(c: Pick<Campaign, "figures" | "problems" | "table">): string | null {
  const taken = new Map<string, string>();
  for (const cell of c.table.cells) {
    const r = parseRange(cell.at);
    if (!r) return `cell ${cell.at}: not a cell or range like B5 or B5:C6`;
    if (r.right > c.table.columns.length) return `cell ${cell.at}: past the last column (${c.table.columns.length} widths given)`;
    if ((cell.text === undefined) === (cell.value === undefined)) return `cell ${cell.at}: give either text or value`;
    if (cell.value !== undefined && !parseSource(cell.value, c)) return `cell ${cell.at}: unknown value "${cell.value}"`;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const k = `${row}:${col}`;
        if (taken.has(k)) return `cell ${cell.at} overlaps ${taken.get(k)}`;
        taken.set(k, cell.at);
      }
    }
  }
  if (!parseRange(c.table.frame)) return `frame ${c.table.frame}: not a range`;
  if (!/^\d+:\d+$/.test(c.table.printTitles)) return `printTitles ${c.table.printTitles}: rows like 1:4`;
  return null;
}

/**
 * The campaign in force on `date`: the latest one started on or before it (a campaign stays in force past its
 * announced end until the next one starts, so reminders never stop by surprise); before the first, the first.
 */
export function campaignOn<C extends Pick<Campaign, "start">>(campaigns: readonly C[], date: string): C {
  const sorted = [...campaigns].sort((a, b) => a.start.localeCompare(b.start));
  let found = sorted[0]!;
  for (const c of sorted) if (c.start <= date) found = c;
  return found;
}

/** The campaign a month's table belongs to: the one in force at the month's end. */
export function campaignOfMonth<C extends Pick<Campaign, "start">>(campaigns: readonly C[], month: string): C {
  return campaignOn(campaigns, lastDayOf(month));
}

/** A figure's recorded values of one unit, month → value. */
export type MonthValues = ReadonlyMap<string, string>;

/**
 * What the table shows for one figure of one unit for `month`, from the values it recorded (months before the
 * campaign's start are not passed in): the sum up to the month, the latest up to it, or the month's own.
 */
export function figureTotal(def: Pick<FigureDef, "kind" | "total">, values: MonthValues, month: string): string | null {
  const upTo = [...values.entries()].filter(([m]) => m <= month).sort(([a], [b]) => a.localeCompare(b));
  if (def.total === "month" || def.kind === "text") {
    if (def.total === "month") return values.get(month) ?? null;
    return upTo.at(-1)?.[1] ?? null;
  }
  if (def.total === "latest") return upTo.at(-1)?.[1] ?? null;
  if (upTo.length === 0) return null;
  return sumValues(def.kind, upTo.map(([, v]) => v));
}

/** Adds counts, or amounts (万元, four decimals at most). */
export function sumValues(kind: "count" | "amount", values: string[]): string {
  const sum = values.reduce((a, v) => a + Number(v), 0);
  return kind === "amount" ? String(Math.round(sum * 10000) / 10000) : String(sum);
}

const BY_WORD = (c: Pick<Campaign, "figures">) => new Map(c.figures.flatMap((f) => f.words.map((w) => [w.toLowerCase(), f] as const)));

export function figureByWord(c: Pick<Campaign, "figures">, word: string): FigureDef | null {
  return BY_WORD(c).get(toHalfWidth(word).trim().toLowerCase()) ?? null;
}

export type FigureParse =
  | { ok: true; values: { def: FigureDef; value: string }[] }
  | { ok: false; error: "empty" | "unknown-key" | "bad-value"; word?: string };

/**
 * `学习=3 罚款=12.5 联系人=张三` (also `：`, `:`): counts are whole numbers, amounts (万元) may have decimals,
 * texts are taken as they are.
 */
export function parseFigures(c: Pick<Campaign, "figures">, text: string): FigureParse {
  const pairs = [...toHalfWidth(text).matchAll(/([^\s=:：]+)\s*[=:：]\s*([^\s]+)/g)];
  if (pairs.length === 0) return { ok: false, error: "empty" };
  const values: { def: FigureDef; value: string }[] = [];
  for (const [, word, raw] of pairs) {
    const def = figureByWord(c, word!);
    if (!def) return { ok: false, error: "unknown-key", word: word! };
    const value = raw!.replace(/[，,;；。]$/, "");
    if (def.kind === "count" && !/^\d{1,9}$/.test(value)) return { ok: false, error: "bad-value", word: word! };
    if (def.kind === "amount" && !/^\d{1,9}(\.\d{1,4})?$/.test(value)) return { ok: false, error: "bad-value", word: word! };
    values.push({ def, value });
  }
  return { ok: true, values };
}

/** One entry under an aspect of 存在的主要问题: how it shows (具体表现), and the measures and how far they got. */
export interface ProblemItem {
  shown: string;
  measures: string;
}

/** The store key of an aspect's entries for a month. */
export const problemKey = (index: number) => `problem-${index}`;

/** Which aspect `word` names: its number (1–N) or a word of its name (理念, 责任, 其他…); null when none or several. */
export function aspectOf(c: Pick<Campaign, "problems">, word: string): number | null {
  const w = toHalfWidth(word).trim();
  const n = Number(w);
  if (/^\d+$/.test(w)) return n >= 1 && n <= c.problems.length ? n : null;
  if (!w) return null;
  const hits = c.problems.map((p, i) => (p.includes(w) || w.includes(p.replace(/方面$/, "")) ? i + 1 : 0)).filter(Boolean);
  return hits.length === 1 ? hits[0]! : null;
}

/** `具体表现；整改措施及完成情况` (two parts, `；` or `;`, optionally labelled 表现：/措施：). */
export function parseProblemItem(text: string): ProblemItem | null {
  // The person's own punctuation is kept; only the separator is looked for in either width.
  const s = text.trim();
  const cut = s.search(/[;；]/);
  if (cut < 0) return null;
  const strip = (p: string, labels: RegExp) => p.trim().replace(labels, "").trim();
  const shown = strip(s.slice(0, cut), /^(具体表现|表现|shown)\s*[:：]\s*/i);
  const measures = strip(s.slice(cut + 1), /^(对应整改措施及整改完成情况|整改措施|措施|measures)\s*[:：]\s*/i);
  return shown && measures ? { shown, measures } : null;
}

/** An aspect's cell text: one entry as it is, several numbered one per line. */
export function problemCell(items: readonly ProblemItem[], part: "shown" | "measures"): string | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]![part];
  return items.map((p, i) => `${i + 1}. ${p[part]}`).join("\n");
}
