import { topUnits } from "../../domain/permissions.ts";
import type { UnitRow, UserRow } from "../../store/index.ts";
import { Refusal, type Ctx } from "../context.ts";
import { privateChatOf } from "../messages.ts";
import type { Feature } from "../bot.ts";

/**
 * 举报处理人 reads every tip of its units, so it is never self-granted: an admin who could give it to himself could read
 * the tips unseen. Called before a grant of TIP_HANDLER.
 */
export function checkTipHandlerGrant(ctx: Ctx, target: UserRow): void {
  if (target.id === ctx.user.id) throw new Refusal("tip-grant-self");
}

/**
 * Tells of a grant or revocation of 举报处理人: the unit's other tip handlers (on it and above), the admins of the unit
 * above (at the top, the super admins) and the person concerned — privately, each on their own platform.
 */
export async function announceTipHandlerChange(ctx: Ctx, change: { target: UserRow; unit: UnitRow; granted: boolean }): Promise<void> {
  const { target, unit, granted } = change;
  const told = new Map<number, UserRow>();
  // The configured admins count as super admins (they need no stored flag): those the bot has met hear of it too.
  const configured = await Promise.all(
    ctx.deps.config.SENTINEL_ADMINS.map((a) => a.split(":")).map(([platform, ...id]) => ctx.repo.findUserById(platform!, id.join(":"))),
  );
  const all = [...(await ctx.repo.tips.handlersOf(unit.path)), ...(await ctx.repo.tips.overseersOf(unit)), ...configured.filter((u) => u !== null), target];
  for (const u of all) {
    if (u.id !== ctx.user.id && !told.has(u.id)) told.set(u.id, u);
  }
  for (const u of told.values()) {
    ctx.notify({ platform: u.platform, chatId: privateChatOf(u.platform, u.platformUserId) }, u.lang, granted ? "tip-handler-granted-notice" : "tip-handler-revoked-notice", {
      actor: ctx.user.displayName,
      who: target.displayName,
      unit: unit.name,
    });
  }
}

/** `举报处理人 名单`: who holds 举报处理人 on the sender's units, above them and below them (admins and tip handlers only). */
async function list(ctx: Ctx, args: string): Promise<void> {
  if (args && !["名单", "list", "列表"].includes(args.trim().toLowerCase())) throw new Refusal("tip-handlers-usage");
  const grants = await ctx.grants();
  const mine = ctx.isSuperAdmin ? ["/"] : [...topUnits(grants, "ADMIN"), ...topUnits(grants, "TIP_HANDLER")];
  if (mine.length === 0) throw new Refusal("tip-handlers-not-allowed");
  const related = (path: string) => mine.some((p) => path.startsWith(p) || p.startsWith(path));
  const units = new Map((await ctx.repo.listUnits()).map((u) => [u.path, u.name]));
  const rows = (await ctx.repo.tips.allHandlers()).filter((h) => related(h.unitPath));
  if (rows.length === 0) {
    ctx.reply("tip-handlers-none");
    return;
  }
  const lines = rows.map((h) => ctx.t("tip-handlers-line", { who: h.user.displayName, unit: units.get(h.unitPath) ?? "?" }));
  ctx.replyText([ctx.t("tip-handlers-head", { count: rows.length }), ...lines].join("\n"));
}

export const tipGrants: Feature = { commands: { "tip-handlers": list } };
