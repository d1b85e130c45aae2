/**
 * Suggests MAJOR (重大事故隐患) from a report's text. The indicators are data (prompts/major-hazard-indicators.json);
 * this is only the matching rule: an indicator matches when each of its phrase groups has a phrase in the text.
 */
export interface MajorHazardIndicator {
  id: string;
  /** The industry whose criteria this case comes from (工贸, 危化, 建筑施工, 城镇燃气, …). */
  source: string;
  /** The national standard (or law) that names the case: its exact title, document number and, where known, clause. */
  standard: string;
  zh: string;
  en: string;
  all: string[][];
}

/** The indicators the text matches, in list order. Case-insensitive; whitespace inside the text is ignored for Chinese. */
export function matchMajorIndicators(text: string, indicators: readonly MajorHazardIndicator[]): MajorHazardIndicator[] {
  const lower = text.toLowerCase();
  const squeezed = lower.replace(/\s+/g, "");
  const has = (phrase: string) => {
    const p = phrase.toLowerCase();
    return lower.includes(p) || squeezed.includes(p.replace(/\s+/g, ""));
  };
  return indicators.filter((ind) => ind.all.length > 0 && ind.all.every((group) => group.some(has)));
}

/**
 * The standard as an official reads it in a reply: the first one named (before "；"), without the document number
 * and year in brackets after the title, but with the clause. Brackets inside 《…》 are part of the title and stay.
 * 《工贸企业重大事故隐患判定标准》（应急管理部令第10号，2023）第十三条 → 《工贸企业重大事故隐患判定标准》第十三条
 */
export function shortStandard(standard: string): string {
  const first = standard.split("；")[0]!.trim();
  let out = "";
  let title = 0;
  let dropping = 0;
  for (const ch of first) {
    if (ch === "《") title++;
    else if (ch === "》") title = Math.max(0, title - 1);
    else if (title === 0 && ch === "（") {
      dropping++;
      continue;
    } else if (title === 0 && ch === "）" && dropping > 0) {
      dropping--;
      continue;
    }
    if (dropping === 0) out += ch;
  }
  return out.trim();
}
