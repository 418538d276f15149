import type { ReactNode } from "react";
import { Boxes, FolderGit2, Home, Inbox, KeyRound, Server, Settings } from "lucide-react";
import { SidebarNavLinks, type SidebarSection } from "./sidebar-nav-links";

export type { SidebarSection };

// Drawn here, on the server: the sidebar is on every workspace page, and as client code its icons'
// path data shipped with each page's JavaScript. Only the active link needs the client (the pathname).
const ICONS = { overview: Home, projects: FolderGit2, instances: Boxes, servers: Server, secrets: KeyRound, accessRequests: Inbox, settings: Settings };

/** `waiting`: how many access requests wait for the caller (owners and admins), shown as a count on that entry. */
export function SidebarNav({ slug, sections, waiting = 0 }: { slug: string; sections: SidebarSection[]; waiting?: number }) {
  const icons = Object.fromEntries(
    sections.map((section) => {
      const Icon = ICONS[section];
      return [section, <Icon aria-hidden className="size-4" />];
    }),
  ) as Record<SidebarSection, ReactNode>;
  return <SidebarNavLinks slug={slug} sections={sections} icons={icons} waiting={waiting} />;
}
