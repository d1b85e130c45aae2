-- What the notices require: the 实际控制人 and the 职代会 contact as roles (双报告), the close-out's reviewer and opinion,
-- exactly who a 双报告 reached, a worker's 已当场整改, and the regulator a tip's hazard was assigned by.
ALTER TYPE "Role" ADD VALUE 'CONTROLLER';
ALTER TYPE "Role" ADD VALUE 'CONGRESS';

ALTER TABLE "Hazard" ADD COLUMN "assignedByUnitId" INTEGER,
ADD COLUMN "closeOpinion" TEXT,
ADD COLUMN "closedById" INTEGER,
ADD COLUMN "closedByUnitId" INTEGER,
ADD COLUMN "dualReport" JSONB,
ADD COLUMN "spotFixClaimed" BOOLEAN NOT NULL DEFAULT false;

-- The nearest regulator at or above a unit, by the ids in its path ("/1/4/9/"), or NULL.
CREATE FUNCTION sentinel_regulator_above(unit_path text) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT u.id FROM unnest(string_to_array(trim(both '/' from unit_path), '/')::int[]) WITH ORDINALITY AS p(id, depth)
  JOIN "Unit" u ON u.id = p.id
  WHERE u.kind = 'REGULATOR'
  ORDER BY p.depth DESC LIMIT 1
$$;

-- A tip goes to a regulator, never to the enterprise it names: tips an enterprise (or its department) received move to
-- the nearest regulator above it; 举报处理人 exists only on regulators. The removed grants are kept in a setting, so the
-- bot tells their holders and the regulator above why (src/reminders/tip-grants.ts), once.
UPDATE "Tip" t SET "unitId" = sentinel_regulator_above(u.path)
FROM "Unit" u
WHERE u.id = t."unitId" AND u.kind <> 'REGULATOR' AND sentinel_regulator_above(u.path) IS NOT NULL;

INSERT INTO "Setting" (key, value)
SELECT 'tip-grants-removed', json_agg(json_build_object('userId', g."userId", 'unitId', g."unitId") ORDER BY g.id)::text
FROM "RoleGrant" g JOIN "Unit" u ON u.id = g."unitId"
WHERE g.role = 'TIP_HANDLER' AND u.kind <> 'REGULATOR'
HAVING count(*) > 0
ON CONFLICT (key) DO NOTHING;

DELETE FROM "RoleGrant" g USING "Unit" u WHERE u.id = g."unitId" AND g.role = 'TIP_HANDLER' AND u.kind <> 'REGULATOR';

-- A hazard already made from a tip was assigned by the tip's receiving unit.
UPDATE "Hazard" h SET "assignedByUnitId" = t."unitId" FROM "Tip" t WHERE t."hazardId" = h.id AND h.source = 'TIP';
