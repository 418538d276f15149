import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { Search } from "lucide-react";
import { InvitationActions } from "@/components/members/invitation-actions";
import { GrantOptionsProvider } from "@/components/permissions/grant-options-context";
import { InviteMembersDialog } from "@/components/members/invite-members-dialog";
import { LeaveWorkspaceButton } from "@/components/members/leave-workspace-button";
import { MemberActions } from "@/components/members/member-actions";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { RoleBadge } from "@/components/workspaces/role-badge";
import { requireMember, requirePermission } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { ROLE_LABEL, ROLE_RANK } from "@/lib/authz/permissions";
import { mailIsRecorded } from "@/lib/email";
import { INVITABLE_ROLES } from "@/lib/invitations/schemas";
import { listPendingInvitations } from "@/lib/invitations/service";
import { listMembers } from "@/lib/members/service";
import { toGrantFields } from "@/lib/teams/schemas";
import { grantOptions } from "@/lib/teams/service";

export const metadata: Metadata = { title: "Members" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function MembersSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<{ q?: string; page?: string; invitations?: string }>;
}) {
  const { workspaceSlug } = await params;
  const { q, page, invitations: invitationsPage } = await searchParams;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "members.read");
  const slug = ctx.workspace.slug;
  const myRole = ctx.membership.role;
  const canInvite = ctx.can("members.invite");
  const canManage = ctx.can("members.manage");
  const grantableRoles = INVITABLE_ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[myRole]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));
  const search = typeof q === "string" ? q.slice(0, 100) : "";
  const [list, pending, options] = await Promise.all([
    listMembers(ctx.workspace.id, { search, page: Number(page) || 1 }),
    canInvite ? listPendingInvitations(ctx.workspace.id, Number(invitationsPage) || 1) : Promise.resolve(null),
    canManage ? grantOptions(ctx) : Promise.resolve(null),
  ]);
  const pageHref = (n: number) => `/${slug}/settings/members?${queryString({ q: search, page: n })}`;
  const invitations = pending?.invitations ?? [];

  return (
    <GrantOptionsProvider options={options}>
    <div className="space-y-8">
      <section aria-labelledby="members-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="members-heading" className="text-lg font-semibold">
            Members <span className="text-sm font-normal text-gray-600">({list.total})</span>
          </h2>
          <div className="flex gap-2">
            {myRole !== "OWNER" ? <LeaveWorkspaceButton slug={slug} workspaceName={ctx.workspace.name} /> : null}
            {canInvite ? <InviteMembersDialog slug={slug} roles={grantableRoles} /> : null}
          </div>
        </div>
        <form role="search" action={`/${slug}/settings/members`} className="flex max-w-md gap-2">
          <label htmlFor="member-search" className="sr-only">Search members by name or email</label>
          <input id="member-search" name="q" defaultValue={search} placeholder="Search by name or email" className={inputClass} />
          <button type="submit" className={buttonClass("secondary")}>
            <Search aria-hidden className="size-4" /> Search
          </button>
        </form>
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-gray-200 bg-gray-50 text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Role</th>
                <th scope="col" className="px-4 py-2 font-medium">Joined</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200">
              {list.members.map((member) => {
                const isMe = member.user.id === ctx.user.id;
                const manageable = canManage && !isMe && member.role !== "OWNER" && ROLE_RANK[member.role] <= ROLE_RANK[myRole];
                const transferable = myRole === "OWNER" && !isMe && ctx.workspace.kind !== "PERSONAL";
                return (
                  <tr key={member.id}>
                    <td className="px-4 py-2 font-medium">
                      {member.user.name} {isMe ? <span className="text-gray-600">(you)</span> : null}
                    </td>
                    <td className="px-4 py-2 text-gray-700">{member.user.email}</td>
                    <td className="px-4 py-2"><RoleBadge role={member.role} /></td>
                    <td className="px-4 py-2 text-gray-700"><time dateTime={member.createdAt.toISOString()}>{day(member.createdAt)}</time></td>
                    <td className="px-4 py-2 text-right">
                      {manageable || transferable ? (
                        <MemberActions
                          slug={slug}
                          member={{ id: member.id, name: member.user.name, email: member.user.email, role: member.role }}
                          grantableRoles={grantableRoles}
                          canManage={manageable}
                          canTransfer={transferable}
                          grant={options && (member.role === "DEVELOPER" || member.role === "VIEWER") ? toGrantFields(member.grant) : undefined}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
              {list.members.length === 0 ? (
                <tr><td colSpan={5} className="px-4 py-6 text-center text-gray-700">No member matches “{search}”.</td></tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <Pagination label="Members pages" page={list.page} pageCount={list.pageCount} href={(n) => pageHref(n)} />
      </section>

      {canInvite ? (
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-lg font-semibold">
            Pending invitations <span className="text-sm font-normal text-gray-600">({pending?.total ?? 0})</span>
          </h2>
          {invitations.length === 0 ? (
            <p className="text-sm text-gray-700">No pending invitations.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-gray-200 bg-gray-50 text-gray-700">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">Email</th>
                    <th scope="col" className="px-4 py-2 font-medium">Role</th>
                    <th scope="col" className="px-4 py-2 font-medium">Invited by</th>
                    <th scope="col" className="px-4 py-2 font-medium">Sent</th>
                    <th scope="col" className="px-4 py-2 font-medium">Expires</th>
                    <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-200">
                  {invitations.map((inv) => (
                    <tr key={inv.id}>
                      <td className="px-4 py-2">
                        {inv.email}
                        {inv.sendError ? <p className="text-xs text-red-700">Email failed: {inv.sendError}</p> : null}
                      </td>
                      <td className="px-4 py-2"><RoleBadge role={inv.role} /></td>
                      <td className="px-4 py-2 text-gray-700">{inv.invitedBy?.name ?? "—"}</td>
                      <td className="px-4 py-2 text-gray-700">{inv.lastSentAt ? day(inv.lastSentAt) : "Not sent"}</td>
                      <td className="px-4 py-2 text-gray-700">
                        {inv.status === "expired" ? <Badge className="bg-amber-100 text-amber-900">Expired</Badge> : day(inv.expiresAt)}
                      </td>
                      <td className="px-4 py-2">
                        <InvitationActions slug={slug} invitation={{ id: inv.id, email: inv.email, status: inv.status }} offerCopyLink={mailIsRecorded()} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pending ? (
            <Pagination
              label="Invitation pages"
              page={pending.page}
              pageCount={pending.pageCount}
              href={(n) => `/${slug}/settings/members?${queryString({ q: search, invitations: n })}`}
            />
          ) : null}
        </section>
      ) : null}
    </div>
    </GrantOptionsProvider>
  );
}
