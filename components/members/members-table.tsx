"use client";

import type { SelectOption } from "@/components/ui/select";
import { RoleBadge } from "@/components/workspaces/role-badge";
import type { Role } from "@/generated/prisma/enums";
import { MoreHorizontal } from "lucide-react";
import { IconSprite } from "@/components/ui/icon-sprite";
import { MEMBER_ACTIONS_ICON, MemberActions } from "./member-actions";

export interface MemberRowView {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** ISO date-time the member joined. */
  joinedAt: string;
  isMe: boolean;
  canManage: boolean;
  canTransfer: boolean;
  canEditPermissions: boolean;
}

/**
 * The members table. A client component fed plain rows on purpose: the page sends 50 small records
 * instead of 50 rendered row trees, which made the page's payload about a third of what it was.
 */
export function MembersTable({ slug, rows, grantableRoles, emptyText }: { slug: string; rows: MemberRowView[]; grantableRoles: SelectOption[]; emptyText: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <IconSprite icons={{ [MEMBER_ACTIONS_ICON]: MoreHorizontal }} />
      <table className="w-full text-left text-sm [&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2">
        <caption className="sr-only">Members</caption>
        <thead className="border-b border-gray-200 bg-gray-50 text-gray-700">
          <tr>
            <th scope="col" className="font-medium">Name</th>
            <th scope="col" className="font-medium">Email</th>
            <th scope="col" className="font-medium">Role</th>
            <th scope="col" className="font-medium">Joined</th>
            <th scope="col" className="font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200 text-gray-700">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="font-medium text-gray-900">
                {row.name} {row.isMe ? <span className="text-gray-600">(you)</span> : null}
              </td>
              <td>{row.email}</td>
              <td><RoleBadge role={row.role} /></td>
              <td><time dateTime={row.joinedAt}>{row.joinedAt.slice(0, 10)}</time></td>
              <td className="text-right">
                {row.canManage || row.canTransfer ? (
                  <MemberActions
                    slug={slug}
                    member={{ id: row.id, name: row.name, email: row.email, role: row.role }}
                    grantableRoles={grantableRoles}
                    canManage={row.canManage}
                    canTransfer={row.canTransfer}
                    canEditPermissions={row.canEditPermissions}
                  />
                ) : null}
              </td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr><td colSpan={5} className="py-6 text-center">{emptyText}</td></tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
