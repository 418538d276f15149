import type { Metadata } from "next";
import { InvitationActions } from "@/components/members/invitation-actions";
import { Badge } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { DataTable, Td } from "@/components/ui/table";
import { RoleBadge } from "@/components/workspaces/role-badge";
import { requireMember, requirePermission } from "@/lib/authz";
import { mailIsRecorded } from "@/lib/email";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { utcDay, utcMinute } from "@/lib/dates";
import type { EmailState } from "@/lib/email/outbox";
import { PageQuerySchema } from "@/lib/schemas";

export const metadata: Metadata = { title: "Pending invitations" };

export default async function PendingInvitationsPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/members/invitations">) {
  const { workspaceSlug } = await params;
  const { page } = PageQuerySchema.parse(await searchParams);
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "members.invite");
  const slug = ctx.workspace.slug;
  const pending = await listPendingInvitations(ctx.workspace.id, page);
  const offerCopyLink = mailIsRecorded();

  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="text-lg font-semibold">
        Pending invitations <span className="text-sm font-normal text-gray-600">({pending.total})</span>
      </h2>
      {pending.invitations.length === 0 ? (
        <p className="text-sm text-gray-700">No pending invitations.</p>
      ) : (
        <DataTable caption="Pending invitations" headers={["Email", "Role", "Invited by", "Invitation email", "Expires", ""]}>
          {pending.invitations.map((inv) => (
            <tr key={inv.id}>
              <Td>{inv.email}</Td>
              <Td><RoleBadge role={inv.role} /></Td>
              <Td className="text-gray-700">{inv.invitedBy?.name ?? "—"}</Td>
              <Td className="text-gray-700"><EmailDelivery delivery={inv.delivery} lastSentAt={inv.lastSentAt} /></Td>
              <Td className="text-gray-700">
                {inv.status === "expired" ? <Badge className="bg-amber-100 text-amber-900">Expired</Badge> : utcDay(inv.expiresAt)}
              </Td>
              <Td>
                <InvitationActions slug={slug} invitation={{ id: inv.id, email: inv.email, status: inv.status }} offerCopyLink={offerCopyLink} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination label="Invitation pages" page={pending.page} pageCount={pending.pageCount} href={(n) => `/${slug}/settings/members/invitations?page=${n}`} />
    </section>
  );
}

const STATE_BADGE: Record<EmailState, { label: string; className: string }> = {
  sending: { label: "Sending", className: "bg-blue-100 text-blue-900" },
  sent: { label: "Sent", className: "bg-green-100 text-green-900" },
  retrying: { label: "Failed, retrying", className: "bg-amber-100 text-amber-900" },
  failed: { label: "Failed", className: "bg-red-100 text-red-900" },
};

/** Where the invitation's latest email stands in the outbox, with the reason when it failed. */
function EmailDelivery({
  delivery,
  lastSentAt,
}: {
  delivery: { state: EmailState; lastError: string | null; nextAttemptAt: Date } | null;
  lastSentAt: Date | null;
}) {
  if (!delivery) return <>{lastSentAt ? utcDay(lastSentAt) : "Not sent"}</>;
  const badge = STATE_BADGE[delivery.state];
  return (
    <div className="space-y-1">
      <Badge className={badge.className}>{badge.label}</Badge>
      {delivery.state === "sent" && lastSentAt ? <p className="text-xs">{utcDay(lastSentAt)}</p> : null}
      {delivery.state === "retrying" ? (
        <p className="text-xs">
          {delivery.lastError}. Next try {utcMinute(delivery.nextAttemptAt)} UTC.
        </p>
      ) : null}
      {delivery.state === "failed" ? <p className="text-xs text-red-800">{delivery.lastError}. Use Send again.</p> : null}
    </div>
  );
}
