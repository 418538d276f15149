import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AiSettingsForm } from "@/components/settings/ai-settings";
import { Card } from "@/components/ui/card";
import { aiSettingsView } from "@/lib/ai/service";
import { requireMember, requirePermission } from "@/lib/authz";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ai.page");
  return { title: t("title") };
}

export default async function AiSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/ai">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "ai.manage");
  const current = await aiSettingsView(ctx.workspace.id);
  const t = await getTranslations("ai.page");
  return (
    <Card className="max-w-xl">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm text-gray-700">{t("note")}</p>
      <div className="mt-4"><AiSettingsForm slug={ctx.workspace.slug} current={current} /></div>
    </Card>
  );
}
