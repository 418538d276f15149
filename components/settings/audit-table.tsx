"use client";

import { useLocale, useTranslations } from "next-intl";
import { DataTable, Td } from "@/components/ui/table";
import { auditActionKey } from "@/lib/audit/labels";
import { formatDateTime } from "@/lib/i18n/format";

export interface AuditRowView {
  id: string;
  /** ISO date-time of the event. */
  at: string;
  who: string;
  action: string;
  target: string;
  from: string;
  details: string;
}

/** One page of audit events, fed plain rows (see MembersTable for why a client component). */
export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  const t = useTranslations("audit.table");
  const labels = useTranslations("audit");
  const locale = useLocale();
  const label = (action: string) => {
    const key = auditActionKey(action);
    return labels.has(`actions.${key}` as never) ? labels(`actions.${key}` as never) : null;
  };
  return (
    <DataTable caption={t("caption")} headers={[t("when"), t("who"), t("what"), t("target"), t("from"), t("details")]}>
      {rows.map((e) => (
        <tr key={e.id}>
          <Td><time dateTime={e.at}>{formatDateTime(new Date(e.at), locale)}</time></Td>
          <Td>{e.who}</Td>
          <Td>
            {label(e.action) ? <span className="block">{label(e.action)}</span> : null}
            <span className="font-mono text-xs">{e.action}</span>
          </Td>
          <Td>{e.target}</Td>
          <Td>{e.from}</Td>
          <Td><span className="text-xs text-gray-700">{e.details}</span></Td>
        </tr>
      ))}
    </DataTable>
  );
}
