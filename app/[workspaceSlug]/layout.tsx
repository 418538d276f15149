import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { BillingNoticeBanner } from "@/components/settings/billing-notice";
import { SessionProfileMenu } from "@/components/account/session-profile-menu";
import { SidebarNav, type SidebarSection } from "@/components/workspaces/sidebar-nav";
import { logoUrl } from "@/lib/workspaces/logo";
import { WorkspaceSwitcherButton } from "@/components/workspaces/workspace-switcher-button";
import { brandPalette, brandStyle } from "@/lib/workspaces/color";
import { requireMember } from "@/lib/authz";
import { billingNotice } from "@/lib/billing/queries";

export default async function WorkspaceLayout({
  children,
  params,
}: LayoutProps<"/[workspaceSlug]">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const notice = billingNotice(ctx.workspace);
  const sections: SidebarSection[] = [
    "overview",
    ...(ctx.can("projects.access") ? (["projects"] as const) : []),
    "instances",
    "servers",
    ...(ctx.can("secrets.manage") ? (["secrets"] as const) : []),
    ...(ctx.can("members.manage") ? (["accessRequests"] as const) : []),
    "settings",
  ];
  const current = {
    id: ctx.workspace.id,
    name: ctx.workspace.name,
    slug: ctx.workspace.slug,
    role: ctx.membership.role,
    logoUrl: logoUrl(ctx.workspace),
  };
  const palette = brandPalette(ctx.workspace.color);
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-64 shrink-0 flex-col gap-6 border-r border-gray-200 bg-white p-4">
        {/* On :root, so dialogs and menus rendered in portals take the colour too. */}
        <style>{brandStyle(palette)}</style>
        <WorkspaceSwitcherButton current={current} />
        <SidebarNav slug={ctx.workspace.slug} sections={sections} waiting={ctx.pendingAccessRequests} />
      </aside>
      <main className="min-w-0 flex-1 px-8 pt-4 pb-8">
        <div className="mb-4 flex justify-end">
          <SessionProfileMenu currentWorkspaceId={ctx.workspace.id} />
        </div>
        <div className="mb-6 space-y-3 empty:hidden">
          <VerifyEmailBanner account={ctx.user} />
          <BillingNoticeBanner
            notice={notice}
            workspaceName={ctx.workspace.name}
            billingHref={ctx.can("billing.manage") ? `/${ctx.workspace.slug}/settings/billing` : null}
          />
        </div>
        {children}
      </main>
    </div>
  );
}
