"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ButtonVariant } from "@/components/ui/button";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { SelectOption } from "@/components/ui/select";
import type { GrantableKey } from "@/lib/authz/permissions";
import { permissionMessageId } from "@/lib/authz/permission-message-id";
import type { AccessResourceKind } from "@/lib/access-requests/schemas";
import { lazyNamed } from "@/components/ui/lazy-named";

// The dialog, its form, schema and Radix load on the button's first pointer-over, focus or click.
const loadModal = () => import("./request-access-modal");
const RequestAccessModal = lazyNamed(loadModal, "RequestAccessModal");

/**
 * "Request access": where a member below Admin meets a list that is empty for them or an action they
 * lack. The resource (if any) rides along unseen; they choose the permission and say why. Owners and
 * admins are emailed, and the request shows under Settings → Access requests.
 */
export function RequestAccessDialog({
  slug,
  resource,
  permissions,
  defaultPermission,
  buttonLabel,
  variant = "secondary",
}: {
  slug: string;
  /** The resource the request is about, with the name the member already sees; none: in general. */
  resource?: { kind: AccessResourceKind; id: string; name: string };
  /** The permissions offered, each one the member lacks here. */
  permissions: SelectOption[];
  defaultPermission?: string;
  buttonLabel?: string;
  variant?: ButtonVariant;
}) {
  const t = useTranslations("accessRequests.request");
  const p = useTranslations("permissions");
  // The options' values are permission keys; their labels are read from the catalog in the reader's language.
  const options = permissions.map((option) => ({ ...option, label: p(`keys.${permissionMessageId(option.value as GrantableKey)}.label`) }));
  return (
    <LazyDialogButton
      variant={variant}
      preload={loadModal}
      dialog={(close) => <RequestAccessModal slug={slug} resource={resource} options={options} defaultPermission={defaultPermission} onClose={close} />}
    >
      <KeyRound aria-hidden className="size-4" />
      {buttonLabel ?? t("button")}
    </LazyDialogButton>
  );
}
