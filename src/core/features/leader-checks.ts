import { shanghaiDateTime } from "../../domain/dates.ts";
import { answerableSince, cadenceOf, periodArgs, type Cadence, type Frequency } from "../../domain/checks.ts";
import { isHighRisk } from "../../domain/industries.ts";
import { leads } from "../../domain/permissions.ts";
import { nearestOfKind } from "../../domain/units.ts";
import { privateChatOf } from "../messages.ts";
import type { Repo, RoundRow, UnitRow } from "../../store/index.ts";
import { Refusal, type BotDeps, type Ctx } from "../context.ts";
import type { Recipient } from "./oversight.ts";

/**
 * 主要负责人带队检查 (seed 003 第6条: “生产经营单位主要负责人要每季度带队……至少开展1次检查（高危行业领域每月至少1次）”):
 * a round of its own (frequency `LEADER`), monthly for a unit of a 高危行业 (prompts/industries.json) and quarterly
 * otherwise, told privately to the enterprise's 主要负责人 (or, without one, its 实际控制人), and finished only once one of
 * them has answered an item of it or signed it (`带队签字`): a 安全管理员 answering every item leaves it not led.
 */

/** The cadence of a unit's rounds of a frequency, by the industry it is of (its own or the nearest above). */
export async function cadenceFor(deps: Pick<BotDeps, "industries">, repo: Repo, unitId: number, freq: Frequency): Promise<Cadence> {
  if (freq !== "LEADER") return freq;
  const industry = (await repo.checks.industries([unitId])).get(unitId) ?? null;
  return cadenceOf(freq, isHighRisk(deps.industries, industry));
}

/** Whether the sender leads the unit (its enterprise's 主要负责人 or 实际控制人). */
export const leadsUnit = async (ctx: Ctx, unit: UnitRow): Promise<boolean> => leads(await ctx.grants(), unit.path);

/** The leaders a leader-led round is sent to, privately: the 主要负责人, else the 实际控制人 (none: nobody can lead it). */
export async function leadersOf(repo: Repo, unit: UnitRow): Promise<Recipient[]> {
  const enterprise = nearestOfKind(await repo.oversight.chain(unit.path), ["ENTERPRISE"]) ?? unit;
  for (const role of ["PRINCIPAL", "CONTROLLER"] as const) {
    const people = await repo.oversight.holders(enterprise.id, role);
    if (people.length) return people.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang }));
  }
  return [];
}

/** After an answer by a leader: the round is led by them (the first leader stands). */
export async function noteLeader(ctx: Ctx, unit: UnitRow, round: RoundRow): Promise<void> {
  if (round.frequency === "LEADER" && round.ledById === null && (await leadsUnit(ctx, unit))) await ctx.repo.checks.lead(round.id, ctx.user.id, ctx.now);
}

/** `带队签字`: the 主要负责人 or 实际控制人 confirms they led the unit's open leader-led round. */
export async function sign(ctx: Ctx, args: string): Promise<void> {
  if (args.trim()) throw new Refusal("check-sign-usage");
  const binding = ctx.requireBinding();
  const unit = binding.unit;
  const open = (await ctx.repo.checks.unfinished(unit.id, answerableSince(ctx.today))).filter((r) => r.frequency === "LEADER");
  const round = open[0];
  if (!round) throw new Refusal("check-sign-no-round", { unit: unit.name });
  if (!(await leadsUnit(ctx, unit))) throw new Refusal("check-sign-not-leader", { unit: unit.name });
  const args0 = { unit: unit.name, ...periodArgs(round.period) };
  if (!(await ctx.repo.checks.lead(round.id, ctx.user.id, ctx.now))) {
    const again = (await ctx.repo.checks.round(round.id))!;
    ctx.reply("check-signed-already", { ...args0, who: (await ctx.repo.checks.leaderName(again)) ?? "?", when: shanghaiDateTime(again.ledAt!) });
    return;
  }
  const answered = new Set((await ctx.repo.checks.answers(round.id)).map((a) => a.position));
  const missing = round.items.map((_, i) => i + 1).filter((p) => !answered.has(p));
  await ctx.repo.checks.finishIfComplete(round.id, round.items.length, ctx.now);
  ctx.reply("check-signed", { ...args0, who: ctx.user.displayName, left: missing.length, list: missing.join(ctx.t("list-separator")) });
}
