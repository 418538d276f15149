import type { Metadata } from "next";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { listApiKeys, type ApiKeyStatus } from "@/lib/api-keys/queries";
import { requireMember, requirePermission } from "@/lib/authz";
import { utcDay, utcMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "API keys" };

const ACCESS_LABEL = { READ: "Read-only", WRITE: "Read and write" } as const;

const STATUS: Record<ApiKeyStatus, { label: string; className: string }> = {
  active: { label: "Active", className: "bg-green-100 text-green-900" },
  expired: { label: "Expired", className: "bg-amber-100 text-amber-900" },
  revoked: { label: "Revoked", className: "bg-gray-200 text-gray-900" },
};

const codeClass = "rounded bg-gray-100 px-1 py-0.5 font-mono text-xs text-gray-900";

export default async function ApiKeysSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/api-keys">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "api.use");
  const manage = ctx.can("apiKeys.manage");
  const keys = await listApiKeys(ctx);
  const slug = ctx.workspace.slug;
  return (
    <section aria-labelledby="api-keys-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="api-keys-heading" className="text-lg font-semibold">API keys</h2>
        <CreateApiKeyDialog slug={slug} canWrite={manage} />
      </div>
      <div className="max-w-3xl space-y-2 text-sm text-gray-700">
        <p>
          An API key lets a script or a CI job call this workspace&apos;s API. It acts with its creator&apos;s permissions at the
          time of each request, capped by its access: a read-only key only reads. If its creator&apos;s role changes, the key
          changes with it; if they leave the workspace, it stops working.
        </p>
        <p>
          Base URL <code className={codeClass}>/api/v1</code>, with the key in the header{" "}
          <code className={codeClass}>Authorization: Bearer wsk_…</code>. The{" "}
          <a className="font-medium text-gray-900 underline" href="/api/v1/reference">
            API reference
          </a>{" "}
          lists every operation and lets you try them.
        </p>
        <p>{manage ? "You see every key of this workspace and may revoke any of them." : "You see the keys you created; admins and owners see every key."}</p>
      </div>
      {keys.length === 0 ? (
        <div className="rounded-lg border border-dashed border-gray-300 bg-white p-6 text-center">
          <p className="font-medium text-gray-900">No API keys yet</p>
          <p className="mt-1 text-sm text-gray-700">
            Create a key with “Create API key”, name it after where it is used, and store the secret in that tool&apos;s secret
            settings: it is shown only once.
          </p>
        </div>
      ) : (
        <DataTable caption="API keys" headers={["Name", "Key", "Access", "Created by", "Created", "Last used", "Expires", "Status", ""]}>
          {keys.map((key) => (
            <tr key={key.id}>
              <Td className="font-medium text-gray-900">{key.name}</Td>
              <Td><span className="whitespace-nowrap font-mono text-xs">{key.prefix}…</span></Td>
              <Td>{ACCESS_LABEL[key.access]}</Td>
              <Td>{key.createdBy.id === ctx.user.id ? `${key.createdBy.name} (you)` : key.createdBy.name}</Td>
              <Td><time dateTime={key.createdAt.toISOString()}>{utcDay(key.createdAt)}</time></Td>
              <Td>
                {key.lastUsedAt ? (
                  <time className="whitespace-nowrap" dateTime={key.lastUsedAt.toISOString()}>{utcMinute(key.lastUsedAt)} UTC</time>
                ) : (
                  "Never"
                )}
              </Td>
              <Td>{key.expiresAt ? <time dateTime={key.expiresAt.toISOString()}>{utcDay(key.expiresAt)}</time> : "Never"}</Td>
              <Td><Badge className={STATUS[key.status].className}>{STATUS[key.status].label}</Badge></Td>
              <Td className="text-right">
                {key.status === "active" ? <RevokeApiKeyButton slug={slug} apiKeyId={key.id} name={key.name} prefix={key.prefix} /> : null}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
