"use client";

import { Suspense, type ReactNode } from "react";
import { MENU_OPEN_KEYS, useLazySwap } from "./use-lazy-swap";
import { lazyNamed } from "./lazy-named";

export { menuItemClass } from "./menu-item-class";

// Radix's menu (about 30 KB of compressed JavaScript) loads when someone comes near a menu, not with the page.
let radix: typeof import("./lazy-dropdown-menu") | undefined;
const loadRadix = () => import("./lazy-dropdown-menu").then((module) => (radix = module));
const RadixDropdownMenu = lazyNamed(loadRadix, "RadixDropdownMenu");

// Rendered only inside a DeferredDropdownMenu's Radix root, which mounts once the module above has loaded.
export function MenuContent(props: { children: ReactNode; align?: "start" | "end" }) {
  const Content = radix!.RadixMenuContent;
  return <Content {...props} />;
}

export function MenuItem(props: { onSelect: () => void; children: ReactNode; danger?: boolean }) {
  const Item = radix!.RadixMenuItem;
  return <Item {...props} />;
}

/**
 * A Radix dropdown menu for long lists (a menu per table row): until someone comes near it (hover,
 * focus, press) it is a plain button with the same name and state, and only then are Radix's code loaded
 * and its menu mounted (./lazy-dropdown-menu.tsx). Fifty mounted Radix menus took a third of the members
 * page's server time (32 -> 48 requests/s at 10 connections without them), and their code was most of the
 * page's JavaScript; the menu itself, its keyboard handling and focus management are Radix's as soon as it
 * matters.
 */
export function DeferredDropdownMenu({
  label,
  triggerClassName,
  trigger,
  modal = true,
  children,
}: {
  label: string;
  triggerClassName?: string;
  trigger: ReactNode;
  modal?: boolean;
  children: ReactNode;
}) {
  const { opening, focused, triggerProps } = useLazySwap(loadRadix, MENU_OPEN_KEYS);
  const button = (
    <button type="button" aria-label={label} aria-haspopup="menu" aria-expanded={false} data-state="closed" className={triggerClassName} {...triggerProps}>
      {trigger}
    </button>
  );
  return (
    <Suspense fallback={button}>
      {opening ? (
        <RadixDropdownMenu label={label} triggerClassName={triggerClassName} trigger={trigger} modal={modal} openRequested={opening.openRequested} focus={focused.current} byKeyboard={opening.byKeyboard}>
          {children}
        </RadixDropdownMenu>
      ) : (
        button
      )}
    </Suspense>
  );
}
