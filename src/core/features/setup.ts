import { createHash, randomInt } from "node:crypto";
import { topUnits } from "../../domain/permissions.ts";
import type { Role } from "../../domain/types.ts";
import type { Repo, UnitRow, UserRow } from "../../store/index.ts";
import { Refusal, type Ctx } from "../context.ts";
import { parseRole, parseUnitKind, roleSide, words } from "../parse.ts";
import { defaultUnitKind, kindFitsParent, roleFits } from "../../domain/units.ts";
import type { Feature } from "../bot.ts";
import { announceTipHandlerChange, checkTipHandlerGrant } from "./tip-grants.ts";
import { regulatorAbove, tell, unitRecipients } from "./oversight.ts";

const ADMIN_CODE_KEY = "admin-claim-code";
const MAX_UNIT_NAME = 60;
// No 0/O, 1/I/L: the code is read off a terminal and typed on a phone.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const hashCode = (code: string) => createHash("sha256").update(code.toUpperCase().replace(/[\s-]/g, "")).digest("hex");

/**
 * At start: when nobody can administer yet and no admin is configured, makes a one-time code (only its hash is
 * stored) for the first admin to `/claim`. Returns the code to print, or null when an admin exists.
 */
export async function prepareFirstAdmin(repo: Repo, configuredAdmins: readonly string[]): Promise<string | null> {
  if (configuredAdmins.length > 0 || (await repo.hasAnyAdmin())) {
    await repo.deleteSetting(ADMIN_CODE_KEY);
    return null;
  }
  const raw = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  await repo.setSetting(ADMIN_CODE_KEY, hashCode(raw));
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

async function claim(ctx: Ctx, args: string): Promise<void> {
  if (ctx.msg.chatType !== "private") throw new Refusal("refuse-claim-in-group");
  const stored = await ctx.repo.getSetting(ADMIN_CODE_KEY);
  if (!stored) throw new Refusal("refuse-claim-none");
  if (!args || hashCode(args) !== stored) throw new Refusal("refuse-claim-wrong");
  await ctx.repo.makeSuperAdmin(ctx.user.id);
  await ctx.repo.deleteSetting(ADMIN_CODE_KEY);
  ctx.reply("claim-done");
}

/** A unit by name, or a refusal that says how to list them. */
async function unitNamed(ctx: Ctx, name: string): Promise<UnitRow> {
  const unit = await ctx.repo.findUnitByName(name);
  if (!unit) throw new Refusal("refuse-unit-unknown", { unit: name });
  return unit;
}

/** `新建单位 名称 [上级] [监管部门|企业|部门]`: the kind, when not said, follows the place and the name (see `defaultUnitKind`). */
async function unitAdd(ctx: Ctx, args: string): Promise<void> {
  const all = words(args.replace(/(上级|parent)\s*[:：=]/gi, " ").replace(/(类型|kind)\s*[:：=]/gi, " "));
  const kindWord = all.length > 1 ? parseUnitKind(all.at(-1)) : null;
  const [name, ...parentWords] = kindWord ? all.slice(0, -1) : all;
  if (!name) throw new Refusal("usage-unit-add");
  if (name.length > MAX_UNIT_NAME) throw new Refusal("refuse-too-long", { limit: MAX_UNIT_NAME });
  const parentName = parentWords.join(" ");
  const parent = parentName ? await unitNamed(ctx, parentName) : null;
  if (parent) await ctx.require("ADMIN", parent);
  else if (!ctx.isSuperAdmin) throw new Refusal("refuse-unit-root");
  if (await ctx.repo.findUnitByName(name)) throw new Refusal("refuse-unit-exists", { unit: name });
  const kind = kindWord ?? defaultUnitKind(name, parent?.kind ?? null);
  if (!kindFitsParent(kind, parent?.kind ?? null)) {
    throw new Refusal("refuse-unit-kind-parent", { kind: ctx.t(`unit-kind-${kind}`), parent: parent?.name ?? "none", parentKind: parent ? ctx.t(`unit-kind-${parent.kind}`) : "none" });
  }
  const unit = await ctx.repo.createUnit(name, parent, kind, ctx.now);
  ctx.reply(parent ? "unit-added-under" : "unit-added", { unit: unit.name, parent: parent?.name ?? "", kind: ctx.t(`unit-kind-${kind}`) });
}

/** `单位类型 名称 监管部门|企业|部门`: corrects a unit's kind (its admin). */
async function unitKind(ctx: Ctx, args: string): Promise<void> {
  const all = words(args);
  const kind = parseUnitKind(all.at(-1));
  if (!kind || all.length < 2) throw new Refusal("usage-unit-kind");
  const unit = await unitNamed(ctx, all.slice(0, -1).join(" "));
  const parent = unit.parentId !== null ? await ctx.repo.oversight.unit(unit.parentId) : null;
  // A unit's kind decides who regulates whom: it is set from above (an admin of the unit above, or a super admin),
  // never by the unit's own people, who could otherwise make their enterprise a regulator of itself.
  if (!ctx.isSuperAdmin && !(parent && (await ctx.can("ADMIN", parent)))) {
    throw new Refusal("refuse-unit-kind-own", { unit: unit.name, parent: parent?.name ?? "none" });
  }
  if (!kindFitsParent(kind, parent?.kind ?? null)) {
    throw new Refusal("refuse-unit-kind-parent", { kind: ctx.t(`unit-kind-${kind}`), parent: parent?.name ?? "none", parentKind: parent ? ctx.t(`unit-kind-${parent.kind}`) : "none" });
  }
  if (kind === unit.kind) throw new Refusal("refuse-unit-kind-same", { unit: unit.name, kind: ctx.t(`unit-kind-${kind}`) });
  await ctx.repo.setUnitKind(unit.id, kind);
  ctx.reply("unit-kind-done", { unit: unit.name, kind: ctx.t(`unit-kind-${kind}`) });
  const regulator = await regulatorAbove(ctx.repo, unit);
  if (regulator) {
    tell(ctx, await unitRecipients(ctx.repo, regulator), "notice-unit-kind", {
      unit: unit.name, from: ctx.t(`unit-kind-${unit.kind}`), kind: ctx.t(`unit-kind-${kind}`), who: ctx.user.displayName,
    });
  }
}

const MAX_INDUSTRY = 20;
const NO_INDUSTRY = ["无", "没有", "清除", "none", "-"];

/** `单位行业 名称 行业`: the unit's industry (行业), the 台账's column; `无` clears it. Units below without one share it. */
async function unitIndustry(ctx: Ctx, args: string): Promise<void> {
  const all = words(args);
  const word = all.at(-1);
  if (!word || all.length < 2) throw new Refusal("usage-unit-industry");
  const unit = await unitNamed(ctx, all.slice(0, -1).join(" "));
  await ctx.require("ADMIN", unit);
  if (NO_INDUSTRY.includes(word.toLowerCase())) {
    await ctx.repo.setUnitIndustry(unit.id, null);
    ctx.reply("unit-industry-cleared", { unit: unit.name });
    return;
  }
  if ([...word].length > MAX_INDUSTRY) throw new Refusal("refuse-too-long", { limit: MAX_INDUSTRY });
  await ctx.repo.setUnitIndustry(unit.id, word);
  ctx.reply("unit-industry-done", { unit: unit.name, industry: word });
}

async function units(ctx: Ctx): Promise<void> {
  const roots = ctx.isSuperAdmin ? ["/"] : topUnits(await ctx.grants(), "OFFICIAL");
  if (roots.length === 0) throw new Refusal("refuse-role", { role: ctx.t("role-official"), unit: ctx.binding?.unit.name ?? "—" });
  const all = (await Promise.all(roots.map((r) => ctx.repo.listUnits(r)))).flat();
  if (all.length === 0) {
    ctx.reply("units-none");
    return;
  }
  const depth0 = Math.min(...all.map((u) => u.path.split("/").length));
  const lines = all.map((u) => `${"  ".repeat(u.path.split("/").length - depth0)}· ${u.name}（${ctx.list([ctx.t(`unit-kind-${u.kind}`), ...(u.industry ? [u.industry] : [])])}）`);
  ctx.reply("units-list", { list: lines.join("\n") });
}

async function bind(ctx: Ctx, args: string): Promise<void> {
  if (ctx.msg.chatType !== "group") throw new Refusal("refuse-bind-private");
  if (!args) throw new Refusal("usage-bind");
  const unit = await unitNamed(ctx, args.trim());
  await ctx.require("ADMIN", unit);
  const before = ctx.binding;
  // Moving a group away from its unit is the current unit's decision too.
  if (before && before.unit.id !== unit.id) await ctx.require("ADMIN", before.unit);
  await ctx.repo.bindChat(ctx.msg.platform, ctx.msg.chatId, ctx.msg.chatTitle ?? null, unit.id);
  ctx.reply(before && before.unit.id !== unit.id ? "bind-moved" : "bind-done", { unit: unit.name, old: before?.unit.name ?? "" });
}

async function unbind(ctx: Ctx): Promise<void> {
  const binding = ctx.requireBinding();
  await ctx.require("ADMIN", binding.unit);
  await ctx.repo.unbindChat(ctx.msg.platform, ctx.msg.chatId);
  ctx.reply("unbind-done", { unit: binding.unit.name });
}

/** `<role> <person> [unit]`, the person also by replying to their message. */
async function roleChange(ctx: Ctx, args: string, usage: string): Promise<{ role: Role; target: UserRow; unit: UnitRow; roleWord: string }> {
  const [roleWord, ...rest] = words(args);
  const role = parseRole(roleWord);
  if (!role || !roleWord) throw new Refusal(usage);
  let target: UserRow | null = null;
  let unitWords = rest;
  const replied = ctx.msg.replyTo?.sender;
  if (replied) {
    target = await ctx.repo.findUserById(ctx.msg.platform, replied.id);
    if (!target) throw new Refusal("refuse-person-unknown", { who: replied.name });
  } else {
    const [who, ...more] = rest;
    if (!who) throw new Refusal(usage);
    const found = await ctx.repo.findUsers(ctx.msg.platform, who);
    if (found.length === 0) throw new Refusal("refuse-person-unknown", { who });
    if (found.length > 1) {
      throw new Refusal("refuse-person-ambiguous", { who, ids: ctx.list(found.map((u) => u.platformUserId)) });
    }
    target = found[0]!;
    unitWords = more;
  }
  const unit = unitWords.length ? await unitNamed(ctx, unitWords.join(" ")) : ctx.binding?.unit;
  if (!unit) throw new Refusal("refuse-grant-unit");
  await ctx.require("ADMIN", unit);
  return { role, target, unit, roleWord };
}

async function grant(ctx: Ctx, args: string): Promise<void> {
  const { role, target, unit, roleWord } = await roleChange(ctx, args, "usage-grant");
  // Each side in its own words: 监管人员 and 举报处理人 only in a regulator; 安全管理员 in an enterprise or its departments;
  // 主要负责人, 实际控制人 and the 职代会 contact on the enterprise itself.
  if (role === "TIP_HANDLER" && unit.kind !== "REGULATOR") throw new Refusal("refuse-tip-handler-regulator", { unit: unit.name, kind: ctx.t(`unit-kind-${unit.kind}`) });
  if ((role === "PRINCIPAL" || role === "CONTROLLER" || role === "CONGRESS") && unit.kind === "DEPARTMENT") {
    throw new Refusal("refuse-role-department", { role: ctx.roleName(role, unit.kind), unit: unit.name });
  }
  if (!roleFits(role, roleSide(roleWord), unit.kind)) {
    throw new Refusal(unit.kind === "REGULATOR" ? "refuse-role-enterprise-word" : "refuse-role-regulator-word", {
      word: roleWord, unit: unit.name, kind: ctx.t(`unit-kind-${unit.kind}`),
    });
  }
  if (role === "TIP_HANDLER") checkTipHandlerGrant(ctx, target);
  const added = await ctx.repo.addGrant(target.id, unit.id, role, ctx.user.id);
  if (added && role === "TIP_HANDLER") await announceTipHandlerChange(ctx, { target, unit, granted: true });
  ctx.reply(added ? "grant-done" : "grant-already", { who: target.displayName, role: ctx.roleName(role, unit.kind), unit: unit.name });
}

async function revoke(ctx: Ctx, args: string): Promise<void> {
  const { role, target, unit } = await roleChange(ctx, args, "usage-revoke");
  const removed = await ctx.repo.removeGrant(target.id, unit.id, role);
  if (removed && role === "TIP_HANDLER") await announceTipHandlerChange(ctx, { target, unit, granted: false });
  ctx.reply(removed ? "revoke-done" : "revoke-none", { who: target.displayName, role: ctx.roleName(role, unit.kind), unit: unit.name });
}

async function whoami(ctx: Ctx): Promise<void> {
  const grants = await ctx.repo.grantsWithUnits(ctx.user.id);
  const roles = grants.map((g) => ctx.t("whoami-role", { role: ctx.roleName(g.role, g.unit.kind), unit: g.unit.name }));
  if (ctx.isSuperAdmin) roles.unshift(ctx.t("whoami-superadmin"));
  if (ctx.binding) roles.push(ctx.t("whoami-member", { unit: ctx.binding.unit.name }));
  ctx.reply("whoami", {
    name: ctx.user.displayName,
    platform: ctx.msg.platform,
    id: ctx.msg.sender.id,
    roles: roles.length ? roles.join("\n") : ctx.t("whoami-no-roles"),
  });
}

/** The languages as people name them, for a person's (`语言`) and a group's (`群语言`). */
const LANG_WORDS: Record<string, "zh-CN" | "en"> = { zh: "zh-CN", "zh-cn": "zh-CN", 中文: "zh-CN", chinese: "zh-CN", en: "en", english: "en", 英文: "en", 英语: "en" };
const langWord = (text: string) => {
  const w = text.trim().toLowerCase();
  return Object.hasOwn(LANG_WORDS, w) ? LANG_WORDS[w] : undefined;
};

async function lang(ctx: Ctx, args: string): Promise<void> {
  const chosen = langWord(args);
  if (!chosen) throw new Refusal("usage-lang");
  await ctx.repo.setLang(ctx.user.id, chosen);
  // Confirmed in the language just chosen; in a group it is for the person's private chat (the group has its own).
  ctx.replyText(ctx.deps.prompts.t(chosen, ctx.msg.chatType === "private" ? "lang-done" : "lang-done-group"));
}

/** `群语言 中文|英文`: the one language a group is answered in, set by its unit's admin. */
async function groupLang(ctx: Ctx, args: string): Promise<void> {
  const binding = ctx.requireBinding();
  const chosen = langWord(args);
  if (!chosen) throw new Refusal("usage-group-lang");
  await ctx.require("ADMIN", binding.unit);
  await ctx.repo.setBindingLang(ctx.msg.platform, ctx.msg.chatId, chosen);
  ctx.replyText(ctx.deps.prompts.t(chosen, "group-lang-done"));
}

/** Set-up: the first admin, units, chat bindings, roles, and a person's own settings. */
export const setup: Feature = {
  commands: { claim, "unit-add": unitAdd, "unit-kind": unitKind, "unit-industry": unitIndustry, units, bind, unbind, grant, revoke, whoami, lang, "group-lang": groupLang },
};
