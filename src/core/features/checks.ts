import { shanghaiDate, shanghaiDateTime, shanghaiMonth, shanghaiYear, startOfShanghaiDay, addDays, toHalfWidth } from "../../domain/dates.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import { matchMajorIndicators } from "../../domain/major-hazard.ts";
import { isQuiet } from "../../domain/obligations.ts";
import {
  answerableSince, formatTime, parseAnswers, parseDialogAnswer, parseFrequency, parseTimeOfDay, periodArgs,
  type ChecklistTemplate, type CheckResult, type Frequency, type ParsedAnswers,
} from "../../domain/checks.ts";
import type { ChecklistItemRow, ConversationRow, RoundRow, UnitRow } from "../../store/index.ts";
import { Refusal, checkLength, type Ctx } from "../context.ts";
import { firstWord, looksLikeSlashCommand, splitOnTheSpot, words } from "../parse.ts";
import type { Feature } from "../bot.ts";
import { checks, exportChecklist } from "./check-report.ts";
import { indicatorsOfUnit } from "../industries.ts";
import { noteLeader, leadsUnit, cadenceFor, sign } from "./leader-checks.ts";

const MAX_ATTACHMENTS = 9;
const MAX_NOTE = 500;

const SUB = {
  templates: ["模板", "清单模板", "templates", "template"],
  adopt: ["采用", "使用", "adopt", "use"],
  add: ["添加", "新增", "增加", "add"],
  drop: ["删除", "去掉", "drop", "remove"],
  responsible: ["责任人", "负责人", "responsible"],
  export: ["导出", "export"],
} as const;
const OFF_WORDS = ["关", "关闭", "停止", "取消", "off", "stop"];
const NONE_WORDS = ["无", "没有", "清除", "none", "-"];

const subOf = (word: string | undefined): keyof typeof SUB | null => {
  const w = toHalfWidth(word ?? "").toLowerCase();
  return (Object.keys(SUB) as (keyof typeof SUB)[]).find((k) => (SUB[k] as readonly string[]).includes(w)) ?? null;
};

/** An item as one line of the list: number, frequency, text, basis, ⚠ when abnormal suggests a major hazard, responsible. */
function itemLine(ctx: Ctx, n: number, item: ChecklistItemRow): string {
  return ctx.t("checklist-line", {
    n,
    freq: item.frequency,
    text: item.text,
    basis: item.basis ?? "none",
    major: item.indicator ? "yes" : "no",
    responsible: item.responsible ?? "none",
  });
}

/** The bound group's unit, for anything a member does with its checklist. */
async function memberUnit(ctx: Ctx): Promise<UnitRow> {
  const binding = ctx.requireBinding();
  await ctx.require("WORKER", binding.unit);
  return binding.unit;
}

async function officialUnit(ctx: Ctx): Promise<UnitRow> {
  const binding = ctx.requireBinding();
  await ctx.require("OFFICIAL", binding.unit);
  return binding.unit;
}

function findTemplate(ctx: Ctx, word: string): ChecklistTemplate | null {
  const w = toHalfWidth(word).trim().toLowerCase();
  const list = ctx.deps.checklists;
  const n = Number(w);
  if (Number.isInteger(n) && n >= 1 && n <= list.length) return list[n - 1]!;
  return list.find((t) => t.key === w || t.name["zh-CN"] === word.trim() || t.name.en.toLowerCase() === w || t.industry === word.trim()) ?? null;
}

function templateList(ctx: Ctx): string {
  return ctx.deps.checklists
    .map((t, i) =>
      ctx.t("checklist-template-line", {
        n: i + 1,
        name: t.name[ctx.lang],
        key: t.key,
        count: t.items.length,
        daily: t.items.filter((x) => x.frequency === "DAILY").length,
        weekly: t.items.filter((x) => x.frequency === "WEEKLY").length,
        monthly: t.items.filter((x) => x.frequency === "MONTHLY").length,
        quarterly: t.items.filter((x) => x.frequency === "QUARTERLY").length,
        leader: t.items.filter((x) => x.frequency === "LEADER").length,
      }),
    )
    .join("\n");
}

