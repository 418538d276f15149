"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, LayoutList, Plus } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Role } from "@/generated/prisma/enums";
import { menuItemClass } from "@/components/ui/menu";
import { ROLE_LABEL } from "@/lib/authz/permissions";
import { sectionOf } from "@/lib/workspaces/section";
import { WorkspaceMark } from "./workspace-mark";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  logoUrl: string | null;
}

type ListState = { status: "idle" | "loading" | "error"; workspaces: SwitcherWorkspace[] | null } | { status: "ready"; workspaces: SwitcherWorkspace[] };

// Kept for the life of the tab, so reopening the switcher after a client navigation shows the list at
// once; every new intent to open it refreshes the list behind the scenes.
let listState: ListState = { status: "idle", workspaces: null };
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();
const setListState = (next: ListState) => {
  listState = next;
  for (const notify of listeners) notify();
};
const subscribe = (notify: () => void) => {
  listeners.add(notify);
  return () => listeners.delete(notify);
};
const serverSnapshot: ListState = { status: "idle", workspaces: null };

function refreshList(): Promise<void> {
  inFlight ??= (async () => {
    setListState({ status: "loading", workspaces: listState.workspaces });
    try {
      const response = await fetch("/api/workspaces", { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const { workspaces } = (await response.json()) as { workspaces: SwitcherWorkspace[] };
      setListState({ status: "ready", workspaces });
    } catch {
      setListState({ status: "error", workspaces: listState.workspaces });
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/**
 * The sidebar's workspace menu. The current workspace comes with the page; the list of all of them is
 * fetched on the first sign of intent (hover, focus, open), so pages do not each carry it.
 */
export function WorkspaceSwitcher({ current }: { current: SwitcherWorkspace }) {
  const section = sectionOf(usePathname());
  const state = useSyncExternalStore(subscribe, () => listState, () => serverSnapshot);
  const contentRef = useRef<HTMLDivElement>(null);
  const load = useCallback(() => {
    const hadList = listState.workspaces !== null;
    void refreshList().then(() => {
      // Opened before the list first arrived: focus sat on the menu or on "All workspaces"; the menu
      // should open on its first workspace, as it does once the list is known.
      const content = contentRef.current;
      if (!hadList && content?.contains(document.activeElement)) content.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    });
  }, []);
  const workspaces = state.workspaces ?? [];
  return (
    <DropdownMenu.Root onOpenChange={(open) => open && load()}>
      <DropdownMenu.Trigger
        aria-label={`Switch workspace (current: ${current.name})`}
        onPointerEnter={load}
        onFocus={load}
        className="flex w-full items-center gap-2 rounded-md border border-gray-200 bg-white px-2 py-2 text-left hover:bg-gray-50"
      >
        <WorkspaceMark name={current.name} logoUrl={current.logoUrl} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-gray-900">{current.name}</span>
          <span className="block text-xs text-gray-600">{ROLE_LABEL[current.role]}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 text-gray-600" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={contentRef}
          align="start"
          sideOffset={4}
          aria-busy={state.status === "loading" && !state.workspaces}
          className="z-50 max-h-[70vh] w-64 overflow-y-auto rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-gray-600">Workspaces</DropdownMenu.Label>
          {state.workspaces === null ? (
            <DropdownMenu.Label className="px-2 py-1.5 text-sm text-gray-700">
              {state.status === "error" ? "Could not load your workspaces." : "Loading workspaces…"}
            </DropdownMenu.Label>
          ) : null}
          {workspaces.map((workspace) => (
            <DropdownMenu.Item key={workspace.id} asChild className={menuItemClass}>
              <Link href={`/${workspace.slug}${section}`} aria-current={workspace.id === current.id ? "page" : undefined}>
                <WorkspaceMark name={workspace.name} logoUrl={workspace.logoUrl} className="size-6 text-xs" />
                <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                <span className="text-xs text-gray-600">{ROLE_LABEL[workspace.role]}</span>
                {workspace.id === current.id ? <Check aria-label="Current workspace" className="size-4" /> : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href="/workspace/select">
              <LayoutList aria-hidden className="size-4" />
              All workspaces
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href="/workspace/new">
              <Plus aria-hidden className="size-4" />
              Create workspace
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
