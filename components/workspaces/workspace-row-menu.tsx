"use client";

import { Settings, Star } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { SpriteIcon } from "@/components/ui/icon-sprite";
import { DeferredDropdownMenu, MenuContent, MenuItem } from "@/components/ui/menu";
import { setDefaultWorkspaceAction } from "@/lib/workspaces/actions";
import { WORKSPACE_ROW_MENU_ICON } from "./workspace-row-menu-icon";


interface WorkspaceRow {
  id: string;
  name: string;
  slug: string;
  isDefault: boolean;
}

/**
 * A workspace's row menu on /workspace/select: its settings, and making it the default. One button a row
 * until someone comes near it; two links and a button with an action's hooks on each of 25 rows were
 * a third of the page's rendering time.
 */
export function WorkspaceRowMenu({ workspace }: { workspace: WorkspaceRow }) {
  const t = useTranslations("workspaces.select");
  return (
    <DeferredDropdownMenu
      label={t("actionsLabel", { name: workspace.name })}
      triggerClassName="rounded p-1.5 text-gray-700 hover:bg-gray-100"
      trigger={<SpriteIcon id={WORKSPACE_ROW_MENU_ICON} className="size-4" />}
    >
      <WorkspaceRowMenuItems workspace={workspace} />
    </DeferredDropdownMenu>
  );
}

/** The open menu's items; mounted only while it is open. An action it started finishes after it closes. */
function WorkspaceRowMenuItems({ workspace }: { workspace: WorkspaceRow }) {
  const t = useTranslations("workspaces");
  const router = useRouter();
  const makeDefault = useAction(setDefaultWorkspaceAction, { success: t("makeDefault.done", { name: workspace.name }) });
  return (
    <MenuContent>
      <MenuItem onSelect={() => router.push(`/${workspace.slug}/settings/general`)}>
        <Settings aria-hidden className="size-4" /> {t("select.settings")}
      </MenuItem>
      {workspace.isDefault ? null : (
        <MenuItem onSelect={() => makeDefault.run({ workspaceId: workspace.id })}>
          <Star aria-hidden className="size-4" /> {t("makeDefault.button")}
        </MenuItem>
      )}
    </MenuContent>
  );
}
