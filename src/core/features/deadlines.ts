import { looksLikeDate, monthRange, parseDate, parseMonth, shanghaiDate, shanghaiMonth, startOfShanghaiDay } from "../../domain/dates.ts";
import { PROBLEMS_KEY, FIGURES, parseFigures, parseProblem } from "../../domain/figures.ts";
import { activePeriods, defaultPeriod, dueDate, isLate, isPeriodOf, ladder, periodOn, type Obligation } from "../../domain/obligations.ts";
import { rectificationRate, totalCounts } from "../../domain/stats.ts";
import type { BotDeps } from "../context.ts";
import type { Repo, UnitRow } from "../../store/index.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { firstWord, words } from "../parse.ts";
import { oneOff } from "../obligations.ts";
import type { Feature } from "../bot.ts";
import { statisticsTable, problemsOf } from "../../reports/gather.ts";
import { renderTrend } from "../../reports/trend.ts";
import { ledger } from "./ledger.ts";
import { shanghaiDateTime, toHalfWidth } from "../../domain/dates.ts";

/** Whether a unit receives an obligation: a named receiver, or (by default) any unit with units below it. */
export function receives(o: Obligation, unit: UnitRow, units: readonly UnitRow[]): boolean {
  if (o.receivers) return o.receivers.includes(unit.name);
  return units.some((u) => u.parentId === unit.id);
}

/** The units that owe `receiver` an obligation: the units directly below it, or every unit below it. */
export function owing(o: Obligation, receiver: UnitRow, units: readonly UnitRow[]): UnitRow[] {
  return units.filter((u) => u.id !== receiver.id && (o.owedBy === "subtree" ? u.path.startsWith(receiver.path) : u.parentId === receiver.id));
}

/** The obligations a unit receives: the recurring ones it is a receiver of, and its own one-offs. */
export async function obligationsOf(deps: BotDeps, repo: Repo, receiver: UnitRow, units: readonly UnitRow[]): Promise<Obligation[]> {
  return [...deps.obligations.filter((o) => receives(o, receiver, units)), ...(await repo.deadlines.oneOffs([receiver.id])).map(oneOff)];
}

/** What a unit owes, and to whom: every obligation of a unit above it that counts it among the owing units. */
async function owedBy(deps: BotDeps, repo: Repo, unit: UnitRow, units: readonly UnitRow[]): Promise<{ o: Obligation; receiver: UnitRow }[]> {
  const ancestors = units.filter((u) => u.id !== unit.id && unit.path.startsWith(u.path)).sort((a, b) => b.path.length - a.path.length);
  const out: { o: Obligation; receiver: UnitRow }[] = [];
  for (const receiver of ancestors) {
    for (const o of await obligationsOf(deps, repo, receiver, units)) {
      if (!out.some((x) => x.o.key === o.key) && owing(o, receiver, units).some((u) => u.id === unit.id)) out.push({ o, receiver });
    }
  }
  return out;
}

/** An obligation by its key, one of its keywords, or its name. */
function findObligation<T extends { o: Obligation }>(list: T[], word: string): T | null {
  const w = toHalfWidth(word).trim().toLowerCase();
  return list.find(({ o }) => o.key === w || o.keywords.some((k) => k.toLowerCase() === w) || o.name["zh-CN"] === word || o.name.en.toLowerCase() === w) ?? null;
}

/** The obligation a file's caption names: the longest keyword found wins (`年度总结（含统计表）` is the annual one). */
function obligationInCaption<T extends { o: Obligation }>(list: T[], caption: string): T | null {
  const c = toHalfWidth(caption).toLowerCase();
  let best: T | null = null;
  let len = 0;
  for (const x of list) {
    for (const k of x.o.keywords) {
      if (k.length > len && c.includes(k.toLowerCase())) {
        best = x;
        len = k.length;
      }
    }
  }
  return best;
}

const nameOf = (ctx: Ctx, o: Obligation) => o.name[ctx.lang];


const SUBTREE_WORDS = ["全部下级", "所有下级", "subtree", "all-below"];

