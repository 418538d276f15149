"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ArrowLeftRight, Check, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import type { Theme } from "@/generated/prisma/enums";
import type { MenuOpening } from "@/components/ui/lazy-menu";
import { profileTriggerClass, ProfileTriggerContent, type ProfileMenuProps } from "./profile-menu-trigger";
import { useAction } from "@/components/forms/use-action";
import { menuItemClass } from "@/components/ui/menu-item-class";
import { useSwappedIn } from "@/components/ui/use-swapped-in";
import { WorkspaceMark } from "@/components/workspaces/workspace-mark";
import { useWorkspaceList } from "@/components/workspaces/workspace-list";
import { setLocalePreferenceAction, setThemePreferenceAction, signOutAction } from "@/lib/accounts/actions";
import { applyThemeClass, THEME_OPTIONS } from "@/lib/accounts/theme";
import { isAppLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { sectionOf } from "@/lib/workspaces/section";

const labelClass = "px-2 pt-2 pb-1 text-xs font-medium text-gray-600";

/**
 * The person's menu at the top right of every signed-in page: who is signed in, their workspaces with
 * their role in each (the current one marked; the first few, fetched when the menu is about to open),
 * "Switch" to the full list, account settings, the theme, the language, and sign out. Radix gives it the menu
 * keyboard: Enter or ArrowDown opens it, arrows move, Enter follows, Escape closes.
 */
export function ProfileMenu({ user, theme, locale, currentWorkspaceId = null, opening }: ProfileMenuProps & { opening: MenuOpening }) {
  const t = useTranslations("shell");
  const tw = useTranslations("workspaces");
  const tt = useTranslations("theme");
  const tl = useTranslations("account.language");
  const pathname = usePathname();
  const section = currentWorkspaceId ? sectionOf(pathname) : "";
  const contentRef = useRef<HTMLDivElement>(null);
  const focusFirst = useCallback(() => {
    const content = contentRef.current;
    if (content?.contains(document.activeElement)) content.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  const { state, load } = useWorkspaceList(focusFirst);
  // Mounted on the first sign of intent (LazyMenu): fetch the list now.
  const { triggerRef, open, setOpen } = useSwappedIn({ openRequested: opening.openRequested, focus: opening.focusTrigger, onMount: load });
  const [chosenTheme, setChosenTheme] = useState<Theme>(theme);
  const saveTheme = useAction(setThemePreferenceAction, { success: tt("saved") });
  const [chosenLocale, setChosenLocale] = useState<string>(isAppLocale(locale) ? locale : "browser");
  // The page renders again in the new language (the action set the cookie); the toast still speaks the old one.
  const saveLocale = useAction(setLocalePreferenceAction, { success: tl("saved") });
  const signOut = useAction(signOutAction, { refresh: false });
  const list = state.list;
  return (
    <DropdownMenu.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) load();
      }}
    >
      <DropdownMenu.Trigger ref={triggerRef} className={profileTriggerClass}>
        <ProfileTriggerContent name={user.name} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={contentRef}
          align="end"
          sideOffset={4}
          aria-busy={state.status === "loading" && !list}
          className="z-50 max-h-[80vh] w-72 overflow-y-auto rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5">
            <span className="block truncate text-sm font-semibold text-gray-900">{user.name}</span>
            <span className="block truncate text-xs text-gray-700">{user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Label className={labelClass}>{t("workspaces")}</DropdownMenu.Label>
          {!list ? (
            <DropdownMenu.Label className="px-2 py-1.5 text-sm text-gray-700">
              {state.status === "error" ? t("loadFailed") : t("loading")}
            </DropdownMenu.Label>
          ) : null}
          {list?.workspaces.map((workspace) => {
            const isCurrent = workspace.id === currentWorkspaceId;
            return (
              <DropdownMenu.Item key={workspace.id} asChild className={menuItemClass}>
                <Link href={`/${workspace.slug}${section}`} aria-current={isCurrent ? "page" : undefined}>
                  <WorkspaceMark name={workspace.name} logoUrl={workspace.logoUrl} className="size-6 text-xs" />
                  <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                  <span className="text-xs text-gray-600">{tw(`roles.${workspace.role}`)}</span>
                  {isCurrent ? <Check aria-label={t("current")} className="size-4" /> : null}
                </Link>
              </DropdownMenu.Item>
            );
          })}
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href={currentWorkspaceId ? `/workspace/select?current=${encodeURIComponent(pathname.split("/")[1] ?? "")}` : "/workspace/select"}>
              <ArrowLeftRight aria-hidden className="size-4" />
              <span className="flex-1">
                {list && list.total > list.workspaces.length ? t("profile.switchAll", { count: list.total }) : t("profile.switch")} <span aria-hidden>⇄</span>
              </span>
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href="/account">
              <Settings aria-hidden className="size-4" />
              {t("profile.account")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Label className={labelClass}>{tt("heading")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={chosenTheme}
            onValueChange={(value) => {
              const next = value as Theme;
              setChosenTheme(next);
              // At once on this page; stored on the account, so every page renders it from now on.
              applyThemeClass(document.documentElement, next);
              saveTheme.run({ theme: next });
            }}
          >
            {THEME_OPTIONS.map((option) => (
              <DropdownMenu.RadioItem key={option} value={option} className={menuItemClass}>
                <span className="inline-flex size-4 items-center justify-center">
                  <DropdownMenu.ItemIndicator>
                    <Check aria-hidden className="size-4" />
                  </DropdownMenu.ItemIndicator>
                </span>
                {tt(`options.${option}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Label className={labelClass}>{tl("heading")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={chosenLocale}
            onValueChange={(value) => {
              setChosenLocale(value);
              saveLocale.run({ locale: isAppLocale(value) ? value : null });
            }}
          >
            {[...LOCALES, "browser" as const].map((value) => (
              <DropdownMenu.RadioItem key={value} value={value} className={menuItemClass} disabled={saveLocale.pending}>
                <span className="inline-flex size-4 items-center justify-center">
                  <DropdownMenu.ItemIndicator>
                    <Check aria-hidden className="size-4" />
                  </DropdownMenu.ItemIndicator>
                </span>
                {value === "browser" ? tl("browser") : <span lang={value}>{LOCALE_NAMES[value]}</span>}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item className={menuItemClass} disabled={signOut.pending} onSelect={() => signOut.run({})}>
            <LogOut aria-hidden className="size-4" />
            {t("profile.signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
