import type { Metadata } from "next";
import { AiSettingsForm } from "@/components/settings/ai-settings";
import { Card } from "@/components/ui/card";
import { aiSettingsView } from "@/lib/ai/service";
import { requireMember, requirePermission } from "@/lib/authz";

export const metadata: Metadata = { title: "AI settings" };

export default async function AiSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/ai">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "ai.manage");
  const current = await aiSettingsView(ctx.workspace.id);
  return (
    <Card className="max-w-xl">
      <h2 className="text-lg font-semibold">AI provider</h2>
      <p className="text-sm text-gray-700">The key is encrypted at rest; only its last four characters are ever shown.</p>
      <div className="mt-4"><AiSettingsForm slug={ctx.workspace.slug} current={current} /></div>
    </Card>
  );
}