async function add(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  const { ref, rest: tail } = firstWord(args);
  const date = ref ? parseDate(ref) : null;
  if (ref && !date && looksLikeDate(ref)) throw new Refusal("refuse-no-such-date", { input: ref });
  // `报送事项 2026-08-15 名称 [全部下级]`: the last word may say every unit below owes it, not only the next level.
  const parts = words(tail);
  const subtree = parts.length > 1 && SUBTREE_WORDS.includes(parts.at(-1)!.toLowerCase());
  const rest = (subtree ? parts.slice(0, -1) : parts).join(" ");
  if (!date || !rest) throw new Refusal("deadline-add-usage");
  if (date < ctx.today) throw new Refusal("deadline-past", { date });
  checkLength(rest, 100);
  const units = await ctx.repo.listUnits();
  const owedBy = subtree ? "subtree" : "children";
  const owingUnits = owing({ key: "", name: { "zh-CN": "", en: "" }, keywords: [], recurrence: { kind: "once", date }, owedBy }, binding.unit, units);
  if (owingUnits.length === 0) throw new Refusal("deadline-no-units", { unit: binding.unit.name });
  const keyword = words(rest)[0]!;
  const existing = (await obligationsOf(ctx.deps, ctx.repo, binding.unit, units)).map((o) => ({ o }));
  if (findObligation(existing, keyword)) throw new Refusal("deadline-exists", { word: keyword });
  await ctx.repo.deadlines.addOneOff({ receiverUnitId: binding.unit.id, name: rest, keyword, dueDate: date, owedBy, createdById: ctx.user.id, createdAt: ctx.now });
  const steps = ladder(ctx.deps.calendar, date).filter((s) => s.date >= ctx.today);
  ctx.reply("deadline-added", {
    name: rest,
    keyword,
    due: date,
    count: owingUnits.length,
    steps: ctx.list(steps.map((s) => ctx.t(`step-${s.step}`, { date: s.date }))),
  });
}

async function remove(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  const word = words(args)[0];
  if (!word) throw new Refusal("deadline-remove-usage");
  const rows = await ctx.repo.deadlines.oneOffs([binding.unit.id]);
  const row = rows.find((r) => String(r.id) === word || r.keyword === word || r.name === args.trim());
  if (!row) throw new Refusal("deadline-remove-unknown", { word, list: ctx.list(rows.map((r) => r.keyword)) || "—" });
  await ctx.repo.deadlines.removeOneOff(row.id);
  ctx.reply("deadline-removed", { name: row.name });
}

/** Records a submission of the bound group's unit, by command or by a file whose caption names the obligation. */
async function submit(ctx: Ctx, obligationWord: string | null, periodWord: string | undefined, via: "command" | "file"): Promise<void> {
  const binding = ctx.requireBinding();
  const unit = binding.unit;
  const units = await ctx.repo.listUnits();
  const owed = await owedBy(ctx.deps, ctx.repo, unit, units);
  const found = via === "file" ? obligationInCaption(owed, ctx.msg.text) : obligationWord ? findObligation(owed, obligationWord) : null;
  if (!found) {
    if (via === "file") return; // a file that names no obligation is just a file
    if (owed.length === 0) throw new Refusal("submitted-no-receiver", { unit: unit.name });
    const list = ctx.list(owed.map(({ o }) => o.keywords[0]!));
    throw new Refusal(obligationWord ? "submitted-unknown" : "submitted-usage", { word: obligationWord ?? "", list });
  }
  // A file from someone who may not submit for the unit is just a file; a command gets the reason.
  if (via === "file" && !(await ctx.can("OFFICIAL", unit))) return;
  await ctx.require("OFFICIAL", unit);
  const { o, receiver } = found;
  const rec = o.recurrence;
  let period: string;
  if (periodWord) {
    period = normalisePeriod(periodWord, ctx.today);
  } else {
    const prev = activePeriods(rec, ctx.today)[0]!;
    const earlier = await ctx.repo.deadlines.submissions(o.key, prev, [unit.id]);
    // A period due before the unit was set up was never its to owe.
    const created = units.find((u) => u.id === unit.id)?.createdAt;
    const predates = !!created && dueDate(rec, prev) < shanghaiDate(created);
    period = defaultPeriod(rec, ctx.today, () => earlier.size > 0 || predates);
  }
  if (!isPeriodOf(rec, period)) {
    throw new Refusal("submitted-bad-period", { period: periodWord ?? period, example: periodOn(rec, ctx.today) });
  }
  const due = dueDate(rec, period);
  const late = isLate(ctx.today, due);
  const ok = await ctx.repo.deadlines.submit({
    obligationKey: o.key,
    period,
    unitId: unit.id,
    submittedById: ctx.user.id,
    submittedAt: ctx.now,
    late,
    via,
    fileRef: ctx.msg.attachments.find((a) => a.kind === "document")?.ref ?? null,
  });
  if (!ok) {
    const prior = (await ctx.repo.deadlines.submissions(o.key, period, [unit.id])).get(unit.id)!;
    ctx.reply("submitted-already", { name: nameOf(ctx, o), period, who: prior.submittedBy, when: shanghaiDateTime(prior.submittedAt) });
    return;
  }
  ctx.reply("submitted-done", { name: nameOf(ctx, o), period, unit: unit.name, receiver: receiver.name, late: late ? "yes" : "no", due });
}

