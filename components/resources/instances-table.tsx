"use client";

import Link from "next/link";
import { restartInstanceAction } from "@/app/[workspaceSlug]/instances/actions";
import { ActionButton } from "./action-button";
import { EnvironmentBadge, StatusBadge } from "./status-badge";

export interface InstanceRowView {
  id: string;
  name: string;
  project: string;
  server: string;
  environment: string;
  status: "RUNNING" | "STOPPED" | "RESTARTING";
  /** The caller holds Restart on this instance and it is running (the server checks again). */
  canRestart: boolean;
}

/**
 * The instances list. A client component fed plain rows, like the members table: fifty rendered row
 * trees in the page's payload cost more than the rows themselves.
 */
export function InstancesTable({ slug, rows }: { slug: string; rows: InstanceRowView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm [&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2">
        <caption className="sr-only">Instances</caption>
        <thead className="border-b border-gray-200 bg-gray-50 text-gray-700">
          <tr>
            <th scope="col" className="font-medium">Name</th>
            <th scope="col" className="font-medium">Project</th>
            <th scope="col" className="font-medium">Server</th>
            <th scope="col" className="font-medium">Environment</th>
            <th scope="col" className="font-medium">Status</th>
            <th scope="col" className="font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {rows.map((row) => (
            <tr key={row.id}>
              <td><Link className="font-medium text-brand-text underline" href={`/${slug}/instances/${row.id}`}>{row.name}</Link></td>
              <td>{row.project}</td>
              <td>{row.server}</td>
              <td><EnvironmentBadge environment={row.environment} /></td>
              <td><StatusBadge status={row.status} /></td>
              <td className="text-right">
                {row.canRestart ? (
                  <ActionButton
                    action={restartInstanceAction}
                    slug={slug}
                    input={{ instanceId: row.id, mode: "soft" as const }}
                    success={`${row.name} restarted`}
                    label={`Restart ${row.name}`}
                  >
                    Restart
                  </ActionButton>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
