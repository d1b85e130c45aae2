import { isOverdue } from "../../domain/lifecycle.ts";
import { monthRange, parseMonth, shanghaiDateTime, shanghaiMonth, startOfShanghaiDay } from "../../domain/dates.ts";
import { countedFrom } from "../../reports/gather.ts";
import { campaignOfMonth } from "../../domain/campaign.ts";
import { rectificationRate, totalCounts, type HazardStats, type LevelCounts } from "../../domain/stats.ts";
import type { EventRow, HazardRow, MessageClaim, Repo } from "../../store/index.ts";
import { parseHazardNumber } from "../../domain/hazard-number.ts";
import { Refusal, type BotDeps, type Ctx } from "../context.ts";
import { parseListFilter, words } from "../parse.ts";
import type { Feature } from "../bot.ts";
import { hazardLine, numberOf, shownTo, sourceLabel, systemActor, visibleHazard } from "./hazards.ts";
import { dualReportText } from "./oversight.ts";

const LIST_LIMIT = 20;

/**
 * The units an official's question is about: this group's unit, or in private every separate unit they hold
 * (a super-admin: all units). Each includes the units below it.
 */
export async function officialScope(ctx: Ctx): Promise<{ paths: string[]; name: string }> {
  if (!ctx.binding && ctx.isSuperAdmin) return { paths: ["/"], name: ctx.t("scope-all") };
  const units = await ctx.officialUnits();
  return { paths: units.map((u) => u.path), name: ctx.list(units.map((u) => u.name)) };
}

function listReply(ctx: Ctx, rows: HazardRow[], header: string, empty: string, args: Record<string, string | number>): void {
  if (rows.length === 0) {
    ctx.reply(empty, args);
    return;
  }
  const more = rows.length > LIST_LIMIT ? "\n" + ctx.t("list-more", { limit: LIST_LIMIT }) : "";
  ctx.replyText(ctx.t(header, { ...args, count: Math.min(rows.length, LIST_LIMIT) }) + "\n" + rows.slice(0, LIST_LIMIT).map((h) => hazardLine(ctx, h)).join("\n") + more);
}

/** How many of a hazard's newest steps `查询` shows. */
const HISTORY = 12;

async function status(ctx: Ctx, args: string): Promise<void> {
  const h = await visibleHazard(ctx, words(args)[0], "usage-status");
  await statusReply(ctx, h, await ctx.repo.events(h.id, HISTORY));
}

/**
 * `查询 <number>` in one statement (`Repo.readHazard`, on a `Store.once` repo), for a sender whose standing `print` the
 * process read: the claim and the hazard with its history in one round trip, then the ordinary answer, or the ordinary
 * refusal (`Refusal`, thrown after the claim: the message is answered, a redelivery is not). A number that does not
 * parse is the ordinary path's to refuse; `stale` and `busy` (a tip under way in this private chat) claimed nothing.
 */
export async function statusAtOnce(
  ctx: Ctx,
  args: string,
  q: { print: string; claim: MessageClaim; tipDialog: string | null },
): Promise<"answered" | "stale" | "busy" | "duplicate" | "ordinary"> {
  const ref = words(args)[0];
  const parsed = ref ? parseHazardNumber(ref) : null;
  if (!ref || !parsed) return "ordinary";
  const { msg } = ctx;
  const r = await ctx.repo.readHazard({
    ...q,
    platform: msg.platform,
    platformUserId: msg.sender.id,
    groupChatId: msg.chatType === "group" ? msg.chatId : null,
    hazardId: parsed.id,
    take: HISTORY,
  });
  if (r.outcome !== "read") return r.outcome;
  await statusReply(ctx, await shownTo(ctx, ref, parsed, r.hazard), r.events);
  return "answered";
}

async function statusReply(ctx: Ctx, h: HazardRow, events: EventRow[]): Promise<void> {
  const history = events
    .map((e) => ctx.t("history-line", { date: shanghaiDateTime(e.at), kind: ctx.t(`event-${e.kind}`), who: e.actorName ?? systemActor(ctx, h, e.kind), note: e.note ?? "none" }) +
      (e.attachments.length ? ctx.t("history-photos", { photos: e.attachments.length }) : ""))
    .join("\n");
  const lines = [
    ctx.t("status-head", { number: numberOf(h), unit: h.unit.name }),
    ctx.t("status-state", { status: ctx.t(`status-${h.status}`), level: h.level ? ctx.t(`level-${h.level}`) : ctx.t("level-none") }),
  ];
  if (h.level === null && h.indicators.length > 0 && h.status === "REPORTED") lines.push(ctx.t("status-suggested", { role: ctx.roleName("OFFICIAL", h.unit.kind) }));
  lines.push(ctx.t("status-source", { source: await sourceLabel(ctx, h) }));
  if (h.fixedOnSpot) lines.push(ctx.t("status-fixed-on-spot"));
  if (h.duplicateOfId !== null) lines.push(ctx.t("status-duplicate-of", { original: numberOf({ year: h.year, id: h.duplicateOfId }) }));
  lines.push(ctx.t("status-text", { text: h.description }));
  if (h.location) lines.push(ctx.t("status-location", { location: h.location }));
  if (h.attachments.length) lines.push(ctx.t("status-photos", { photos: h.attachments.length }));
  if (h.deadline) lines.push(ctx.t("status-deadline", { deadline: h.deadline }));
  if (isOverdue(h, ctx.today)) lines.push(ctx.t("status-overdue", { today: ctx.today }));
  if (h.plan) lines.push(ctx.t("status-responsible", { responsible: h.plan.responsible }));
  if (h.supervised) lines.push(ctx.t("status-supervised", { authority: h.supervisedBy ?? "", deadline: h.supervisedDeadline ?? "" }));
  if (h.closeAppliedAt && h.status === "RECTIFIED") lines.push(ctx.t("status-close-applied", { authority: h.supervisedBy ?? ctx.t("authority-regulator-above") }));
  if (h.status === "CLOSED" && h.closedByUnitName) {
    lines.push(ctx.t("status-closed-by", { unit: h.closedByUnitName, who: h.closedByName ?? "?", date: h.closedAt ? shanghaiDateTime(h.closedAt) : "", opinion: h.closeOpinion ?? "none" }));
  }
  if (h.dualReportedAt) {
    lines.push(ctx.t("status-dual-reported", { date: shanghaiDateTime(h.dualReportedAt), record: h.dualReport ? dualReportText(ctx.deps, ctx.lang, h.dualReport) : "none" }));
  }
  lines.push(ctx.t("status-history"), history);
  ctx.replyText(lines.join("\n"));
}

