"use client";

import { lazy } from "react";
import { LazyMenu } from "@/components/ui/lazy-menu";
import type { SwitcherWorkspace } from "./workspace-list";
import { switcherTriggerClass, SwitcherTriggerContent } from "./workspace-switcher-trigger";

const loadSwitcher = () => import("./workspace-switcher");
const WorkspaceSwitcher = lazy(() => loadSwitcher().then((module) => ({ default: module.WorkspaceSwitcher })));

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
