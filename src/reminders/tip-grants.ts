import type { BotDeps } from "../core/context.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import { privateChatOf } from "../core/messages.ts";
import { notices, regulatorAbove, unitRecipients } from "../core/features/oversight.ts";

/** Where the migration that confined 举报处理人 to regulators left the grants it removed (JSON `[{ userId, unitId }]`). */
export const REMOVED_KEY = "tip-grants-removed";

/**
 * Tells the holders of 举报处理人 grants that were removed from enterprises (a tip is received by the regulator above the
 * unit it names, never by the enterprise), and the regulator above each, why: once each, claimed like every scheduled
 * message, then the note is dropped. Returns how many were told.
 */
export async function runRemovedTipGrants(deps: BotDeps, send: (m: OutgoingMessage) => Promise<void>): Promise<number> {
  const now = deps.clock();
  const out = await deps.store.transaction(async (repo) => {
    const raw = await repo.getSetting(REMOVED_KEY);
    if (!raw) return [];
    const removed = JSON.parse(raw) as { userId: number; unitId: number }[];
    const msgs: OutgoingMessage[] = [];
    for (const r of removed) {
      if (!(await repo.claimJob(`tip-grant-removed:${r.userId}:${r.unitId}`, now))) continue;
      const [user, unit] = [await repo.rewards.user(r.userId), await repo.oversight.unit(r.unitId)];
      if (!unit) continue;
      const regulator = await regulatorAbove(repo, unit);
      const args = { who: user?.displayName ?? "?", unit: unit.name, regulator: regulator?.name ?? "none" };
      if (user) msgs.push(...notices(deps, [{ platform: user.platform, chatId: privateChatOf(user.platform, user.platformUserId), lang: user.lang }], "tip-handler-removed-notice", args));
      if (regulator) msgs.push(...notices(deps, await unitRecipients(repo, regulator), "tip-handler-removed-regulator", args));
    }
    await repo.deleteSetting(REMOVED_KEY);
    return msgs;
  });
  for (const m of out) await send(m).catch((err: unknown) => deps.log.error({ module: "reminders", op: "tip-grants-removed", err }, "notice not sent"));
  return out.length;
}
