-- A one-line report in a group in one statement (issue 13). The bot keeps, per sender and chat, what it read of the
-- sender's standing (their row, their grants, the chat's binding and unit) with this print of it; it files a report
-- with sentinel_file_report, which checks the print first and files nothing when any of it changed (another process
-- granted a role, the group was bound elsewhere): the bot then takes the ordinary path, in a transaction.
-- Raw SQL, which Prisma's schema does not express (see 20261124041000_hazard_tally).

-- The sender's standing in a chat as one value (the rows' text, not a hash: md5 is refused on a server in FIPS mode);
-- NULL when the sender or the binding is not stored. PL/pgSQL, so that its plan is kept for the session (a SQL
-- function's is made again at every call).
CREATE FUNCTION sentinel_standing_print(p_platform text, p_user text, p_chat text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT ROW(u.id, u."displayName", u.username, u.lang, u."superAdmin", b."unitId", b.title, b.lang, n.name, n.kind, n."parentId", n.path,
      (SELECT array_agg(ROW(g.id, g.role, gn.path, gn.kind)::text ORDER BY g.id) FROM "RoleGrant" g JOIN "Unit" gn ON gn.id = g."unitId" WHERE g."userId" = u.id))::text
    FROM "User" u CROSS JOIN "ChatBinding" b JOIN "Unit" n ON n.id = b."unitId"
    WHERE u.platform = p_platform AND u."platformUserId" = p_user AND b.platform = p_platform AND b."chatId" = p_chat);
END $$;

-- Claims the message, counts it against the sender's hourly limit, numbers and files the hazard with its first
-- event: what Repo.claimMessage, TipRepo.hit and Repo.createHazard do in the message's transaction, in one statement.
-- PL/pgSQL keeps each statement's plan for the session, so none is planned again per report.
-- outcome: 'stale' (the print changed: nothing done), 'duplicate' (claimed before: nothing done), 'filed'. Over the
-- limit it raises SQLSTATE 'SL001', which rolls the claim and the count back with it, as the ordinary path's refusal
-- rolls back its transaction.
CREATE FUNCTION sentinel_file_report(
  p_platform text, p_chat text, p_message text, p_user text, p_print text,
  p_throttle text, p_window timestamp, p_limit integer,
  p_year integer, p_unit integer, p_reporter integer, p_description text, p_location text,
  p_attachments text[], p_indicators text[], p_at timestamp, p_source text,
  OUT outcome text, OUT hazard_id integer
) LANGUAGE plpgsql AS $$
DECLARE
  hits integer;
BEGIN
  IF sentinel_standing_print(p_platform, p_user, p_chat) IS DISTINCT FROM p_print THEN
    outcome := 'stale';
    RETURN;
  END IF;
  INSERT INTO "InboundMessage" (platform, "chatId", "messageId") VALUES (p_platform, p_chat, p_message) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    outcome := 'duplicate';
    RETURN;
  END IF;
  INSERT INTO "Throttle" AS t (key, "windowStart", count) VALUES (p_throttle, p_window, 1)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN t."windowStart" = EXCLUDED."windowStart" THEN t.count + 1 ELSE 1 END,
    "windowStart" = EXCLUDED."windowStart"
  RETURNING t.count INTO hits;
  IF hits > p_limit THEN
    RAISE EXCEPTION 'over the hourly limit of reports' USING ERRCODE = 'SL001';
  END IF;
  INSERT INTO "Counter" AS c (name, last) VALUES ('hazard', 1)
  ON CONFLICT (name) DO UPDATE SET last = c.last + 1
  RETURNING c.last INTO hazard_id;
  INSERT INTO "Hazard" (id, year, "unitId", "reporterId", platform, "chatId", "messageId", description, location,
                        attachments, indicators, "reportedAt", source)
  VALUES (hazard_id, p_year, p_unit, p_reporter, p_platform, p_chat, p_message, p_description, p_location,
          p_attachments, p_indicators, p_at, p_source);
  INSERT INTO "HazardEvent" ("hazardId", kind, "toStatus", "actorId", at) VALUES (hazard_id, 'REPORTED', 'REPORTED', p_reporter, p_at);
  outcome := 'filed';
END $$;