/** `检查清单 …`: show, templates, adopt, add, drop, responsible, export. */
async function checklist(ctx: Ctx, args: string): Promise<void> {
  const { ref, rest } = firstWord(args);
  const sub = subOf(ref);
  if (ref && !sub) throw new Refusal("checklist-usage");
  if (sub === "templates") {
    ctx.replyText(`${ctx.t("checklist-templates-head")}\n${templateList(ctx)}`);
    return;
  }
  if (!sub) {
    const unit = await memberUnit(ctx);
    const items = await ctx.repo.checks.items(unit.id);
    if (items.length === 0) {
      ctx.replyText(`${ctx.t("checklist-empty", { unit: unit.name })}\n${templateList(ctx)}`);
      return;
    }
    ctx.replyText([ctx.t("checklist-head", { unit: unit.name, count: items.length }), ...items.map((it, i) => itemLine(ctx, i + 1, it))].join("\n"));
    return;
  }
  if (sub === "export") return exportChecklist(ctx, rest);
  const unit = await officialUnit(ctx);
  const items = await ctx.repo.checks.items(unit.id);
  switch (sub) {
    case "adopt": {
      if (!rest) throw new Refusal("checklist-adopt-usage", { list: ctx.list(ctx.deps.checklists.map((t) => t.name[ctx.lang])) });
      const t = findTemplate(ctx, rest);
      if (!t) throw new Refusal("checklist-no-template", { word: rest, list: ctx.list(ctx.deps.checklists.map((x) => x.name[ctx.lang])) });
      const have = new Set(items.map((i) => i.text));
      const fresh = t.items
        .map((i) => ({ frequency: i.frequency, text: ctx.lang === "en" ? i.en : i.zh, basis: i.basis, indicator: i.indicator ?? null, responsible: null, templateKey: t.key }))
        .filter((i) => !have.has(i.text));
      const n = await ctx.repo.checks.addItems(unit.id, fresh, ctx.now);
      const leading = fresh.filter((i) => i.frequency === "LEADER").length;
      const lines = [ctx.t("checklist-adopted", { unit: unit.name, name: t.name[ctx.lang], count: n, skipped: t.items.length - n, total: items.length + n })];
      if (leading) {
        const industry = (await ctx.repo.checks.industries([unit.id])).get(unit.id) ?? "none";
        lines.push(ctx.t("checklist-lead-hint", { unit: unit.name, count: leading, industry, cadence: await cadenceFor(ctx.deps, ctx.repo, unit.id, "LEADER") }));
      }
      ctx.replyText(lines.join("\n"));
      return;
    }
    case "add": {
      const { ref: f, rest: after } = firstWord(rest);
      const freq = parseFrequency(f);
      const body = freq ? after : rest;
      const m = /(?:依据|标准|basis)\s*[:：]\s*([\s\S]+)$/i.exec(body);
      const text = (m ? body.slice(0, m.index) : body).replace(/[\s，,；;]+$/, "").trim();
      if (!text) throw new Refusal("checklist-add-usage");
      checkLength(text, 200);
      const basis = m?.[1]?.trim() ?? null;
      if (basis) checkLength(basis, 300);
      if (items.some((i) => i.text === text)) throw new Refusal("checklist-add-exists", { word: text });
      const indicator = matchMajorIndicators(text, await indicatorsOfUnit(ctx, unit))[0]?.id ?? null;
      await ctx.repo.checks.addItems(unit.id, [{ frequency: freq ?? "DAILY", text, basis, indicator, responsible: null, templateKey: null }], ctx.now);
      ctx.reply("checklist-added", { unit: unit.name, freq: freq ?? "DAILY", text, total: items.length + 1, defaulted: freq ? "no" : "yes" });
      return;
    }
    case "drop": {
      const item = itemAt(items, words(rest)[0]);
      await ctx.repo.checks.dropItem(item.id);
      ctx.reply("checklist-dropped", { unit: unit.name, text: item.text, total: items.length - 1 });
      return;
    }
    case "responsible": {
      const { ref: no, rest: who } = firstWord(rest);
      const item = itemAt(items, no);
      if (!who) throw new Refusal("checklist-responsible-usage");
      checkLength(who, 50);
      const name = NONE_WORDS.includes(who.toLowerCase()) ? null : who.replace(/^@/, "");
      await ctx.repo.checks.setResponsible(item.id, name);
      ctx.reply("checklist-responsible-set", { text: item.text, who: name ?? "none" });
      return;
    }
  }
}

