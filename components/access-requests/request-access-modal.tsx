"use client";

import { useTranslations } from "next-intl";
import { SchemaForm } from "@/components/resources/schema-form";
import { Dialog } from "@/components/ui/dialog";
import type { SelectOption } from "@/components/ui/select";
import { requestAccessAction } from "@/lib/access-requests/actions";
import { CreateAccessRequestSchema, type AccessResourceKind, type CreateAccessRequestInput } from "@/lib/access-requests/schemas";

/** The dialog of RequestAccessDialog (./request-access-dialog.tsx), loaded on its button's first pointer-over, focus or click. */
export function RequestAccessModal({
  slug,
  resource,
  options,
  defaultPermission,
  onClose,
}: {
  slug: string;
  resource?: { kind: AccessResourceKind; id: string; name: string };
  /** The permissions offered, labelled in the reader's language. */
  options: SelectOption[];
  defaultPermission?: string;
  onClose: () => void;
}) {
  const t = useTranslations("accessRequests.request");
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
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
        onSuccess={onClose}
      />
    </Dialog>
  );
}
