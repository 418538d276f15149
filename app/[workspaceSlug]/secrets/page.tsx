import type { Metadata } from "next";
import { deleteSecretAction } from "@/lib/secrets/actions";
import { ActionButton } from "@/components/resources/action-button";
import { SetSecretForm } from "@/components/resources/forms";
import { EnvironmentBadge } from "@/components/resources/status-badge";
import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember, requirePermission } from "@/lib/authz";
import { listSecrets } from "@/lib/secrets/service";
import { utcMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "Secrets" };

export default async function SecretsPage({ params }: PageProps<"/[workspaceSlug]/secrets">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "secrets.manage");
  const secrets = await listSecrets(ctx.workspace.id);
  const slug = ctx.workspace.slug;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Secrets</h1>
      <p className="text-sm text-gray-700">Values are encrypted at rest and never shown again in full. Saving a name that exists replaces its value.</p>
      <Card className="max-w-md">
        <h2 className="font-semibold">Add or replace a secret</h2>
        <div className="mt-2"><SetSecretForm slug={slug} /></div>
      </Card>
      <DataTable caption="Secrets" headers={["Name", "Environment", "Value", "Updated", ""]}>
        {secrets.map((s) => (
          <tr key={s.id}>
            <Td><span className="font-mono font-medium">{s.name}</span></Td>
            <Td><EnvironmentBadge environment={s.environment} /></Td>
            <Td><span className="font-mono text-gray-700">{s.hint}</span></Td>
            <Td>{utcMinute(s.updatedAt)}</Td>
            <Td className="text-right">
              <ActionButton
                action={deleteSecretAction}
                slug={slug}
                input={{ secretId: s.id }}
                variant="ghost"
                label={`Delete secret ${s.name} (${s.environment.toLowerCase()})`}
                success="Secret deleted"
                confirm={{ title: `Delete ${s.name}?`, description: "Deployments that read it will no longer get it.", confirmLabel: "Delete secret" }}
              >
                Delete
              </ActionButton>
            </Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
