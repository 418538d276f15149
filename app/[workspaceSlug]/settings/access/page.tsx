import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessExplanation } from "@/components/roles/access-explanation";
import { Card } from "@/components/ui/card";
import { requireMember } from "@/lib/authz";
import { isAppLocale } from "@/lib/i18n/locale";
import { explainMyAccess } from "@/lib/roles/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roles.yourAccess");
  return { title: t("title") };
}

/** Every member's own "why can I?": each permission they hold now, and where it comes from. */
export default async function YourAccessPage({ params }: PageProps<"/[workspaceSlug]/settings/access">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const locale = await getLocale();
  const lines = await explainMyAccess(ctx, isAppLocale(locale) ? locale : undefined);
  const t = await getTranslations("roles.yourAccess");
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm text-gray-700">
        {t("intro", { role: ctx.membership.role, workspace: ctx.workspace.name })}
      </p>
      <AccessExplanation lines={lines} you headingLevel={3} />
    </Card>
  );
}