/** `2026-11`, `2026年11月`, `10月` (the last such month), `2026`, a date. */
function normalisePeriod(word: string, today: string): string {
  const w = toHalfWidth(word).trim();
  if (/^\d{4}年?$/.test(w)) return w.slice(0, 4);
  const bare = /^(\d{1,2})月(?:份)?/.exec(w);
  if (bare) {
    const m = Number(bare[1]);
    if (m >= 1 && m <= 12) {
      const y = Number(today.slice(0, 4)) - (m > Number(today.slice(5, 7)) ? 1 : 0);
      return `${y}-${String(m).padStart(2, "0")}`;
    }
  }
  return parseMonth(w) ?? parseDate(w) ?? w;
}

async function submitted(ctx: Ctx, args: string): Promise<void> {
  const [word, period] = words(args);
  await submit(ctx, word ?? null, period, "command");
}

/** A document in a bound group whose caption names an obligation counts as its submission. */
export async function onDocument(ctx: Ctx): Promise<void> {
  if (!ctx.binding || !ctx.msg.attachments.some((a) => a.kind === "document")) return;
  const caption = toHalfWidth(ctx.msg.text);
  const period = /(\d{4})\s*年\s*(\d{1,2})\s*月|(\d{4})-(\d{1,2})|(\d{1,2})\s*月/.exec(caption)?.[0];
  await submit(ctx, null, period, "file");
}

async function status(ctx: Ctx, args: string): Promise<void> {
  const receivers = await ctx.officialUnits();
  const arg = words(args)[0];
  const asked = arg ? normalisePeriod(arg, ctx.today) : null;
  if (asked && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(asked)) throw new Refusal("deadlines-usage");
  const units = await ctx.repo.listUnits();
  const lines: string[] = [];
  for (const unit of receivers) {
    const obligations = await obligationsOf(ctx.deps, ctx.repo, unit, units);
    if (obligations.length === 0) {
      lines.push(ctx.t("deadlines-no-units", { unit: unit.name }));
      continue;
    }
    lines.push(ctx.t("deadlines-head", { unit: unit.name }));
    for (const o of obligations) {
      const period = asked && isPeriodOf(o.recurrence, asked) ? asked : periodOn(o.recurrence, ctx.today);
      const due = dueDate(o.recurrence, period);
      const from = owing(o, unit, units);
      const subs = await ctx.repo.deadlines.submissions(o.key, period, from.map((u) => u.id));
      lines.push(ctx.t("deadlines-obligation", { name: nameOf(ctx, o), period, due, done: subs.size, total: from.length }));
      for (const u of from) {
        const s = subs.get(u.id);
        lines.push(
          s
            ? ctx.t("deadlines-line-submitted", { unit: u.name, when: shanghaiDateTime(s.submittedAt), who: s.submittedBy, late: s.late ? "yes" : "no" })
            : ctx.t("deadlines-line-missing", { unit: u.name, overdue: ctx.today > due ? "yes" : "no" }),
        );
      }
    }
  }
  ctx.replyText(lines.join("\n"));
}

async function remindme(ctx: Ctx, args: string): Promise<void> {
  const w = toHalfWidth(args).trim().toLowerCase();
  const on = ["开", "开启", "on", "yes"].includes(w) ? true : ["关", "关闭", "off", "no"].includes(w) ? false : null;
  if (on === null) throw new Refusal("remindme-usage");
  await ctx.repo.deadlines.setRemindPrivately(ctx.user.id, on);
  ctx.reply(on ? "remindme-on" : "remindme-off");
}

