"use client";

import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { ActionButton } from "@/components/resources/action-button";

/** Revokes one key after a confirm dialog; the server re-checks that the caller may revoke it. */
export function RevokeApiKeyButton({ slug, apiKeyId, name, prefix }: { slug: string; apiKeyId: string; name: string; prefix: string }) {
  return (
    <ActionButton
      action={revokeApiKeyAction}
      slug={slug}
      input={{ apiKeyId }}
      label={`Revoke API key ${name} (${prefix}…)`}
      success={`${name} was revoked`}
      confirm={{
        title: `Revoke ${name}?`,
        description: `Requests made with ${prefix}… are refused from now on, with 401 Unauthorized. This cannot be undone: whatever uses the key needs a new one.`,
        confirmLabel: "Revoke key",
      }}
    >
      Revoke
    </ActionButton>
  );
}
