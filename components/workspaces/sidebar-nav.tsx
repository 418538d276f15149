"use client";

import { Boxes, FolderGit2, Home, Inbox, KeyRound, Server, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

const ICONS = { overview: Home, projects: FolderGit2, instances: Boxes, servers: Server, secrets: KeyRound, accessRequests: Inbox, settings: Settings };
export type SidebarSection = keyof typeof ICONS;

/** `waiting`: how many access requests wait for the caller (owners and admins), shown as a count on that entry. */
export function SidebarNav({ slug, sections, waiting = 0 }: { slug: string; sections: SidebarSection[]; waiting?: number }) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className="space-y-1">
        {sections.map((section) => {
          const Icon = ICONS[section];
          const href =
            section === "overview"
              ? `/${slug}`
              : section === "settings"
                ? `/${slug}/settings/general`
                : section === "accessRequests"
                  ? `/${slug}/settings/access-requests`
                  : `/${slug}/${section}`;
          const active = section === "overview" ? pathname === `/${slug}` : section === "accessRequests" ? pathname.startsWith(href) : pathname.startsWith(`/${slug}/${section}`);
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
                {t(`sections.${section}`)}
                {section === "accessRequests" && waiting > 0 ? (
                  <span className="ml-auto rounded-full bg-brand px-2 text-xs font-semibold text-brand-fg">
                    {waiting}
                    <span className="sr-only"> {t("waiting")}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
