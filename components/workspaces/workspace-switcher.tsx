"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, LayoutList, Plus } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { menuItemClass } from "@/components/ui/menu";
import { ROLE_LABEL } from "@/lib/authz/permissions";
import { sectionOf } from "@/lib/workspaces/section";
import { WorkspaceMark } from "./workspace-mark";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  logoUrl: string | null;
}

const itemClass = menuItemClass;

export function WorkspaceSwitcher({ current, workspaces }: { current: SwitcherWorkspace; workspaces: SwitcherWorkspace[] }) {
  const section = sectionOf(usePathname());
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Switch workspace (current: ${current.name})`}
        className="flex w-full items-center gap-2 rounded-md border border-gray-200 bg-white px-2 py-2 text-left hover:bg-gray-50"
      >
        <WorkspaceMark name={current.name} logoUrl={current.logoUrl} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-gray-900">{current.name}</span>
          <span className="block text-xs text-gray-600">{ROLE_LABEL[current.role]}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 text-gray-600" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 w-64 rounded-md border border-gray-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-gray-600">Workspaces</DropdownMenu.Label>
          {workspaces.map((workspace) => (
            <DropdownMenu.Item key={workspace.id} asChild className={itemClass}>
              <Link href={`/${workspace.slug}${section}`} aria-current={workspace.id === current.id ? "page" : undefined}>
                <WorkspaceMark name={workspace.name} logoUrl={workspace.logoUrl} className="size-6 text-xs" />
                <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                <span className="text-xs text-gray-600">{ROLE_LABEL[workspace.role]}</span>
                {workspace.id === current.id ? <Check aria-label="Current workspace" className="size-4" /> : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/workspace/select">
              <LayoutList aria-hidden className="size-4" />
              All workspaces
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/workspace/new">
              <Plus aria-hidden className="size-4" />
              Create workspace
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