/** The item numbered `word` in the list as shown, or a refusal naming the range. */
function itemAt(items: ChecklistItemRow[], word: string | undefined): ChecklistItemRow {
  const n = Number(toHalfWidth(word ?? ""));
  if (!word || !Number.isInteger(n)) throw new Refusal("checklist-number-usage", { count: items.length });
  if (n < 1 || n > items.length) throw new Refusal("checklist-no-item", { number: String(n), count: items.length });
  return items[n - 1]!;
}

/** `排查计划 [每日|每周|每月|每季度 时间|关]`: the unit's schedules. */
async function schedule(ctx: Ctx, args: string): Promise<void> {
  const [f, when] = words(args);
  if (!f) {
    const unit = await memberUnit(ctx);
    const rows = await ctx.repo.checks.schedules(unit.id);
    const items = await ctx.repo.checks.items(unit.id);
    if (rows.length === 0) {
      ctx.reply("schedule-none", { unit: unit.name });
      return;
    }
    const lines = rows.map((r) => ctx.t("schedule-line", { freq: r.frequency, time: r.time, count: items.filter((i) => i.frequency === r.frequency).length }));
    ctx.replyText([ctx.t("schedule-head", { unit: unit.name }), ...lines].join("\n"));
    return;
  }
  const freq = parseFrequency(f);
  if (!freq || !when) throw new Refusal("schedule-usage");
  const unit = await officialUnit(ctx);
  if (OFF_WORDS.includes(when.toLowerCase())) {
    const had = await ctx.repo.checks.removeSchedule(unit.id, freq);
    ctx.reply(had ? "schedule-removed" : "schedule-not-set", { unit: unit.name, freq });
    return;
  }
  const minutes = parseTimeOfDay(when);
  if (minutes === null) throw new Refusal("schedule-bad-time", { input: when });
  const quiet = ctx.deps.config.SENTINEL_QUIET_HOURS;
  if (isQuiet(new Date(Date.UTC(2026, 0, 1, 0, minutes) - 8 * 3600_000), quiet)) {
    throw new Refusal("schedule-quiet", { input: when, from: quiet.from, to: quiet.to });
  }
  const time = formatTime(minutes);
  await ctx.repo.checks.setSchedule(unit.id, freq, time, ctx.user.id, ctx.now);
  const count = (await ctx.repo.checks.items(unit.id)).filter((i) => i.frequency === freq).length;
  ctx.reply("schedule-set", { unit: unit.name, freq, time, count, cadence: await cadenceFor(ctx.deps, ctx.repo, unit.id, freq) });
}

export { answerableSince };

/** The unit's unfinished round to answer: the newest, or the newest of the frequency named. */
async function roundToAnswer(ctx: Ctx, unit: UnitRow, freq: Frequency | null): Promise<RoundRow | null> {
  const open = await ctx.repo.checks.unfinished(unit.id, answerableSince(ctx.today));
  // Answers that name no frequency go to a leader-led round only when a leader sends them: a worker's “全部正常” is
  // the day's round, not the 主要负责人's.
  const leader = !freq && open.some((r) => r.frequency === "LEADER") && (await leadsUnit(ctx, unit));
  return open.find((r) => (freq ? r.frequency === freq : r.frequency !== "LEADER" || leader)) ?? null;
}

