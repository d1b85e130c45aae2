import { addDays, shanghaiDate } from "../domain/dates.ts";
import { activePeriods, dueDate, isQuiet, ladder, stepState, type Obligation, type Step, type StepState } from "../domain/obligations.ts";
import type { BotDeps } from "../core/context.ts";
import { oneOff } from "../core/obligations.ts";
import { campaignOn, type Campaign } from "../domain/campaign.ts";
import { owing, receives } from "../core/features/deadlines.ts";
import { privateChatOf, type OutgoingFile, type OutgoingMessage } from "../core/messages.ts";
import type { ChatRef, UnitRow } from "../store/index.ts";
import { statisticsTable } from "../reports/gather.ts";
import { SendPipeline } from "./pipeline.ts";

/** A claim not marked sent after this long was left by a process that died: another tick may retake it. */
const STALE_MS = 5 * 60_000;
/** A period whose last window closed longer ago than this is not looked at any more. */
const DONE_AFTER_MS = 2 * 86_400_000;

export interface RoundResult {
  sent: number;
  skipped: number;
}

/** Reminders claimed per statement: a crash leaves at most this many to be retaken once stale. */
const CLAIM_BATCH = 200;
/** Keys per read of the claims (a statement's parameters are limited). */
const READ_BATCH = 5_000;

/** One (receiving unit, obligation, period) whose ladder is running. */
interface Running {
  o: Obligation;
  campaign: Campaign | null;
  receiver: UnitRow;
  period: string;
  due: string;
  steps: { step: Step; date: string }[];
  states: StepState[];
  from: UnitRow[];
}

