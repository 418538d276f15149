"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, LayoutList, Plus, Search } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type KeyboardEvent } from "react";
import type { MenuOpening } from "@/components/ui/lazy-menu";
import { menuItemClass } from "@/components/ui/menu-item-class";
import { useSwappedIn } from "@/components/ui/use-swapped-in";
import { switcherTriggerClass, SwitcherTriggerContent } from "./workspace-switcher-trigger";
import { sectionOf } from "@/lib/workspaces/section";
import { WorkspaceMark } from "./workspace-mark";
import { useWorkspaceList, useWorkspaceSearch, type SwitcherWorkspace } from "./workspace-list";

export type { SwitcherWorkspace } from "./workspace-list";

/**
 * Keys typed into a search field inside a Radix menu stay with the field (Radix would take letters for
 * its type-ahead); ArrowDown moves on to the first result.
 */
export function searchFieldKeys(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === "Escape" || event.key === "Tab") return;
  event.stopPropagation();
  if (event.key === "ArrowDown") {
    event.preventDefault();
    event.currentTarget.closest('[role="menu"]')?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }
}

/**
 * The sidebar's workspace menu. The current workspace comes with the page; the first few others are
 * fetched on the first sign of intent (hover, focus, open), and when there are more than that a search
 * asks the server for the rest, so no page carries the whole list.
 */
export function WorkspaceSwitcher({ current, opening }: { current: SwitcherWorkspace; opening: MenuOpening }) {
  const t = useTranslations("shell");
  const tw = useTranslations("workspaces");
  const section = sectionOf(usePathname());
  const contentRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  // Opened before the list first arrived: focus sat on the menu or on "All workspaces"; it should land
  // where it does once the list is known (the search when there is one, else the first workspace).
  const focusFirst = useCallback(() => {
    const content = contentRef.current;
    if (!content?.contains(document.activeElement)) return;
    (searchRef.current ?? content.querySelector<HTMLElement>('[role="menuitem"]'))?.focus();
  }, []);
  const { state, load } = useWorkspaceList(focusFirst);
  // Mounted on the first sign of intent (LazyMenu): fetch the list now.
  const { triggerRef, open, setOpen } = useSwappedIn({ openRequested: opening.openRequested, focus: opening.focusTrigger, onMount: load });
  const search = useWorkspaceSearch(query);
  const list = search ? search.list : state.list;
  const searchable = (state.list?.total ?? 0) > (state.list?.workspaces.length ?? 0);
  const workspaces = list?.workspaces ?? [];
  // The current workspace leads the unsearched list even when it is not among the first few.
  const shown = search || workspaces.some((w) => w.id === current.id) || !list ? workspaces : [current, ...workspaces];
  const status = search ? search.status : state.status;
  return (
    <DropdownMenu.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) load();
        else setQuery("");
      }}
    >
      <DropdownMenu.Trigger ref={triggerRef} className={switcherTriggerClass}>
        <SwitcherTriggerContent current={current} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={contentRef}
          align="start"
          sideOffset={4}
          aria-busy={status === "loading" && !list}
          onKeyDownCapture={(event) => {
            // Typing with focus on a workspace starts a search when there is one (instead of Radix's
            // jump to the first item starting with that letter).
            const search = searchRef.current;
            if (!search || event.target === search || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
            event.preventDefault();
            event.stopPropagation();
            search.focus();
            setQuery((previous) => previous + event.key);
          }}
          className="z-50 max-h-[70vh] w-72 overflow-y-auto rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          {searchable ? (
            <div className="relative p-1">
              <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-600" />
              <input
                ref={searchRef}
                type="search"
                aria-label={t("switcher.searchLabel")}
                placeholder={t("switcher.searchPlaceholder", { count: state.list?.total ?? 0 })}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={searchFieldKeys}
                className="block w-full rounded-md border border-gray-300 bg-white py-1.5 pr-2 pl-8 text-sm text-gray-900 placeholder:text-gray-600"
              />
            </div>
          ) : null}
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-gray-600">{t("workspaces")}</DropdownMenu.Label>
          {!list || (search && status !== "ready" && workspaces.length === 0) ? (
            <DropdownMenu.Label className="px-2 py-1.5 text-sm text-gray-700">
              {status === "error" ? t("loadFailed") : search ? t("switcher.searching") : t("loading")}
            </DropdownMenu.Label>
          ) : null}
          {search && search.status === "ready" && workspaces.length === 0 ? (
            <DropdownMenu.Label role="status" className="px-2 py-1.5 text-sm text-gray-700">
              {t("switcher.noMatch", { q: search.q })}
            </DropdownMenu.Label>
          ) : null}
          {shown.map((workspace) => (
            <DropdownMenu.Item key={workspace.id} asChild className={menuItemClass}>
              <Link href={`/${workspace.slug}${section}`} aria-current={workspace.id === current.id ? "page" : undefined}>
                <WorkspaceMark name={workspace.name} logoUrl={workspace.logoUrl} className="size-6 text-xs" />
                <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                <span className="text-xs text-gray-600">{tw(`roles.${workspace.role}`)}</span>
                {workspace.id === current.id ? <Check aria-label={t("current")} className="size-4" /> : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          {list && list.total > workspaces.length ? (
            <p className="px-2 py-1 text-xs text-gray-600">
              {search ? t("switcher.moreMatch", { count: list.total - workspaces.length }) : t("switcher.more", { count: list.total - workspaces.length })}
            </p>
          ) : null}
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href={search ? `/workspace/select?q=${encodeURIComponent(search.q)}` : "/workspace/select"}>
              <LayoutList aria-hidden className="size-4" />
              {t("switcher.all")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href="/workspace/new">
              <Plus aria-hidden className="size-4" />
              {t("switcher.create")}
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
