import { looksLikeDate, monthRange, parseDate, parseMonth, shanghaiDate, shanghaiMonth, startOfShanghaiDay } from "../../domain/dates.ts";
import { aspectOf, campaignOfMonth, campaignOn, parseFigures, parseProblemItem, problemKey, type Campaign, type ProblemItem } from "../../domain/campaign.ts";
import { activePeriods, defaultPeriod, dueDate, isLate, isPeriodOf, ladder, periodOn, type Obligation } from "../../domain/obligations.ts";
import { rectificationRate, totalCounts } from "../../domain/stats.ts";
import type { BotDeps } from "../context.ts";
import type { Repo, UnitRow } from "../../store/index.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { firstWord, words } from "../parse.ts";
import { oneOff } from "../obligations.ts";
import type { Feature } from "../bot.ts";
import { countedFrom, statisticsTable } from "../../reports/gather.ts";
import { ledger } from "./ledger.ts";
import { shanghaiDateTime, toHalfWidth } from "../../domain/dates.ts";

/** Whether a unit receives an obligation: a named receiver, or (by default) any unit with units below it. */
export function receives(o: Obligation, unit: UnitRow, units: readonly UnitRow[]): boolean {
  if (o.receivers) return o.receivers.includes(unit.name);
  return (childrenOf(units).get(unit.id)?.length ?? 0) > 0;
}

/**
 * Each unit's children, in the order of `units`, built once per list: a reminder round asks for every unit of a
 * province-sized tree, which scanning the whole list each time made quadratic in the units (issue 13).
 */
const childIndex = new WeakMap<readonly UnitRow[], Map<number, UnitRow[]>>();
function childrenOf(units: readonly UnitRow[]): Map<number, UnitRow[]> {
  let index = childIndex.get(units);
  if (!index) {
    index = new Map();
    for (const u of units) {
      if (u.parentId === null) continue;
      const siblings = index.get(u.parentId);
      if (siblings) siblings.push(u);
      else index.set(u.parentId, [u]);
    }
    childIndex.set(units, index);
  }
  return index;
}

/** The units that owe `receiver` an obligation: the units directly below it, or every unit below it. */
export function owing(o: Obligation, receiver: UnitRow, units: readonly UnitRow[]): UnitRow[] {
  if (o.owedBy !== "subtree") return childrenOf(units).get(receiver.id) ?? [];
  return units.filter((u) => u.id !== receiver.id && u.path.startsWith(receiver.path));
}

/**
 * The obligations a unit receives on `today`: the recurring ones of the campaign in force that it is a receiver of,
 * and its own one-offs.
 */
export async function obligationsOf(deps: BotDeps, repo: Repo, receiver: UnitRow, units: readonly UnitRow[], today: string): Promise<Obligation[]> {
  const recurring = campaignOn(deps.campaigns, today).obligations;
  return [...recurring.filter((o) => receives(o, receiver, units)), ...(await repo.deadlines.oneOffs([receiver.id])).map(oneOff)];
}

