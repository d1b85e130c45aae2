import { shanghaiDate } from "../domain/dates.ts";
import { activePeriods, dueDate, isQuiet, ladder, stepState, type Obligation, type Step, type StepState } from "../domain/obligations.ts";
import type { BotDeps } from "../core/context.ts";
import { oneOff } from "../core/obligations.ts";
import { privateChatOf, type OutgoingFile, type OutgoingMessage } from "../core/messages.ts";
import type { ChatRef, UnitRow } from "../store/index.ts";
import { statisticsTable } from "../reports/gather.ts";

/** A claim not marked sent after this long was left by a process that died: another tick may retake it. */
const STALE_MS = 5 * 60_000;

export interface RoundResult {
  sent: number;
  skipped: number;
}

/**
 * One round of deadline reminders (报送提醒). For every unit with units below it, every obligation it receives and
 * every period whose ladder is running: each owing unit that has not submitted hears the step that is due, in its
 * bound chats and the private chats of its officials who asked for that; after a miss, the receiving unit hears which
 * units are still missing. Each (obligation, period, unit, step) is claimed in the store before it is sent and marked
 * after, so two processes send it once; a step whose window passed while no process ran is recorded as skipped.
 * Nothing is sent in the quiet hours. The first reminder of a monthly period carries the unit's pre-filled table.
 */
export async function runDeadlineReminders(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<RoundResult> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const quiet = isQuiet(now);
  const log = deps.log.child({ module: "reminders" });
  const tx = deps.store.transaction;
  const units = await tx((repo) => repo.deadlines.allUnits());
  const oneOffs = await tx((repo) => repo.deadlines.oneOffs(null));
  const children = new Map<number, UnitRow[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const result: RoundResult = { sent: 0, skipped: 0 };
  const lang = deps.config.SENTINEL_LANG;
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);

  for (const receiver of units) {
    const owing = children.get(receiver.id);
    if (!owing) continue;
    const obligations: Obligation[] = [...deps.obligations, ...oneOffs.filter((o) => o.receiverUnitId === receiver.id).map(oneOff)];
    for (const o of obligations) {
      for (const period of activePeriods(o.recurrence, today)) {
        const due = dueDate(o.recurrence, period);
        const steps = ladder(deps.calendar, due);
        const states = steps.map((_, i) => stepState(deps.calendar, steps, i, now));
        if (states.every((s) => s.state === "early")) continue;
        const subs = await tx((repo) => repo.deadlines.submissions(o.key, period, owing.map((u) => u.id)));
        const missing = owing.filter((u) => !subs.has(u.id));
        if (missing.length === 0) continue;
        const work: { key: string; unit: UnitRow | null; step: Step; state: StepState }[] = [];
        for (const [i, s] of steps.entries()) {
          const state = states[i]!;
          if (state.state === "early") continue;
          for (const u of missing) work.push({ key: `deadline:${o.key}:${period}:${u.id}:${s.step}`, unit: u, step: s.step, state });
          if (s.step === "MISS") work.push({ key: `deadline:${o.key}:${period}:to-${receiver.id}:MISS`, unit: null, step: s.step, state });
        }
        // One read tells which are done: sent, skipped, or claimed by a live process a moment ago.
        const claims = await tx((repo) => repo.deadlines.claims(work.map((w) => w.key)));
        for (const w of work) {
          const c = claims.get(w.key);
          if (c && (c.outcome || now.getTime() - c.claimedAt.getTime() < STALE_MS)) continue;
          if (w.state.state === "passed") {
            if (!c && (await tx((repo) => repo.deadlines.recordSkipped(w.key, now)))) {
              result.skipped++;
              log.info({ op: "skip", obligation: o.key, period, step: w.step, unit: w.unit?.id ?? receiver.id }, "reminder window passed unsent");
            }
            continue;
          }
          if (quiet || w.state.state !== "due") continue;
          if (!(await tx((repo) => repo.claimJob(w.key, now, STALE_MS)))) continue;
          try {
            const chats = await recipients(deps, w.unit ?? receiver);
            const text = w.unit
              ? t(`reminder-${w.step}`, { name: o.name[lang], period, due, unit: w.unit.name, receiver: receiver.name, late: w.state.late ? "yes" : "no" })
              : t("reminder-escalate", { name: o.name[lang], period, due, count: missing.length, units: missing.map((u) => u.name).join(t("list-separator")) });
            const file = w.unit && o.attachTable ? await firstTable(deps, o, period, w.unit, w.step, steps.map((x) => x.step), lang, today) : undefined;
            for (const chat of chats) await send({ ...chat, text, ...(file ? { file } : {}) });
            await tx((repo) => repo.markJobSent(w.key, deps.clock()));
            result.sent++;
            if (chats.length === 0) log.warn({ op: "remind", unit: (w.unit ?? receiver).id }, "unit has no bound chat: reminder recorded, nowhere to send");
          } catch (err) {
            // The claim stays unsent: a later tick (this process or another) retakes it once it is stale.
            log.error({ op: "remind", obligation: o.key, period, step: w.step, err }, "reminder not sent");
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

/** The pre-filled table, on the first reminder of a period that is actually sent to the unit. */
async function firstTable(
  deps: BotDeps,
  o: Obligation,
  period: string,
  unit: UnitRow,
  step: Step,
  ladderSteps: Step[],
  lang: "zh-CN" | "en",
  today: string,
): Promise<OutgoingFile | undefined> {
  if (o.recurrence.kind !== "monthly") return undefined;
  const earlier = ladderSteps.slice(0, ladderSteps.indexOf(step)).map((x) => `deadline:${o.key}:${period}:${unit.id}:${x}`);
  return deps.store.transaction(async (repo) => {
    if ((await repo.deadlines.sentKeys(earlier)).size > 0) return undefined;
    const file = await statisticsTable(deps, repo, unit, period, lang, today);
    return { kind: "document" as const, filename: file.filename, data: file.data };
  });
}
