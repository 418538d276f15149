"use client";

import type { SelectOption } from "@/components/ui/select";
import { RoleBadge } from "@/components/workspaces/role-badge";
import type { Role } from "@/generated/prisma/enums";
import { MoreHorizontal } from "lucide-react";
import { IconSprite } from "@/components/ui/icon-sprite";
import { Badge } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { MEMBER_ACTIONS_ICON, MemberActions } from "./member-actions";

export interface MemberRowView {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Whether the member signs in with two-factor authentication. */
  twoFactor: boolean;
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
export function MembersTable({
  slug,
  rows,
  grantableRoles,
  emptyText,
  twoFactorRequired = false,
}: {
  slug: string;
  rows: MemberRowView[];
  grantableRoles: SelectOption[];
  emptyText: string;
  /** The workspace requires 2FA: a member without it is marked, since they can't open the workspace. */
  twoFactorRequired?: boolean;
}) {
  return (
    <>
      <IconSprite icons={{ [MEMBER_ACTIONS_ICON]: MoreHorizontal }} />
      <DataTable caption="Members" headers={["Name", "Email", "Role", "Two-factor", "Joined", ""]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="font-medium">
              {row.name} {row.isMe ? <span className="font-normal text-gray-600">(you)</span> : null}
            </Td>
            <Td className="text-gray-700">{row.email}</Td>
            <Td><RoleBadge role={row.role} /></Td>
            <Td>
              {row.twoFactor ? (
                <Badge className="bg-green-100 text-green-900">On</Badge>
              ) : (
                <Badge className={twoFactorRequired ? "bg-amber-100 text-amber-900" : undefined}>Off</Badge>
              )}
            </Td>
            <Td className="text-gray-700"><time dateTime={row.joinedAt}>{row.joinedAt.slice(0, 10)}</time></Td>
            <Td className="text-right">
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
            </Td>
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr><td colSpan={6} className="py-6 text-center text-gray-700">{emptyText}</td></tr>
        ) : null}
      </DataTable>
    </>
  );
}
