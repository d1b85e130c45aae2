-- 统计 without reading the hazards: a tally of hazards by unit, month reported (Asia/Shanghai), level, channel, state,
-- the months they were confirmed, rectified and listed (挂牌督办), and, while open, their earliest deadline. A trigger
-- keeps it in the same transaction as every change of a hazard, whoever makes it. A month not (yet) reached is
-- 'infinity'. Raw SQL, which Prisma's schema does not express: prisma/new-migration.sh diffs schema files, never the
-- database, so later migrations leave it alone. Read by Repo.windowStats and Repo.statsByUnit.
-- The days of a window before its first whole month (a campaign starts mid-month) are counted from the hazards.
CREATE INDEX "Hazard_reportedAt_idx" ON "Hazard"("reportedAt");

CREATE TABLE "HazardTally" (
  "unitId"   integer NOT NULL,
  month      date    NOT NULL,
  level      text    NOT NULL,
  source     text    NOT NULL,
  status     text    NOT NULL,
  confirmed  date    NOT NULL,
  rectified  date    NOT NULL,
  supervised date    NOT NULL,
  due        date    NOT NULL,
  n          integer NOT NULL,
  PRIMARY KEY ("unitId", month, level, source, status, confirmed, rectified, supervised, due)
);

-- The Shanghai month of a stored instant (UTC wall time; China keeps no daylight saving time), 'infinity' for none.
CREATE FUNCTION hazard_tally_month(t timestamp) RETURNS date LANGUAGE sql IMMUTABLE AS
  $$ SELECT COALESCE(date_trunc('month', t + interval '8 hours')::date, 'infinity'::date) $$;

-- The earliest deadline of an open hazard ('infinity' when closed or without one).
CREATE FUNCTION hazard_tally_due(status text, deadline date, supervised date) RETURNS date LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN status IN ('REPORTED', 'CONFIRMED', 'RECTIFYING') THEN COALESCE(LEAST(deadline, supervised), 'infinity'::date) ELSE 'infinity'::date END $$;

CREATE FUNCTION hazard_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o "HazardTally";
  k "HazardTally";
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o := ROW(OLD."unitId", hazard_tally_month(OLD."reportedAt"), COALESCE(OLD.level::text, ''), OLD.source, OLD.status::text,
             hazard_tally_month(OLD."confirmedAt"), hazard_tally_month(OLD."rectifiedAt"), hazard_tally_month(OLD."supervisedAt"),
             hazard_tally_due(OLD.status::text, OLD.deadline, OLD."supervisedDeadline"), 1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    k := ROW(NEW."unitId", hazard_tally_month(NEW."reportedAt"), COALESCE(NEW.level::text, ''), NEW.source, NEW.status::text,
             hazard_tally_month(NEW."confirmedAt"), hazard_tally_month(NEW."rectifiedAt"), hazard_tally_month(NEW."supervisedAt"),
             hazard_tally_due(NEW.status::text, NEW.deadline, NEW."supervisedDeadline"), 1);
  END IF;
  IF TG_OP = 'UPDATE' AND o IS NOT DISTINCT FROM k THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE "HazardTally" t SET n = t.n - 1
    WHERE (t."unitId", t.month, t.level, t.source, t.status, t.confirmed, t.rectified, t.supervised, t.due)
        = (o."unitId", o.month, o.level, o.source, o.status, o.confirmed, o.rectified, o.supervised, o.due);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "HazardTally" VALUES (k.*)
    ON CONFLICT ("unitId", month, level, source, status, confirmed, rectified, supervised, due) DO UPDATE SET n = "HazardTally".n + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER hazard_tally AFTER INSERT OR UPDATE OR DELETE ON "Hazard" FOR EACH ROW EXECUTE FUNCTION hazard_tally();

INSERT INTO "HazardTally"
SELECT "unitId", hazard_tally_month("reportedAt"), COALESCE(level::text, ''), source, status::text,
       hazard_tally_month("confirmedAt"), hazard_tally_month("rectifiedAt"), hazard_tally_month("supervisedAt"),
       hazard_tally_due(status::text, deadline, "supervisedDeadline"), count(*)::int
FROM "Hazard"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
