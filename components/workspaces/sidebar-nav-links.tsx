"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type SidebarSection = "overview" | "projects" | "instances" | "servers" | "secrets" | "accessRequests" | "settings";

/**
 * The sidebar's links; the client part of ./sidebar-nav, which draws the icons on the server.
 * `waiting`: how many access requests wait for the caller (owners and admins), shown as a count on that entry.
 */
export function SidebarNavLinks({
  slug,
  sections,
  icons,
  waiting = 0,
}: {
  slug: string;
  sections: SidebarSection[];
  icons: Record<SidebarSection, ReactNode>;
  waiting?: number;
}) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className="space-y-1">
        {sections.map((section) => {
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
                {icons[section]}
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
