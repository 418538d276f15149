import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { deleteSecretAction } from "@/lib/secrets/actions";
import { ActionButton } from "@/components/resources/action-button";
import { SetSecretForm } from "@/components/resources/forms";
import { EnvironmentBadge } from "@/components/resources/status-badge";
import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember, requirePermission } from "@/lib/authz";
import { listSecrets } from "@/lib/secrets/service";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secrets");
  return { title: t("title") };
}

export default async function SecretsPage({ params }: PageProps<"/[workspaceSlug]/secrets">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "secrets.manage");
  const secrets = await listSecrets(ctx.workspace.id);
  const slug = ctx.workspace.slug;
  const t = await getTranslations("secrets");
  const resources = await getTranslations("resources");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-gray-700">{t("intro")}</p>
      <Card className="max-w-md">
        <h2 className="font-semibold">{t("formHeading")}</h2>
        <div className="mt-2"><SetSecretForm slug={slug} /></div>
      </Card>
      {secrets.length === 0 ? (
        <EmptyState title={t("empty.title")}>{t("empty.description")}</EmptyState>
      ) : (
      <DataTable caption={t("title")} headers={[t("columns.name"), t("columns.environment"), t("columns.value"), t("columns.updated"), ""]}>
        {secrets.map((s) => (
          <tr key={s.id}>
            <Td><span className="font-mono font-medium">{s.name}</span></Td>
            <Td><EnvironmentBadge environment={s.environment} /></Td>
            <Td><span className="font-mono text-gray-700">{s.hint}</span></Td>
            <Td>{formatDateTime(s.updatedAt, locale)}</Td>
            <Td className="text-right">
              <ActionButton
                action={deleteSecretAction}
                slug={slug}
                input={{ secretId: s.id }}
                variant="ghost"
                label={t("delete.label", { name: s.name, environment: resources(`environmentLower.${s.environment}`) })}
                success={t("delete.success")}
                confirm={{ title: t("delete.title", { name: s.name }), description: t("delete.description"), confirmLabel: t("delete.confirm") }}
              >
                {t("delete.button")}
              </ActionButton>
            </Td>
          </tr>
        ))}
      </DataTable>
      )}
    </div>
  );
}
