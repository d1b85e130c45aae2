import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { GlobalFonts, createCanvas, loadImage } from "@napi-rs/canvas";
import { FONT_PACKAGE, chartFont, followWeight, weightOf } from "../../src/reports/fonts.ts";
import { renderTrend, type TrendInput } from "../../src/reports/trend.ts";

const packageDir = path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));

/** The pixels of `text` drawn black on white with the chart font (or `family`). */
function pixels(text: string, family = chartFont().family, weight = "normal"): Buffer {
  const canvas = createCanvas(240, 60);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, 240, 60);
  ctx.fillStyle = "#000000";
  ctx.font = `${weight} 32px ${family}`;
  ctx.fillText(text, 4, 44);
  return Buffer.from(ctx.getImageData(0, 0, 240, 60).data);
}

const inked = (px: Buffer) => px.filter((v, i) => i % 4 === 0 && v < 128).length;

/** Every character the chart draws in Chinese: the trend-* messages' text (placeables out), digits, month labels. */
function chartCharacters(): string[] {
  const ftl = readFileSync(path.join(import.meta.dirname, "../../prompts/zh-CN/deadlines.ftl"), "utf8");
  const text = ftl
    .split("\n")
    .filter((l) => /^trend-[a-z-]+ = /.test(l))
    .map((l) => l.replace(/^[^=]+= /, "").replace(/\{[^}]*\}/g, ""))
    .join("");
  return [...new Set([...text, ..."0123456789-%.—城关化工厂县应急管理局"])].filter((c) => c.trim() !== "");
}

/** Whether a code point is in a CSS unicode-range list (`U+4e00-4e0f,U+5b57`). */
function inRanges(cp: number, ranges: string): boolean {
  return ranges.split(",").some((r) => {
    const [lo, hi] = r.trim().replace(/^U\+/i, "").split("-").map((x) => parseInt(x, 16)) as [number, number | undefined];
    return cp >= lo && cp <= (hi ?? lo);
  });
}

describe("the chart font comes from the npm package, not the system", () => {
  test("every file of the package is registered under our own family names, from inside node_modules", () => {
    const font = chartFont();
    const unicode = JSON.parse(readFileSync(path.join(packageDir, "unicode.json"), "utf8")) as Record<string, string>;
    expect(font.files.length).toBe(Object.keys(unicode).length);
    for (const file of font.files) {
      expect(file.startsWith(path.join(packageDir, "files") + path.sep)).toBe(true);
      expect(file.split(path.sep)).toContain("node_modules");
    }
    const families = font.family.split(", ");
    expect(families).toHaveLength(font.files.length);
    for (const family of families) {
      expect(family).toMatch(/^SentinelNotoSansSC-[a-z0-9-]+$/);
      expect(GlobalFonts.has(family)).toBe(true);
    }
    // Our names are no system font's: no family of that name was there before we registered it.
    expect(GlobalFonts.families.filter((f) => f.family.startsWith("SentinelNotoSansSC-")).map((f) => f.family).sort()).toEqual([...families].sort());
    // Registering is done once.
    expect(chartFont()).toBe(font);
  });

  test("two different Chinese labels draw differently (tofu boxes would be the same)", () => {
    const a = pixels("排查");
    const b = pixels("治理");
    expect(inked(a)).toBeGreaterThan(100);
    expect(a.equals(b)).toBe(false);
  });

  test("every character the chart draws is in the package's ranges and is drawn as a glyph, not as the missing-glyph box", () => {
    const unicode = Object.values(JSON.parse(readFileSync(path.join(packageDir, "unicode.json"), "utf8")) as Record<string, string>);
    // A private-use code point no font here has: what a missing glyph looks like.
    const tofu = pixels("\u{10fffd}");
    const chars = chartCharacters();
    expect(chars).toEqual(expect.arrayContaining(["排", "查", "整", "改", "率", "督", "办", "（", "）", "%"]));
    for (const c of chars) {
      expect(unicode.some((r) => inRanges(c.codePointAt(0)!, r)), `${c} in the package's unicode ranges`).toBe(true);
      expect(pixels(c).equals(tofu), `${c} drawn as a glyph`).toBe(false);
    }
  });

  test("bold is drawn bolder: the variable font's weight follows the font string", () => {
    expect([weightOf("bold 20px x"), weightOf("20px x"), weightOf("normal 600 12px x"), weightOf("italic normal 12px x")]).toEqual([700, 400, 600, 400]);
    const draw = (weight: string) => {
      const canvas = createCanvas(240, 60);
      const ctx = canvas.getContext("2d");
      followWeight(ctx);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, 240, 60);
      ctx.fillStyle = "#000000";
      ctx.font = `${weight} 32px ${chartFont().family}`;
      ctx.fillText("隐患排查", 4, 44);
      return inked(Buffer.from(ctx.getImageData(0, 0, 240, 60).data));
    };
    expect(draw("bold")).toBeGreaterThan(draw("normal") * 1.2);
  });
});

describe("renderTrend", () => {
  const input = (title: string): TrendInput => ({
    title,
    months: ["2026-01", "2026-02"],
    countAxisLabel: "隐患（项）",
    rateAxisLabel: "整改率（%）",
    series: [
      { label: "一般隐患排查", values: [3, 1], kind: "bar", axis: "count" },
      { label: "累计整改率", values: [null, 50], kind: "line", axis: "rate" },
    ],
  });

  test("two different Chinese titles give different pictures", async () => {
    const a = await renderTrend(input("城关化工厂 隐患排查"));
    const b = await renderTrend(input("城关化工厂 隐患治理"));
    expect(a.equals(b)).toBe(false);
    const decode = async (png: Buffer) => {
      const img = await loadImage(png);
      const canvas = createCanvas(img.width, img.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      // The title's band only: the rest of the two charts is the same.
      return Buffer.from(ctx.getImageData(0, 0, img.width, 50).data);
    };
    expect((await decode(a)).equals(await decode(b))).toBe(false);
    expect((await decode(await renderTrend(input("城关化工厂 隐患排查")))).equals(await decode(a))).toBe(true);
  });
});
