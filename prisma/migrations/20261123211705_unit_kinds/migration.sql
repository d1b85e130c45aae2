-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('REGULATOR', 'ENTERPRISE', 'DEPARTMENT');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'PRINCIPAL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HazardStatus" ADD VALUE 'DUPLICATE';
ALTER TYPE "HazardStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "kind" "UnitKind" NOT NULL DEFAULT 'ENTERPRISE';

-- AlterTable
ALTER TABLE "ChatBinding" ADD COLUMN     "lang" TEXT;

-- AlterTable
ALTER TABLE "Hazard" ADD COLUMN     "closeAppliedAt" TIMESTAMP(3),
ADD COLUMN     "dualReportedAt" TIMESTAMP(3),
ADD COLUMN     "fixedOnSpot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'REPORT',
ADD COLUMN     "supervisedAt" TIMESTAMP(3),
ADD COLUMN     "supervisingUnitId" INTEGER;

-- Existing units get the kind their place and name suggest (the same rule as src/domain/units.ts): a regulator's
-- name ends like 应急管理局 or 丁县; a unit under an enterprise is its department. Admins can change it (单位类型).
WITH RECURSIVE t AS (
  SELECT id, (CASE WHEN name ~ '(局|厅|委|办|委员会|管委会|政府|办事处|街道|安委会|监管|省|市|县|区|乡|镇)$'
                   THEN 'REGULATOR' ELSE 'ENTERPRISE' END)::"UnitKind" AS kind
  FROM "Unit" WHERE "parentId" IS NULL
  UNION ALL
  SELECT u.id, (CASE WHEN t.kind <> 'REGULATOR' THEN 'DEPARTMENT'
                     WHEN u.name ~ '(局|厅|委|办|委员会|管委会|政府|办事处|街道|安委会|监管|省|市|县|区|乡|镇)$' THEN 'REGULATOR'
                     ELSE 'ENTERPRISE' END)::"UnitKind"
  FROM "Unit" u JOIN t ON u."parentId" = t.id
)
UPDATE "Unit" SET kind = t.kind FROM t WHERE "Unit".id = t.id;

-- A hazard once listed stays counted as listed after it closes: the first listing's date, from the history.
UPDATE "Hazard" h SET "supervisedAt" = e.first
FROM (SELECT "hazardId", min(at) AS first FROM "HazardEvent" WHERE kind = 'SUPERVISE' GROUP BY "hazardId") e
WHERE e."hazardId" = h.id;
