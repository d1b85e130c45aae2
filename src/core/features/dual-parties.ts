import type { Role } from "../../domain/types.ts";
import type { Ctx } from "../context.ts";
import type { Feature } from "../bot.ts";
import { officialScope } from "./queries.ts";

const PARTIES: Role[] = ["PRINCIPAL", "CONTROLLER", "CONGRESS"];
const LIMIT = 50;

/**
 * `双报告对象`: for each enterprise in the official's scope, who a 双报告 reaches (主要负责人, 实际控制人, 职代会 contact),
 * those lacking one first, so the regulator sees which enterprises must still set one.
 */
async function dualParties(ctx: Ctx): Promise<void> {
  const scope = await officialScope(ctx);
  const rows = await ctx.repo.oversight.parties(scope.paths, PARTIES);
  if (rows.length === 0) {
    ctx.reply("dual-parties-none", { unit: scope.name });
    return;
  }
  const lacking = rows.filter((r) => PARTIES.some((p) => !r.holders[p]?.length));
  const ordered = [...lacking, ...rows.filter((r) => !lacking.includes(r))].slice(0, LIMIT);
  const line = (r: (typeof rows)[number]) =>
    ctx.t("dual-parties-line", {
      unit: r.unit.name,
      parties: PARTIES.map((p) => ctx.t("dual-parties-party", { role: ctx.roleName(p, "ENTERPRISE"), names: r.holders[p]?.length ? ctx.list(r.holders[p]!) : "none" })).join(ctx.t("dual-told-separator")),
    });
  const more = rows.length > LIMIT ? [ctx.t("list-more", { limit: LIMIT })] : [];
  ctx.replyText([ctx.t("dual-parties-head", { unit: scope.name, count: rows.length, lacking: lacking.length }), ...ordered.map(line), ...more].join("\n"));
}

export const dualReporting: Feature = { commands: { "dual-parties": dualParties } };
