"use client";

import { ChevronsUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { SwitcherWorkspace } from "./workspace-list";
import { WorkspaceMark } from "./workspace-mark";

export const switcherTriggerClass = "flex w-full items-center gap-2 rounded-md border border-gray-200 bg-white px-2 py-2 text-left hover:bg-gray-50";

/** What the switcher's button shows, the same before and after the menu's code has loaded. */
export function SwitcherTriggerContent({ current }: { current: SwitcherWorkspace }) {
  const t = useTranslations("shell");
  const tw = useTranslations("workspaces");
  return (
    <>
      <WorkspaceMark name={current.name} logoUrl={current.logoUrl} />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-semibold text-gray-900">{current.name}</span>
        <span className="block text-xs text-gray-600">{tw(`roles.${current.role}`)}</span>
      </span>
      {/* The name starts with the visible text (WCAG 2.5.3) and says what the button does. */}
      <span className="sr-only">{t("switcher.trigger")}</span>
      <ChevronsUpDown aria-hidden className="size-4 text-gray-600" />
    </>
  );
}
