"use client";

import { DataTable, Td } from "@/components/ui/table";

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
  return (
    <DataTable caption="Audit events" headers={["When", "Who", "What", "Target", "From", "Details"]}>
      {rows.map((e) => (
        <tr key={e.id}>
          <Td><time dateTime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time></Td>
          <Td>{e.who}</Td>
          <Td><span className="font-mono text-xs">{e.action}</span></Td>
          <Td>{e.target}</Td>
          <Td>{e.from}</Td>
          <Td><span className="text-xs text-gray-700">{e.details}</span></Td>
        </tr>
      ))}
    </DataTable>
  );
}