/** What a unit owes, and to whom: every obligation of a unit above it that counts it among the owing units. */
async function owedBy(deps: BotDeps, repo: Repo, unit: UnitRow, units: readonly UnitRow[], today: string): Promise<{ o: Obligation; receiver: UnitRow }[]> {
  const ancestors = units.filter((u) => u.id !== unit.id && unit.path.startsWith(u.path)).sort((a, b) => b.path.length - a.path.length);
  const out: { o: Obligation; receiver: UnitRow }[] = [];
  for (const receiver of ancestors) {
    for (const o of await obligationsOf(deps, repo, receiver, units, today)) {
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
  const existing = (await obligationsOf(ctx.deps, ctx.repo, binding.unit, units, ctx.today)).map((o) => ({ o }));
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
  const owed = await owedBy(ctx.deps, ctx.repo, unit, units, ctx.today);
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
    const obligations = await obligationsOf(ctx.deps, ctx.repo, unit, units, ctx.today);
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
  const unit = binding.unit;
  await ctx.require("OFFICIAL", unit);
  let { ref, rest } = firstWord(args);
  let month = shanghaiMonth(ctx.now);
  const asMonth = ref ? parseMonth(ref) : null;
  if (asMonth) {
    month = asMonth;
    ({ ref, rest } = firstWord(rest));
  }
  const campaign = campaignOfMonth(ctx.deps.campaigns, month);
  const text = [ref, rest].filter(Boolean).join(" ");
  if (ref === "问题" || ref?.toLowerCase() === "problem") {
    await recordProblem(ctx, unit, campaign, month, rest);
    return;
  }
  const parsed = parseFigures(campaign, text);
  if (!parsed.ok) {
    if (parsed.error === "unknown-key") throw new Refusal("record-unknown-key", { word: parsed.word ?? "", keys: ctx.list(campaign.figures.map((f) => f.words[0]!)) });
    if (parsed.error === "bad-value") throw new Refusal("record-bad-value", { word: parsed.word ?? "" });
    throw new Refusal("record-usage");
  }
  // Enforcement and the like are a regulator's own numbers: an enterprise has none to record.
  const theirs = parsed.values.find((v) => v.def.by === "regulator" && unit.kind !== "REGULATOR");
  if (theirs) throw new Refusal("record-regulator-only", { word: theirs.def.label[ctx.lang], unit: unit.name });
  for (const v of parsed.values) {
    await ctx.repo.deadlines.setFigure({ unitId: unit.id, month, key: v.def.key, value: v.value, recordedById: ctx.user.id, recordedAt: ctx.now });
  }
  ctx.reply("record-done", {
    unit: unit.name,
    month,
    list: ctx.list(parsed.values.map((v) => `${v.def.label[ctx.lang]} ${v.value}`)),
  });
}

/** `录入 [月份] 问题 <方面> 具体表现；整改措施及完成情况` adds an entry under one of the campaign's aspects; `… <方面> 清空` clears them. */
async function recordProblem(ctx: Ctx, unit: UnitRow, campaign: Campaign, month: string, args: string): Promise<void> {
  const aspects = () => ctx.list(campaign.problems.map((p, i) => `${i + 1} ${p}`));
  if (campaign.problems.length === 0) throw new Refusal("record-problem-none", { campaign: campaign.name[ctx.lang] });
  const { ref, rest } = firstWord(args);
  const index = ref ? aspectOf(campaign, ref) : null;
  if (!index) throw new Refusal(ref ? "record-problem-aspect" : "record-problem-usage", { word: ref ?? "", aspects: aspects() });
  const key = problemKey(index);
  const current = (await ctx.repo.deadlines.figures([unit.id], month)).get(unit.id)?.get(key);
  const items: ProblemItem[] = current ? (JSON.parse(current) as ProblemItem[]) : [];
  if (CLEAR_WORDS.includes(rest.trim().toLowerCase())) {
    await ctx.repo.deadlines.setFigure({ unitId: unit.id, month, key, value: "[]", recordedById: ctx.user.id, recordedAt: ctx.now });
    ctx.reply("record-problem-cleared", { unit: unit.name, month, aspect: campaign.problems[index - 1]! });
    return;
  }
  const item = parseProblemItem(rest);
  if (!item) throw new Refusal("record-problem-usage", { word: "", aspects: aspects() });
  checkLength(item.shown + item.measures, 1000);
  items.push(item);
  await ctx.repo.deadlines.setFigure({ unitId: unit.id, month, key, value: JSON.stringify(items), recordedById: ctx.user.id, recordedAt: ctx.now });
  ctx.reply("record-problem-done", { unit: unit.name, month, aspect: campaign.problems[index - 1]!, count: items.length });
}

const CLEAR_WORDS = ["清空", "删除", "clear"];

/** After this long building a table, the asker is told it is on its way. */
const EXPORT_NOTICE_MS = 2_000;

async function exportTable(ctx: Ctx, args: string): Promise<void> {
  // `导出 台账 …` is the ledger, as `导出台账 …` is.
  const { ref, rest } = firstWord(args);
  if (ref && ["台账", "隐患台账", "ledger"].includes(ref.toLowerCase())) return ledger(ctx, rest);
  const units = await ctx.officialUnits();
  const arg = words(args)[0];
  const month = arg ? parseMonth(arg) : shanghaiMonth(ctx.now);
  if (!month) throw new Refusal("export-usage");
  // Built after the message's commit, outside its transaction: a whole county's table must not hold every other message.
  const { deps, lang, today } = ctx;
  const to = { platform: ctx.msg.platform, chatId: ctx.msg.chatId };
  const t = (id: string, a?: Record<string, string | number>) => deps.prompts.t(lang, id, a);
  ctx.afterCommit(async (send) => {
    for (const unit of units) {
      // A table that takes more than a moment (a province's tree) is announced, so nobody asks again meanwhile.
      const notice = setTimeout(() => void send([{ ...to, text: t("export-started", { unit: unit.name, month }) }]).catch(() => undefined), EXPORT_NOTICE_MS);
      try {
        const file = await deps.store.transaction((repo) => statisticsTable(deps, repo, unit, month, lang, today)).finally(() => clearTimeout(notice));
        const failed = t("file-not-sent", { filename: file.filename });
        await send([{ ...to, text: t("export-done", { unit: unit.name, month }), file: { kind: "document", filename: file.filename, data: file.data, failed } }]);
      } catch (err) {
        deps.log.error({ module: "export", op: "table", err }, "statistics table not built");
        await send([{ ...to, text: t("export-failed", { unit: unit.name, month }) }]);
      }
    }
  });
}

/**
 * The 12-month trend chart of `unit`'s subtree up to the month of `now`, as a PNG, with the figures its caption quotes.
 * Every figure as 统计 counts it. The chat's `趋势` and the web ledger's chart are this.
 */
export async function trendOf(
  deps: BotDeps,
  repo: Repo,
  unit: UnitRow,
  now: Date,
  today: string,
  t: (id: string, args?: Record<string, string | number>) => string,
): Promise<{ png: Buffer; end: string; args: Record<string, string | number> }> {
  const end = shanghaiMonth(now);
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  const ranges = months.map((m) => monthRange(m));
  // Cumulative as 统计 and the table count each month: since the start of the campaign in force that month.
  const since = months.map((m) => startOfShanghaiDay(countedFrom(deps, campaignOfMonth(deps.campaigns, m))));
  // One query, every figure as 统计 counts it: each month as `统计 <month>` (the bars), the cumulative figures at
  // each month's end as its 累计 block (the rate and 挂牌督办 lines), and the twelve months as one period (the text).
  const all = await repo.windowStats(
    [unit.path],
    [...ranges.map((r) => ({ from: r.start, to: r.end })), ...ranges.map((r, i) => ({ from: since[i]!, to: r.end })), { from: ranges[0]!.start, to: ranges[11]!.end }],
    today,
  );
  const monthly = all.slice(0, 12);
  const cumulative = all.slice(12, 24);
  const year = totalCounts(all[24]!);
  const rates = cumulative.map((s) => rectificationRate(totalCounts(s)));
  // The chart's libraries (a canvas, chart.js, the font) load on first use, not at start (issue 13).
  const png = await (await import("../../reports/trend.ts")).renderTrend({
    title: t("trend-title", { unit: unit.name, from: months[0]!, to: end }),
    months,
    countAxisLabel: t("trend-axis-count"),
    rateAxisLabel: t("trend-axis-rate"),
    series: [
      { label: t("trend-general-found"), values: monthly.map((s) => s.general.found), kind: "bar", axis: "count" },
      { label: t("trend-general-rectified"), values: monthly.map((s) => s.general.rectified), kind: "bar", axis: "count" },
      { label: t("trend-major-found"), values: monthly.map((s) => s.major.found), kind: "bar", axis: "count" },
      { label: t("trend-major-rectified"), values: monthly.map((s) => s.major.rectified), kind: "bar", axis: "count" },
      // 挂牌督办 as 统计 and the table count it: listed by the month's end, closed or not.
      { label: t("trend-supervised"), values: cumulative.map((s) => s.supervised), kind: "line", axis: "count" },
      { label: t("trend-rate"), values: rates, kind: "line", axis: "rate" },
    ],
  });
  const rate = rates.at(-1) ?? null;
  return {
    png,
    end,
    args: {
      unit: unit.name,
      from: months[0]!,
      to: end,
      found: year.found,
      rectified: year.rectified,
      supervised: cumulative.at(-1)!.supervised,
      rate: rate === null ? "—" : `${rate}%`,
    },
  };
}

async function trend(ctx: Ctx): Promise<void> {
  const units = await ctx.officialUnits();
  for (const unit of units) {
    const { png, end, args } = await trendOf(ctx.deps, ctx.repo, unit, ctx.now, ctx.today, (id, a) => ctx.t(id, a));
    ctx.out.push({
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      text: ctx.t("trend-done", args),
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
