import { addDays, shanghaiDate, shanghaiHour } from "../domain/dates.ts";
import { isWorkingDay } from "../domain/calendar.ts";
import { ANSWERABLE_DAYS, cadenceOf, followUpDays, parseTimeOfDay, periodArgs, roundOn, type RoundItem } from "../domain/checks.ts";
import { isHighRisk } from "../domain/industries.ts";
import { isQuiet, SEND_HOUR } from "../domain/obligations.ts";
import { nearestOfKind } from "../domain/units.ts";
import { leadersOf } from "../core/features/leader-checks.ts";
import type { BotDeps } from "../core/context.ts";
import { privateChatOf, type OutgoingMessage } from "../core/messages.ts";
import { notices, regulatorAbove, unitRecipients, type Recipient } from "../core/features/oversight.ts";
import { pickLang, type Args } from "../core/i18n.ts";
import type { Repo, RoundRow, UnitRow } from "../store/index.ts";

/** A claim not marked sent after this long was left by a process that died: a later tick retakes it. */
const STALE_MS = 5 * 60_000;

export interface CheckRoundResult {
  posted: number;
  reminded: number;
  escalated: number;
}

const doneKey = (roundId: number, stepName: string) => `check:${roundId}:${stepName}|done`;

const minutesOfDay = (now: Date) => {
  const s = new Date(now.getTime() + 8 * 3600_000);
  return s.getUTCHours() * 60 + s.getUTCMinutes();
};

/** The people named responsible for items of the round, known to the bot on the unit's chain, privately. */
async function responsibles(repo: Repo, unit: UnitRow, items: RoundItem[]): Promise<Map<string, { to: Recipient; numbers: number[] }>> {
  const out = new Map<string, { to: Recipient; numbers: number[] }>();
  for (const [i, item] of items.entries()) {
    if (!item.responsible) continue;
    for (const p of await repo.oversight.peopleNamed(item.responsible, unit.path)) {
      const chatId = privateChatOf(p.platform, p.platformUserId);
      const key = `${p.platform}:${chatId}`;
      const e = out.get(key) ?? { to: { platform: p.platform, chatId, lang: p.lang }, numbers: [] };
      e.numbers.push(i + 1);
      out.set(key, e);
    }
  }
  return out;
}

/** The enterprise's 主要负责人 (of the unit, or the enterprise it belongs to), privately. */
async function principals(repo: Repo, unit: UnitRow): Promise<Recipient[]> {
  const enterprise = nearestOfKind(await repo.oversight.chain(unit.path), ["ENTERPRISE"]) ?? unit;
  return (await repo.oversight.holders(enterprise.id, "PRINCIPAL")).map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang }));
}

/**
 * 日周月排查 on the reminder machinery. On working days only and never in the quiet hours:
 * - each unit's scheduled round is posted from its time on the period's first working day (or later in the period,
 *   after downtime) to the unit's groups and privately to the people responsible for its items; a leader-led round
 *   (主要负责人带队检查, monthly in a 高危行业, else quarterly) privately to the 主要负责人 (else the 实际控制人) who leads
 *   it; the round row is created once (unit, frequency, period) whoever posts first;
 * - a round unfinished by its deadline (the period's last working day) is reminded to the unit the next working day,
 *   and escalated once the working day after to the enterprise's 主要负责人 and the regulator above (a leader-led one,
 *   unanswered or not led, to its leaders and then to them and the regulator).
 * Every (round, step, chat) is claimed in the store before it is sent and marked after, so two processes send it once;
 * a follow-up is claimed only while the round is still unfinished, checked in the same transaction.
 */
