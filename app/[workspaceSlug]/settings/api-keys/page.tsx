import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { listApiKeys, type ApiKeyStatus } from "@/lib/api-keys/queries";
import { requireMember, requirePermission } from "@/lib/authz";
import { formatDate, formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys.page");
  return { title: t("title") };
}

const STATUS_CLASS: Record<ApiKeyStatus, string> = {
  active: "bg-green-100 text-green-900",
  expired: "bg-amber-100 text-amber-900",
  revoked: "bg-gray-200 text-gray-900",
};

const codeClass = "rounded bg-gray-100 px-1 py-0.5 font-mono text-xs text-gray-900";

export default async function ApiKeysSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/api-keys">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "api.use");
  const manage = ctx.can("apiKeys.manage");
  const keys = await listApiKeys(ctx);
  const slug = ctx.workspace.slug;
  const t = await getTranslations("apiKeys.page");
  const k = await getTranslations("apiKeys");
  const locale = await getLocale();
  const code = (chunks: ReactNode) => <code className={codeClass}>{chunks}</code>;
  const reference = (chunks: ReactNode) => (
    <a className="font-medium text-gray-900 underline" href="/api/v1/reference">
      {chunks}
    </a>
  );
  return (
    <section aria-labelledby="api-keys-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="api-keys-heading" className="text-lg font-semibold">{t("heading")}</h2>
        <CreateApiKeyDialog slug={slug} canWrite={manage} />
      </div>
      <div className="max-w-3xl space-y-2 text-sm text-gray-700">
        <p>{t("intro")}</p>
        <p>{t.rich("usage", { code, reference })}</p>
        <p>{manage ? t("seeAll") : t("seeOwn")}</p>
      </div>
      {keys.length === 0 ? (
        <div className="rounded-lg border border-dashed border-gray-300 bg-white p-6 text-center">
          <p className="font-medium text-gray-900">{t("emptyTitle")}</p>
          <p className="mt-1 text-sm text-gray-700">{t("empty")}</p>
        </div>
      ) : (
        <DataTable
          caption={t("caption")}
          headers={[
            t("headers.name"),
            t("headers.key"),
            t("headers.access"),
            t("headers.createdBy"),
            t("headers.created"),
            t("headers.lastUsed"),
            t("headers.expires"),
            t("headers.status"),
            "",
          ]}
        >
          {keys.map((key) => (
            <tr key={key.id}>
              <Td className="font-medium text-gray-900">{key.name}</Td>
              <Td><span className="whitespace-nowrap font-mono text-xs">{key.prefix}…</span></Td>
              <Td>{k(`access.${key.access}`)}</Td>
              <Td>{key.createdBy.id === ctx.user.id ? t("you", { name: key.createdBy.name }) : key.createdBy.name}</Td>
              <Td><time dateTime={key.createdAt.toISOString()}>{formatDate(key.createdAt, locale)}</time></Td>
              <Td>
                {key.lastUsedAt ? (
                  <time className="whitespace-nowrap" dateTime={key.lastUsedAt.toISOString()}>{formatDateTime(key.lastUsedAt, locale)}</time>
                ) : (
                  t("never")
                )}
              </Td>
              <Td>{key.expiresAt ? <time dateTime={key.expiresAt.toISOString()}>{formatDate(key.expiresAt, locale)}</time> : t("never")}</Td>
              <Td><Badge className={STATUS_CLASS[key.status]}>{k(`status.${key.status}`)}</Badge></Td>
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