async function mine(ctx: Ctx): Promise<void> {
  const rows = await ctx.repo.listHazards({ unitPaths: ["/"], reporterId: ctx.user.id, limit: LIST_LIMIT + 1 });
  listReply(ctx, rows, "mine-header", "mine-none", {});
}

async function overdue(ctx: Ctx): Promise<void> {
  const scope = await officialScope(ctx);
  const rows = await ctx.repo.listHazards({ unitPaths: scope.paths, overdueBefore: ctx.today, limit: LIST_LIMIT + 1 });
  listReply(ctx, rows, "overdue-header", "overdue-none", { unit: scope.name, today: ctx.today });
}

async function list(ctx: Ctx, args: string): Promise<void> {
  const filter = parseListFilter(words(args)[0]);
  if (!filter) throw new Refusal("usage-list");
  const scope = await officialScope(ctx);
  const rows = await ctx.repo.listHazards({
    unitPaths: scope.paths,
    ...(filter.status ? { statuses: [filter.status] } : {}),
    ...(filter.level ? { level: filter.level } : {}),
    limit: LIST_LIMIT + 1,
  });
  const label = filter.status ? ctx.t(`status-${filter.status}`) : filter.level ? ctx.t(`level-${filter.level}`) : ctx.t("list-all");
  listReply(ctx, rows, "list-header", "list-none", { unit: scope.name, filter: label });
}

function statArgs(prefix: string, c: LevelCounts): Record<string, string | number> {
  const rate = rectificationRate(c);
  return { [`${prefix}Found`]: c.found, [`${prefix}Rectified`]: c.rectified, [`${prefix}Rate`]: rate === null ? "—" : `${rate}%` };
}

/**
 * The figures of `统计 <month>` for the subtrees at `paths`: the month's, and the cumulative ones since the start of the
 * campaign in force that month (as the month's statistics table counts). The web ledger's statistics are these too.
 */
export async function statsOf(
  deps: BotDeps,
  repo: Repo,
  paths: string[],
  month: string,
  today: string,
): Promise<{ monthly: HazardStats; total: HazardStats; since: string }> {
  const { start, end } = monthRange(month);
  const since = countedFrom(deps, campaignOfMonth(deps.campaigns, month));
  // Both windows in one statement, which reads the tally once.
  const [monthly, total] = await repo.windowStats(paths, [{ from: start, to: end }, { from: startOfShanghaiDay(since), to: end }], today);
  return { monthly: monthly!, total: total!, since };
}

async function stats(ctx: Ctx, args: string): Promise<void> {
  const monthWord = words(args)[0];
  const month = monthWord ? parseMonth(monthWord) : shanghaiMonth(ctx.now);
  if (!month) throw new Refusal("refuse-month-format", { input: monthWord!.slice(0, 40) });
  // Workers see their own unit's counts (in its group); officials see their unit and everything below it.
  let scope: { paths: string[]; name: string };
  if (ctx.binding && !(await ctx.can("OFFICIAL", ctx.binding.unit))) {
    scope = { paths: [ctx.binding.unit.path], name: ctx.binding.unit.name };
  } else {
    scope = await officialScope(ctx);
  }
  const { monthly, total, since: campaign } = await statsOf(ctx.deps, ctx.repo, scope.paths, month, ctx.today);
  const block = (s: HazardStats) => ({
    ...statArgs("g", s.general),
    ...statArgs("m", s.major),
    ...statArgs("t", totalCounts(s)),
    supervised: s.supervised,
    pending: s.pending,
    overdue: s.overdue,
  });
  ctx.reply("stats", {
    unit: scope.name,
    month,
    since: campaign,
    month_text: ctx.t("stats-block", block(monthly)),
    total_text: ctx.t("stats-block", block(total)),
  });
}

/** Status queries and the statistics of a unit's subtree. */
export const queries: Feature = {
  commands: { status, mine, overdue, list, stats },
};
