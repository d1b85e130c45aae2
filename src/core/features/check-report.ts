import { shanghaiMonth, shanghaiYear, startOfShanghaiDay, addDays, shanghaiDate } from "../../domain/dates.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import { parseCheckPeriod, periodArgs, rate } from "../../domain/checks.ts";
import type { UnitRow } from "../../store/index.ts";
import { Refusal, type Ctx } from "../context.ts";
import { words } from "../parse.ts";
import { checklistWorkbook } from "../../reports/checklist.ts";

/** 检查情况 and the export of a unit's checklist and records (日周月排查's reports). */

async function officialUnit(ctx: Ctx): Promise<UnitRow> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  return binding.unit;
}

/** The period asked for (default: this month), as instants and a label. */
function periodArg(ctx: Ctx, word: string | undefined): { from: Date; to: Date; label: string } {
  const p = parseCheckPeriod(word ?? shanghaiMonth(ctx.now), ctx.today);
  if (!p) throw new Refusal("checks-usage");
  return { from: startOfShanghaiDay(p.first), to: startOfShanghaiDay(addDays(p.last, 1)), label: p.label };
}

export interface UnitCompletion {
  unit: UnitRow;
  rounds: number;
  completed: number;
  onTime: number;
  checked: number;
  abnormal: number;
  /** Per item: the rounds that had it, those in which it was answered (不适用 too), checked (正常 or 异常), abnormal. */
  items: Map<number, { text: string; rounds: number; answered: number; checked: number; abnormal: number }>;
}

/** Completion per unit and per item: rounds posted in the period, finished (on time: by the deadline's end), answers. */
export async function completion(ctx: { repo: Ctx["repo"] }, units: UnitRow[], from: Date, to: Date): Promise<UnitCompletion[]> {
  const rows = await ctx.repo.checks.roundsIn(units.map((u) => u.id), from, to);
  return units.map((unit) => {
    const mine = rows.filter((r) => r.round.unitId === unit.id);
    const c: UnitCompletion = { unit, rounds: mine.length, completed: 0, onTime: 0, checked: 0, abnormal: 0, items: new Map() };
    for (const { round, answers } of mine) {
      if (round.completedAt) {
        c.completed++;
        if (shanghaiDate(round.completedAt) <= round.deadline) c.onTime++;
      }
      const itemOf = (itemId: number, text: string) => {
        const item = c.items.get(itemId) ?? { text, rounds: 0, answered: 0, checked: 0, abnormal: 0 };
        c.items.set(itemId, item);
        return item;
      };
      for (const it of round.items) itemOf(it.itemId, it.text).rounds++;
      for (const a of answers) {
        const item = itemOf(a.itemId, round.items[a.position - 1]?.text ?? "?");
        item.answered++;
        if (a.result === "NA") continue;
        item.checked++;
        c.checked++;
        if (a.result === "ABNORMAL") {
          item.abnormal++;
          c.abnormal++;
        }
      }
    }
    return c;
  });
}

/** The enterprises below with no 主要负责人带队检查 posted in the period (seed 003 第6条 asks one a quarter at least). */
function noLeaderLine(ctx: Ctx, units: UnitRow[], byUnit: Map<number, { leaderRounds: number }>): string[] {
  const missing = units.filter((u) => u.kind === "ENTERPRISE" && !byUnit.get(u.id)?.leaderRounds).map((u) => u.name);
  if (missing.length === 0) return [];
  const shown = missing.length > MAX_NAMED ? ctx.t("checks-no-leader-more", { list: ctx.list(missing.slice(0, MAX_NAMED)), count: missing.length }) : ctx.list(missing);
  return [ctx.t("checks-no-leader", { count: missing.length, list: shown })];
}

const MAX_NAMED = 20;

const pct = (r: number | null) => (r === null ? "—" : `${r}%`);

