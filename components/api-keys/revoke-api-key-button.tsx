"use client";

import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { ActionButton } from "@/components/resources/action-button";

/** Revokes one key after a confirm dialog; the server re-checks that the caller may revoke it. */
export function RevokeApiKeyButton({ slug, apiKeyId, name, prefix }: { slug: string; apiKeyId: string; name: string; prefix: string }) {
  const t = useTranslations("apiKeys.revoke");
  return (
    <ActionButton
      action={revokeApiKeyAction}
      slug={slug}
      input={{ apiKeyId }}
      label={t("label", { name, prefix })}
      success={t("success", { name })}
      confirm={{ title: t("title", { name }), description: t("description", { prefix }), confirmLabel: t("confirm") }}
    >
      {t("button")}
    </ActionButton>
  );
}
