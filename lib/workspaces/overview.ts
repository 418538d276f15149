import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Role, WorkspaceKind, WorkspaceStage } from "@/generated/prisma/enums";
import { cappedCountSql, cutKeysetPage, keysetSql, pagePosition } from "@/lib/api/pagination";
import { GRANTS_COLUMN } from "@/lib/authz/membership-row";
import { effectivePermissions, type Grant, type PermissionKey } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { containsPattern } from "@/lib/db/like-pattern";
import { cappedResourceCounts } from "@/lib/resources/queries";
import type { PageLink } from "@/lib/schemas";
import type { WorkspaceListItem } from "./queries";

// Apart from queries.ts: it reads each membership's grants the way lib/authz does (they decide which
// resources the counts include), which scripts importing queries.ts have no need of.

export const OVERVIEW_PAGE_SIZE = 20;

export interface WorkspaceOverviewItem extends WorkspaceListItem {
  /** Counted up to COUNT_CAP + 1: past the cap the page says "1,000+". */
  memberCount: number;
  /** What the user may see of it (their allow-lists apply), each counted up to COUNT_CAP + 1; null where they cannot open it yet (2FA). */
  resources: { projects: number; servers: number; instances: number } | null;
}

interface OverviewRow {
  id: string;
  name: string;
  slug: string;
  logoType: string | null;
  logoUpdatedAt: string | null;
  kind: WorkspaceKind;
  stage: WorkspaceStage | null;
  role: Role;
  grants: Grant[];
  rank: number;
  memberCount: number;
  isDefault: boolean;
  needsTwoFactor: boolean;
}

/** The list's order: the personal workspace first (rank 0), then by name and id. A cursor is (rank, name, id). */
const overviewCursor = (row: { rank: number; name: string; id: string }) => [String(row.rank), row.name, row.id];
const overviewValues = ([rank, name, id]: string[]): [number, string, string] | null =>
  (rank === "0" || rank === "1") && name !== undefined && id ? [Number(rank), name, id] : null;

/**
 * /workspace/select: one page of the user's workspaces (name or slug containing `q`) with their role,
 * member count and the resource counts they may see, the (capped) total, the deleted workspaces they may
 * restore and the account's address state.
 *
 * Two round trips, neither of them authorization (the session check that precedes them is): this lists
 * the user's own memberships for display and decides no access. The first statement reads the page by
 * keyset, (rank, name, id) past the cursor, and builds the rows' columns (grants, member count) for its
 * 20 rows only. The order's key lives on Workspace and the filter on Membership, so no one index serves
 * both: the user's memberships come off Membership_userId_idx and a top-N sort of their narrow keys picks
 * the page (sub-millisecond for 1,000 memberships). The second counts the resources each row's grants let
 * the user see (the same rules as each workspace's own pages), every count stopping at COUNT_CAP + 1.
 */
export async function workspacesOverview(userId: string, options: { q?: string; link?: PageLink } = {}) {
  const q = options.q?.trim() ?? "";
  const position = pagePosition(options.link ?? {}, 3, overviewValues);
  const keyset = keysetSql(position, "asc", ["k.rank", "k.name", "k.id"]);
  const matches = q ? Prisma.sql`AND (w.name ILIKE ${containsPattern(q)} OR w.slug ILIKE ${containsPattern(q)})` : Prisma.empty;
  const mine = Prisma.sql`FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE m."userId" = ${userId} AND w."deletedAt" IS NULL ${matches}`;
  const [head] = await db().$queryRaw<
    {
      total: number;
      rows: OverviewRow[] | null;
      deleted: { id: string; name: string; slug: string; deletedAt: string; purgeAfter: string }[] | null;
      account: { email: string; emailVerified: boolean } | null;
    }[]
  >`
    SELECT
      ${cappedCountSql(mine)} AS total,
      (SELECT json_agg(json_build_object(
          'id', w.id, 'name', w.name, 'slug', w.slug, 'logoType', w."logoType", 'logoUpdatedAt', w."logoUpdatedAt",
          'kind', w.kind, 'stage', w.stage, 'role', m.role, 'rank', k.rank, 'grants', g.grants,
          'memberCount', ${cappedCountSql(Prisma.sql`FROM "Membership" mm WHERE mm."workspaceId" = w.id`)},
          'isDefault', u."defaultWorkspaceId" IS NOT DISTINCT FROM w.id,
          'needsTwoFactor', w."requireTwoFactor" AND u."totpEnabledAt" IS NULL) ORDER BY ${keyset.orderBy})
        FROM (
          SELECT * FROM (SELECT m.id AS "membershipId", CASE WHEN w.kind = 'PERSONAL' THEN 0 ELSE 1 END AS rank, w.name, w.id ${mine}) k
          WHERE ${keyset.where}
          ORDER BY ${keyset.orderBy}
          LIMIT ${OVERVIEW_PAGE_SIZE + 1}) k
        JOIN "Membership" m ON m.id = k."membershipId"
        JOIN "Workspace" w ON w.id = k.id
        JOIN "User" u ON u.id = m."userId"
        CROSS JOIN LATERAL (SELECT ${GRANTS_COLUMN}) g) AS rows,
      (SELECT json_agg(d ORDER BY d."purgeAfter", d.id) FROM (
        SELECT w.id, w.name, w.slug, w."deletedAt", w."purgeAfter" FROM "Workspace" w
        JOIN "Membership" m ON m."workspaceId" = w.id AND m."userId" = ${userId} AND m.role = 'OWNER'
        WHERE w."deletedAt" IS NOT NULL AND w."purgeAfter" > now()
        ORDER BY w."purgeAfter", w.id LIMIT 100) d) AS deleted,
      (SELECT json_build_object('email', u.email, 'emailVerified', u."emailVerifiedAt" IS NOT NULL) FROM "User" u WHERE u.id = ${userId}) AS account`;
  // The statement reads one row past the page to know whether there is a next one; only the page is counted.
  const { rows: page, previous, next } = cutKeysetPage(head?.rows ?? [], OVERVIEW_PAGE_SIZE, position, overviewCursor);
  const now = new Date();
  const countable = page.flatMap((row) => {
    if (row.needsTwoFactor) return [];
    const permissions = effectivePermissions(row.role, row.grants, now);
    return [{ workspace: { id: row.id }, permissions, can: (key: PermissionKey) => permissions.actions.has(key) }];
  });
  const counts = await cappedResourceCounts(countable);
  const workspaces: WorkspaceOverviewItem[] = page.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    logoType: row.logoType,
    logoUpdatedAt: row.logoUpdatedAt ? new Date(row.logoUpdatedAt) : null,
    kind: row.kind,
    stage: row.stage,
    role: row.role,
    isDefault: Boolean(row.isDefault),
    needsTwoFactor: Boolean(row.needsTwoFactor),
    memberCount: row.memberCount,
    resources: counts.get(row.id) ?? null,
  }));
  return {
    q,
    total: head?.total ?? 0,
    previous,
    next,
    workspaces,
    deleted: (head?.deleted ?? []).map((d) => ({ ...d, deletedAt: new Date(d.deletedAt), purgeAfter: new Date(d.purgeAfter) })),
    account: head?.account ?? null,
  };
}
