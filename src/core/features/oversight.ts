import { excerpt } from "../input.ts";
import { nearestOfKind } from "../../domain/units.ts";
import { regulates } from "../../domain/permissions.ts";
import { formatHazardNumber } from "../../domain/hazard-number.ts";
import type { HazardRow, Repo, UnitRow, UserRow } from "../../store/index.ts";
import { SYSTEM_ACTOR } from "../../store/index.ts";
import { pickLang, type Args, type Lang } from "../i18n.ts";
import { dualReportOf, type DualReport } from "../../domain/dual-report.ts";
import type { Role } from "../../domain/types.ts";
import { privateChatOf, type OutgoingMessage } from "../messages.ts";
import { Refusal, type BotDeps, type Ctx } from "../context.ts";

import { reporterChat, type Recipient } from "./hazards.ts";

export type { Recipient };

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
  const reported = reporterChat(h);
  const own: Recipient[] = [...(reported ? [reported] : []), ...(await repo.oversight.groupsOf([h.unit.id]))];
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

/** A person as a private recipient. */
const privately = (p: UserRow): Recipient => ({ platform: p.platform, chatId: privateChatOf(p.platform, p.platformUserId), lang: p.lang });

/**
 * 双报告: tells a major hazard to the regulator above (its groups, and its 监管人员 who asked for private notices), to the
 * enterprise's 职代会 contact, 主要负责人 and 实际控制人 (each privately), and records exactly who it reached
 * (`DualReport`) on the hazard and as its event. A party nobody could be told is named: to the regulator and to the
 * enterprise's admins, so they can set one. Once per hazard, whichever of a confirmation and the 24-hour check (or of
 * two processes) comes first; returns the record and the notices to send after commit, or null when it was made before.
 */
export async function reportUp(
  deps: BotDeps,
  repo: Repo,
  h: HazardRow,
  how: { actorId: number; now: Date; confirmed: boolean },
): Promise<{ report: DualReport; out: OutgoingMessage[] } | null> {
  const chain = await repo.oversight.chain(h.unit.path);
  const enterprise = nearestOfKind(chain, ["ENTERPRISE"]);
  const regulator = nearestOfKind(chain.filter((u) => u.id !== h.unit.id), ["REGULATOR"]);
  const people = async (role: Role) => (enterprise ? await repo.oversight.holders(enterprise.id, role) : []);
  const [principals, controllers, congress] = [await people("PRINCIPAL"), await people("CONTROLLER"), await people("CONGRESS")];
  const regulatorTo = regulator ? await unitRecipients(repo, regulator) : [];
  const report = dualReportOf({
    regulator: regulator ? { name: regulator.name, chats: regulatorTo.length } : null,
    principal: principals.map((p) => p.displayName),
    controller: controllers.map((p) => p.displayName),
    congress: congress.map((p) => p.displayName),
    confirmed: how.confirmed,
  });
  const recorded = await repo.transition(h.id, h.status, h.status, { dualReportedAt: how.now, dualReport: report }, {
    kind: "DUAL_REPORT",
    actorId: how.actorId,
    note: null,
    at: how.now,
    data: { ...report },
  }, "dualReport");
  if (!recorded) return null;
  const args = {
    number: formatHazardNumber(h.year, h.id),
    unit: h.unit.name,
    enterprise: enterprise?.name ?? h.unit.name,
    text: excerpt(h.description.replace(/\s+/g, " "), 80),
    deadline: h.deadline ?? "none",
    plan: h.plan ? "yes" : "no",
    confirmed: how.confirmed ? "yes" : "no",
  };
  const out = [
    ...notices(deps, regulatorTo, "dual-report", { ...args, role: "regulator" }),
    ...notices(deps, principals.map(privately), "dual-report", { ...args, role: "principal" }),
    ...notices(deps, controllers.map(privately), "dual-report", { ...args, role: "controller" }),
    ...notices(deps, congress.map(privately), "dual-report", { ...args, role: "congress" }),
  ];
  if (report.missing.length) {
    // Those who can put it right hear what is missing: the regulator, and whoever administers the enterprise.
    const admins = enterprise ? (await repo.oversight.holders(enterprise.id, "ADMIN")).map(privately) : [];
    for (const r of [...regulatorTo, ...admins]) {
      const lang = pickLang(r.lang, deps.config.SENTINEL_LANG);
      out.push(...notices(deps, [r], "dual-report-missing", { ...args, missing: missingText(deps, lang, report) }));
    }
  }
  return { report, out };
}

/** The parties a 双报告 did not reach, in the words of `lang` (“未设置职代会联系人”). */
export function missingText(deps: BotDeps, lang: Lang, r: DualReport): string {
  return r.missing.map((p) => deps.prompts.t(lang, `dual-missing-${p}`, { regulator: r.regulator?.name ?? "none" })).join(deps.prompts.t(lang, "list-separator"));
}

/** Who a 双报告 reached and who it could not, in the words of `lang`: the answer to the official and the 查询 line. */
export function dualReportText(deps: BotDeps, lang: Lang, r: DualReport): string {
  const sep = deps.prompts.t(lang, "list-separator");
  const told = [
    ...(r.regulator && r.regulator.chats > 0 ? [deps.prompts.t(lang, "dual-told-regulator", { name: r.regulator.name, chats: r.regulator.chats })] : []),
    ...(["principal", "controller", "congress"] as const)
      .filter((p) => r[p].length > 0)
      .map((p) => deps.prompts.t(lang, `dual-told-${p}`, { names: r[p].join(sep) })),
  ];
  return deps.prompts.t(lang, "dual-report-record", { told: told.length ? told.join(deps.prompts.t(lang, "dual-told-separator")) : "none", missing: r.missing.length ? missingText(deps, lang, r) : "none" });
}

/** 双报告 of reports the criteria flag as major that nobody confirmed within a day. */
export async function reportUpUnconfirmed(deps: BotDeps, repo: Repo, id: number, now: Date): Promise<OutgoingMessage[]> {
  const h = await repo.getHazard(id, { lock: true });
  if (!h || h.status !== "REPORTED" || h.dualReportedAt) return [];
  return (await reportUp(deps, repo, h, { actorId: SYSTEM_ACTOR, now, confirmed: false }))?.out ?? [];
}
