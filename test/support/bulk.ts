import type { Store } from "../../src/store/index.ts";

type RawTx = { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };

/**
 * Files `count` synthetic hazards in one INSERT … SELECT generate_series (for the bench and the ledger's paging tests:
 * a hundred thousand in seconds, where the bot would take minutes). They run through every channel, level, status,
 * plan, 督办 and photo count, numbered after the hazards already there, and the hazard counter follows, so the bot's
 * next report takes the next number. `unitIds` are used in turn; `reporterId` must be a user.
 */
export async function bulkHazards(store: Store, opts: { count: number; unitIds: number[]; reporterId: number; year?: number; reportedAt?: Date }): Promise<void> {
  const at = (opts.reportedAt ?? new Date("2026-11-01T02:00:00Z")).toISOString();
  await store.transaction(async (repo) => {
    // The repo's own client: the one transaction this set-up needs, without a Repo method nothing else should call.
    const tx = (repo as unknown as { tx: RawTx }).tx;
    await tx.$executeRawUnsafe(
      `INSERT INTO "Hazard" (id, year, "unitId", "reporterId", platform, "chatId", "messageId", description, location,
                             attachments, indicators, status, level, source, "reportedAt", deadline, "planResponsible",
                             "planMeasures", "planFunds", "planContingency", supervised, "supervisedBy", "supervisedDeadline",
                             "closedAt")
       SELECT b.base + g, $1, ($2::int[])[1 + g % cardinality($2::int[])], $3, 'console', 'bulk', 'bulk-' || g,
              '批量隐患 ' || g || '：配电箱门未关，电线裸露', CASE WHEN g % 3 = 0 THEN NULL ELSE '车间 ' || (g % 50) END,
              CASE WHEN g % 4 = 0 THEN ARRAY['p1', 'p2'] ELSE ARRAY[]::text[] END, ARRAY[]::text[],
              (ARRAY['REPORTED', 'CONFIRMED', 'RECTIFYING', 'RECTIFIED', 'CLOSED'])[1 + g % 5]::"HazardStatus",
              CASE WHEN g % 5 = 0 THEN NULL WHEN g % 7 = 0 THEN 'MAJOR' ELSE 'GENERAL' END::"HazardLevel",
              (ARRAY['REPORT', 'SELF', 'INSPECTION', 'TIP'])[1 + g % 4],
              $4::timestamptz AT TIME ZONE 'UTC',
              CASE WHEN g % 5 >= 2 THEN DATE '2026-12-31' END,
              CASE WHEN g % 5 >= 2 THEN '责任人' || (g % 9) END, CASE WHEN g % 5 >= 2 THEN '整改措施 ' || g END,
              CASE WHEN g % 5 >= 2 THEN '1万元' END, CASE WHEN g % 5 >= 2 THEN '警戒隔离' END,
              g % 7 = 0 AND g % 5 <> 0, CASE WHEN g % 7 = 0 AND g % 5 <> 0 THEN '县应急管理局' END,
              CASE WHEN g % 7 = 0 AND g % 5 <> 0 THEN DATE '2027-01-31' END,
              CASE WHEN g % 5 = 4 THEN $4::timestamptz AT TIME ZONE 'UTC' END
       FROM generate_series(1, $5::int) g, (SELECT COALESCE(max(id), 0) AS base FROM "Hazard") b`,
      opts.year ?? 2026,
      opts.unitIds,
      opts.reporterId,
      at,
      opts.count,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "Counter" (name, last) SELECT 'hazard', max(id) FROM "Hazard"
       ON CONFLICT (name) DO UPDATE SET last = EXCLUDED.last`,
    );
  });
}
