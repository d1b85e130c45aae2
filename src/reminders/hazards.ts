import { excerpt } from "../core/input.ts";
import { addDays, shanghaiDate, startOfShanghaiDay } from "../domain/dates.ts";
import { chaseStepOn, confirmChaseOn, type ChaseStep } from "../domain/chase.ts";
import { isQuiet } from "../domain/obligations.ts";
import { formatHazardNumber } from "../domain/hazard-number.ts";
import type { BotDeps } from "../core/context.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import { privateChatOf } from "../core/messages.ts";
import { notices, regulatorAbove, reportUpUnconfirmed, unitRecipients, type Recipient } from "../core/features/oversight.ts";
import type { ChaseRow, Repo, UnitRow, UserRow } from "../store/index.ts";
import { SendPipeline } from "./pipeline.ts";

/** A claim not marked sent after this long was left by a process that died: a later tick retakes it. */
const STALE_MS = 5 * 60_000;
/** Reminders claimed per statement. */
const CLAIM_BATCH = 200;
/** Steps whose recipients are looked up per transaction. */
const RESOLVE_BATCH = 500;
/** How far ahead the chase looks: three working days before a deadline, across a week of holidays. */
const LOOKAHEAD_DAYS = 14;

export interface ChaseResult {
  sent: number;
  reportedUp: number;
}

/**
 * Chases hazard deadlines (rectification and 督办) on the reminder ladder: three working days before and on the day to
 * the unit's groups and the plan's responsible person (when the bot knows them by that name); the first working day
 * after, then weekly while overdue, to the regulator above (the supervising one for a 督办 deadline). Each (hazard,
 * deadline, step, chat) is claimed in the store before it is sent and marked after, so two processes send it once.
 * Nothing is sent in the quiet hours. Also reports up (双报告) reports the criteria flag as major that nobody confirmed.
 */
