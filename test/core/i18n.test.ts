import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FluentResource, type Message } from "@fluent/bundle";
import { describe, expect, test } from "vitest";
import { LANGS, PROMPTS_DIR, Prompts, pickLang, type Args, type Lang } from "../../src/core/i18n.ts";
import type { HazardAction } from "../../src/domain/lifecycle.ts";
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, PLAN_FIELDS, ROLES, UNIT_KINDS } from "../../src/domain/types.ts";
import { STEPS } from "../../src/domain/obligations.ts";
import { DUAL_PARTIES } from "../../src/domain/dual-report.ts";
import { MENU } from "../../src/platforms/telegram/adapter.ts";
import { LEDGER_COLUMNS } from "../../src/reports/ledger.ts";
import { ACCIDENT_GRADES, REWARD_STATES, TIP_EVENT_KINDS, TIP_KINDS, TIP_STATUSES } from "../../src/domain/tips.ts";

const prompts = new Prompts();
const SRC = path.resolve(import.meta.dirname, "../../src");

const ACTIONS = ["confirm", "reject", "duplicate", "withdraw", "fix", "plan", "rectified", "apply", "return", "close", "supervise", "unsupervise"] as const satisfies readonly HazardAction[];
const _everyAction: [Exclude<HazardAction, (typeof ACTIONS)[number]>] extends [never] ? true : never = true;
void _everyAction;

/** Ids the code builds from domain values (`status-${h.status}` and the like), by prefix. */
const DYNAMIC: Record<string, readonly string[]> = {
  "status-": HAZARD_STATUSES,
  "level-": HAZARD_LEVELS,
  "source-": HAZARD_SOURCES,
  "role-": [...ROLES.map((r) => r.toLowerCase()), "official-regulator", "official-enterprise"],
  "action-": ACTIONS,
  "event-": ["REPORTED", "DUAL_REPORT", ...ACTIONS.map((a) => a.toUpperCase())],
  "unit-kind-": UNIT_KINDS,
  "plan-": PLAN_FIELDS,
  "accident-grade-": ACCIDENT_GRADES,
  "tip-kind-": TIP_KINDS,
  "tip-status-": TIP_STATUSES,
  "tip-reward-": REWARD_STATES,
  "tip-event-": TIP_EVENT_KINDS,
  "step-": STEPS,
  "reminder-": STEPS,
  "tgcmd-": [...new Set(MENU.flatMap((m) => m.commands))],
  "ledger-col-": LEDGER_COLUMNS,
  "dual-missing-": DUAL_PARTIES,
  "dual-told-": DUAL_PARTIES,
};

function ftlFiles(lang: Lang): string[] {
  return readdirSync(path.join(PROMPTS_DIR, lang))
    .filter((f) => f.endsWith(".ftl"))
    .sort();
}

function messagesOf(lang: Lang, file: string): Message[] {
  return new FluentResource(readFileSync(path.join(PROMPTS_DIR, lang, file), "utf8")).body;
}

describe("both languages say the same things", () => {
  test("the same .ftl files", () => {
    expect(ftlFiles("en")).toEqual(ftlFiles("zh-CN"));
    expect(ftlFiles("zh-CN").length).toBeGreaterThan(0);
  });

  test.each(ftlFiles("zh-CN"))("%s has the same message ids in zh-CN and en", (file) => {
    const zh = messagesOf("zh-CN", file).map((m) => m.id).sort();
    const en = messagesOf("en", file).map((m) => m.id).sort();
    expect(en.filter((id) => !zh.includes(id)), "only in en").toEqual([]);
    expect(zh.filter((id) => !en.includes(id)), "only in zh-CN").toEqual([]);
  });

  test("Prompts loads them all, each id once", () => {
    expect(prompts.ids("en")).toEqual(prompts.ids("zh-CN"));
    for (const lang of LANGS) {
      const ids = prompts.ids(lang);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(ftlFiles(lang).flatMap((f) => messagesOf(lang, f).map((m) => m.id)).sort());
    }
  });

  test("every message has a value (no attribute-only messages the bot cannot say)", () => {
    for (const lang of LANGS) {
      for (const file of ftlFiles(lang)) {
        for (const m of messagesOf(lang, file)) expect(m.value, `${lang} ${m.id}`).not.toBeNull();
      }
    }
  });
});

