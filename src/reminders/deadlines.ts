import { addDays, shanghaiDate } from "../domain/dates.ts";
import { activePeriods, dueDate, isQuiet, ladder, stepState, type Obligation, type Step, type StepState } from "../domain/obligations.ts";
import type { BotDeps } from "../core/context.ts";
import { oneOff } from "../core/obligations.ts";
import { campaignOn, type Campaign } from "../domain/campaign.ts";
import { owing, receives } from "../core/features/deadlines.ts";
import { privateChatOf, type OutgoingFile, type OutgoingMessage } from "../core/messages.ts";
import type { ChatRef, UnitRow } from "../store/index.ts";
import { statisticsTable } from "../reports/gather.ts";

/** A claim not marked sent after this long was left by a process that died: another tick may retake it. */
const STALE_MS = 5 * 60_000;
/** A period whose last window closed longer ago than this is not looked at any more. */
const DONE_AFTER_MS = 2 * 86_400_000;

export interface RoundResult {
  sent: number;
  skipped: number;
}

interface Target {
  /** `deadline:<obligation>:<period>:<unit id | to-<receiver id>>:<step>|<platform>:<chat id>` */
  key: string;
  base: string;
  unit: UnitRow | null;
  chat: ChatRef;
  step: Step;
  state: StepState;
}

/**
 * One round of deadline reminders (报送提醒). For every receiving unit, every obligation it receives and every period
 * whose ladder is running: each owing unit that has not submitted hears the step that is due, in its bound chats and the
 * private chats of its officials who asked for that; after a miss the receiving unit hears which units are missing.
 *
 * Each (obligation, period, unit, step, chat) is claimed in the store before it is sent and marked after, so two
 * processes send it once and one chat that fails does not make the others hear it again; the claim also checks, in
 * the same transaction, that the unit has still not submitted. A claim a dead process left is retaken after five
 * minutes; a step whose window passed unsent is recorded as skipped. Nothing is sent in the quiet hours. The first
 * reminder of a monthly period to a chat carries the unit's pre-filled table.
 */
