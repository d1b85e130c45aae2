import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { FluentParser, Junk, Message, Term } from "@fluent/syntax";
import { PROMPTS_DIR } from "../../src/core/i18n.ts";

/**
 * The prompt files as Fluent's own parser reads them: `@fluent/bundle` drops a syntax error silently (a message cut
 * short, a line lost), so any junk entry fails here, and so does a message one language has and the other lacks.
 */
const LANGS = ["zh-CN", "en"] as const;
const parser = new FluentParser({ withSpans: false });

function read(lang: string): { ids: Set<string>; junk: string[] } {
  const ids = new Set<string>();
  const junk: string[] = [];
  const dir = path.join(PROMPTS_DIR, lang);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl")).sort()) {
    for (const entry of parser.parse(readFileSync(path.join(dir, file), "utf8")).body) {
      if (entry instanceof Junk) junk.push(`${lang}/${file}: ${entry.annotations.map((a) => a.message).join("; ")}\n${entry.content.slice(0, 200)}`);
      else if (entry instanceof Message || entry instanceof Term) ids.add((entry instanceof Term ? "-" : "") + entry.id.name);
    }
  }
  return { ids, junk };
}

describe("the prompt files", () => {
  const read2 = Object.fromEntries(LANGS.map((l) => [l, read(l)]));
  test.each(LANGS)("%s has no Fluent syntax error (junk entry)", (lang) => {
    expect(read2[lang]!.junk).toEqual([]);
  });
  test("every message id is in both languages", () => {
    const [zh, en] = [read2["zh-CN"]!.ids, read2.en!.ids];
    expect([...zh].filter((id) => !en.has(id)), "missing in en").toEqual([]);
    expect([...en].filter((id) => !zh.has(id)), "missing in zh-CN").toEqual([]);
  });
});
