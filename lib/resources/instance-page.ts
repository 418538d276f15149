import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/authz";
import type { PermissionKey } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors";
import { instanceFor } from "./access";

/** For the instance pages: member context and the instance, or the same 404 as a missing one. */
export const requireInstance = cache(async (slug: string, instanceId: string, key?: PermissionKey) => {
  const ctx = await requireMember(slug);
  try {
    const instance = await instanceFor(ctx, instanceId, key);
    return { ctx, instance };
  } catch (error) {
    // A tab the caller lacks reads as missing, like an instance outside their allow-list.
    if (error instanceof Refusal) notFound();
    throw error;
  }
});

export const INSTANCE_TABS: { segment: string; label: string; permission?: PermissionKey }[] = [
  { segment: "", label: "Overview" },
  { segment: "logs", label: "Logs", permission: "logs.view" },
  { segment: "backups", label: "Backups", permission: "backups.manage" },
  { segment: "settings", label: "Settings", permission: "instances.settings" },
  { segment: "ide", label: "IDE", permission: "ide.use" },
];
