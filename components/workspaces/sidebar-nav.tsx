"use client";

import { Home, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function SidebarNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const items = [
    { href: `/${slug}`, label: "Overview", icon: Home, active: pathname === `/${slug}` },
    { href: `/${slug}/settings/general`, label: "Settings", icon: Settings, active: pathname.startsWith(`/${slug}/settings`) },
  ];
  return (
    <nav aria-label="Workspace">
      <ul className="space-y-1">
        {items.map(({ href, label, icon: Icon, active }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium",
                active ? "bg-indigo-50 text-indigo-900" : "text-gray-800 hover:bg-gray-100",
              )}
            >
              <Icon aria-hidden className="size-4" />
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