export async function runDeadlineReminders(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<RoundResult> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const quiet = isQuiet(now, deps.config.SENTINEL_QUIET_HOURS);
  const log = deps.log.child({ module: "reminders" });
  const tx = deps.store.transaction;
  const units = await tx((repo) => repo.deadlines.allUnits());
  const oneOffs = await tx((repo) => repo.deadlines.oneOffs(null, { from: addDays(today, -40), to: addDays(today, 40) }));
  const result: RoundResult = { sent: 0, skipped: 0 };
  const lang = deps.config.SENTINEL_LANG;
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);
  const chatsOf = new Map<number, ChatRef[]>();
  const recipientsOf = async (unit: UnitRow) => {
    if (!chatsOf.has(unit.id)) chatsOf.set(unit.id, await recipients(deps, unit));
    return chatsOf.get(unit.id)!;
  };

  for (const receiver of units) {
    // Every campaign's recurring obligations: a period counts under the campaign in force on its due date.
    const obligations: { o: Obligation; campaign: Campaign | null }[] = [
      ...deps.campaigns.flatMap((c) => c.obligations.filter((o) => receives(o, receiver, units)).map((o) => ({ o, campaign: c }))),
      ...oneOffs.filter((o) => o.receiverUnitId === receiver.id).map((r) => ({ o: oneOff(r), campaign: null })),
    ];
    for (const { o, campaign } of obligations) {
      const from = owing(o, receiver, units);
      if (from.length === 0) continue;
      for (const period of activePeriods(o.recurrence, today)) {
        const due = dueDate(o.recurrence, period);
        if (campaign && campaignOn(deps.campaigns, due) !== campaign) continue;
        // A one-off's steps before the day it was added were never anyone's to miss.
        const steps = ladder(deps.calendar, due).filter((s) => !o.createdOn || s.date >= o.createdOn);
        if (steps.length === 0) continue;
        const states = steps.map((_, i) => stepState(deps.calendar, steps, i, now, due));
        if (states.every((s) => s.state === "early")) continue;
        const lastEnd = Date.parse(`${addDays(steps.at(-1)!.date, 5)}T00:00:00+08:00`);
        if (states.every((s) => s.state === "passed") && now.getTime() - lastEnd > DONE_AFTER_MS) continue;
        const subs = await tx((repo) => repo.deadlines.submissions(o.key, period, from.map((u) => u.id)));
        const missing = from.filter((u) => !subs.has(u.id));
        if (missing.length === 0) continue;

        const targets: Target[] = [];
        for (const [i, s] of steps.entries()) {
          const state = states[i]!;
          if (state.state === "early") continue;
          // A unit set up after a step's day was not yet there to be reminded.
          const there = missing.filter((u) => !u.createdAt || shanghaiDate(u.createdAt) <= s.date);
          if (there.length === 0) continue;
          const whom: (UnitRow | null)[] = [...there, ...(s.step === "MISS" ? [null] : [])];
          for (const unit of whom) {
            const base = `deadline:${o.key}:${period}:${unit ? unit.id : `to-${receiver.id}`}:${s.step}`;
            for (const chat of await recipientsOf(unit ?? receiver)) {
              targets.push({ key: `${base}|${chat.platform}:${chat.chatId}`, base, unit, chat, step: s.step, state });
            }
          }
        }
        // One read tells which are done: sent, skipped, or claimed a moment ago by a live process.
        const claims = await tx((repo) => repo.deadlines.claims(targets.map((x) => x.key)));
        for (const x of targets) {
          const c = claims.get(x.key);
          const stale = !c || (!c.outcome && now.getTime() - c.claimedAt.getTime() >= STALE_MS);
          if (!stale) continue;
          if (x.state.state === "passed") {
            if (await tx((repo) => repo.deadlines.recordSkipped(x.key, now))) {
              result.skipped++;
              log.info({ op: "skip", obligation: o.key, period, step: x.step, unit: x.unit?.id ?? receiver.id }, "reminder window passed unsent");
            }
            continue;
          }
          if (quiet || x.state.state !== "due") continue;
          const late = x.state.late;
          // Claimed only while the unit has still not submitted: a report that just came in wins.
          const claimed = await tx(async (repo) => {
            if (x.unit && (await repo.deadlines.hasSubmitted(o.key, period, x.unit.id))) return false;
            return repo.claimJob(x.key, now, STALE_MS);
          });
          if (!claimed) continue;
          try {
            let text: string;
            let file: OutgoingFile | undefined;
            if (x.unit) {
              text = t(`reminder-${x.step}`, { name: o.name[lang], keyword: o.keywords[0]!, period, due, unit: x.unit.name, receiver: receiver.name, late: late ? "yes" : "no" });
              if (o.attachTable && o.recurrence.kind === "monthly") file = await firstTable(deps, o, campaign, period, x.unit, x.chat, lang, today);
            } else {
              const still = await tx((repo) => repo.deadlines.submissions(o.key, period, missing.map((u) => u.id)));
              const names = missing.filter((u) => !still.has(u.id)).map((u) => u.name);
              text = t("reminder-escalate", { name: o.name[lang], period, due, count: names.length, units: names.join(t("list-separator")) });
            }
            await send({ ...x.chat, text, ...(file ? { file } : {}) });
            await tx((repo) => repo.markJobSent(x.key, deps.clock()));
            result.sent++;
          } catch (err) {
            // The claim stays unsent: a later tick (this process or another) retakes it once it is stale.
            log.error({ op: "remind", obligation: o.key, period, step: x.step, err }, "reminder not sent");
          }
        }
      }
    }
  }
  return result;
}

/** The unit's bound chats, and the private chats of its officials who asked for reminders there. */
async function recipients(deps: BotDeps, unit: UnitRow): Promise<ChatRef[]> {
  return deps.store.transaction(async (repo) => {
    const chats = await repo.deadlines.chatsOf(unit.id);
    const people = await repo.deadlines.privateRecipients(unit.id);
    return [...chats, ...people.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId) }))];
  });
}

/** The unit's own pre-filled table, on the first reminder of a period that reaches a chat. */
async function firstTable(deps: BotDeps, o: Obligation, campaign: Campaign | null, period: string, unit: UnitRow, chat: ChatRef, lang: "zh-CN" | "en", today: string): Promise<OutgoingFile | undefined> {
  return deps.store.transaction(async (repo) => {
    if ((await repo.deadlines.sentWithSuffix(`deadline:${o.key}:${period}:${unit.id}:`, `|${chat.platform}:${chat.chatId}`)) > 0) return undefined;
    // One sheet: the unit with the counts of everything below it (a county with hundreds of units is not rebuilt here).
    const file = await statisticsTable(deps, repo, unit, period, lang, today, { summaryOnly: true, campaign: campaign ?? undefined });
    return { kind: "document" as const, filename: file.filename, data: file.data };
  });
}