async function record(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  let { ref, rest } = firstWord(args);
  let month = shanghaiMonth(ctx.now);
  const asMonth = ref ? parseMonth(ref) : null;
  if (asMonth) {
    month = asMonth;
    ({ ref, rest } = firstWord(rest));
  }
  const text = [ref, rest].filter(Boolean).join(" ");
  if (ref === "问题" || ref?.toLowerCase() === "problem") {
    const problem = parseProblem(rest);
    if (!problem) throw new Refusal("record-problem-usage");
    const current = problemsOf((await ctx.repo.deadlines.figures([binding.unit.id], month)).get(binding.unit.id));
    const all = [...current, problem];
    await ctx.repo.deadlines.setFigure({ unitId: binding.unit.id, month, key: PROBLEMS_KEY, value: JSON.stringify(all), recordedById: ctx.user.id, recordedAt: ctx.now });
    ctx.reply("record-problem-done", { unit: binding.unit.name, month, count: all.length });
    return;
  }
  const parsed = parseFigures(text);
  if (!parsed.ok) {
    if (parsed.error === "unknown-key") throw new Refusal("record-unknown-key", { word: parsed.word ?? "", keys: ctx.list(FIGURES.map((f) => f.words[0]!)) });
    if (parsed.error === "bad-value") throw new Refusal("record-bad-value", { word: parsed.word ?? "" });
    throw new Refusal("record-usage");
  }
  for (const v of parsed.values) {
    await ctx.repo.deadlines.setFigure({ unitId: binding.unit.id, month, key: v.key, value: v.value, recordedById: ctx.user.id, recordedAt: ctx.now });
  }
  ctx.reply("record-done", {
    unit: binding.unit.name,
    month,
    list: ctx.list(parsed.values.map((v) => `${ctx.t(`figure-${v.key}`)} ${v.value}`)),
  });
}

async function exportTable(ctx: Ctx, args: string): Promise<void> {
  // `导出 台账 …` is the ledger, as `导出台账 …` is.
  const { ref, rest } = firstWord(args);
  if (ref && ["台账", "隐患台账", "ledger"].includes(ref.toLowerCase())) return ledger(ctx, rest);
  const units = await ctx.officialUnits();
  const arg = words(args)[0];
  const month = arg ? parseMonth(arg) : shanghaiMonth(ctx.now);
  if (!month) throw new Refusal("export-usage");
  for (const unit of units) {
    const file = await statisticsTable(ctx.deps, ctx.repo, unit, month, ctx.lang, ctx.today);
    ctx.out.push({
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      text: ctx.t("export-done", { unit: unit.name, month }),
      file: { kind: "document", filename: file.filename, data: file.data },
    });
  }
}

async function trend(ctx: Ctx): Promise<void> {
  const units = await ctx.officialUnits();
  const end = shanghaiMonth(ctx.now);
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  const since = ctx.deps.config.SENTINEL_CAMPAIGN_START;
  for (const unit of units) {
    const flows = [];
    const rates: (number | null)[] = [];
    let supervised = 0;
    for (const m of months) {
      const { start, end: to } = monthRange(m);
      flows.push(await ctx.repo.flows([unit.path], start, to));
      // The line: the cumulative rectification rate at each month's end, as /stats and the table count it.
      const cumulative = await ctx.repo.stats([unit.path], since ? startOfShanghaiDay(since) : null, to, ctx.today);
      rates.push(rectificationRate(totalCounts(cumulative)));
      // 挂牌督办 as /stats and the table count it: listed at any time, closed or not.
      supervised = cumulative.supervised;
    }
    const png = await renderTrend({
      title: ctx.t("trend-title", { unit: unit.name, from: months[0]!, to: end }),
      months,
      countAxisLabel: ctx.t("trend-axis-count"),
      rateAxisLabel: ctx.t("trend-axis-rate"),
      series: [
        { label: ctx.t("trend-general-found"), values: flows.map((s) => s.general.found), kind: "bar", axis: "count" },
        { label: ctx.t("trend-general-rectified"), values: flows.map((s) => s.general.rectified), kind: "bar", axis: "count" },
        { label: ctx.t("trend-major-found"), values: flows.map((s) => s.major.found), kind: "bar", axis: "count" },
        { label: ctx.t("trend-major-rectified"), values: flows.map((s) => s.major.rectified), kind: "bar", axis: "count" },
        { label: ctx.t("trend-rate"), values: rates as number[], kind: "line", axis: "rate" },
      ],
    });
    const found = flows.reduce((a, s) => a + s.general.found + s.major.found, 0);
    const rectified = flows.reduce((a, s) => a + s.general.rectified + s.major.rectified, 0);
    const rate = rates.at(-1) ?? null;
    ctx.out.push({
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      text: ctx.t("trend-done", { unit: unit.name, from: months[0]!, to: end, found, rectified, supervised, rate: rate === null ? "—" : `${rate}%` }),
      file: { kind: "photo", filename: `trend-${unit.id}-${end}.png`, data: png },
    });
  }
}

/** 报送: obligations, submissions and their status, recorded figures, the statistics table and the trend chart. */
export const deadlines: Feature = {
  commands: {
    "deadline-add": add,
    "deadline-remove": remove,
    deadlines: status,
    submitted,
    remindme,
    record,
    export: exportTable,
    trend,
  },
};
