"use client";

import { LazyMenu } from "@/components/ui/lazy-menu";
import type { SwitcherWorkspace } from "./workspace-list";
import { switcherTriggerClass, SwitcherTriggerContent } from "./workspace-switcher-trigger";
import { lazyNamed } from "@/components/ui/lazy-named";

const loadSwitcher = () => import("./workspace-switcher");
const WorkspaceSwitcher = lazyNamed(loadSwitcher, "WorkspaceSwitcher");

/** The sidebar's workspace switcher, its code loaded when someone comes near the button (components/ui/lazy-menu.tsx). */
export function WorkspaceSwitcherButton({ current }: { current: SwitcherWorkspace }) {
  return (
    <LazyMenu
      trigger={<SwitcherTriggerContent current={current} />}
      className={switcherTriggerClass}
      preload={loadSwitcher}
      render={(opening) => <WorkspaceSwitcher current={current} opening={opening} />}
    />
  );
}
