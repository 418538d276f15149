import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { SelectOption } from "@/components/ui/select";
import { DataTable, Td } from "@/components/ui/table";
import type { AccessRequestRow } from "@/lib/access-requests/queries";
import { permissionMessageId } from "@/lib/authz/permission-message-id";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locale";
import { CancelAccessRequestButton, DecideAccessRequest, RevokeAccessButton } from "./decide";
import { RequestAccessDialog } from "./request-access-dialog";


/** One table for both views: staff see who asked and decide; a requester sees the answer and may cancel. */
export function AccessRequestsTable({ slug, caption, rows, view }: { slug: string; caption: string; rows: AccessRequestRow[]; view: "staff" | "requester" }) {
  const t = useTranslations("accessRequests.table");
  const p = useTranslations("permissions");
  const locale = useLocale() as AppLocale;
  const what = (row: AccessRequestRow) => {
    const permission = p(`keys.${permissionMessageId(row.permission)}.label`);
    return row.resource ? t("whatOn", { permission, resource: row.resource }) : permission;
  };
  const columns = [t("headers.asksFor"), t("headers.reason"), t("headers.status"), t("headers.sent"), ""];
  const headers = view === "staff" ? [t("headers.member"), ...columns] : columns;
  return (
    <DataTable caption={caption} headers={headers}>
      {rows.map((row) => {
        const label = view === "staff" ? t("whatFor", { what: what(row), name: row.requester.name }) : what(row);
        return (
          <tr key={row.id}>
            {view === "staff" ? (
              <Td>
                <span className="font-medium">{row.requester.name}</span>
                <span className="block text-xs text-gray-600">{row.requester.email}</span>
              </Td>
            ) : null}
            <Td>{what(row)}</Td>
            <Td className="max-w-xs whitespace-pre-wrap break-words">{row.reason}</Td>
            <Td>
              <Badge>{t(`status.${row.status}`)}</Badge>
              {row.status === "APPROVED" ? (
                <span className="block text-xs text-gray-700">{row.expiresAt ? t("until", { when: formatDateTime(row.expiresAt, locale) }) : t("noExpiry")}</span>
              ) : null}
              {row.decidedBy && row.status !== "PENDING" ? <span className="block text-xs text-gray-700">{t("by", { name: row.decidedBy })}</span> : null}
              {row.note ? <span className="block max-w-xs break-words text-xs text-gray-700">{t("note", { note: row.note })}</span> : null}
            </Td>
            <Td>{formatDateTime(row.createdAt, locale)}</Td>
            <Td>
              {view === "staff" && row.status === "PENDING" ? <DecideAccessRequest slug={slug} request={{ id: row.id, label }} /> : null}
              {view === "staff" && row.status === "APPROVED" ? <RevokeAccessButton slug={slug} request={{ id: row.id, label }} /> : null}
              {view === "requester" && row.status === "PENDING" ? <CancelAccessRequestButton slug={slug} request={{ id: row.id, label }} /> : null}
            </Td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function GeneralAccessRequest({ slug, permissions }: { slug: string; permissions: SelectOption[] }) {
  const t = useTranslations("accessRequests.table");
  return <RequestAccessDialog slug={slug} permissions={permissions} buttonLabel={t("askButton")} variant="primary" />;
}
