import Link from "next/link";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { BillingNoticeBanner } from "@/components/settings/billing-notice";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SidebarNav, type SidebarSection } from "@/components/workspaces/sidebar-nav";
import { logoUrl } from "@/lib/workspaces/logo";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { brandPalette } from "@/lib/workspaces/color";
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
        <style>{`:root{--color-brand:${palette.brand};--color-brand-strong:${palette.strong};--color-brand-fg:${palette.foreground};--color-brand-text:${palette.text}}`}</style>
        <WorkspaceSwitcher current={current} />
        <SidebarNav slug={ctx.workspace.slug} sections={sections} />
        <div className="mt-auto border-t border-gray-200 pt-4">
          <p className="truncate text-sm font-medium text-gray-900">{ctx.user.name}</p>
          <p className="truncate text-xs text-gray-600">{ctx.user.email}</p>
          <Link href="/account" className="mt-2 block text-sm font-medium text-gray-900 underline">
            Account settings
          </Link>
          <SignOutButton className="mt-2 w-full justify-start" />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">
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