/** `排查 [日|周|月|季] 1好 2异常 … | 全部正常`, or `排查` alone for the dialog. */
async function check(ctx: Ctx, args: string): Promise<void> {
  const unit = await memberUnit(ctx);
  const { ref, rest } = firstWord(args);
  const freq = parseFrequency(ref);
  const body = freq ? rest : args;
  const parsed = body ? parseAnswers(body) : null;
  // In a group, `排查`/`自查` followed by words that are no answers is chatter (“自查报告写好了吗”), as for the other
  // keywords; a slash command always gets its answer.
  if (body && !parsed && !looksLikeSlashCommand(ctx.msg.text)) return;
  const round = await roundToAnswer(ctx, unit, freq);
  if (!round) throw new Refusal("check-no-round", { unit: unit.name });
  if (!body) return startDialog(ctx, round);
  if (!parsed) throw new Refusal("check-usage", { count: round.items.length });
  await applyAnswers(ctx, unit, round, parsed);
}

/**
 * A message in a bound group written as answers (`1好 2好 3异常 配电箱门未关`, `全部正常`), without a keyword: the
 * answer to the unit's open round. Returns false (and says nothing) when the unit has no open round: it was chat.
 */
export async function onCheckAnswers(ctx: Ctx): Promise<boolean> {
  const parsed = parseAnswers(ctx.msg.text);
  if (!parsed || !ctx.binding) return false;
  const round = await roundToAnswer(ctx, ctx.binding.unit, null);
  if (!round) return false;
  await ctx.require("WORKER", ctx.binding.unit);
  await applyAnswers(ctx, ctx.binding.unit, round, parsed);
  return true;
}

/** Whether a group message without a keyword may be answers to a round (the bot then looks for an open round). */
export const looksLikeCheckAnswers = (text: string): boolean => parseAnswers(text) !== null;

interface Outcome {
  recorded: { position: number; result: CheckResult }[];
  already: { position: number; who: string; when: string }[];
  hazards: string[];
  finished: boolean;
  missing: number[];
  /** A leader-led round with every item answered but no leader yet (it waits for `带队签字`). */
  unled?: boolean;
}

/**
 * Records answers to a round: each item's first answer stands. An abnormal item becomes a hazard report of the unit
 * (source 自查), closed at once when the answerer fixed it on the spot (never an item that suggests a major hazard).
 */
