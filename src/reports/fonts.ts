import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

/**
 * The charts' font: Noto Sans SC from the npm package `@fontsource-variable/noto-sans-sc` (a dependency, so `npm ci`
 * brings it; no system font is needed). The package splits the font by unicode range into ~100 woff2 files. Skia
 * picks one face per family name, so each file gets a family of its own and the charts name them all, in order: a
 * character is drawn from the first file that has it. The names are ours alone, so no system font can stand in.
 */
export const FONT_PACKAGE = "@fontsource-variable/noto-sans-sc";
const ALIAS = "SentinelNotoSansSC";

export interface ChartFont {
  /** The CSS font-family list naming every registered file. */
  family: string;
  /** The font files registered, inside the package. */
  files: string[];
}

let loaded: ChartFont | undefined;

/** The file's subset name: `latin`, `cyrillic`, `12`, … (`noto-sans-sc-12-wght-normal.woff2`). */
function subsetOf(file: string): string {
  const m = /^noto-sans-sc-(.+)-wght-normal\.woff2$/.exec(file);
  if (!m) throw new Error(`unexpected file in ${FONT_PACKAGE}: ${file}`);
  return m[1]!;
}

/** Latin first (most of what a chart's digits and axes need), then the numbered CJK subsets in order, then the rest. */
function rank(subset: string): [number, number, string] {
  if (subset === "latin") return [0, 0, subset];
  if (/^\d+$/.test(subset)) return [1, Number(subset), subset];
  return [2, 0, subset];
}

function compare(a: string, b: string): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
}

/** Registers the package's font files with @napi-rs/canvas (once) and returns the family list to draw with. */
export function chartFont(): ChartFont {
  if (loaded) return loaded;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`)), "files");
  const subsets = readdirSync(dir)
    .filter((f) => f.endsWith(".woff2"))
    .map((f) => ({ file: path.join(dir, f), subset: subsetOf(f) }))
    .sort((a, b) => compare(a.subset, b.subset));
  if (subsets.length === 0) throw new Error(`no font files in ${dir}`);
  const families: string[] = [];
  for (const { file, subset } of subsets) {
    const family = `${ALIAS}-${subset}`;
    if (!GlobalFonts.registerFromPath(file, family)) throw new Error(`could not load the font file ${file}`);
    families.push(family);
  }
  loaded = { family: families.join(", "), files: subsets.map((s) => s.file) };
  return loaded;
}

/** A font weight in a CSS font shorthand (`bold 16px …`, `600 12px …`) as a number; 400 when it names none. */
export function weightOf(font: string): number {
  const size = font.search(/\d+(\.\d+)?px/);
  const head = size < 0 ? "" : font.slice(0, size);
  if (/\bbold(er)?\b/.test(head)) return 700;
  const n = /\b([1-9]00)\b/.exec(head);
  return n ? Number(n[1]) : 400;
}

/**
 * The package's font is a variable font whose default is its thinnest weight, and Skia does not pick the weight from
 * `ctx.font`. This makes every `ctx.font = …` on this context (chart.js sets it before each text) set the `wght` axis
 * to the weight it asks for.
 */
export function followWeight(ctx: { font: string; fontVariationSettings: string }): void {
  const proto = Object.getPrototypeOf(ctx) as object;
  let owner: object | null = proto;
  let font: PropertyDescriptor | undefined;
  while (owner && !(font = Object.getOwnPropertyDescriptor(owner, "font"))) owner = Object.getPrototypeOf(owner) as object | null;
  if (!font?.set || !font.get) throw new Error("the canvas context has no font property");
  const { get, set } = font;
  Object.defineProperty(ctx, "font", {
    configurable: true,
    enumerable: true,
    get() {
      return get.call(this) as string;
    },
    set(value: string) {
      set.call(this, value);
      ctx.fontVariationSettings = `'wght' ${weightOf(value)}`;
    },
  });
  ctx.fontVariationSettings = `'wght' ${weightOf(ctx.font)}`;
}