interface Target {
  /** `deadline:<obligation>:<period>:<unit id | to-<receiver id>>:<step>|<platform>:<chat id>` */
  key: string;
  run: Running;
  /** The owing unit; null for the receiver's own escalation. */
  unit: UnitRow | null;
  /** The units still missing when the round looked (for the escalation's list). */
  missing: UnitRow[];
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
 * the same statement, that the unit has still not submitted. A claim a dead process left is retaken after five
 * minutes; a step whose window passed unsent is recorded as skipped. Nothing is sent in the quiet hours. The first
 * reminder of a monthly period to a chat carries the unit's pre-filled table.
 *
 * The store work does not grow per chat: the round reads the tree, the submissions, the recipients and the claims in
 * a handful of statements, claims in batches of `CLAIM_BATCH` in one statement each, and marks sends in batches; the
 * sends go out many at a time (`SendPipeline`) at the pace the platform allows.
 */
export async function runDeadlineReminders(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<RoundResult> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const quiet = isQuiet(now, deps.config.SENTINEL_QUIET_HOURS);
  const log = deps.log.child({ module: "reminders" });
  const tx = deps.store.transaction;
  const { units, oneOffs } = await tx(async (repo) => ({
    units: await repo.deadlines.allUnits(),
    oneOffs: await repo.deadlines.oneOffs(null, { from: addDays(today, -40), to: addDays(today, 40) }),
  }));
  const result: RoundResult = { sent: 0, skipped: 0 };
  const lang = deps.config.SENTINEL_LANG;
  const t = (id: string, args?: Record<string, string | number>) => deps.prompts.t(lang, id, args);

  // The periods whose ladders are running, from the tree alone.
  const running: Running[] = [];
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
        running.push({ o, campaign, receiver, period, due, steps, states, from });
      }
    }
  }
  if (running.length === 0) return result;

  // One read: who has submitted, for every running period.
  const submitted = await tx((repo) => repo.deadlines.submittedUnits(running.map((r) => ({ obligationKey: r.o.key, period: r.period }))));
  const hearing: { run: Running; missing: UnitRow[]; step: number; whom: (UnitRow | null)[] }[] = [];
  for (const run of running) {
    const done = submitted.get(`${run.o.key}|${run.period}`)!;
    const missing = run.from.filter((u) => !done.has(u.id));
    if (missing.length === 0) continue;
    for (const [i, s] of run.steps.entries()) {
      if (run.states[i]!.state === "early") continue;
      // A unit set up after a step's day was not yet there to be reminded.
      const there = missing.filter((u) => !u.createdAt || shanghaiDate(u.createdAt) <= s.date);
      if (there.length === 0) continue;
      hearing.push({ run, missing, step: i, whom: [...there, ...(s.step === "MISS" ? [null] : [])] });
    }
  }
  // One read: the chats of every unit that hears something.
  const ids = new Set(hearing.flatMap((h) => h.whom.map((u) => (u ?? h.run.receiver).id)));
  const recipients = await tx((repo) => repo.deadlines.recipientsOf([...ids]));
  const chatsOf = (unit: UnitRow): ChatRef[] => {
    const r = recipients.get(unit.id)!;
    return [...r.chats, ...r.people.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId) }))];
  };
  const targets: Target[] = [];
  for (const { run, missing, step, whom } of hearing) {
    const s = run.steps[step]!;
    for (const unit of whom) {
      const base = `deadline:${run.o.key}:${run.period}:${unit ? unit.id : `to-${run.receiver.id}`}:${s.step}`;
      for (const chat of chatsOf(unit ?? run.receiver)) {
        targets.push({ key: `${base}|${chat.platform}:${chat.chatId}`, run, unit, missing, chat, step: s.step, state: run.states[step]! });
      }
    }
  }

  // One read (per few thousand keys) tells which are done: sent, skipped, or claimed a moment ago by a live process.
  const claims = new Map<string, { claimedAt: Date; outcome: string | null }>();
  for (const keys of chunks(targets.map((x) => x.key), READ_BATCH)) {
    for (const [k, c] of await tx((repo) => repo.deadlines.claims(keys))) claims.set(k, c);
  }
  const open = targets.filter((x) => {
    const c = claims.get(x.key);
    return !c || (!c.outcome && now.getTime() - c.claimedAt.getTime() >= STALE_MS);
  });

  // Windows that passed unsent are recorded, a batch per statement: after the due claims are taken, while their sends
  // go out at the platform's pace, so bookkeeping never holds back the round's first message.
  const recordSkipped = async () => {
    for (const batch of chunks(open.filter((x) => x.state.state === "passed"), CLAIM_BATCH)) {
      const recorded = new Set(await tx((repo) => repo.deadlines.recordSkippedMany(batch.map((x) => x.key), now)));
      for (const x of batch.filter((b) => recorded.has(b.key))) {
        result.skipped++;
        log.info({ op: "skip", obligation: x.run.o.key, period: x.run.period, step: x.step, unit: x.unit?.id ?? x.run.receiver.id }, "reminder window passed unsent");
      }
    }
  };
  const due = quiet ? [] : open.filter((x) => x.state.state === "due");
  if (due.length === 0) {
    await recordSkipped();
    return result;
  }

  // A chat's first reminder of a monthly period carries the table: whether one went before is in the claims read.
  const tabled = new Set<string>();
  for (const x of targets) if (x.unit && claims.get(x.key)?.outcome === "sent") tabled.add(tableKey(x));
  const tables = new Map<string, Promise<OutgoingFile>>();
  const tableFor = (x: Target & { unit: UnitRow }): Promise<OutgoingFile> => {
    const k = `${x.run.o.key}:${x.run.period}:${x.unit.id}`;
    if (!tables.has(k)) tables.set(k, unitTable(deps, x.run, x.unit, lang, today));
    return tables.get(k)!;
  };

  const pipeline = new SendPipeline(send);
  let marks: string[] = [];
  let marking: Promise<void> = Promise.resolve();
  const flush = () => {
    const keys = marks;
    marks = [];
    marking = marking.then(() => (keys.length ? tx((repo) => repo.markJobsSent(keys, deps.clock())) : undefined));
    return marking;
  };
  for (const batch of chunks(due, CLAIM_BATCH)) {
    // Claims are taken only as fast as sends go out, so a crash strands no more than a batch and what is in flight.
    await pipeline.room();
    const claimed = await tx((repo) =>
      repo.deadlines.claimMany(
        batch.map((x) => ({ key: x.key, obligationKey: x.run.o.key, period: x.run.period, unitId: x.unit?.id ?? null })),
        now,
        STALE_MS,
      ),
    );
    for (const x of batch) {
      if (!claimed.has(x.key)) continue;
      const { o, period, due: dueOn, receiver } = x.run;
      const compose = async (): Promise<OutgoingMessage> => {
        if (!x.unit) {
          const still = await tx((repo) => repo.deadlines.submissions(o.key, period, x.missing.map((u) => u.id)));
          const names = x.missing.filter((u) => !still.has(u.id)).map((u) => u.name);
          return { ...x.chat, text: t("reminder-escalate", { name: o.name[lang], period, due: dueOn, count: names.length, units: names.join(t("list-separator")) }) };
        }
        const text = t(`reminder-${x.step}`, { name: o.name[lang], keyword: o.keywords[0]!, period, due: dueOn, unit: x.unit.name, receiver: receiver.name, late: x.state.state === "due" && x.state.late ? "yes" : "no" });
        if (!o.attachTable || o.recurrence.kind !== "monthly" || tabled.has(tableKey(x))) return { ...x.chat, text };
        tabled.add(tableKey(x));
        return { ...x.chat, text, file: await tableFor(x as Target & { unit: UnitRow }) };
      };
      await pipeline.push(compose, (err) => {
        if (err) {
          // The claim stays unsent: a later tick (this process or another) retakes it once it is stale.
          log.error({ op: "remind", obligation: o.key, period, step: x.step, err }, "reminder not sent");
          return;
        }
        result.sent++;
        marks.push(x.key);
      });
    }
    if (marks.length >= CLAIM_BATCH) await flush();
  }
  await recordSkipped();
  await pipeline.drain();
  await flush();
  return result;
}

/** A chat's table, once per period and unit: `<obligation>:<period>:<unit>|<platform>:<chat>`. */
const tableKey = (x: Target): string => `${x.run.o.key}:${x.run.period}:${x.unit?.id}|${x.chat.platform}:${x.chat.chatId}`;

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The unit's own pre-filled table: one sheet, the unit with the counts of everything below it. */
async function unitTable(deps: BotDeps, run: Running, unit: UnitRow, lang: "zh-CN" | "en", today: string): Promise<OutgoingFile> {
  const file = await deps.store.transaction((repo) =>
    statisticsTable(deps, repo, unit, run.period, lang, today, { summaryOnly: true, campaign: run.campaign ?? undefined }),
  );
  return { kind: "document" as const, filename: file.filename, data: file.data };
}
