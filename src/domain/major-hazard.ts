/**
 * Suggests MAJOR (重大事故隐患) from a report's text. The indicators are data (prompts/major-hazard-indicators.json);
 * this is only the matching rule: an indicator matches when each of its phrase groups has a phrase in the text.
 */
export interface MajorHazardIndicator {
  id: string;
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
