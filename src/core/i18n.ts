import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";

export const LANGS = ["zh-CN", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const PROMPTS_DIR = path.resolve(import.meta.dirname, "../../prompts");

export type Args = Record<string, FluentVariable>;

/** Every sentence the bot says, from `prompts/<lang>/*.ftl` (Fluent, as grammY's i18n plugin uses). */
export class Prompts {
  private readonly bundles = new Map<Lang, FluentBundle>();
  private readonly messageIds = new Map<Lang, string[]>();

  constructor(dir = PROMPTS_DIR) {
    for (const lang of LANGS) {
      // Isolation marks around placeables would show up as stray characters in chat apps.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const folder = path.join(dir, lang);
      const ids: string[] = [];
      for (const file of existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".ftl")).sort() : []) {
        const resource = new FluentResource(readFileSync(path.join(folder, file), "utf8"));
        const errors = bundle.addResource(resource);
        if (errors.length) throw new Error(`prompts/${lang}/${file}: ${errors.map((e) => e.message).join("; ")}`);
        ids.push(...resource.body.map((m) => m.id));
      }
      this.bundles.set(lang, bundle);
      this.messageIds.set(lang, ids.sort());
    }
  }

  /** The ids of every message in a language (tests check both languages are complete). */
  ids(lang: Lang): string[] {
    return this.messageIds.get(lang)!;
  }

  has(lang: Lang, id: string): boolean {
    return this.bundles.get(lang)!.hasMessage(id);
  }

  /** The text of `id` in `lang`, falling back to the other language, then to the id itself (never throws). */
  t(lang: Lang, id: string, args?: Args): string {
    for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) {
      const bundle = this.bundles.get(l)!;
      const msg = bundle.getMessage(id);
      if (msg?.value) return bundle.formatPattern(msg.value, args ? plain(args) : null, []);
    }
    return id;
  }
}

/** The bot's language for a person: theirs when the platform says and we speak it, else the deployment's. */
export function pickLang(preferred: string | null | undefined, fallback: Lang): Lang {
  if (!preferred) return fallback;
  const p = preferred.toLowerCase();
  if (p.startsWith("zh")) return "zh-CN";
  if (p.startsWith("en")) return "en";
  return fallback;
}

/** Numbers without digit grouping ("1000", not "1,000": limits and counts read better plain); plural selectors still work. */
function plain(args: Args): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(args)) out[k] = typeof v === "number" ? new FluentNumber(v, { useGrouping: false }) : v;
  return out;
}
