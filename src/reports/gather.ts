import { monthRange } from "../domain/dates.ts";
import { PROBLEMS_KEY, sumFigures, type Problem } from "../domain/figures.ts";
import type { BotDeps } from "../core/context.ts";
import type { Lang } from "../core/i18n.ts";
import type { Repo, UnitRow } from "../store/index.ts";
import { buildTable, type TableSheet } from "./table.ts";

/**
 * The statistics table of `unit` for `month`: a summary of its subtree first when it has units below it, then one
 * sheet per unit with that unit's own counts and figures. Counts are cumulative from the campaign start to the end of
 * the month; figures are those recorded for the month. One aggregate query per sheet.
 */
export async function statisticsTable(
  deps: BotDeps,
  repo: Repo,
  unit: UnitRow,
  month: string,
  lang: Lang,
  today: string,
  opts: { summaryOnly?: boolean } = {},
): Promise<{ filename: string; data: Buffer }> {
  const units = await repo.listUnits(unit.path);
  const { end } = monthRange(month);
  const since = deps.config.SENTINEL_CAMPAIGN_START;
  const from = since ? new Date(`${since}T00:00:00+08:00`) : null;
  const figures = await repo.deadlines.figures(units.map((u) => u.id), month);
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);
  const sheetOf = async (u: UnitRow, exact: boolean, title: string): Promise<TableSheet> => {
    const own = figures.get(u.id) ?? new Map<string, string>();
    return {
      title,
      unitName: u.name,
      stats: await repo.stats([u.path], from, end, today, { exact }),
      figures: own,
      problems: problemsOf(own),
    };
  };
  const sheets: TableSheet[] = [];
  if (units.length > 1 || opts.summaryOnly) {
    const all = await sheetOf(unit, false, opts.summaryOnly ? unit.name : t("xlsx-summary-sheet"));
    all.figures = sumAll(units.map((u) => figures.get(u.id) ?? new Map<string, string>()), figures.get(unit.id));
    all.problems = units.flatMap((u) =>
      problemsOf(figures.get(u.id)).map((p) => (u.id === unit.id ? p : { ...p, aspect: t("xlsx-problem-of", { unit: u.name, aspect: p.aspect }) })),
    );
    sheets.push(all);
  }
  if (!opts.summaryOnly) for (const u of units) sheets.push(await sheetOf(u, units.length > 1, u.name));
  const data = await buildTable({ t, month, filledOn: today, since, sheets });
  return { filename: `${t("xlsx-filename", { unit: unit.name, month })}.xlsx`, data };
}

export function problemsOf(figures: ReadonlyMap<string, string> | undefined): Problem[] {
  const raw = figures?.get(PROBLEMS_KEY);
  return raw ? (JSON.parse(raw) as Problem[]) : [];
}


/** Sums of the numbers; the contact is the receiving unit's own. */
function sumAll(maps: ReadonlyMap<string, string>[], own: ReadonlyMap<string, string> | undefined): Map<string, string> {
  const out = sumFigures(maps);
  for (const k of ["contact-person", "contact-phone"]) {
    const v = own?.get(k);
    if (v) out.set(k, v);
  }
  return out;
}
