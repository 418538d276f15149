"use client";

import { Boxes, FolderGit2, Home, KeyRound, Server, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const ICONS = { overview: Home, projects: FolderGit2, instances: Boxes, servers: Server, secrets: KeyRound, settings: Settings };
export type SidebarSection = keyof typeof ICONS;

const LABELS: Record<SidebarSection, string> = {
  overview: "Overview",
  projects: "Projects",
  instances: "Instances",
  servers: "Servers",
  secrets: "Secrets",
  settings: "Settings",
};

export function SidebarNav({ slug, sections }: { slug: string; sections: SidebarSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace">
      <ul className="space-y-1">
        {sections.map((section) => {
          const Icon = ICONS[section];
          const href = section === "overview" ? `/${slug}` : section === "settings" ? `/${slug}/settings/general` : `/${slug}/${section}`;
          const active = section === "overview" ? pathname === `/${slug}` : pathname.startsWith(`/${slug}/${section}`);
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium",
                  active ? "bg-indigo-50 text-indigo-900" : "text-gray-800 hover:bg-gray-100",
                )}
              >
                <Icon aria-hidden className="size-4" />
                {LABELS[section]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
