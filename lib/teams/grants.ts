import type { WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { GrantFields } from "./schemas";

/**
 * A grant may only name this workspace's resources, and only what the editor holds: their own
 * actions, on resources they can see. Unknown or foreign ids are refused on the field, not ignored.
 */
export async function checkGrantable(ctx: WorkspaceActionContext, tx: Tx, grant: GrantFields): Promise<GrantFields> {
  for (const key of grant.actions) {
    if (!ctx.can(key)) throw Refusal.field("actions", messageKey("errors.teams.permissionNotHeld"));
  }
  const workspaceId = ctx.workspace.id;
  const [projects, instances, servers] = await Promise.all([
    tx.project.findMany({ where: { workspaceId, id: { in: grant.projectIds } }, select: { id: true } }),
    tx.instance.findMany({ where: { workspaceId, id: { in: grant.instanceIds } }, select: { id: true, projectId: true } }),
    tx.server.findMany({ where: { workspaceId, id: { in: grant.serverIds } }, select: { id: true } }),
  ]);
  const uniq = (list: string[]) => [...new Set(list)];
  const checks = [
    ["projectIds", uniq(grant.projectIds), projects.map((p) => ({ kind: "project" as const, id: p.id })), "project"],
    ["instanceIds", uniq(grant.instanceIds), instances.map((i) => ({ kind: "instance" as const, id: i.id, projectId: i.projectId })), "instance"],
    ["serverIds", uniq(grant.serverIds), servers.map((s) => ({ kind: "server" as const, id: s.id })), "server"],
  ] as const;
  for (const [field, wanted, found, noun] of checks) {
    if (found.length !== wanted.length) {
      const message = messageKey("errors.teams.resourceNotFound", { noun });
      throw new Refusal("NOT_FOUND", message, { [field]: message });
    }
    // Projects are checked by list membership alone: Access Projects is a toggle, not a resource.
    if (found.some((ref) => !(ref.kind === "project" ? ctx.permissions.allow === "all" || ctx.permissions.allow.projects.has(ref.id) : ctx.canSee(ref)))) {
      throw Refusal.field(field, messageKey("errors.teams.resourceNotAccessible", { noun }));
    }
  }
  return { actions: uniq(grant.actions) as GrantFields["actions"], projectIds: uniq(grant.projectIds), instanceIds: uniq(grant.instanceIds), serverIds: uniq(grant.serverIds) };
}
