import { lastDayOf, monthRange } from "../domain/dates.ts";
import { campaignOfMonth, figureTotal, problemKey, sumValues, type Campaign, type CountName, type ProblemItem } from "../domain/campaign.ts";
import { rectificationRate, type HazardStats } from "../domain/stats.ts";
import type { BotDeps } from "../core/context.ts";
import type { Lang } from "../core/i18n.ts";
import type { Repo, UnitRow } from "../store/index.ts";
import { buildTable, type TableSheet } from "./table.ts";

/** A unit with no hazards in the window. */
const NONE: HazardStats = {
  general: { found: 0, rectified: 0 },
  major: { found: 0, rectified: 0 },
  supervised: 0,
  majorBySource: { self: 0, inspection: 0, tip: 0 },
  pending: 0,
  overdue: 0,
};

/** Problems recorded before campaigns had fixed aspects: `{ aspect, measures, progress }` under one key. */
const OLD_PROBLEMS_KEY = "problems";

/** The first day counted for a campaign: the deployment's `SENTINEL_CAMPAIGN_START`, else the campaign's start. */
export function countedFrom(deps: BotDeps, campaign: Campaign): string {
  return deps.config.SENTINEL_CAMPAIGN_START ?? campaign.start;
}

/**
 * The table's counts from the store's: rates computed, never summed. `shielded`: the table of an enterprise, which never
 * learns a hazard came from a tip: its tips' hazards count as found by the regulator's inspection (监管部门交办).
 */
export function tableCounts(s: HazardStats, shielded = false): Record<CountName, number | null> {
  const { self, inspection, tip } = s.majorBySource;
  return {
    "general-found": s.general.found,
    "general-rectified": s.general.rectified,
    "general-rate": rectificationRate(s.general),
    "major-found": s.major.found,
    "major-rectified": s.major.rectified,
    "major-rate": rectificationRate(s.major),
    supervised: s.supervised,
    "major-found-self": self,
    "major-found-inspection": shielded ? inspection + tip : inspection,
    "major-found-tip": shielded ? 0 : tip,
  };
}

type Recorded = Map<number, Map<string, Map<string, string>>>;

/** Rows → unit → key → month → value. */
function byUnit(rows: { unitId: number; month: string; key: string; value: string }[]): Recorded {
  const out: Recorded = new Map();
  for (const r of rows) {
    const keys = out.get(r.unitId) ?? new Map<string, Map<string, string>>();
    const months = keys.get(r.key) ?? new Map<string, string>();
    months.set(r.month, r.value);
    keys.set(r.key, months);
    out.set(r.unitId, keys);
  }
  return out;
}

/** One unit's figures as its own sheet shows them; a regulator's figures only on a regulator's sheet. */
function ownFigures(campaign: Campaign, unit: UnitRow, recorded: Recorded, month: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of campaign.figures) {
    if (def.by === "regulator" && unit.kind !== "REGULATOR") continue;
    const v = figureTotal(def, recorded.get(unit.id)?.get(def.key) ?? new Map(), month);
    if (v !== null) out.set(def.key, v);
  }
  return out;
}

/**
 * A subtree's figures: the numbers its units' sheets show, added up (a regulator's own figures only from regulators,
 * never from the enterprises below them); texts (the contact) are the receiving unit's own.
 */
function summedFigures(campaign: Campaign, unit: UnitRow, units: readonly UnitRow[], recorded: Recorded, month: string): Map<string, string> {
  const own = units.map((u) => ownFigures(campaign, u, recorded, month));
  const out = new Map<string, string>();
  for (const def of campaign.figures) {
    if (def.kind === "text") {
      const v = own[units.findIndex((u) => u.id === unit.id)]?.get(def.key);
      if (v !== undefined) out.set(def.key, v);
      continue;
    }
    const vals = own.map((m) => m.get(def.key)).filter((v): v is string => v !== undefined);
    if (vals.length > 0) out.set(def.key, sumValues(def.kind, vals));
  }
  return out;
}

/** The entries under each aspect a unit recorded for the month (older free-form entries go under the last aspect). */
export function problemsOf(campaign: Campaign, recorded: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined, month: string): Map<number, ProblemItem[]> {
  const out = new Map<number, ProblemItem[]>();
  campaign.problems.forEach((_, i) => {
    const raw = recorded?.get(problemKey(i + 1))?.get(month);
    if (raw) out.set(i + 1, JSON.parse(raw) as ProblemItem[]);
  });
  const old = recorded?.get(OLD_PROBLEMS_KEY)?.get(month);
  if (old && campaign.problems.length > 0) {
    const last = campaign.problems.length;
    const items = (JSON.parse(old) as { aspect: string; measures: string; progress: string }[]).map((p) => ({ shown: p.aspect, measures: `${p.measures}；${p.progress}` }));
    out.set(last, [...(out.get(last) ?? []), ...items]);
  }
  return out;
}

/**
 * The statistics table of `unit` for `month`, in the layout of the campaign the month belongs to: a summary of its
 * subtree first when it has units below it, then one sheet per unit with that unit's own counts and figures. As the
 * form's notes say: hazards counted from the campaign's start to the month's end; recorded figures totalled as the
 * campaign says (since its start, or the latest); 主要问题 the month's. Two aggregate queries: the subtree's, and each unit's own.
 */
export async function statisticsTable(
  deps: BotDeps,
  repo: Repo,
  unit: UnitRow,
  month: string,
  lang: Lang,
  today: string,
  opts: { summaryOnly?: boolean; campaign?: Campaign } = {},
): Promise<{ filename: string; data: Buffer }> {
  const campaign = opts.campaign ?? campaignOfMonth(deps.campaigns, month);
  const units = await repo.listUnits(unit.path);
  const { end } = monthRange(month);
  const since = countedFrom(deps, campaign);
  const from = new Date(`${since}T00:00:00+08:00`);
  const recorded = byUnit(await repo.deadlines.figureRows(units.map((u) => u.id), since.slice(0, 7), month));
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);
  const sheetOf = (u: UnitRow, stats: HazardStats, title: string): TableSheet => ({
    title,
    unitName: u.name,
    counts: tableCounts(stats, unit.kind !== "REGULATOR"),
    figures: ownFigures(campaign, u, recorded, month),
    problems: problemsOf(campaign, recorded.get(u.id), month),
  });
  const sheets: TableSheet[] = [];
  const whole = await repo.stats([unit.path], from, end, today);
  if (units.length > 1 || opts.summaryOnly) {
    const all = sheetOf(unit, whole, opts.summaryOnly ? unit.name : t("xlsx-summary-sheet"));
    all.figures = summedFigures(campaign, unit, units, recorded, month);
    sheets.push(all);
  }
  if (!opts.summaryOnly) {
    // Each unit's own counts, every unit in one grouped query (a unit alone is its whole subtree).
    const own = units.length > 1 ? await repo.statsByUnit(unit.path, from, end, today) : new Map([[unit.id, whole]]);
    for (const u of units) sheets.push(sheetOf(u, own.get(u.id) ?? NONE, u.name));
  }
  const data = await buildTable({ campaign, filledOn: today, footer: t("xlsx-footer", { since, until: lastDayOf(month) }), sheets });
  return { filename: `${t("xlsx-filename", { unit: unit.name, month })}.xlsx`, data };
}
