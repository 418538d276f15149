import type { WorkspaceContext } from "@/lib/authz/types";
import { mayRequestAccess, requestablePermissions } from "@/lib/access-requests/queries";
import { RequestAccessDialog } from "./request-access-dialog";

/** A list that is empty for this member: says so, and offers a member below Admin to ask for access. */
export function NoAccess({ ctx, message }: { ctx: WorkspaceContext; message: string }) {
  const permissions = mayRequestAccess(ctx) ? requestablePermissions(ctx) : [];
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="text-sm text-gray-700">{message}</p>
      {permissions.length > 0 ? <RequestAccessDialog slug={ctx.workspace.slug} permissions={permissions} /> : null}
    </div>
  );
}

/** Under an instance's controls: ask for what this member lacks on it (Restart first, the usual need). */
export function RequestInstanceAccess({ ctx, instance }: { ctx: WorkspaceContext; instance: { id: string; name: string; projectId: string } }) {
  if (!mayRequestAccess(ctx)) return null;
  const permissions = requestablePermissions(ctx, { kind: "instance", id: instance.id, projectId: instance.projectId });
  if (permissions.length === 0) return null;
  const preferred = permissions.find((p) => p.value === "instances.restart")?.value;
  return (
    <RequestAccessDialog
      slug={ctx.workspace.slug}
      resource={{ kind: "instance", id: instance.id, name: instance.name }}
      permissions={permissions}
      defaultPermission={preferred}
    />
  );
}
