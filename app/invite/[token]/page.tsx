import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { InvitationResponse } from "@/components/members/invitation-response";
import { buttonClass } from "@/components/ui/button";
import { sessionUserId } from "@/lib/authz";
import { ROLE_LABEL } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { invitationStatus, STATUS_EXPLANATION } from "@/lib/invitations/status";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invitation = await findInvitationByToken(token);
  if (!invitation) {
    return (
      <AuthShell title="Invitation not valid">
        <p className="text-sm text-gray-800">
          This invitation link is not valid. Check that you copied the whole link, or ask the person who invited you for a new invitation.
        </p>
      </AuthShell>
    );
  }
  const status = invitationStatus(invitation);
  if (status !== "pending") {
    return (
      <AuthShell title="Invitation unavailable">
        <p className="text-sm text-gray-800">
          {STATUS_EXPLANATION[status]} Ask someone in {invitation.workspace.name} for a new invitation.
        </p>
      </AuthShell>
    );
  }

  const here = `/invite/${token}`;
  const userId = await sessionUserId();
  const user = userId ? await db().user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
  const summary = (
    <p className="text-sm text-gray-800">
      <strong>{invitation.invitedBy?.name ?? "Someone"}</strong> invited <strong>{invitation.email}</strong> to join{" "}
      <strong>{invitation.workspace.name}</strong> as <strong>{ROLE_LABEL[invitation.role]}</strong>.
    </p>
  );

  return (
    <AuthShell title={`Join ${invitation.workspace.name}`}>
      <div className="space-y-4">
        {summary}
        {!user ? (
          <div className="flex flex-col gap-2">
            <Link className={buttonClass("primary")} href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
              Create an account to accept
            </Link>
            <Link className={buttonClass("secondary")} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
              I have an account: sign in
            </Link>
          </div>
        ) : user.email === invitation.email ? (
          <InvitationResponse token={token} workspaceName={invitation.workspace.name} />
        ) : (
          <div className="space-y-3">
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              This invitation is for {invitation.email}, but you are signed in as {user.email}.
            </p>
            <SignOutButton callbackUrl={here} label="Sign out and switch account" className="w-full" />
          </div>
        )}
        <p className="text-xs text-gray-600">The link expires on {invitation.expiresAt.toUTCString()}.</p>
      </div>
    </AuthShell>
  );
}
