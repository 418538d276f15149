"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Role } from "@/generated/prisma/enums";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  logoUrl: string | null;
}

interface WorkspacePage {
  workspaces: SwitcherWorkspace[];
  /** How many of the user's workspaces match in all; more than listed means "search". */
  total: number;
}

export type ListState = { status: "idle" | "loading" | "error"; list: WorkspacePage | null } | { status: "ready"; list: WorkspacePage };

async function fetchWorkspaces(q: string, signal?: AbortSignal): Promise<WorkspacePage> {
  const response = await fetch(`/api/workspaces${q ? `?q=${encodeURIComponent(q)}` : ""}`, { headers: { accept: "application/json" }, signal });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as WorkspacePage;
}

// The unsearched list is kept for the life of the tab and shared by the switcher and the profile menu,
// so reopening either after a client navigation shows it at once; every new intent to open one
// refreshes it behind the scenes.
let listState: ListState = { status: "idle", list: null };
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
const serverSnapshot: ListState = { status: "idle", list: null };

function refreshList(): Promise<void> {
  inFlight ??= (async () => {
    setListState({ status: "loading", list: listState.list });
    try {
      setListState({ status: "ready", list: await fetchWorkspaces("") });
    } catch {
      setListState({ status: "error", list: listState.list });
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/**
 * The user's first workspaces, fetched on the first sign of intent (hover, focus, open) rather than
 * carried by every page. `onFirstLoad` runs when a list arrives that was not there before (to move focus
 * onto it when the menu opened first).
 */
export function useWorkspaceList(onFirstLoad?: () => void) {
  const state = useSyncExternalStore(subscribe, () => listState, () => serverSnapshot);
  const awaitingFirst = useRef(false);
  const load = useCallback(() => {
    if (listState.list === null) awaitingFirst.current = true;
    void refreshList();
  }, []);
  // After the commit that renders the first list, so the items it adds are there to take focus.
  useEffect(() => {
    if (!awaitingFirst.current || state.list === null) return;
    awaitingFirst.current = false;
    onFirstLoad?.();
  }, [state.list, onFirstLoad]);
  return { state, load };
}

/**
 * The workspaces matching a search, fetched a moment after typing stops; a newer search cancels an older
 * one, so results never arrive out of order. Null while the search is empty.
 */
export function useWorkspaceSearch(q: string) {
  const [result, setResult] = useState<{ q: string; status: "loading" | "ready" | "error"; list: WorkspacePage | null } | null>(null);
  useEffect(() => {
    const term = q.trim();
    if (!term) return setResult(null);
    const controller = new AbortController();
    setResult((previous) => ({ q: term, status: "loading", list: previous?.list ?? null }));
    const timer = setTimeout(() => {
      fetchWorkspaces(term, controller.signal).then(
        (list) => setResult({ q: term, status: "ready", list }),
        () => !controller.signal.aborted && setResult({ q: term, status: "error", list: null }),
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return q.trim() ? result : null;
}
