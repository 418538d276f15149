-- Every grant of a membership in force now, as lib/authz/membership-row.ts GRANTS_COLUMN describes it.
-- A PL/pgSQL function so each connection plans its five-way UNION once and reuses the plan: planned
-- inline, it cost more than running it, on every page, action and API request.
CREATE FUNCTION member_grants(p_membership_id text) RETURNS json
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN COALESCE((SELECT json_agg(x.g) FROM (
        SELECT json_build_object('actions', g.actions, 'projectIds', g."projectIds", 'instanceIds', g."instanceIds", 'serverIds', g."serverIds",
            'source', json_build_object('kind', 'direct', 'expiresAt', to_char(g."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) AS g
          FROM "MemberGrant" g WHERE g."membershipId" = p_membership_id AND (g."expiresAt" IS NULL OR g."expiresAt" > (now() AT TIME ZONE 'UTC'))
        UNION ALL
        SELECT json_build_object('actions', t.actions, 'projectIds', t."projectIds", 'instanceIds', t."instanceIds", 'serverIds', t."serverIds",
            'roleFloor', t."roleFloor",
            'source', json_build_object('kind', 'team', 'id', t.id, 'name', t.name, 'expiresAt', to_char(tm."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
          FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
          WHERE tm."membershipId" = p_membership_id AND (tm."expiresAt" IS NULL OR tm."expiresAt" > (now() AT TIME ZONE 'UTC'))
        UNION ALL
        SELECT json_build_object('actions', r.actions, 'projectIds', r."projectIds", 'instanceIds', r."instanceIds", 'serverIds', r."serverIds",
            'source', json_build_object('kind', 'customRole', 'id', r.id, 'name', r.name,
              'expiresAt', to_char(LEAST(tm."expiresAt", tr."expiresAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'team', json_build_object('id', t.id, 'name', t.name)))
          FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
          JOIN "TeamCustomRole" tr ON tr."teamId" = t.id JOIN "CustomRole" r ON r.id = tr."customRoleId"
          WHERE tm."membershipId" = p_membership_id AND (tm."expiresAt" IS NULL OR tm."expiresAt" > (now() AT TIME ZONE 'UTC')) AND (tr."expiresAt" IS NULL OR tr."expiresAt" > (now() AT TIME ZONE 'UTC'))
        UNION ALL
        SELECT json_build_object('actions', r.actions, 'projectIds', r."projectIds", 'instanceIds', r."instanceIds", 'serverIds', r."serverIds",
            'source', json_build_object('kind', 'customRole', 'id', r.id, 'name', r.name, 'expiresAt', to_char(mr."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
          FROM "MemberCustomRole" mr JOIN "CustomRole" r ON r.id = mr."customRoleId"
          WHERE mr."membershipId" = p_membership_id AND (mr."expiresAt" IS NULL OR mr."expiresAt" > (now() AT TIME ZONE 'UTC'))
        UNION ALL
        SELECT json_build_object('actions', json_build_array(ar.permission),
            'projectIds', CASE WHEN ar."resourceKind" = 'project' THEN json_build_array(ar."resourceId") ELSE '[]'::json END,
            'instanceIds', CASE WHEN ar."resourceKind" = 'instance' THEN json_build_array(ar."resourceId") ELSE '[]'::json END,
            'serverIds', CASE WHEN ar."resourceKind" = 'server' THEN json_build_array(ar."resourceId") ELSE '[]'::json END,
            'source', json_build_object('kind', 'accessRequest', 'id', ar.id, 'expiresAt', to_char(ar."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
          FROM "AccessRequest" ar
          WHERE ar."membershipId" = p_membership_id AND ar.status = 'APPROVED' AND (ar."expiresAt" IS NULL OR ar."expiresAt" > (now() AT TIME ZONE 'UTC'))
      ) x), '[]'::json);
END
$fn$;
