import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ColorForm, DeleteWorkspaceButton, GeneralDetailsForm, LogoForm, RenameSlugForm } from "@/components/settings/general-forms";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TwoFactorRequirementSwitch } from "@/components/settings/two-factor-requirement";
import { MakeDefaultButton } from "@/components/workspaces/make-default-button";
import { COUNT_CAP } from "@/lib/api/pagination";
import { requireMember, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { DEFAULT_BRAND } from "@/lib/workspaces/color";
import { deletionBlockers } from "@/lib/workspaces/queries";
import { workspaceRestoreDays } from "@/lib/workspaces/retention";
import { membersWithoutTwoFactor } from "@/lib/two-factor/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("general");
  return { title: t("title") };
}

export default async function GeneralSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/general">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "workspace.read");
  const { workspace } = ctx;
  const t = await getTranslations("general");
  const tw = await getTranslations("workspaces");
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
        <h2 className="text-lg font-semibold">{t("details.heading")}</h2>
        {canEdit ? (
          <div className="mt-3"><GeneralDetailsForm slug={workspace.slug} name={workspace.name} description={workspace.description} /></div>
        ) : (
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-gray-700">{t("details.name")}</dt>
            <dd>{workspace.name}</dd>
            <dt className="text-gray-700">{t("details.description")}</dt>
            <dd>{workspace.description || "—"}</dd>
          </dl>
        )}
        <p className="mt-3 text-sm text-gray-700">
          {workspace.stage
            ? t("details.kindWithStage", { kind: tw(`kinds.${workspace.kind}`), stage: tw(`stagesInline.${workspace.stage}`) })
            : t("details.kind", { kind: tw(`kinds.${workspace.kind}`) })}
        </p>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("address.heading")}</h2>
        {canEdit ? (
          <div className="mt-3"><RenameSlugForm slug={workspace.slug} /></div>
        ) : (
          <p className="mt-3 text-sm">/{workspace.slug}</p>
        )}
        <div className="mt-4 border-t border-gray-200 pt-4">
          {me?.defaultWorkspaceId === workspace.id ? (
            <p className="text-sm text-gray-700">{t("address.isDefault")}</p>
          ) : (
            <div className="flex items-center justify-between gap-3">
              <p className="text-sm text-gray-700">{t("address.landHere")}</p>
              <MakeDefaultButton workspaceId={workspace.id} workspaceName={workspace.name} label={t("address.makeDefault")} />
            </div>
          )}
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("security.heading")}</h2>
        {canEdit ? (
          <div className="mt-3">
            <TwoFactorRequirementSwitch
              slug={workspace.slug}
              required={workspace.requireTwoFactor}
              membersWithout={Math.min(withoutTwoFactor, COUNT_CAP)}
              membersWithoutCapped={withoutTwoFactor > COUNT_CAP}
              selfHasTwoFactor={ctx.user.twoFactorEnabled}
            />
          </div>
        ) : (
          <p className="mt-3 text-sm text-gray-800">
            {workspace.requireTwoFactor ? t("security.required") : t("security.optional")}
          </p>
        )}
      </Card>
      {canEdit ? (
        <>
          <Card>
            <h2 className="text-lg font-semibold">{t("logo.heading")}</h2>
            <div className="mt-3"><LogoForm slug={workspace.slug} hasLogo={Boolean(workspace.logoType)} /></div>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("colour.heading")}</h2>
            <div className="mt-3"><ColorForm slug={workspace.slug} color={workspace.color ?? DEFAULT_BRAND} /></div>
          </Card>
        </>
      ) : null}
      {ctx.can("workspace.delete") && workspace.kind !== "PERSONAL" ? (
        <Card className="border-red-300 lg:col-span-2">
          <h2 className="text-lg font-semibold text-red-800">{t("danger.heading")}</h2>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 pb-4">
            <p className="max-w-prose text-sm text-gray-800">{t("danger.exportIntro")}</p>
            <ExportLink slug={workspace.slug} label={t("export.link")} />
          </div>
          {blockers.length > 0 ? (
            <div className="mt-4 text-sm text-gray-800">
              <p>{t("danger.blockedIntro")}</p>
              <ul className="ml-5 list-disc" aria-label={t("danger.blockersLabel")}>
                {blockers.map((b) => <li key={b.kind}>{t(`danger.blockers.${b.kind}`, { count: b.count })}</li>)}
              </ul>
            </div>
          ) : (
            <p className="mt-4 text-sm text-gray-800">{t("danger.deleteIntro", { days: restoreDays })}</p>
          )}
          <div className="mt-3"><DeleteWorkspaceButton slug={workspace.slug} name={workspace.name} blocked={blockers.length > 0} restoreDays={restoreDays} /></div>
        </Card>
      ) : ctx.can("workspace.delete") ? (
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("export.heading")}</h2>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
            <p className="max-w-prose text-sm text-gray-800">{t("export.intro")}</p>
            <ExportLink slug={workspace.slug} label={t("export.link")} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function ExportLink({ slug, label }: { slug: string; label: string }) {
  return (
    <a className={buttonClass("secondary")} href={`/${slug}/settings/general/export`} download>
      {label}
    </a>
  );
}
