"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SchemaForm } from "@/components/resources/schema-form";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { SelectOption } from "@/components/ui/select";
import { requestAccessAction } from "@/lib/access-requests/actions";
import { permissionMessageId, type GrantableKey } from "@/lib/authz/permissions";
import { CreateAccessRequestSchema, type AccessResourceKind, type CreateAccessRequestInput } from "@/lib/access-requests/schemas";

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
  const [open, setOpen] = useState(false);
  // The options' values are permission keys; their labels are read from the catalog in the reader's language.
  const options = permissions.map((option) => ({ ...option, label: p(`keys.${permissionMessageId(option.value as GrantableKey)}.label`) }));
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <KeyRound aria-hidden className="size-4" />
        {buttonLabel ?? t("button")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={resource ? t("titleFor", { kind: resource.kind, name: resource.name }) : t("title")}
        description={t("description")}
      >
        <SchemaForm
          schema={CreateAccessRequestSchema}
          fields={[
            { name: "permission", label: t("permission"), kind: "select", options, placeholder: t("choosePermission") },
            { name: "reason", label: t("reason"), kind: "textarea", hint: t("reasonHint") },
          ]}
          defaultValues={{ permission: defaultPermission as CreateAccessRequestInput["permission"] | undefined, reason: "" }}
          fixed={{ resourceKind: resource?.kind ?? "", resourceId: resource?.id ?? "" }}
          action={(input) => requestAccessAction(slug, input)}
          submitLabel={t("submit")}
          success={(data) => (data.existing ? t("existing") : t("sent"))}
          onSuccess={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}