export async function runHazardChase(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<ChaseResult> {
  const now = deps.clock();
  const result: ChaseResult = { sent: 0, reportedUp: 0 };
  if (isQuiet(now, deps.config.SENTINEL_QUIET_HOURS)) return result;
  const today = shanghaiDate(now);
  const log = deps.log.child({ module: "hazard-chase" });
  const tx = deps.store.transaction;

  const confirmDays = deps.config.SENTINEL_CONFIRM_DAYS;
  // N working days are at least N calendar days: reports filed since then cannot be due yet.
  const rows = await tx((repo) => repo.oversight.chaseCandidates(addDays(today, LOOKAHEAD_DAYS), startOfShanghaiDay(addDays(today, -confirmDays))));
  // What is due today, from the rows alone; most overdue hazards have no step today (weekly after the first).
  const due = rows.flatMap((row) =>
    (["rect", "sup", "confirm"] as const).flatMap((kind): { row: ChaseRow; kind: "rect" | "sup" | "confirm"; deadline: string; step: ChaseStep }[] => {
      if (kind === "confirm") {
        // A report nobody confirmed: counted from the day it came in.
        const step = row.status === "REPORTED" ? confirmChaseOn(deps.calendar, row.reportedOn, today, confirmDays) : null;
        return step ? [{ row, kind, deadline: row.reportedOn, step }] : [];
      }
      const deadline = kind === "rect" ? row.deadline : row.supervisedDeadline;
      const step = deadline ? chaseStepOn(deps.calendar, deadline, today) : null;
      return step && deadline ? [{ row, kind, deadline, step }] : [];
    }),
  );
  if (due.length) {
    // Who hears each step: each unit, regulator and named person looked up once in the round, in a few short
    // transactions (a chunk of steps each) rather than one per hazard.
    let repo: Repo;
    const once = <T>(cache: Map<string | number, Promise<T>>, key: string | number, load: () => Promise<T>): Promise<T> => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key)!;
    };
    const units = new Map<string | number, Promise<UnitRow | null>>();
    const groups = new Map<string | number, Promise<Recipient[]>>();
    const regulators = new Map<string | number, Promise<UnitRow | null>>();
    const everyone = new Map<string | number, Promise<Recipient[]>>();
    const named = new Map<string | number, Promise<UserRow[]>>();
    const items: { key: string; hazard: number; step: string; message: OutgoingMessage }[] = [];
    for (let i = 0; i < due.length; i += RESOLVE_BATCH) {
      await tx(async (r) => {
        repo = r;
        // In turn, not all at once: a transaction runs one statement at a time.
        for (const { row, kind, deadline, step } of due.slice(i, i + RESOLVE_BATCH)) {
          const u = (await once(units, row.unitId, () => repo.oversight.unit(row.unitId)))!;
          const number = formatHazardNumber(row.year, row.id);
          const args = { number, unit: u.name, kind, deadline, text: excerpt(row.description.replace(/\s+/g, " "), 60), responsible: row.planResponsible ?? "none", days: step.daysLate };
          let to: Recipient[];
          let id: string;
          if (kind === "confirm") {
            // The unit's own 安全管理员 (its groups, and privately), then the regulator above.
            if (step.to === "unit") {
              const officials = await repo.oversight.holders(u.id, "OFFICIAL");
              to = [...(await once(groups, u.id, () => repo.oversight.groupsOf([u.id]))), ...officials.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang }))];
            } else {
              const regulator = await once(regulators, u.id, () => regulatorAbove(repo, u));
              to = regulator ? await once(everyone, regulator.id, () => unitRecipients(repo, regulator)) : [];
            }
            id = step.to === "unit" ? "chase-confirm" : "chase-confirm-late";
          } else if (step.to === "unit") {
            const responsible = row.planResponsible;
            const people = responsible ? await once(named, `${responsible}\u0000${row.unitPath}`, () => repo.oversight.peopleNamed(responsible, row.unitPath)) : [];
            to = [...(await once(groups, u.id, () => repo.oversight.groupsOf([u.id]))), ...people.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang }))];
            id = step.step === "T-3" ? "chase-T-3" : "chase-T0";
          } else {
            const supervising = kind === "sup" ? row.supervisingUnitId : null;
            const regulator = (supervising !== null ? await once(units, supervising, () => repo.oversight.unit(supervising)) : null) ?? (await once(regulators, u.id, () => regulatorAbove(repo, u)));
            to = regulator ? await once(everyone, regulator.id, () => unitRecipients(repo, regulator)) : [];
            id = "chase-late";
          }
          for (const m of notices(deps, to, id, args)) {
            items.push({ key: `hazard:${row.id}:${kind}:${deadline}:${step.step}|${m.platform}:${m.chatId}`, hazard: row.id, step: step.step, message: m });
          }
        }
      });
    }
    // Claimed in batches (each key once across processes), sent many at a time, marked in batches.
    const pipeline = new SendPipeline(send);
    let marks: string[] = [];
    for (let i = 0; i < items.length; i += CLAIM_BATCH) {
      const batch = items.slice(i, i + CLAIM_BATCH);
      await pipeline.room();
      const claimed = await tx((repo) => repo.claimJobs(batch.map((x) => x.key), now, STALE_MS));
      for (const x of batch) {
        if (!claimed.has(x.key)) continue;
        await pipeline.push(
          async () => x.message,
          (err) => {
            // The claim stays unsent: a later tick retakes it once it is stale.
            if (err) return log.error({ op: "chase", hazard: x.hazard, step: x.step, err }, "deadline reminder not sent");
            result.sent++;
            marks.push(x.key);
          },
        );
      }
      if (marks.length >= CLAIM_BATCH) {
        const keys = marks;
        marks = [];
        await tx((repo) => repo.markJobsSent(keys, deps.clock()));
      }
    }
    await pipeline.drain();
    if (marks.length) await tx((repo) => repo.markJobsSent(marks, deps.clock()));
  }

  const before = new Date(now.getTime() - deps.config.SENTINEL_DUAL_REPORT_HOURS * 3_600_000);
  const pending = await tx((repo) => repo.oversight.unconfirmedMajor(before));
  for (const id of pending) {
    // Recorded and claimed in one transaction (the hazard's own once-only guard); sent after it commits.
    const out = await tx((repo) => reportUpUnconfirmed(deps, repo, id, now));
    if (out.length) result.reportedUp++;
    for (const m of out) {
      await send(m).catch((err: unknown) => log.error({ op: "dual-report", hazard: id, err }, "notice not sent"));
    }
  }
  return result;
}