async function recordAnswers(ctx: Ctx, unit: UnitRow, round: RoundRow, parsed: ParsedAnswers): Promise<Outcome> {
  const count = round.items.length;
  for (const a of parsed.items) {
    if (a.position < 1 || a.position > count) throw new Refusal("check-bad-number", { number: String(a.position), count });
  }
  const photos = ctx.msg.attachments.map((a) => a.ref).slice(0, MAX_ATTACHMENTS);
  const before = await ctx.repo.checks.answers(round.id);
  const answered = new Map(before.map((a) => [a.position, a]));
  const named = new Set(parsed.items.map((a) => a.position));
  const todo = [...parsed.items];
  if (parsed.restOk) for (let p = 1; p <= count; p++) if (!named.has(p) && !answered.has(p)) todo.push({ position: p, result: "OK", note: "" });
  const hints = await indicatorsOfUnit(ctx, unit);
  // Everything is checked before anything is written: a refusal leaves the round as it was.
  const plans = todo.map((a) => {
    const item = round.items[a.position - 1]!;
    const spot = a.result === "ABNORMAL" ? splitOnTheSpot(a.note) : { text: a.note, onTheSpot: false };
    if (a.result === "ABNORMAL" && !spot.text && !photos.length) throw new Refusal("check-abnormal-note", { number: String(a.position) });
    checkLength(spot.text, MAX_NOTE);
    const indicators = [...new Set([...(item.indicator ? [item.indicator] : []), ...matchMajorIndicators(`${item.text} ${spot.text}`, hints).filter(() => a.result === "ABNORMAL").map((m) => m.id)])];
    if (spot.onTheSpot && indicators.length) throw new Refusal("check-fix-major", { number: String(a.position), text: item.text });
    return { ...a, item, note: spot.text, onTheSpot: spot.onTheSpot, indicators };
  });
  if (plans.some((p) => p.onTheSpot) && !(await ctx.can("OFFICIAL", unit)) && !plans.filter((p) => p.onTheSpot).every((p) => p.item.responsible === ctx.user.displayName)) {
    throw new Refusal("check-fix-not-allowed", { unit: unit.name, role: ctx.roleName("OFFICIAL", unit.kind) });
  }
  const out: Outcome = { recorded: [], already: [], hazards: [], finished: false, missing: [] };
  for (const p of plans) {
    const prior = answered.get(p.position);
    const ok =
      !prior &&
      (await ctx.repo.checks.answer({
        roundId: round.id,
        position: p.position,
        itemId: p.item.itemId,
        result: p.result,
        note: p.note || null,
        attachments: p.result === "ABNORMAL" ? photos : [],
        answeredById: ctx.user.id,
        answeredAt: ctx.now,
      }));
    if (!ok) {
      if (prior && named.has(p.position)) out.already.push({ position: p.position, who: prior.answeredBy, when: shanghaiDateTime(prior.answeredAt) });
      continue;
    }
    out.recorded.push({ position: p.position, result: p.result });
    if (p.result !== "ABNORMAL") continue;
    const year = shanghaiYear(ctx.now);
    const { id } = await ctx.repo.createHazard({
      year,
      unitId: unit.id,
      reporterId: ctx.user.id,
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      messageId: ctx.msg.messageId,
      description: ctx.t("check-hazard-description", { text: p.item.text, note: p.note || "none" }),
      location: null,
      attachments: photos,
      indicators: p.indicators,
      reportedAt: ctx.now,
      source: "SELF",
    });
    await ctx.repo.checks.linkHazard(round.id, p.position, id);
    const number = formatHazardNumber(year, id);
    if (p.onTheSpot) {
      await ctx.repo.transition(id, "REPORTED", "CLOSED", { level: "GENERAL", confirmedAt: ctx.now, rectifiedAt: ctx.now, closedAt: ctx.now, fixedOnSpot: true }, {
        kind: "FIX", actorId: ctx.user.id, note: null, at: ctx.now, data: { level: "GENERAL", round: round.id, position: p.position },
      });
    }
    out.hazards.push(ctx.t("check-hazard-filed", { n: p.position, number, fixed: p.onTheSpot ? "yes" : "no", major: p.indicators.length ? "yes" : "no" }));
  }
  if (out.recorded.length) await noteLeader(ctx, unit, round);
  out.finished = await ctx.repo.checks.finishIfComplete(round.id, count, ctx.now);
  out.unled = round.frequency === "LEADER" && !out.finished && (await ctx.repo.checks.round(round.id))?.completedAt === null;
  const done = new Set([...answered.keys(), ...out.recorded.map((r) => r.position)]);
  for (let p = 1; p <= count; p++) if (!done.has(p)) out.missing.push(p);
  return out;
}

function outcomeText(ctx: Ctx, unit: UnitRow, round: RoundRow, o: Outcome): string {
  const lines: string[] = [];
  // Nothing new (every item named had its answer already): only what stands, no "recorded 0".
  if (o.recorded.length) {
    lines.push(
      ctx.t("check-recorded", {
        unit: unit.name,
        freq: round.frequency,
        ...periodArgs(round.period),
        ok: o.recorded.filter((r) => r.result === "OK").length,
        abnormal: o.recorded.filter((r) => r.result === "ABNORMAL").length,
        na: o.recorded.filter((r) => r.result === "NA").length,
      }),
    );
  }
  lines.push(...o.hazards);
  for (const a of o.already) lines.push(ctx.t("check-already", { n: a.position, who: a.who, when: a.when }));
  lines.push(
    o.missing.length
      ? ctx.t("check-missing", { count: o.missing.length, list: o.missing.join(ctx.t("list-separator")) })
      : ctx.t(o.unled ? "check-lead-needs-sign" : o.finished ? "check-finished" : "check-complete-before"),
  );
  return lines.join("\n");
}

