import { useTranslations } from "next-intl";
import { deleteInstanceAction, restartInstanceAction, startInstanceAction, stopInstanceAction } from "@/lib/resources/actions";
import type { WorkspaceContext } from "@/lib/authz/types";
import { ActionButton } from "./action-button";

/** The lifecycle buttons for one instance: each shown only to a caller who holds it on this instance. */
export function InstanceControls({
  ctx,
  instance,
}: {
  ctx: WorkspaceContext;
  instance: { id: string; name: string; projectId: string; status: string; environment: string };
}) {
  const slug = ctx.workspace.slug;
  const ref = { kind: "instance", id: instance.id, projectId: instance.projectId } as const;
  const input = { instanceId: instance.id };
  const running = instance.status !== "STOPPED";
  const t = useTranslations("resources.controls");
  const name = instance.name;
  return (
    <div className="flex flex-wrap gap-2">
      {ctx.canOn("instances.restart", ref) && running ? (
        <>
          <ActionButton action={restartInstanceAction} slug={slug} input={{ ...input, mode: "soft" as const }} success={t("restart.success", { name })} label={t("restart.label", { name })}>
            {t("restart.button")}
          </ActionButton>
          <ActionButton
            action={restartInstanceAction}
            slug={slug}
            input={{ ...input, mode: "hard" as const }}
            success={t("hardRestart.success", { name })}
            label={t("hardRestart.label", { name })}
            confirm={{ title: t("hardRestart.title", { name }), description: t("hardRestart.description"), confirmLabel: t("hardRestart.button") }}
          >
            {t("hardRestart.button")}
          </ActionButton>
        </>
      ) : null}
      {ctx.canOn("instances.stop", ref) ? (
        running ? (
          <ActionButton action={stopInstanceAction} slug={slug} input={input} success={t("stop.success", { name })} label={t("stop.label", { name })}>
            {t("stop.button")}
          </ActionButton>
        ) : (
          <ActionButton action={startInstanceAction} slug={slug} input={input} success={t("start.success", { name })} label={t("start.label", { name })}>
            {t("start.button")}
          </ActionButton>
        )
      ) : null}
      {ctx.canOn("instances.delete", ref) && instance.environment !== "PRODUCTION" ? (
        <ActionButton
          action={deleteInstanceAction}
          slug={slug}
          input={input}
          variant="danger"
          success={t("delete.success", { name })}
          afterSuccess={`/${slug}/instances`}
          confirm={{ title: t("delete.title", { name }), description: t("delete.description"), confirmLabel: t("delete.confirm") }}
        >
          {t("delete.button")}
        </ActionButton>
      ) : null}
    </div>
  );
}
