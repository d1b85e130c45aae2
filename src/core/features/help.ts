import type { Ctx } from "../context.ts";
import type { Feature } from "../bot.ts";

async function showHelp(ctx: Ctx): Promise<void> {
  const official = ctx.binding ? await ctx.can("OFFICIAL", ctx.binding.unit) : ctx.isSuperAdmin || (await ctx.grants()).some((g) => g.role === "OFFICIAL" || g.role === "ADMIN");
  const admin = ctx.isSuperAdmin || (await ctx.grants()).some((g) => g.role === "ADMIN");
  const parts = [ctx.t("help-worker")];
  if (official) parts.push(ctx.t("help-official"));
  if (admin) parts.push(ctx.t("help-admin"));
  if ((await ctx.grants()).some((g) => g.role === "TIP_HANDLER")) parts.push(ctx.t("help-tip-handler"));
  ctx.replyText(parts.join("\n\n"));
}

async function start(ctx: Ctx): Promise<void> {
  ctx.reply(ctx.msg.chatType === "group" && !ctx.binding ? "start-unbound" : "start");
  await showHelp(ctx);
}

/** What the bot can do, for the person asking. */
export const help: Feature = { commands: { help: showHelp, start } };
