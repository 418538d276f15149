import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { deleteBackupAction, restoreBackupAction } from "@/lib/resources/actions";
import { ActionButton } from "@/components/resources/action-button";
import { CreateBackupForm } from "@/components/resources/forms";
import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstance } from "@/lib/resources/instance-page";
import { listBackups } from "@/lib/resources/queries";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.instance.backups");
  return { title: t("title") };
}

export default async function InstanceBackupsPage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]/backups">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "backups.manage");
  const backups = await listBackups(ctx.workspace.id, instance.id);
  const slug = ctx.workspace.slug;
  const t = await getTranslations("resources.instance.backups");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <div className="space-y-4">
      <Card className="max-w-md">
        <h2 className="font-semibold">{t("newHeading")}</h2>
        <div className="mt-2"><CreateBackupForm slug={slug} instanceId={instance.id} /></div>
      </Card>
      {backups.length === 0 ? (
        <EmptyState title={t("empty.title")}>{t("empty.description")}</EmptyState>
      ) : (
      <DataTable caption={t("title")} headers={[t("columns.label"), t("columns.size"), t("columns.taken"), t("columns.restored"), ""]}>
        {backups.map((b) => (
          <tr key={b.id}>
            <Td><span className="font-medium">{b.label}</span></Td>
            <Td>{t("size", { size: format.number(b.sizeBytes / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</Td>
            <Td>{formatDateTime(b.createdAt, locale)}</Td>
            <Td>{b.restoredAt ? formatDateTime(b.restoredAt, locale) : "—"}</Td>
            <Td>
              <div className="flex flex-wrap justify-end gap-1">
                <a className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-brand-text underline" href={`/${slug}/instances/${instance.id}/backups/${b.id}/download`} download>
                  {t.rich("download", { label: b.label, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                </a>
                <ActionButton
                  action={restoreBackupAction}
                  slug={slug}
                  input={{ backupId: b.id }}
                  variant="ghost"
                  label={t("restore.label", { label: b.label })}
                  success={t("restore.success")}
                  confirm={{ title: t("restore.title", { label: b.label }), description: t("restore.description"), confirmLabel: t("restore.confirm") }}
                >
                  {t("restore.button")}
                </ActionButton>
                <ActionButton
                  action={deleteBackupAction}
                  slug={slug}
                  input={{ backupId: b.id }}
                  variant="ghost"
                  label={t("delete.label", { label: b.label })}
                  success={t("delete.success")}
                  confirm={{ title: t("delete.title", { label: b.label }), description: t("delete.description"), confirmLabel: t("delete.confirm") }}
                >
                  {t("delete.button")}
                </ActionButton>
              </div>
            </Td>
          </tr>
        ))}
      </DataTable>
      )}
    </div>
  );
}
