import { topUnits } from "../../domain/permissions.ts";
import { shanghaiDateTime } from "../../domain/dates.ts";
import { issueLink } from "../../web/session.ts";
import { Refusal, type Ctx } from "../context.ts";
import type { Feature } from "../bot.ts";

/**
 * `网页` / `/web`: a one-time link to the web ledger (网页台账), in a private chat only, valid for
 * `SENTINEL_WEB_LINK_MINUTES`, usable once, bound to the person who asked. Officials see their units there; someone
 * with no official role sees what `查询` shows them in a private chat: the hazards they reported.
 */
async function web(ctx: Ctx): Promise<void> {
  // A link is a credential: never into a group, where everyone would read it.
  if (ctx.msg.chatType !== "private") throw new Refusal("web-refuse-group");
  const { config } = ctx.deps;
  if (!config.SENTINEL_HTTP_PORT) throw new Refusal("web-refuse-off");
  const official = ctx.isSuperAdmin || topUnits(await ctx.grants(), "OFFICIAL").length > 0;
  const { url, expiresAt } = await issueLink(ctx.deps, ctx.repo, ctx.user.id, ctx.now);
  ctx.reply(official ? "web-link" : "web-link-worker", {
    url,
    minutes: config.SENTINEL_WEB_LINK_MINUTES,
    hours: config.SENTINEL_WEB_SESSION_HOURS,
    until: shanghaiDateTime(expiresAt),
  });
}

/** The web ledger's login links. */
export const webLedger: Feature = {
  commands: { web },
};
