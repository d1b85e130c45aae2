import { monthRange, parseDate, parseMonth, shanghaiMonth } from "../../domain/dates.ts";
import { PROBLEMS_KEY, FIGURES, parseFigures, parseProblem } from "../../domain/figures.ts";
import { dueDate, isLate, isPeriodOf, ladder, periodOn, type Obligation } from "../../domain/obligations.ts";
import { topUnits } from "../../domain/permissions.ts";
import { rectificationRate, totalCounts } from "../../domain/stats.ts";
import type { BotDeps } from "../context.ts";
import type { Repo, UnitRow } from "../../store/index.ts";
import { Refusal, type Ctx } from "../context.ts";
import { firstWord, words } from "../parse.ts";
import { oneOff } from "../obligations.ts";
import type { Feature } from "../bot.ts";
import { statisticsTable, problemsOf } from "../../reports/gather.ts";
import { renderTrend } from "../../reports/trend.ts";
import { shanghaiDateTime, toHalfWidth } from "../../domain/dates.ts";

/** The obligations a unit receives from the units below it: the recurring ones and its own one-offs. */
export async function obligationsOf(deps: BotDeps, repo: Repo, receiverId: number): Promise<Obligation[]> {
  return [...deps.obligations, ...(await repo.deadlines.oneOffs([receiverId])).map(oneOff)];
}

/** An obligation by its key, one of its keywords, or its name. */
function findObligation(list: Obligation[], word: string): Obligation | null {
  const w = toHalfWidth(word).trim().toLowerCase();
  return list.find((o) => o.key === w || o.keywords.some((k) => k.toLowerCase() === w) || o.name["zh-CN"] === word || o.name.en.toLowerCase() === w) ?? null;
}

/** The first obligation a file's caption names by keyword. */
function obligationInCaption(list: Obligation[], caption: string): Obligation | null {
  const c = toHalfWidth(caption).toLowerCase();
  return list.find((o) => o.keywords.some((k) => c.includes(k.toLowerCase()))) ?? null;
}

const nameOf = (ctx: Ctx, o: Obligation) => o.name[ctx.lang];

/** The units an official acts for here: the bound group's, or (in private) the highest units they hold. */
async function officialUnits(ctx: Ctx): Promise<UnitRow[]> {
  if (ctx.binding) {
    await ctx.require("OFFICIAL", ctx.binding.unit);
    return [ctx.binding.unit];
  }
  const all = await ctx.repo.listUnits();
  if (ctx.isSuperAdmin) return all.filter((u) => u.parentId === null);
  const tops = topUnits(await ctx.grants(), "OFFICIAL");
  if (tops.length === 0) throw new Refusal("refuse-role", { role: ctx.t("role-official"), unit: "—" });
  return all.filter((u) => tops.includes(u.path));
}

/** The units that owe `unit` its reports: the units directly below it. */
async function owingUnits(ctx: Ctx, unit: UnitRow): Promise<UnitRow[]> {
  return (await ctx.repo.listUnits(unit.path)).filter((u) => u.parentId === unit.id);
}