// ---- Which ids the code uses -------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** The top-level arguments of the call whose `(` is at `open`, as source text. */
function callArgs(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"' || c === "'" || c === "`") {
      // Skip a string; template placeholders hold no top-level commas we care about.
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
    } else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        break;
      }
    } else if (c === "," && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args.filter(Boolean);
}

const ID_SHAPE = /^[a-z][a-z0-9]*(?:-[a-zA-Z0-9]+)*$/;

/** The ids an argument expression may evaluate to: `"id"`, `cond ? "a" : "b"`, or a template prefix. */
function idsIn(expr: string): { ids: string[]; prefixes: string[] } {
  // In a conditional only the branches are ids; the condition may compare other strings.
  const q = expr.indexOf("?");
  const branches = q >= 0 && !expr.startsWith("`") ? expr.slice(q + 1) : expr;
  const ids = [...branches.matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!).filter((s) => ID_SHAPE.test(s));
  const prefixes = [...branches.matchAll(/`([a-z][a-z0-9-]*-)\$\{/g)].map((m) => m[1]!);
  return { ids, prefixes };
}

/** Calls that take a prompt id, and which argument it is (`t` takes it first, or second after a language). */
const CALLS: { re: RegExp; arg: (args: string[]) => string[] }[] = [
  { re: /new Refusal\(/g, arg: (a) => [a[0] ?? ""] },
  { re: /\.reply\(/g, arg: (a) => [a[0] ?? ""] },
  { re: /\bsay\(/g, arg: (a) => [a[0] ?? ""] },
  {
    // `ctx.t(…)`, `prompts.t(lang, …)`, and local `t(…)` helpers.
    re: /(?:\.|(?<![\w$]))t\(/g,
    arg: (a) => {
      const first = idsIn(a[0] ?? "");
      const isLang = (LANGS as readonly string[]).includes(first.ids[0] ?? "");
      return (first.ids.length || first.prefixes.length) && !isLang ? [a[0]!] : [a[1] ?? ""];
    },
  },
  { re: /\.notify\(/g, arg: (a) => [a[2] ?? ""] },
  // Helpers that pass a usage or list message on.
  { re: /\b(?:visibleHazard|officialHazard|roleChange)\(/g, arg: (a) => [a[2] ?? ""] },
  { re: /\blistReply\(/g, arg: (a) => [a[2] ?? "", a[3] ?? ""] },
];

function idsUsedInSource(): { ids: Map<string, string>; prefixes: Map<string, string> } {
  const ids = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    // Drop comment lines (doc examples), keep code.
    const src = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !/^\s*(?:\/\/|\/\*|\*)/.test(l))
      .join("\n");
    for (const { re, arg } of CALLS) {
      for (const m of src.matchAll(re)) {
        const open = m.index + m[0].length - 1;
        for (const expr of arg(callArgs(src, open))) {
          const found = idsIn(expr);
          const where = path.relative(SRC, file);
          for (const id of found.ids) ids.set(id, where);
          for (const p of found.prefixes) prefixes.set(p, where);
        }
      }
    }
  }
  return { ids, prefixes };
}

describe("every prompt the code uses exists in both languages", () => {
  const used = idsUsedInSource();

  test("the scan finds the code's prompts", () => {
    expect(used.ids.size).toBeGreaterThan(80);
    for (const id of ["error-internal", "refuse-role", "notify-reporter", "usage-status", "lang-done", "list-none", "confirmed-major", "console-as-group"]) {
      expect([...used.ids.keys()]).toContain(id);
    }
  });

  test("literal ids", () => {
    const missing = [...used.ids].filter(([id]) => LANGS.some((l) => !prompts.has(l, id))).map(([id, where]) => `${id} (${where})`);
    expect(missing).toEqual([]);
  });

  test("the code builds ids only from the known prefixes", () => {
    expect([...used.prefixes.keys()].sort()).toEqual(Object.keys(DYNAMIC).sort());
  });

  test.each(Object.entries(DYNAMIC))("every %s<value> id exists", (prefix, values) => {
    const missing = values.map((v) => prefix + v).filter((id) => LANGS.some((l) => !prompts.has(l, id)));
    expect(missing).toEqual([]);
  });
});

// ---- Formatting ----------------------------------------------------------------------------------

type Node = unknown;

/**
 * Variables a message uses, and the variant keys of those used as selectors. A variable only inside a variant that is
 * not the default need not show by default: it carries the key `‹variant›`. A message referred to (`{ check-period }`)
 * shares the caller's variables: its own are the caller's, as if used in a variant.
 */
function variablesOf(pattern: Node, into = new Map<string, Set<string | number>>(), refs = new Set<string>(), inVariant = false): Map<string, Set<string | number>> {
  if (Array.isArray(pattern)) {
    for (const el of pattern) variablesOf(el, into, refs, inVariant);
  } else if (pattern && typeof pattern === "object") {
    const e = pattern as { type?: string; name?: string; selector?: Node; star?: number; variants?: { key: { value: string | number }; value: Node }[]; args?: Node[] };
    if (e.type === "var" && e.name && !into.has(e.name)) into.set(e.name, new Set(inVariant ? ["‹variant›"] : []));
    if (e.type === "mesg" && e.name) refs.add(e.name);
    if (e.type === "select") {
      variablesOf(e.selector, into, refs, inVariant);
      const sel = e.selector as { type?: string; name?: string };
      for (const [i, v] of (e.variants ?? []).entries()) {
        if (sel.type === "var" && sel.name) into.get(sel.name)!.add(v.key.value);
        variablesOf(v.value, into, refs, inVariant || i !== e.star);
      }
    }
    if (e.type === "func" || e.type === "term") for (const a of e.args ?? []) variablesOf(a, into, refs, inVariant);
  }
  return into;
}

/** A message's variables with those of the messages it refers to (theirs never need show). */
function withReferred(lang: Lang, value: Node): Map<string, Set<string | number>> {
  const byId = new Map(ftlFiles(lang).flatMap((file) => messagesOf(lang, file).map((m) => [m.id, m.value] as const)));
  const refs = new Set<string>();
  const vars = variablesOf(value, new Map(), refs);
  for (const seen = new Set<string>(); [...refs].some((r) => !seen.has(r)); ) {
    for (const r of [...refs]) {
      if (seen.has(r)) continue;
      seen.add(r);
      for (const [name, keys] of variablesOf(byId.get(r), new Map(), refs, true)) {
        const mine = vars.get(name) ?? new Set<string | number>(["‹variant›"]);
        for (const k of keys) mine.add(k);
        vars.set(name, mine);
      }
    }
  }
  return vars;
}

const ALL_MESSAGES = LANGS.flatMap((lang) =>
  ftlFiles(lang).flatMap((file) => messagesOf(lang, file).map((m) => ({ lang, id: m.id, vars: withReferred(lang, m.value) }))),
);

function expectClean(text: string, label: string): void {
  expect(text, label).not.toMatch(/[{}]/);
  expect(text, label).not.toContain("undefined");
  expect(text, label).not.toContain("NaN");
  expect(text, label).not.toContain("[object");
  expect(text.trim(), label).not.toBe("");
}

describe("formatting", () => {
  test.each(ALL_MESSAGES)("$lang $id formats cleanly with every variable given", ({ lang, id, vars }) => {
    const args: Args = Object.fromEntries([...vars.keys()].map((name) => [name, `‹${name}›`]));
    const text = prompts.t(lang, id, args);
    expectClean(text, `${lang} ${id}`);
    expect(text).not.toBe(id);
    for (const name of vars.keys()) {
      // A plain placeable shows its value; one used only as a selector need not.
      if (vars.get(name)!.size === 0) expect(text, `${lang} ${id} shows $${name}`).toContain(`‹${name}›`);
    }
  });

  test.each(ALL_MESSAGES.filter((m) => [...m.vars.values()].some((keys) => keys.size > 0)))(
    "$lang $id formats cleanly in every variant",
    ({ lang, id, vars }) => {
      const base: Args = Object.fromEntries([...vars.keys()].map((name) => [name, `‹${name}›`]));
      for (const [name, keys] of vars) {
        for (const key of keys) {
          expectClean(prompts.t(lang, id, { ...base, [name]: key }), `${lang} ${id} ${name}=${key}`);
        }
      }
    },
  );

  test("numbers are shown without grouping and pick plural variants", () => {
    for (const lang of LANGS) {
      expect(prompts.t(lang, "refuse-too-long", { limit: 1000 })).toContain("1000");
      expect(prompts.t(lang, "refuse-too-long", { limit: 1000 })).not.toContain("1,000");
    }
    const none = prompts.t("zh-CN", "report-filed", { number: "YH-2026-000001", unit: "车间", photos: 0 });
    const two = prompts.t("zh-CN", "report-filed", { number: "YH-2026-000001", unit: "车间", photos: 2 });
    expect(none).not.toContain("照片");
    expect(two).toContain("照片 2 张");
  });

  test("a missing variable would show, so the clean check above is meaningful", () => {
    expect(prompts.t("en", "refuse-too-long")).toMatch(/\{\$limit\}/);
  });

  test("an unknown id comes back as itself, never throws", () => {
    expect(prompts.t("zh-CN", "no-such-prompt")).toBe("no-such-prompt");
    expect(prompts.t("en", "no-such-prompt", { x: 1 })).toBe("no-such-prompt");
    expect(prompts.has("en", "no-such-prompt")).toBe(false);
  });

  test("languages really differ", () => {
    expect(prompts.t("zh-CN", "error-internal")).toMatch(/[\u4e00-\u9fff]/);
    expect(prompts.t("en", "error-internal")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test("a prompt missing in one language falls back to the other", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sentinel-prompts-"));
    try {
      mkdirSync(path.join(dir, "zh-CN"));
      mkdirSync(path.join(dir, "en"));
      writeFileSync(path.join(dir, "zh-CN", "a.ftl"), "both = 两种\nonly-zh = 只有中文 { $n }\n");
      writeFileSync(path.join(dir, "en", "a.ftl"), "both = both\n");
      const p = new Prompts(dir);
      expect(p.t("en", "both")).toBe("both");
      expect(p.t("zh-CN", "both")).toBe("两种");
      expect(p.t("en", "only-zh", { n: 3 })).toBe("只有中文 3");
      expect(p.has("en", "only-zh")).toBe(false);
      expect(p.ids("en")).toEqual(["both"]);
      expect(p.ids("zh-CN")).toEqual(["both", "only-zh"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("pickLang", () => {
  test.each([
    ["zh", "en", "zh-CN"],
    ["zh-CN", "en", "zh-CN"],
    ["zh-Hans", "en", "zh-CN"],
    ["zh-TW", "en", "zh-CN"],
    ["ZH-cn", "en", "zh-CN"],
    ["en", "zh-CN", "en"],
    ["en-US", "zh-CN", "en"],
    ["EN-gb", "zh-CN", "en"],
    ["fr", "zh-CN", "zh-CN"],
    ["fr", "en", "en"],
    ["ja-JP", "en", "en"],
    ["", "zh-CN", "zh-CN"],
    ["", "en", "en"],
    [null, "en", "en"],
    [undefined, "zh-CN", "zh-CN"],
  ] as const)("pickLang(%j, %s) = %s", (preferred, fallback, lang) => {
    expect(pickLang(preferred, fallback)).toBe(lang);
  });
});
