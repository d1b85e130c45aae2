-- Duplicates are their own outcome, not 不属实 (a separate migration: a new enum value is usable only once committed).
UPDATE "Hazard" SET status = 'DUPLICATE' WHERE status = 'REJECTED' AND "duplicateOfId" IS NOT NULL;