export async function runCheckRounds(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<CheckRoundResult> {
  const result: CheckRoundResult = { posted: 0, reminded: 0, escalated: 0 };
  const now = deps.clock();
  const today = shanghaiDate(now);
  if (isQuiet(now, deps.config.SENTINEL_QUIET_HOURS) || !isWorkingDay(deps.calendar, today)) return result;
  const log = deps.log.child({ module: "checks" });
  const tx = deps.store.transaction;
  const lang = deps.config.SENTINEL_LANG;
  /** The rounds among `ids` whose step was delivered to every chat. */
  const finished = async (ids: number[], stepName: string): Promise<Set<number>> => {
    const claims = await tx((repo) => repo.deadlines.claims(ids.map((id) => doneKey(id, stepName))));
    return new Set(ids.filter((id) => claims.get(doneKey(id, stepName))?.outcome === "sent"));
  };

  /**
   * Claims and sends each message once; `stillDue` re-checks (in the claim's transaction) that it is still due. When
   * every chat has been served, a marker `check:<round>:<step>|done` is recorded, so later ticks skip the step with one read.
   */
  const deliver = async (round: RoundRow, stepName: string, msgs: OutgoingMessage[], stillDue: (r: RoundRow) => boolean): Promise<number> => {
    let n = 0;
    let failed = false;
    for (const m of msgs) {
      const key = `check:${round.id}:${stepName}|${m.platform}:${m.chatId}`;
      const claimed = await tx(async (repo) => {
        const r = await repo.checks.round(round.id);
        return !!r && stillDue(r) && repo.claimJob(key, now, STALE_MS);
      });
      if (!claimed) continue;
      try {
        await send(m);
        await tx((repo) => repo.markJobSent(key, deps.clock()));
        n++;
      } catch (err) {
        // The claim stays unsent: a later tick retakes it once it is stale.
        failed = true;
        log.error({ op: stepName, round: round.id, err }, "self-inspection message not sent");
      }
    }
    // Done only when every chat's message is marked sent (a claim another process holds, or left by a dead one, is not).
    const keys = msgs.map((m) => `check:${round.id}:${stepName}|${m.platform}:${m.chatId}`);
    const claims = failed ? null : await tx((repo) => repo.deadlines.claims(keys));
    if (claims && keys.every((k) => claims.get(k)?.outcome === "sent")) {
      const done = doneKey(round.id, stepName);
      if (await tx((repo) => repo.claimJob(done, now, STALE_MS))) await tx((repo) => repo.markJobSent(done, now));
    }
    return n;
  };

  // Posting: the schedules due now, less the rounds already posted to every chat (one read for all of them).
  const schedules = await tx((repo) => repo.checks.schedules());
  // A leader-led round comes monthly in a 高危行业, quarterly elsewhere: the industries of those units, in one read.
  const industries = await tx((repo) => repo.checks.industries(schedules.filter((s) => s.frequency === "LEADER").map((s) => s.unitId)));
  const due = schedules
    .map((s) => ({ s, r: roundOn(deps.calendar, cadenceOf(s.frequency, isHighRisk(deps.industries, industries.get(s.unitId))), today) }))
    .filter((x): x is { s: typeof x.s; r: NonNullable<typeof x.r> } => !!x.r && today >= x.r.postDay && today <= x.r.deadline)
    .filter(({ s }) => minutesOfDay(now) >= (parseTimeOfDay(s.time) ?? SEND_HOUR * 60));
  const opened = await tx((repo) => repo.checks.roundsByKey(due.map(({ s, r }) => ({ unitId: s.unitId, frequency: s.frequency, period: r.period }))));
  const posted = await finished([...opened.values()].map((x) => x.id), "post");
  for (const { s, r } of due) {
    const existing = opened.get(`${s.unitId}:${s.frequency}:${r.period}`);
    if (existing && (existing.completedAt || posted.has(existing.id))) continue;
    const prepared = await tx(async (repo) => {
      const unit = await repo.oversight.unit(s.unitId);
      if (!unit) return null;
      const items = (await repo.checks.items(unit.id)).filter((i) => i.frequency === s.frequency);
      if (items.length === 0) return null;
      const round = await repo.checks.openRound({
        unitId: unit.id,
        frequency: s.frequency,
        period: r.period,
        postedAt: now,
        deadline: r.deadline,
        items: items.map((i) => ({ itemId: i.id, text: i.text, indicator: i.indicator, responsible: i.responsible })),
      });
      if (round.completedAt) return null;
      const list = round.items.map((it, i) => deps.prompts.t(lang, "check-round-item", { n: i + 1, text: it.text, major: it.indicator ? "yes" : "no", responsible: it.responsible ?? "none" })).join("\n");
      const leading = round.frequency === "LEADER";
      const leaders = leading ? await leadersOf(repo, unit) : [];
      const cadence = cadenceOf(round.frequency, isHighRisk(deps.industries, industries.get(unit.id)));
      const args: Args = { unit: unit.name, freq: round.frequency, ...periodArgs(round.period), deadline: round.deadline, count: round.items.length, items: list, cadence, leaders: leaders.length ? "some" : "none" };
      const groups = await repo.oversight.groupsOf([unit.id]);
      const people = [...(await responsibles(repo, unit, round.items)).values()];
      // The leaders first: a 主要负责人 who is also responsible for an item hears the round as its leader.
      const msgs = [
        ...notices(deps, leaders, "check-lead-private", args),
        ...notices(deps, groups, leading ? "check-lead-post" : "check-round-post", args),
        ...people.flatMap((p) => notices(deps, [p.to], "check-round-private", { ...args, numbers: p.numbers.join(deps.prompts.t(pickLang(p.to.lang, lang), "list-separator")) })),
      ];
      // One chat hears a round once, in the first form that reaches it.
      const seen = new Set<string>();
      return { round, msgs: msgs.filter((m) => !seen.has(`${m.platform}:${m.chatId}`) && !!seen.add(`${m.platform}:${m.chatId}`)) };
    });
    if (!prepared) continue;
    result.posted += await deliver(prepared.round, "post", prepared.msgs, (x) => !x.completedAt);
  }

  // Follow-up of rounds past their deadline.
  if (shanghaiHour(now) < SEND_HOUR) return result;
  const overdue = await tx((repo) => repo.checks.overdueCandidates(addDays(today, -ANSWERABLE_DAYS), addDays(today, -1)));
  const reminded = await finished(overdue.map((x) => x.id), "remind");
  const escalated = await finished(overdue.map((x) => x.id), "escalate");
  for (const round of overdue) {
    const { remind, escalate } = followUpDays(deps.calendar, round.deadline);
    if (today < remind) continue;
    const stepName = today >= escalate ? "escalate" : "remind";
    if ((stepName === "remind" ? reminded : escalated).has(round.id)) continue;
    const msgs = await tx(async (repo) => {
      const unit = await repo.oversight.unit(round.unitId);
      if (!unit) return [];
      const answered = (await repo.checks.answers(round.id)).length;
      const args: Args = { unit: unit.name, freq: round.frequency, ...periodArgs(round.period), deadline: round.deadline, count: round.items.length, answered, left: round.items.length - answered };
      if (round.frequency === "LEADER") {
        // A leader-led round unfinished is the leaders' to finish: they are reminded, and the regulator told after.
        const leaderArgs = { ...args, led: round.ledById === null ? "no" : "yes", leader: (await repo.checks.leaderName(round)) ?? "none" };
        const leaders = await leadersOf(repo, unit);
        if (stepName === "remind") return notices(deps, [...leaders, ...(await repo.oversight.groupsOf([unit.id]))], "check-lead-remind", leaderArgs);
        const regulator = await regulatorAbove(repo, unit);
        return notices(deps, [...leaders, ...(regulator ? await unitRecipients(repo, regulator) : [])], "check-lead-escalate", leaderArgs);
      }
      if (stepName === "remind") {
        const people = [...(await responsibles(repo, unit, round.items)).values()].map((p) => p.to);
        return notices(deps, [...(await repo.oversight.groupsOf([unit.id])), ...people], "check-remind", args);
      }
      const regulator = await regulatorAbove(repo, unit);
      return notices(deps, [...(await principals(repo, unit)), ...(regulator ? await unitRecipients(repo, regulator) : [])], "check-escalate", { ...args, regulator: regulator?.name ?? "none" });
    });
    const n = await deliver(round, stepName, msgs, (x) => !x.completedAt);
    if (stepName === "remind") result.reminded += n;
    else result.escalated += n;
  }
  return result;
}
