import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { emailVerification } from "@/lib/accounts/queries";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { MakeDefaultButton } from "@/components/workspaces/make-default-button";
import { RestoreWorkspaceButton } from "@/components/workspaces/restore-workspace-button";
import { RoleBadge } from "@/components/workspaces/role-badge";
import { WorkspaceMark } from "@/components/workspaces/workspace-mark";
import { requireUserId } from "@/lib/authz";
import { utcMinute } from "@/lib/dates";
import { listRestorableWorkspaces, listWorkspacesForUser } from "@/lib/workspaces/queries";

export const metadata: Metadata = { title: "Your workspaces" };

export default async function SelectWorkspacePage() {
  const userId = await requireUserId();
  const [workspaces, deleted, verification] = await Promise.all([
    listWorkspacesForUser(userId),
    listRestorableWorkspaces(userId),
    emailVerification(userId),
  ]);
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Your workspaces</h1>
        <div className="flex items-center gap-2">
          <Link href="/workspace/new" className={buttonClass("primary")}>
            <Plus aria-hidden className="size-4" />
            New workspace
          </Link>
          <Link href="/account" className={buttonClass("secondary")}>
            Account
          </Link>
          <SignOutButton />
        </div>
      </div>
      <div className="mt-6 empty:hidden">
        <VerifyEmailBanner account={verification && { email: verification.email, emailVerified: verification.emailVerifiedAt !== null }} />
      </div>
      <ul className="mt-6 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white" aria-label="Workspaces">
        {workspaces.map((workspace) => (
          <li key={workspace.id} className="flex items-center gap-3 px-4 py-3">
            <WorkspaceMark name={workspace.name} />
            <div className="min-w-0 flex-1">
              <Link href={`/${workspace.slug}`} className="font-medium text-gray-900 hover:underline">
                {workspace.name}
              </Link>
              <p className="truncate text-sm text-gray-600">/{workspace.slug}</p>
            </div>
            <RoleBadge role={workspace.role} />
            {workspace.isDefault ? (
              <Badge className="bg-indigo-100 text-indigo-900">Default</Badge>
            ) : (
              <MakeDefaultButton workspaceId={workspace.id} workspaceName={workspace.name} />
            )}
          </li>
        ))}
      </ul>
      {deleted.length > 0 ? (
        <section aria-labelledby="deleted-heading" className="mt-10">
          <h2 id="deleted-heading" className="text-lg font-semibold">Recently deleted</h2>
          <p className="mt-1 text-sm text-gray-700">
            Workspaces you own that were deleted. Nobody can open them; restore one to bring it back as it was, with its
            members, resources and settings. Invitations and API keys that the deletion revoked stay revoked: invite again
            and create new keys.
          </p>
          <ul className="mt-4 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white" aria-label="Recently deleted workspaces">
            {deleted.map((workspace) => (
              <li key={workspace.id} className="flex items-center gap-3 px-4 py-3">
                <WorkspaceMark name={workspace.name} />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-gray-900">{workspace.name}</p>
                  <p className="text-sm text-gray-600">/{workspace.slug}, deleted {utcMinute(workspace.deletedAt)} UTC</p>
                  <p className="text-sm text-gray-800">
                    Deleted for good on <time dateTime={workspace.purgeAfter.toISOString()}>{utcMinute(workspace.purgeAfter)} UTC</time> unless restored
                  </p>
                </div>
                <RestoreWorkspaceButton workspaceId={workspace.id} workspaceName={workspace.name} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
