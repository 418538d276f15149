import type { Metadata } from "next";
import { ColorForm, DeleteWorkspaceButton, GeneralDetailsForm, LogoForm, RenameSlugForm } from "@/components/settings/general-forms";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TwoFactorRequirementSwitch } from "@/components/settings/two-factor-requirement";
import { MakeDefaultButton } from "@/components/workspaces/make-default-button";
import { requireMember, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { DEFAULT_BRAND } from "@/lib/workspaces/color";
import { deletionBlockers } from "@/lib/workspaces/queries";
import { workspaceRestoreDays } from "@/lib/workspaces/retention";
import { membersWithoutTwoFactor } from "@/lib/two-factor/queries";

export const metadata: Metadata = { title: "General settings" };

const KIND_LABEL = { PERSONAL: "Personal", PROJECT: "Project", ENVIRONMENT: "Environment" } as const;

export default async function GeneralSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/general">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "workspace.read");
  const { workspace } = ctx;
  const canEdit = ctx.can("workspace.update");
  const restoreDays = workspaceRestoreDays();
  const [me, blockers, withoutTwoFactor] = await Promise.all([
    db().user.findUnique({ where: { id: ctx.user.id }, select: { defaultWorkspaceId: true } }),
    ctx.can("workspace.delete") ? deletionBlockers(db(), workspace.id) : Promise.resolve([]),
    canEdit ? membersWithoutTwoFactor(workspace.id) : Promise.resolve(0),
  ]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="text-lg font-semibold">Details</h2>
        {canEdit ? (
          <div className="mt-3"><GeneralDetailsForm slug={workspace.slug} name={workspace.name} description={workspace.description} /></div>
        ) : (
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-gray-700">Name</dt>
            <dd>{workspace.name}</dd>
            <dt className="text-gray-700">Description</dt>
            <dd>{workspace.description || "—"}</dd>
          </dl>
        )}
        <p className="mt-3 text-sm text-gray-700">
          Kind: {KIND_LABEL[workspace.kind]}
          {workspace.stage ? ` (${workspace.stage.toLowerCase()})` : ""}
        </p>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Address</h2>
        {canEdit ? (
          <div className="mt-3"><RenameSlugForm slug={workspace.slug} /></div>
        ) : (
          <p className="mt-3 text-sm">/{workspace.slug}</p>
        )}
        <div className="mt-4 border-t border-gray-200 pt-4">
          {me?.defaultWorkspaceId === workspace.id ? (
            <p className="text-sm text-gray-700">This is your default workspace: you land here after signing in.</p>
          ) : (
            <div className="flex items-center justify-between gap-3">
              <p className="text-sm text-gray-700">Land here after signing in.</p>
              <MakeDefaultButton workspaceId={workspace.id} workspaceName={workspace.name} label="Make this my default workspace" />
            </div>
          )}
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Security</h2>
        {canEdit ? (
          <div className="mt-3">
            <TwoFactorRequirementSwitch
              slug={workspace.slug}
              required={workspace.requireTwoFactor}
              membersWithout={withoutTwoFactor}
              selfHasTwoFactor={ctx.user.twoFactorEnabled}
            />
          </div>
        ) : (
          <p className="mt-3 text-sm text-gray-800">
            {workspace.requireTwoFactor
              ? "Members must have two-factor authentication on to open this workspace."
              : "Two-factor authentication is up to each member."}
          </p>
        )}
      </Card>
      {canEdit ? (
        <>
          <Card>
            <h2 className="text-lg font-semibold">Logo</h2>
            <div className="mt-3"><LogoForm slug={workspace.slug} hasLogo={Boolean(workspace.logoType)} /></div>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Primary colour</h2>
            <div className="mt-3"><ColorForm slug={workspace.slug} color={workspace.color ?? DEFAULT_BRAND} /></div>
          </Card>
        </>
      ) : null}
      {ctx.can("workspace.delete") && workspace.kind !== "PERSONAL" ? (
        <Card className="border-red-300 lg:col-span-2">
          <h2 className="text-lg font-semibold text-red-800">Danger zone</h2>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 pb-4">
            <p className="max-w-prose text-sm text-gray-800">
              Download everything in this workspace as one JSON file: members and roles, teams and permissions, resources,
              settings (without secrets) and the whole audit log. Do it before deleting, or any time.
            </p>
            <ExportLink slug={workspace.slug} />
          </div>
          {blockers.length > 0 ? (
            <div className="mt-4 text-sm text-gray-800">
              <p>This workspace can&apos;t be deleted while it holds:</p>
              <ul className="ml-5 list-disc" aria-label="What blocks deletion">
                {blockers.map((b) => <li key={b}>{b}</li>)}
              </ul>
            </div>
          ) : (
            <p className="mt-4 text-sm text-gray-800">
              Deleting closes the workspace for every member at once and revokes its pending invitations and API keys.
              You can restore it from Your workspaces for {restoreDays === 1 ? "1 day" : `${restoreDays} days`}; then it is deleted for good. Those who had it as
              default land in their personal workspace.
            </p>
          )}
          <div className="mt-3"><DeleteWorkspaceButton slug={workspace.slug} name={workspace.name} blockers={blockers} restoreDays={restoreDays} /></div>
        </Card>
      ) : ctx.can("workspace.delete") ? (
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">Export</h2>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
            <p className="max-w-prose text-sm text-gray-800">
              Download everything in this workspace as one JSON file: members, resources, settings (without secrets) and the whole audit log.
            </p>
            <ExportLink slug={workspace.slug} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function ExportLink({ slug }: { slug: string }) {
  return (
    <a className={buttonClass("secondary")} href={`/${slug}/settings/general/export`} download>
      Download export (JSON)
    </a>
  );
}
