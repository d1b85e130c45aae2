import { excerpt } from "../input.ts";
import { nearestOfKind } from "../../domain/units.ts";
import { regulates } from "../../domain/permissions.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import type { HazardRow, Repo, UnitRow } from "../../store/index.ts";
import { SYSTEM_ACTOR } from "../../store/index.ts";
import { pickLang, type Args } from "../i18n.ts";
import { privateChatOf, type OutgoingMessage } from "../messages.ts";
import { Refusal, type BotDeps, type Ctx } from "../context.ts";

/** Where a notice goes and in which language: a group in its 群语言, a person in their own. */
export interface Recipient {
  platform: string;
  chatId: string;
  lang: string | null;
}

/** Renders one notice for each recipient, once per chat. */
export function notices(deps: BotDeps, to: readonly Recipient[], id: string, args: Args): OutgoingMessage[] {
  const seen = new Set<string>();
  const out: OutgoingMessage[] = [];
  for (const r of to) {
    const key = `${r.platform}:${r.chatId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ platform: r.platform, chatId: r.chatId, text: deps.prompts.t(pickLang(r.lang, deps.config.SENTINEL_LANG), id, args) });
  }
  return out;
}

/** Adds notices to this message's answer, leaving out this chat (it hears the reply). */
export function tell(ctx: Ctx, to: readonly Recipient[], id: string, args: Args): void {
  const here = to.filter((r) => !(r.platform === ctx.msg.platform && r.chatId === ctx.msg.chatId));
  ctx.out.push(...notices(ctx.deps, here, id, args));
}

/** The regulator above a unit: the nearest regulator among the units above it (a regulator's own hazard: the one above). */
export async function regulatorAbove(repo: Repo, unit: UnitRow): Promise<UnitRow | null> {
  const chain = await repo.oversight.chain(unit.path);
  return nearestOfKind(chain.filter((u) => u.id !== unit.id), ["REGULATOR"]);
}

/** The regulator a supervised hazard answers to: the one that listed it, else the regulator above its unit. */
export async function supervisorOf(repo: Repo, h: HazardRow): Promise<UnitRow | null> {
  return (h.supervisingUnitId !== null ? await repo.oversight.unit(h.supervisingUnitId) : null) ?? regulatorAbove(repo, h.unit);
}

/** A unit's bound groups, and (when `privately`) its officials who asked for notices in their private chat. */
export async function unitRecipients(repo: Repo, unit: UnitRow, privately = true): Promise<Recipient[]> {
  const groups = await repo.oversight.groupsOf([unit.id]);
  const people = privately ? await repo.deadlines.privateRecipients(unit.id) : [];
  return [...groups, ...people.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang }))];
}

/** The hazard's own unit's groups and the supervising regulator's: both sides of a 督办 step hear it. */
export async function bothSides(repo: Repo, h: HazardRow): Promise<Recipient[]> {
  const regulator = await supervisorOf(repo, h);
  const own: Recipient[] = [{ platform: h.platform, chatId: h.chatId, lang: h.chatLang }, ...(await repo.oversight.groupsOf([h.unit.id]))];
  return [...own, ...(regulator ? await unitRecipients(repo, regulator) : [])];
}

/**
 * Refuses unless the sender is a regulator over the hazard (for a listed one: over the regulator that listed it).
 * An enterprise's own staff never list, de-list, move a 督办 deadline or accept a close-out.
 */
export async function requireRegulator(ctx: Ctx, h: HazardRow, action: string): Promise<UnitRow | null> {
  const supervisor = h.supervised ? await supervisorOf(ctx.repo, h) : null;
  const path = supervisor?.path ?? h.unit.path;
  if (!regulates(await ctx.grants(), path, ctx.isSuperAdmin)) {
    throw new Refusal("refuse-regulator-only", {
      number: formatHazardNumber(h.year, h.id),
      action: ctx.t(`action-${action}`),
      regulator: supervisor?.name ?? (await regulatorAbove(ctx.repo, h.unit))?.name ?? "none",
    });
  }
  return supervisor;
}

/**
 * 双报告: tells the enterprise's 主要负责人 (privately) and the regulator above (its groups, and its 监管人员 who asked
 * for private notices) of a major hazard, and records it as an event of the hazard. Once per hazard, whichever of a
 * confirmation and the 24-hour check (or of two processes) comes first; returns the notices to send after commit.
 */
export async function reportUp(deps: BotDeps, repo: Repo, h: HazardRow, how: { actorId: number; now: Date; confirmed: boolean }): Promise<OutgoingMessage[]> {
  const chain = await repo.oversight.chain(h.unit.path);
  const enterprise = nearestOfKind(chain, ["ENTERPRISE"]);
  const regulator = nearestOfKind(chain.filter((u) => u.id !== h.unit.id), ["REGULATOR"]);
  const principals = enterprise ? await repo.oversight.holders(enterprise.id, "PRINCIPAL") : [];
  const to: Recipient[] = [
    ...principals.map((p) => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang })),
    ...(regulator ? await unitRecipients(repo, regulator) : []),
  ];
  const recorded = await repo.transition(h.id, h.status, h.status, { dualReportedAt: how.now }, {
    kind: "DUAL_REPORT",
    actorId: how.actorId,
    note: null,
    at: how.now,
    data: { principals: principals.length, regulator: regulator?.name ?? null, confirmed: how.confirmed },
  }, "dualReport");
  if (!recorded) return [];
  return notices(deps, to, "dual-report", {
    number: formatHazardNumber(h.year, h.id),
    unit: h.unit.name,
    enterprise: enterprise?.name ?? h.unit.name,
    text: excerpt(h.description.replace(/\s+/g, " "), 80),
    deadline: h.deadline ?? "none",
    plan: h.plan ? "yes" : "no",
    confirmed: how.confirmed ? "yes" : "no",
  });
}

/** 双报告 of reports the criteria flag as major that nobody confirmed within a day. */
export async function reportUpUnconfirmed(deps: BotDeps, repo: Repo, id: number, now: Date): Promise<OutgoingMessage[]> {
  const h = await repo.getHazard(id);
  if (!h || h.status !== "REPORTED" || h.dualReportedAt) return [];
  return reportUp(deps, repo, h, { actorId: SYSTEM_ACTOR, now, confirmed: false });
}