async function add(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  const { ref, rest } = firstWord(args);
  const date = ref ? parseDate(ref) : null;
  if (!date || !rest) throw new Refusal("deadline-add-usage");
  if (date < ctx.today) throw new Refusal("deadline-past", { date });
  if ([...rest].length > 100) throw new Refusal("refuse-too-long", { limit: 100 });
  const owing = await owingUnits(ctx, binding.unit);
  if (owing.length === 0) throw new Refusal("deadline-no-units", { unit: binding.unit.name });
  const keyword = words(rest)[0]!;
  const existing = await obligationsOf(ctx.deps, ctx.repo, binding.unit.id);
  if (findObligation(existing, keyword)) throw new Refusal("deadline-exists", { word: keyword });
  const row = await ctx.repo.deadlines.addOneOff({ receiverUnitId: binding.unit.id, name: rest, keyword, dueDate: date, createdById: ctx.user.id });
  const steps = ladder(ctx.deps.calendar, date);
  ctx.reply("deadline-added", {
    name: rest,
    keyword,
    due: date,
    count: owing.length,
    steps: ctx.list(steps.map((s) => ctx.t(`step-${s.step}`, { date: s.date }))),
    id: row.id,
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
  const receiver = unit.parentId === null ? null : (await ctx.repo.listUnits()).find((u) => u.id === unit.parentId) ?? null;
  if (!receiver) throw new Refusal("submitted-no-receiver", { unit: unit.name });
  const list = await obligationsOf(ctx.deps, ctx.repo, receiver.id);
  const names = ctx.list(list.map((o) => o.keywords[0]!));
  const obligation = via === "file" ? obligationInCaption(list, ctx.msg.text) : obligationWord ? findObligation(list, obligationWord) : null;
  if (!obligation) {
    if (via === "file") return; // a file that names no obligation is just a file
    throw new Refusal(obligationWord ? "submitted-unknown" : "submitted-usage", { word: obligationWord ?? "", list: names });
  }
  await ctx.require("OFFICIAL", unit);
  const rec = obligation.recurrence;
  const period = periodWord ? normalisePeriod(periodWord) : periodOn(rec, ctx.today);
  if (!isPeriodOf(rec, period)) {
    throw new Refusal("submitted-bad-period", { period: periodWord ?? period, example: periodOn(rec, ctx.today) });
  }
  const due = dueDate(rec, period);
  const late = isLate(ctx.today, due);
  const ok = await ctx.repo.deadlines.submit({
    obligationKey: obligation.key,
    period,
    unitId: unit.id,
    submittedById: ctx.user.id,
    submittedAt: ctx.now,
    late,
    via,
    fileRef: ctx.msg.attachments.find((a) => a.kind === "document")?.ref ?? null,
  });
  if (!ok) {
    const prior = (await ctx.repo.deadlines.submissions(obligation.key, period, [unit.id])).get(unit.id)!;
    ctx.reply("submitted-already", { name: nameOf(ctx, obligation), period, who: prior.submittedBy, when: shanghaiDateTime(prior.submittedAt) });
    return;
  }
  ctx.reply("submitted-done", { name: nameOf(ctx, obligation), period, unit: unit.name, receiver: receiver.name, late: late ? "yes" : "no", due });
}

/** `2026-11`, `2026年11月`, `2026`, a date. */
function normalisePeriod(word: string): string {
  const w = toHalfWidth(word).trim();
  if (/^\d{4}年?$/.test(w)) return w.slice(0, 4);
  return parseMonth(w) ?? parseDate(w) ?? w;
}

async function submitted(ctx: Ctx, args: string): Promise<void> {
  const [word, period] = words(args);
  await submit(ctx, word ?? null, period, "command");
}

/** A document in a bound group whose caption names an obligation counts as its submission. */
export async function onDocument(ctx: Ctx): Promise<void> {
  if (!ctx.binding || !ctx.msg.attachments.some((a) => a.kind === "document")) return;
  const period = words(ctx.msg.text).map(normalisePeriod).find((w) => /^\d{4}(-\d{2})?$/.test(w));
  await submit(ctx, null, period, "file");
}

async function status(ctx: Ctx, args: string): Promise<void> {
  const units = await officialUnits(ctx);
  const arg = words(args)[0];
  const lines: string[] = [];
  for (const unit of units) {
    const owing = await owingUnits(ctx, unit);
    if (owing.length === 0) {
      lines.push(ctx.t("deadlines-no-units", { unit: unit.name }));
      continue;
    }
    lines.push(ctx.t("deadlines-head", { unit: unit.name }));
    for (const o of await obligationsOf(ctx.deps, ctx.repo, unit.id)) {
      const asked = arg ? normalisePeriod(arg) : null;
      const period = asked && isPeriodOf(o.recurrence, asked) ? asked : periodOn(o.recurrence, ctx.today);
      const due = dueDate(o.recurrence, period);
      const subs = await ctx.repo.deadlines.submissions(o.key, period, owing.map((u) => u.id));
      lines.push(ctx.t("deadlines-obligation", { name: nameOf(ctx, o), period, due, done: subs.size, total: owing.length }));
      for (const u of owing) {
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
  if (ctx.user.id === 0) throw new Refusal("remindme-usage");
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
  const units = await officialUnits(ctx);
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
  const units = await officialUnits(ctx);
  const end = shanghaiMonth(ctx.now);
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  for (const unit of units) {
    const stats = [];
    for (const m of months) {
      const { start, end: to } = monthRange(m);
      stats.push(await ctx.repo.stats([unit.path], start, to, ctx.today));
    }
    const png = await renderTrend({
      title: ctx.t("trend-title", { unit: unit.name, from: months[0]!, to: end }),
      months,
      countAxisLabel: ctx.t("trend-axis-count"),
      rateAxisLabel: ctx.t("trend-axis-rate"),
      series: [
        { label: ctx.t("trend-general-found"), values: stats.map((s) => s.general.found), kind: "bar", axis: "count" },
        { label: ctx.t("trend-general-rectified"), values: stats.map((s) => s.general.rectified), kind: "bar", axis: "count" },
        { label: ctx.t("trend-major-found"), values: stats.map((s) => s.major.found), kind: "bar", axis: "count" },
        { label: ctx.t("trend-major-rectified"), values: stats.map((s) => s.major.rectified), kind: "bar", axis: "count" },
        {
          label: ctx.t("trend-rate"),
          values: stats.map((s) => rectificationRate(totalCounts(s)) as number),
          kind: "line",
          axis: "rate",
        },
      ],
    });
    const total = stats.map(totalCounts).reduce((a, c) => ({ found: a.found + c.found, rectified: a.rectified + c.rectified }), { found: 0, rectified: 0 });
    const rate = rectificationRate(total);
    ctx.out.push({
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      text: ctx.t("trend-done", { unit: unit.name, from: months[0]!, to: end, found: total.found, rectified: total.rectified, rate: rate === null ? "—" : `${rate}%` }),
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
