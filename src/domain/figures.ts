import { toHalfWidth } from "./dates.ts";

/**
 * The figures of the monthly statistics table that officials record (录入): sections 1 (study and publicity),
 * 3 (enforcement), 4 (major risks), the contact; section 5's problems are rows of their own. Section 2 (hazards)
 * comes from the store. `words` are the names an official may type; the labels shown live in prompts/.
 */
export interface FigureDef {
  key: string;
  section: 1 | 3 | 4 | 0;
  kind: "count" | "amount" | "text";
  words: string[];
}

export const FIGURES: readonly FigureDef[] = [
  { key: "study-sessions", section: 1, kind: "count", words: ["学习", "学习次数", "组织学习", "study"] },
  { key: "study-people", section: 1, kind: "count", words: ["参学人次", "学习人次", "参加学习", "learners"] },
  { key: "training-people", section: 1, kind: "count", words: ["培训", "培训人次", "training"] },
  { key: "publicity-items", section: 1, kind: "count", words: ["宣传", "宣传报道", "报道", "publicity"] },
  { key: "enforce-violations", section: 3, kind: "count", words: ["严重违法", "严重违法行为", "violations"] },
  { key: "enforce-closed", section: 3, kind: "count", words: ["关闭", "关闭取缔", "closed"] },
  { key: "enforce-suspended", section: 3, kind: "count", words: ["停产", "停产整顿", "suspended"] },
  { key: "enforce-fines", section: 3, kind: "amount", words: ["罚款", "罚款万元", "fines"] },
  { key: "enforce-joint", section: 3, kind: "count", words: ["联合惩戒", "joint"] },
  { key: "enforce-account-units", section: 3, kind: "count", words: ["问责单位", "accountable-units"] },
  { key: "enforce-account-persons", section: 3, kind: "count", words: ["问责人员", "问责人数", "accountable-persons"] },
  { key: "risk-identified", section: 4, kind: "count", words: ["重大风险", "风险辨识", "risks"] },
  { key: "risk-controlled", section: 4, kind: "count", words: ["有效管控", "管控", "controlled"] },
  { key: "contact-person", section: 0, kind: "text", words: ["联系人", "contact"] },
  { key: "contact-phone", section: 0, kind: "text", words: ["电话", "联系电话", "phone"] },
];

export const PROBLEMS_KEY = "problems";

export interface Problem {
  aspect: string;
  measures: string;
  progress: string;
}

const BY_WORD = new Map(FIGURES.flatMap((f) => f.words.map((w) => [w.toLowerCase(), f] as const)));

export function figureByWord(word: string): FigureDef | null {
  return BY_WORD.get(toHalfWidth(word).trim().toLowerCase()) ?? null;
}

export type FigureParse =
  | { ok: true; values: { key: string; value: string }[] }
  | { ok: false; error: "empty" | "unknown-key" | "bad-value"; word?: string };

/**
 * `学习=3 罚款=12.5 联系人=张三` (also `：`, `:`): counts are whole numbers, amounts (万元) may have decimals,
 * texts are taken as they are.
 */
export function parseFigures(text: string): FigureParse {
  const pairs = [...toHalfWidth(text).matchAll(/([^\s=:：]+)\s*[=:：]\s*([^\s]+)/g)];
  if (pairs.length === 0) return { ok: false, error: "empty" };
  const values: { key: string; value: string }[] = [];
  for (const [, word, raw] of pairs) {
    const def = figureByWord(word!);
    if (!def) return { ok: false, error: "unknown-key", word: word! };
    const value = raw!.replace(/[，,;；。]$/, "");
    if (def.kind === "count" && !/^\d{1,9}$/.test(value)) return { ok: false, error: "bad-value", word: word! };
    if (def.kind === "amount" && !/^\d{1,9}(\.\d{1,4})?$/.test(value)) return { ok: false, error: "bad-value", word: word! };
    values.push({ key: def.key, value });
  }
  return { ok: true, values };
}

/** `方面：…；措施：…；进展：…` (or three parts separated by `；` / `;`). */
export function parseProblem(text: string): Problem | null {
  const s = toHalfWidth(text).trim();
  const labelled = /(?:方面|aspect)\s*[:：]\s*([^;；]+)[;；]\s*(?:措施|measures)\s*[:：]\s*([^;；]+)[;；]\s*(?:进展|progress)\s*[:：]\s*(.+)$/i.exec(s);
  if (labelled) return { aspect: labelled[1]!.trim(), measures: labelled[2]!.trim(), progress: labelled[3]!.trim() };
  const parts = s.split(/[;；]/).map((p) => p.trim());
  if (parts.length === 3 && parts.every(Boolean)) return { aspect: parts[0]!, measures: parts[1]!, progress: parts[2]! };
  return null;
}

/** Adds numbers recorded by several units (for the summary sheet); texts are not summed. */
export function sumFigures(maps: ReadonlyMap<string, string>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of FIGURES) {
    if (def.kind === "text") continue;
    const vals = maps.map((m) => m.get(def.key)).filter((v): v is string => v !== undefined);
    if (vals.length === 0) continue;
    const sum = vals.reduce((a, v) => a + Number(v), 0);
    out.set(def.key, def.kind === "amount" ? String(Math.round(sum * 10000) / 10000) : String(sum));
  }
  return out;
}
