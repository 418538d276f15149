import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { deleteProjectAction } from "@/lib/resources/actions";
import { ActionButton } from "@/components/resources/action-button";
import { MergeBranchesForm } from "@/components/resources/forms";
import { EnvironmentBadge, StatusBadge } from "@/components/resources/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/authz";
import { projectFor } from "@/lib/resources/access";
import { listInstances, recentMerges } from "@/lib/resources/queries";
import { Refusal } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.project");
  return { title: t("title") };
}

export default async function ProjectPage({ params }: PageProps<"/[workspaceSlug]/projects/[projectId]">) {
  const { workspaceSlug, projectId } = await params;
  const ctx = await requireMember(workspaceSlug);
  const project = await projectFor(ctx, projectId).catch((e: unknown) => (e instanceof Refusal ? notFound() : Promise.reject(e)));
  const slug = ctx.workspace.slug;
  const [{ instances }, merges] = await Promise.all([listInstances(ctx, { projectId: project.id }), recentMerges(ctx.workspace.id, project.id)]);
  const ref = { kind: "project", id: project.id } as const;
  const t = await getTranslations("resources.project");
  const locale = await getLocale();
  const manage = ctx.can("resources.manage");
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <Link href={`/${slug}/projects`} className="text-sm text-brand-text underline">{t("back")}</Link>
          <h1 className="mt-1 text-2xl font-semibold">{project.name}</h1>
          <p className="break-all text-sm text-gray-700">{project.repositoryUrl}</p>
        </div>
        {manage ? (
          <ActionButton
            action={deleteProjectAction}
            slug={slug}
            input={{ projectId: project.id }}
            variant="danger"
            success={t("delete.success")}
            afterSuccess={`/${slug}/projects`}
            confirm={{ title: t("delete.title", { name: project.name }), description: t("delete.description"), confirmLabel: t("delete.confirm") }}
          >
            {t("delete.confirm")}
          </ActionButton>
        ) : null}
      </div>
      <section aria-labelledby="branches-heading" className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 id="branches-heading" className="font-semibold">{t("branches")}</h2>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {project.branches.map((b) => <li key={b} className="rounded bg-gray-100 px-2 py-0.5 font-mono">{b}</li>)}
          </ul>
        </Card>
        {ctx.canOn("projects.merge", ref) ? (
          <Card>
            <h2 className="font-semibold">{t("merge")}</h2>
            <div className="mt-2"><MergeBranchesForm slug={slug} projectId={project.id} branches={project.branches} /></div>
          </Card>
        ) : null}
      </section>
      <section aria-labelledby="instances-heading" className="space-y-2">
        <h2 id="instances-heading" className="text-lg font-semibold">{t("instances.heading")}</h2>
        {instances.length === 0 ? (
          <EmptyState
            title={manage ? t("instances.emptyManager") : t("instances.emptyMember")}
            action={manage ? <Link className={buttonClass("secondary")} href={`/${slug}/instances`}>{t("instances.create")}</Link> : null}
          >
            {manage ? t("instances.emptyManagerHint") : t("instances.emptyMemberHint")}
          </EmptyState>
        ) : (
        <DataTable caption={t("instances.caption")} headers={[t("instances.columns.name"), t("instances.columns.environment"), t("instances.columns.status")]}>
          {instances.map((i) => (
            <tr key={i.id}>
              <Td><Link className="font-medium text-brand-text underline" href={`/${slug}/instances/${i.id}`}>{i.name}</Link></Td>
              <Td><EnvironmentBadge environment={i.environment} /></Td>
              <Td><StatusBadge status={i.status} /></Td>
            </tr>
          ))}
        </DataTable>
        )}
      </section>
      {merges.length > 0 ? (
        <section aria-labelledby="merges-heading">
          <h2 id="merges-heading" className="text-lg font-semibold">{t("recentMerges")}</h2>
          <ul className="mt-2 text-sm text-gray-800">
            {merges.map((m) => (
              <li key={m.id}>{t("mergeLine", { source: m.sourceBranch, target: m.targetBranch, at: formatDateTime(m.createdAt, locale) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
