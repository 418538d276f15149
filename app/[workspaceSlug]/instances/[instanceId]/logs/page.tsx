import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireInstance } from "@/lib/resources/instance-page";
import { listLogs } from "@/lib/resources/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.instance.logs");
  return { title: t("title") };
}

export default async function InstanceLogsPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/instances/[instanceId]/logs">) {
  const { workspaceSlug, instanceId } = await params;
  const { kind } = await searchParams;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "logs.view");
  const logKind = kind === "deployment" ? "DEPLOYMENT" : "APPLICATION";
  const logs = await listLogs(ctx.workspace.id, instance.id, logKind);
  const base = `/${ctx.workspace.slug}/instances/${instance.id}/logs`;
  const t = await getTranslations("resources.instance.logs");
  return (
    <section aria-labelledby="logs-heading" className="space-y-3">
      <h2 id="logs-heading" className="text-lg font-semibold">{t(`heading.${logKind}`)}</h2>
      <nav aria-label={t("kindLabel")} className="flex gap-3 text-sm">
        <a href={base} aria-current={logKind === "APPLICATION" ? "page" : undefined} className="text-brand-text underline">{t("kind.APPLICATION")}</a>
        <a href={`${base}?kind=deployment`} aria-current={logKind === "DEPLOYMENT" ? "page" : undefined} className="text-brand-text underline">{t("kind.DEPLOYMENT")}</a>
      </nav>
      <ol className="divide-y divide-gray-800 rounded-lg bg-gray-900 p-3 font-mono text-xs text-gray-100">
        {logs.length === 0 ? <li className="py-1">{t("empty")}</li> : null}
        {logs.map((line) => (
          <li key={line.id} className="py-1">
            <time dateTime={line.createdAt.toISOString()} className="text-gray-300">{line.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>{" "}
            <span className={line.level === "error" ? "text-red-300" : line.level === "warn" ? "text-amber-200" : "text-green-200"}>{line.level.toUpperCase()}</span>{" "}
            {line.message}
          </li>
        ))}
      </ol>
    </section>
  );
}
