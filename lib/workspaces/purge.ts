import { db } from "@/lib/db";
import { recordInPersonalLog } from "./service";

/** How many workspaces one call purges at most; the worker calls again while `more` is true. */
export const PURGE_BATCH = 10;

export interface PurgeResult {
  /** The workspaces deleted for good by this call. */
  purged: { id: string; slug: string }[];
  /** Whether more were due than this call purged. */
  more: boolean;
}

/**
 * Deletes for good the deleted workspaces whose restore period ended (`purgeAfter <= now`), at most
 * `limit` per call, each in its own transaction: one that fails (and is logged) does not hold back the
 * others, and no transaction grows with the number due. Each is locked and checked again first, so a
 * restore that committed meanwhile wins. Everything in it goes (members, resources, invitations, keys,
 * its own audit log); "workspace.purged" is recorded in its owner's personal workspace's log, beside
 * the "workspace.deleted" event. Safe to run from several workers at once (SKIP LOCKED).
 */
export async function purgeDeletedWorkspaces(now = new Date(), limit = PURGE_BATCH): Promise<PurgeResult> {
  const due = await db().workspace.findMany({
    where: { deletedAt: { not: null }, purgeAfter: { lte: now } },
    select: { id: true },
    orderBy: [{ purgeAfter: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const purged: PurgeResult["purged"] = [];
  for (const { id } of due.slice(0, limit)) {
    try {
      const done = await purgeOne(id, now);
      if (done) purged.push(done);
    } catch (error) {
      console.error("[purge] workspace", id, error);
    }
  }
  return { purged, more: due.length > limit };
}

async function purgeOne(workspaceId: string, now: Date): Promise<{ id: string; slug: string } | null> {
  return db().$transaction(
    async (tx) => {
      // Another worker purging it, or a restore in flight, holds the row: leave it to them.
      const rows = await tx.$queryRaw<{ id: string; name: string; slug: string; deletedAt: Date | string | null; purgeAfter: Date | string | null }[]>`
        SELECT id, name, slug, "deletedAt", "purgeAfter" FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE SKIP LOCKED`;
      const workspace = rows[0];
      if (!workspace?.deletedAt || !workspace.purgeAfter || new Date(workspace.purgeAfter).getTime() > now.getTime()) return null;
      const owner = await tx.membership.findFirst({ where: { workspaceId, role: "OWNER" }, select: { userId: true } });
      // Instances point at projects and servers with ON DELETE RESTRICT: they go first.
      await tx.instance.deleteMany({ where: { workspaceId } });
      await tx.workspace.delete({ where: { id: workspaceId } });
      if (owner) {
        await recordInPersonalLog(tx, owner.userId, {
          actorId: null,
          action: "workspace.purged",
          targetId: workspaceId,
          metadata: { slug: workspace.slug, name: workspace.name, deletedAt: new Date(workspace.deletedAt).toISOString() },
        });
      }
      return { id: workspace.id, slug: workspace.slug };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
