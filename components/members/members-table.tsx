"use client";

import { useTranslations } from "next-intl";
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
  /** Custom roles held now, each with its end already written out ("until 1 Dec 2026, 14:00 UTC"), if any. */
  customRoles?: { id: string; name: string; expiry: string | null }[];
  /** Whether the member signs in with two-factor authentication. */
  twoFactor: boolean;
  /** ISO date-time the member joined, and that day written in the reader's language. */
  joinedAt: string;
  joinedDay: string;
  isMe: boolean;
  canManage: boolean;
  canTransfer: boolean;
  canEditPermissions: boolean;
}

/**
 * The members table. A client component fed plain rows on purpose: the page sends 50 small records
 * instead of 50 rendered row trees, which made the page's payload about a third of what it was. Dates
 * come written out by the server, so the page's JavaScript carries no date formatting.
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
  const t = useTranslations("members.table");
  return (
    <>
      <IconSprite icons={{ [MEMBER_ACTIONS_ICON]: MoreHorizontal }} />
      <DataTable caption={t("caption")} headers={[t("headers.name"), t("headers.email"), t("headers.role"), t("headers.twoFactor"), t("headers.joined"), ""]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="font-medium">
              {row.name} {row.isMe ? <span className="font-normal text-gray-600">{t("you")}</span> : null}
            </Td>
            <Td className="text-gray-700">{row.email}</Td>
            <Td>
              <RoleBadge role={row.role} />
              {/* Custom roles held now; the permissions modal says where each permission comes from. */}
              {row.customRoles?.map((role) => (
                <Badge key={role.id} className="ml-1" title={role.expiry ?? undefined}>
                  {role.name}
                  {role.expiry ? <span className="sr-only"> ({role.expiry})</span> : null}
                  {role.expiry ? <span aria-hidden> ⏱</span> : null}
                </Badge>
              ))}
            </Td>
            <Td>
              {row.twoFactor ? (
                <Badge className="bg-green-100 text-green-900">{t("on")}</Badge>
              ) : (
                <Badge className={twoFactorRequired ? "bg-amber-100 text-amber-900" : undefined}>{t("off")}</Badge>
              )}
            </Td>
            <Td className="text-gray-700"><time dateTime={row.joinedAt}>{row.joinedDay}</time></Td>
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
