-- A sender's standing outside a bound group (issue 13): a question (查询) in a private chat, or in a group not yet
-- bound, is one statement too (Repo.readHazard), so the print covers the sender and their grants when there is no
-- binding, where it was NULL. With a binding it is the same value as before: a standing printed before this
-- migration still matches. Raw SQL, which Prisma's schema does not express (see 20261207030000_report_in_one_statement).
CREATE OR REPLACE FUNCTION sentinel_standing_print(p_platform text, p_user text, p_chat text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT ROW(u.id, u."displayName", u.username, u.lang, u."superAdmin", b."unitId", b.title, b.lang, n.name, n.kind, n."parentId", n.path,
      (SELECT array_agg(ROW(g.id, g.role, gn.path, gn.kind)::text ORDER BY g.id) FROM "RoleGrant" g JOIN "Unit" gn ON gn.id = g."unitId" WHERE g."userId" = u.id))::text
    FROM "User" u LEFT JOIN ("ChatBinding" b JOIN "Unit" n ON n.id = b."unitId") ON b.platform = p_platform AND b."chatId" = p_chat
    WHERE u.platform = p_platform AND u."platformUserId" = p_user);
END $$;
