-- Open hazards by each deadline, for 逾期隐患 (Repo.listHazards) and the deadline chase: partial indexes, which
-- Prisma's schema cannot express. prisma/new-migration.sh diffs schema files, never the database, so later
-- migrations leave these alone.
CREATE INDEX "Hazard_open_deadline_idx" ON "Hazard" (deadline, id)
  WHERE status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING') AND deadline IS NOT NULL;
CREATE INDEX "Hazard_open_supervised_deadline_idx" ON "Hazard" ("supervisedDeadline", id)
  WHERE status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING') AND "supervisedDeadline" IS NOT NULL;
