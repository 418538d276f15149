import type { Metadata } from "next";
import { deleteBackupAction, restoreBackupAction } from "@/lib/resources/actions";
import { ActionButton } from "@/components/resources/action-button";
import { CreateBackupForm } from "@/components/resources/forms";
import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { requireInstance } from "@/lib/resources/instance-page";
import { listBackups } from "@/lib/resources/queries";
import { utcMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "Backups" };

export default async function InstanceBackupsPage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]/backups">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "backups.manage");
  const backups = await listBackups(instance.id);
  const slug = ctx.workspace.slug;
  return (
    <div className="space-y-4">
      <Card className="max-w-md">
        <h2 className="font-semibold">New backup</h2>
        <div className="mt-2"><CreateBackupForm slug={slug} instanceId={instance.id} /></div>
      </Card>
      <DataTable caption="Backups" headers={["Label", "Size", "Taken", "Restored", ""]}>
        {backups.map((b) => (
          <tr key={b.id}>
            <Td><span className="font-medium">{b.label}</span></Td>
            <Td>{(b.sizeBytes / 1024).toFixed(1)} KB</Td>
            <Td>{utcMinute(b.createdAt)}</Td>
            <Td>{b.restoredAt ? utcMinute(b.restoredAt) : "—"}</Td>
            <Td>
              <div className="flex flex-wrap justify-end gap-1">
                <a className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-brand-text underline" href={`/${slug}/instances/${instance.id}/backups/${b.id}/download`} download>
                  Download<span className="sr-only"> {b.label}</span>
                </a>
                <ActionButton
                  action={restoreBackupAction}
                  slug={slug}
                  input={{ backupId: b.id }}
                  variant="ghost"
                  label={`Restore ${b.label}`}
                  success="Backup restored"
                  confirm={{ title: `Restore ${b.label}?`, description: "The instance's settings go back to what the backup holds.", confirmLabel: "Restore" }}
                >
                  Restore
                </ActionButton>
                <ActionButton
                  action={deleteBackupAction}
                  slug={slug}
                  input={{ backupId: b.id }}
                  variant="ghost"
                  label={`Delete ${b.label}`}
                  success="Backup deleted"
                  confirm={{ title: `Delete ${b.label}?`, description: "The file is gone for good.", confirmLabel: "Delete backup" }}
                >
                  Delete
                </ActionButton>
              </div>
            </Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