/** `检查情况 [期间]`: completion and abnormal rates for the unit and every unit below it. */
export async function checks(ctx: Ctx, args: string): Promise<void> {
  const tops = await ctx.officialUnits();
  const { from, to, label } = periodArg(ctx, words(args)[0]);
  const lines: string[] = [];
  for (const top of tops) {
    const units = await ctx.repo.listUnits(top.path);
    // Per unit from one aggregate query; the per-item detail (which reads every answer) only for a few units.
    const byUnit = await ctx.repo.checks.completionByUnit(units.map((u) => u.id), from, to);
    const stats = units.filter((u) => byUnit.has(u.id)).map((u) => ({ unit: u, ...byUnit.get(u.id)! }));
    lines.push(ctx.t("checks-head", { unit: top.name, ...periodArgs(label) }));
    if (stats.length === 0) {
      lines.push(ctx.t("checks-none"), ...noLeaderLine(ctx, units, byUnit));
      continue;
    }
    const total = stats.reduce((a, c) => ({ rounds: a.rounds + c.rounds, completed: a.completed + c.completed, checked: a.checked + c.checked, abnormal: a.abnormal + c.abnormal }), { rounds: 0, completed: 0, checked: 0, abnormal: 0 });
    if (stats.length > 1) lines.push(ctx.t("checks-total", { ...total, rate: pct(rate(total.completed, total.rounds)), abnormalRate: pct(rate(total.abnormal, total.checked)) }));
    const detailed = stats.length <= 5;
    const items = detailed ? new Map((await completion(ctx, stats.map((c) => c.unit), from, to)).map((c) => [c.unit.id, c.items])) : new Map();
    for (const c of stats) {
      lines.push(ctx.t("checks-unit", { unit: c.unit.name, rounds: c.rounds, completed: c.completed, onTime: c.onTime, rate: pct(rate(c.completed, c.rounds)), checked: c.checked, abnormal: c.abnormal, abnormalRate: pct(rate(c.abnormal, c.checked)) }));
      if (c.leaderRounds) {
        const unled = c.unled.map((p) => ctx.t("check-period", periodArgs(p)));
        lines.push(ctx.t("checks-leader", { rounds: c.leaderRounds, led: c.led, unledCount: unled.length, unled: unled.join(ctx.t("list-separator")) }));
      }
      for (const [, it] of [...(items.get(c.unit.id) ?? new Map())].sort(([a], [b]) => a - b)) {
        lines.push(ctx.t("checks-item", { text: it.text, rounds: it.rounds, answered: it.answered, rate: pct(rate(it.answered, it.rounds)), checked: it.checked, abnormal: it.abnormal, abnormalRate: pct(rate(it.abnormal, it.checked)) }));
      }
    }
    if (!detailed) lines.push(ctx.t("checks-items-hint"));
    lines.push(...noLeaderLine(ctx, units, byUnit));
  }
  ctx.replyText(lines.join("\n"));
}

/** `检查清单 导出 [期间]`: the unit's checklist and its records as .xlsx. */
export async function exportChecklist(ctx: Ctx, args: string): Promise<void> {
  const unit = await officialUnit(ctx);
  const { from, to, label } = periodArg(ctx, words(args)[0]);
  const items = await ctx.repo.checks.items(unit.id);
  const rounds = await ctx.repo.checks.roundsIn([unit.id], from, to);
  const hazardNumbers = new Map<number, string>();
  for (const { answers } of rounds) for (const a of answers) if (a.hazardId) hazardNumbers.set(a.hazardId, formatHazardNumber(shanghaiYear(a.answeredAt), a.hazardId));
  const hazards = new Map<number, { status: string; deadline: string | null; closedAt: Date | null }>();
  for (const id of hazardNumbers.keys()) {
    const h = await ctx.repo.getHazard(id);
    if (h) hazards.set(id, { status: h.status, deadline: h.deadline, closedAt: h.closedAt });
  }
  const [stat] = await completion(ctx, [unit], from, to);
  const data = await checklistWorkbook({
    t: (id, a) => ctx.t(id, a),
    unit: unit.name,
    period: label,
    items,
    rounds,
    hazardNumbers,
    hazards,
    summary: { rounds: stat!.rounds, completed: stat!.completed, rate: pct(rate(stat!.completed, stat!.rounds)), abnormalRate: pct(rate(stat!.abnormal, stat!.checked)) },
  });
  ctx.out.push({
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    text: ctx.t("checklist-exported", { unit: unit.name, ...periodArgs(label), items: items.length, rounds: rounds.length }),
    file: { kind: "document", filename: ctx.t("checklist-filename", { unit: unit.name, ...periodArgs(label) }), data },
  });
}

