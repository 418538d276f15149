import { getTranslations } from "next-intl/server";
import { InviteMembersDialog } from "@/components/members/invite-members-dialog";
import { LeaveWorkspaceButton } from "@/components/members/leave-workspace-button";
import { TabNav } from "@/components/ui/tab-nav";
import { requireMember } from "@/lib/authz";
import { grantableInviteRoles } from "@/lib/invitations/schemas";

/** Members and pending invitations are two tabs, each its own paginated list, under one header. */
export default async function MembersLayout({ children, params }: LayoutProps<"/[workspaceSlug]/settings/members">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const slug = ctx.workspace.slug;
  const canInvite = ctx.can("members.invite");
  const t = await getTranslations("members.tabs");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {canInvite ? (
          <TabNav
            label={t("label")}
            base={`/${slug}/settings/members`}
            tabs={[
              { segment: "", label: t("members") },
              { segment: "invitations", label: t("invitations") },
            ]}
          />
        ) : (
          <span />
        )}
        <div className="flex gap-2">
          {ctx.membership.role !== "OWNER" ? <LeaveWorkspaceButton slug={slug} workspaceName={ctx.workspace.name} /> : null}
          {canInvite ? <InviteMembersDialog slug={slug} roles={grantableInviteRoles(ctx.membership.role)} /> : null}
        </div>
      </div>
      {children}
    </div>
  );
}
