import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RolesManager } from "@/components/roles/roles-manager";
import { requireMember, requirePermission } from "@/lib/authz";
import { listCustomRoles } from "@/lib/roles/queries";
import { toGrantFields } from "@/lib/teams/schemas";
import { grantOptions } from "@/lib/teams/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roles.page");
  return { title: t("title") };
}

export default async function RolesSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/roles">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "members.manage");
  const [roles, options] = await Promise.all([listCustomRoles(ctx.workspace.id), grantOptions(ctx)]);
  return (
    <RolesManager
      slug={ctx.workspace.slug}
      options={options}
      roles={roles.map((role) => ({
        id: role.id,
        name: role.name,
        description: role.description,
        grant: toGrantFields(role),
        memberCount: role.memberCount,
        teamCount: role.teamCount,
      }))}
    />
  );
}
