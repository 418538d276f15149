"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Theme } from "@/generated/prisma/enums";

export interface ProfileMenuProps {
  user: { name: string; email: string };
  theme: Theme;
  /** The account's language; null follows the browser. */
  locale: string | null;
  currentWorkspaceId?: string | null;
}

export const profileTriggerClass =
  "flex items-center gap-2 rounded-full border border-gray-200 bg-white py-1 pr-2 pl-1 text-sm font-medium text-gray-900 hover:bg-gray-100";

export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase());
  return (letters.length > 1 ? letters[0]! + letters.at(-1)! : (letters[0] ?? "?")) || "?";
}

/** What the profile menu's button shows, the same before and after the menu's code has loaded. */
export function ProfileTriggerContent({ name }: { name: string }) {
  const t = useTranslations("shell");
  return (
    <>
      <span aria-hidden className="inline-flex size-7 items-center justify-center rounded-full bg-gray-800 text-xs font-semibold text-white">
        {initials(name)}
      </span>
      <span className="max-w-40 truncate">{name}</span>
      <span className="sr-only">{t("profile.trigger")}</span>
      <ChevronDown aria-hidden className="size-4 text-gray-600" />
    </>
  );
}
