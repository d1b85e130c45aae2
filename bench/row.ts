/**
 * One row of the bench's table (issue 13): what is measured, the goal, the anchor measured beside it in the same run,
 * the measure, their ratio, and whether the goal is met. Every bench part returns rows; `bench/main.ts` prints them.
 */
export interface BenchRow {
  /** What is measured, e.g. "/status p99, 1M hazards (PG)". */
  what: string;
  /** The goal as people read it, e.g. "≤ 3× anchor", "≤ 50 ms", "≥ 0.25×". */
  goal: string;
  /** The anchor as measured in this run (with its unit), or "—" where the goal is absolute. */
  anchor: string;
  /** The measure (with its unit). */
  measured: string;
  /** measured / anchor (or anchor / measured for rates), or null where the goal is absolute. */
  ratio: number | null;
  ok: boolean;
  /** Why a row could not be measured here (no PostgreSQL, quick mode), printed instead of a figure. */
  skipped?: string;
}

/** The options every bench part gets. */
export interface BenchOptions {
  /** `--quick`: small sizes, whole run under two minutes. */
  quick: boolean;
  /** A PostgreSQL server URL the bench may create databases on, when one answers. */
  postgresUrl: string | null;
}

export const ms = (v: number): string => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
export const perSecond = (v: number): string => `${v.toFixed(0)}/s`;

/** Percentile of an unsorted list of timings. */
export function percentile(times: number[], p: number): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

/** Prints rows as a table: `what | goal | anchor | measured | ratio | ok`. */
export function printRows(rows: readonly BenchRow[]): void {
  const cells = rows.map((r) => [
    r.what,
    r.goal,
    r.anchor,
    r.skipped ? `skipped: ${r.skipped}` : r.measured,
    r.skipped || r.ratio === null ? "—" : `${r.ratio.toFixed(3)}×`,
    r.skipped ? "—" : r.ok ? "ok" : "MISSED",
  ]);
  const head = ["what", "goal", "anchor", "measured", "ratio", "ok"];
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) => c.map((v, i) => v + " ".repeat(widths[i]! - width(v))).join(" | ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const c of cells) console.log(line(c));
}