async function applyAnswers(ctx: Ctx, unit: UnitRow, round: RoundRow, parsed: ParsedAnswers): Promise<void> {
  const o = await recordAnswers(ctx, unit, round, parsed);
  ctx.replyText(outcomeText(ctx, unit, round, o));
}

// ---- The item-by-item dialog (kind `check`) ------------------------------------------------------

interface DialogState {
  roundId: number;
  position: number;
}

/** The next item of the round without an answer, from `from` on (wrapping round), or null when all are answered. */
async function nextOpen(ctx: Ctx, round: RoundRow, from = 1): Promise<number | null> {
  const done = new Set((await ctx.repo.checks.answers(round.id)).map((a) => a.position));
  const n = round.items.length;
  for (let k = 0; k < n; k++) {
    const p = ((from - 1 + k) % n) + 1;
    if (!done.has(p)) return p;
  }
  return null;
}

function ask(ctx: Ctx, round: RoundRow, position: number): string {
  const item = round.items[position - 1]!;
  return ctx.t("check-ask", { n: position, count: round.items.length, text: item.text, major: item.indicator ? "yes" : "no" });
}

async function startDialog(ctx: Ctx, round: RoundRow): Promise<void> {
  const position = await nextOpen(ctx, round);
  if (position === null) throw new Refusal("check-nothing-left");
  const state: DialogState = { roundId: round.id, position };
  await ctx.repo.saveConversation(ctx.msg.platform, ctx.msg.chatId, ctx.msg.sender.id, { kind: "check", step: "answer", version: 1, data: { ...state } }, ctx.now);
  ctx.replyText(`${ctx.t("check-dialog-start", { freq: round.frequency, ...periodArgs(round.period), count: round.items.length })}\n${ask(ctx, round, position)}`);
}

async function step(ctx: Ctx, state: ConversationRow): Promise<void | "pass"> {
  const { msg, repo } = ctx;
  const data = state.data as unknown as DialogState;
  const unit = await memberUnit(ctx);
  const round = await repo.checks.round(data.roundId);
  if (!round || round.completedAt) {
    await repo.deleteConversation(msg.platform, msg.chatId, msg.sender.id);
    ctx.reply("check-dialog-over");
    return;
  }
  // One answer to the item asked; or, written the one-message way (`3异常 … 4好`, `其余正常`), answers by number.
  const answer = parseDialogAnswer(msg.text);
  const many = answer ? null : parseAnswers(msg.text);
  if (!answer && !many) {
    // A file sent while the round is being answered is not an answer: it goes on (a submission, evidence).
    if (msg.attachments.some((a) => a.kind === "document")) return "pass";
    throw new Refusal("check-dialog-usage");
  }
  const o = await recordAnswers(ctx, unit, round, many ?? { items: [{ position: data.position, ...answer! }], restOk: false });
  const lines = [...o.hazards, ...o.already.map((a) => ctx.t("check-already", { n: a.position, who: a.who, when: a.when }))];
  const next = await nextOpen(ctx, round, data.position + 1);
  if (next === null) {
    await repo.deleteConversation(msg.platform, msg.chatId, msg.sender.id);
    lines.push(outcomeText(ctx, unit, round, { ...o, hazards: [], already: [], recorded: o.recorded }));
    ctx.replyText(lines.join("\n"));
    return;
  }
  await repo.saveConversation(msg.platform, msg.chatId, msg.sender.id, { ...state, data: { roundId: round.id, position: next } }, ctx.now);
  lines.push(ask(ctx, round, next));
  ctx.replyText(lines.join("\n"));
}

/** 日周月排查: checklists, schedules, answering (one message or a dialog), completion and the export. */
export const selfInspection: Feature = {
  commands: { checklist, "check-plan": schedule, check, checks, "check-sign": sign },
  dialogs: { check: { version: 1, step, unanswered: (ctx) => ctx.reply("check-dialog-file") } },
};
