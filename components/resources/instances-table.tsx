"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { restartInstanceAction } from "@/lib/resources/actions";
import { DataTable, Td } from "@/components/ui/table";
import { ActionButton } from "./action-button";
import { EnvironmentBadge, StatusBadge } from "./status-badge";

export interface InstanceRowView {
  id: string;
  name: string;
  project: string;
  server: string;
  environment: "DEVELOPMENT" | "STAGING" | "PRODUCTION";
  status: "RUNNING" | "STOPPED" | "RESTARTING";
  /** The caller holds Restart on this instance and it is running (the server checks again). */
  canRestart: boolean;
}

/**
 * The instances list. A client component fed plain rows, like the members table: fifty rendered row
 * trees in the page's payload cost more than the rows themselves.
 */
export function InstancesTable({ slug, rows }: { slug: string; rows: InstanceRowView[] }) {
  const t = useTranslations("resources.instancesTable");
  const controls = useTranslations("resources.controls");
  return (
    <DataTable
      caption={t("caption")}
      headers={[t("columns.name"), t("columns.project"), t("columns.server"), t("columns.environment"), t("columns.status"), ""]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <Td><Link className="font-medium text-brand-text underline" href={`/${slug}/instances/${row.id}`}>{row.name}</Link></Td>
          <Td>{row.project}</Td>
          <Td>{row.server}</Td>
          <Td><EnvironmentBadge environment={row.environment} /></Td>
          <Td><StatusBadge status={row.status} /></Td>
          <Td className="text-right">
            {row.canRestart ? (
              <ActionButton
                action={restartInstanceAction}
                slug={slug}
                input={{ instanceId: row.id, mode: "soft" as const }}
                success={controls("restart.success", { name: row.name })}
                label={controls("restart.label", { name: row.name })}
              >
                {controls("restart.button")}
              </ActionButton>
            ) : null}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
