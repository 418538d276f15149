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
  return (
    <div className="flex flex-wrap gap-2">
      {ctx.canOn("instances.restart", ref) && running ? (
        <>
          <ActionButton action={restartInstanceAction} slug={slug} input={{ ...input, mode: "soft" as const }} success={`${instance.name} restarted`} label={`Restart ${instance.name}`}>
            Restart
          </ActionButton>
          <ActionButton
            action={restartInstanceAction}
            slug={slug}
            input={{ ...input, mode: "hard" as const }}
            success={`${instance.name} hard-restarted`}
            label={`Hard restart ${instance.name}`}
            confirm={{ title: `Hard restart ${instance.name}?`, description: "Connections are cut at once.", confirmLabel: "Hard restart" }}
          >
            Hard restart
          </ActionButton>
        </>
      ) : null}
      {ctx.canOn("instances.stop", ref) ? (
        running ? (
          <ActionButton action={stopInstanceAction} slug={slug} input={input} success={`${instance.name} stopped`} label={`Stop ${instance.name}`}>
            Stop
          </ActionButton>
        ) : (
          <ActionButton action={startInstanceAction} slug={slug} input={input} success={`${instance.name} started`} label={`Start ${instance.name}`}>
            Start
          </ActionButton>
        )
      ) : null}
      {ctx.canOn("instances.delete", ref) && instance.environment !== "PRODUCTION" ? (
        <ActionButton
          action={deleteInstanceAction}
          slug={slug}
          input={input}
          variant="danger"
          success={`${instance.name} deleted`}
          afterSuccess={`/${slug}/instances`}
          confirm={{ title: `Delete ${instance.name}?`, description: "Its backups and logs go with it.", confirmLabel: "Delete instance" }}
        >
          Delete
        </ActionButton>
      ) : null}
    </div>
  );
}
