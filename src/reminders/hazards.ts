import { excerpt } from "../core/input.ts";
import { addDays, shanghaiDate } from "../domain/dates.ts";
import { chaseStepOn } from "../domain/chase.ts";
import { isQuiet } from "../domain/obligations.ts";
import { formatHazardNumber } from "../domain/hazard-number.ts";
import type { BotDeps } from "../core/context.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import { privateChatOf } from "../core/messages.ts";
import { notices, regulatorAbove, reportUpUnconfirmed, unitRecipients, type Recipient } from "../core/features/oversight.ts";

/** A claim not marked sent after this long was left by a process that died: a later tick retakes it. */
const STALE_MS = 5 * 60_000;
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

  const rows = await tx((repo) => repo.oversight.chaseCandidates(addDays(today, LOOKAHEAD_DAYS)));
  for (const row of rows) {
    for (const kind of ["rect", "sup"] as const) {
      const deadline = kind === "rect" ? row.deadline : row.supervisedDeadline;
      if (!deadline) continue;
      const step = chaseStepOn(deps.calendar, deadline, today);
      if (!step) continue;
      const { to, message } = await tx(async (repo) => {
        const unit = (await repo.oversight.unit(row.unitId))!;
        const number = formatHazardNumber(row.year, row.id);
        const args = { number, unit: unit.name, kind, deadline, text: excerpt(row.description.replace(/\s+/g, " "), 60), responsible: row.planResponsible ?? "none", days: step.daysLate };
        if (step.to === "unit") {
          const people = row.planResponsible ? await repo.oversight.peopleNamed(row.planResponsible, row.unitPath) : [];
          const recipients: Recipient[] = [
            ...(await repo.oversight.groupsOf([unit.id])),
            ...people.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang })),
          ];
          return { to: recipients, message: { id: step.step === "T-3" ? "chase-T-3" : "chase-T0", args } };
        }
        const regulator = (kind === "sup" && row.supervisingUnitId !== null ? await repo.oversight.unit(row.supervisingUnitId) : null) ?? (await regulatorAbove(repo, unit));
        return { to: regulator ? await unitRecipients(repo, regulator) : [], message: { id: "chase-late", args } };
      });
      for (const m of notices(deps, to, message.id, message.args)) {
        const key = `hazard:${row.id}:${kind}:${deadline}:${step.step}|${m.platform}:${m.chatId}`;
        if (!(await tx((repo) => repo.claimJob(key, now, STALE_MS)))) continue;
        try {
          await send(m);
          await tx((repo) => repo.markJobSent(key, deps.clock()));
          result.sent++;
        } catch (err) {
          // The claim stays unsent: a later tick retakes it once it is stale.
          log.error({ op: "chase", hazard: row.id, step: step.step, err }, "deadline reminder not sent");
        }
      }
    }
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
