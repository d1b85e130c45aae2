/** Hazard counts of one unit (or subtree) for one period. */
export interface LevelCounts {
  found: number;
  rectified: number;
}

export interface HazardStats {
  general: LevelCounts;
  major: LevelCounts;
  /**
   * 挂牌督办: hazards listed for supervision at any time before the period's end, closed or not (closing never erases
   * that a hazard was supervised). The one definition for 统计, the statistics table and the trend.
   */
  supervised: number;
  /**
   * Major hazards found, by the channel they came in (seed 003, 第7条): 企业自查上报 (the enterprise's own people:
   * workers' reports and its managers' checks), 督导检查发现 (a regulator's inspection), 群众举报查实 (a tip).
   */
  majorBySource: { self: number; inspection: number; tip: number };
  /** Reported and not yet confirmed or rejected (待核实). */
  pending: number;
  overdue: number;
}

/** 整改率 as a percentage with one decimal, or `null` when nothing was found (no rate, not 0% or 100%). */
export function rectificationRate(c: LevelCounts): number | null {
  if (c.found <= 0) return null;
  return Math.round((Math.min(c.rectified, c.found) / c.found) * 1000) / 10;
}

/** Both levels together. */
export function totalCounts(s: HazardStats): LevelCounts {
  return { found: s.general.found + s.major.found, rectified: s.general.rectified + s.major.rectified };
}
