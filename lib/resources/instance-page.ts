import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/authz";
import type { PermissionKey } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors";
import { instanceFor } from "./access";

// Loaded once per request for the layout and the tab page together; the tab's permission is checked
// on the loaded instance, so asking with a key does not read the instance a second time.
const loadInstance = cache(async (slug: string, instanceId: string) => {
  const ctx = await requireMember(slug);
  try {
    return { ctx, instance: await instanceFor(ctx, instanceId) };
  } catch (error) {
    if (error instanceof Refusal) notFound();
    throw error;
  }
});

/** For the instance pages: member context and the instance, or the same 404 as a missing one. */
export async function requireInstance(slug: string, instanceId: string, key?: PermissionKey) {
  const loaded = await loadInstance(slug, instanceId);
  // A tab the caller lacks reads as missing, like an instance outside their allow-list.
  if (key && !loaded.ctx.canOn(key, { kind: "instance", id: loaded.instance.id, projectId: loaded.instance.projectId })) notFound();
  return loaded;
}

/** The instance page's tabs; `name` picks its label from the catalog (resources.instance.tabs). */
export const INSTANCE_TABS: { segment: string; name: "overview" | "logs" | "backups" | "settings" | "ide"; permission?: PermissionKey }[] = [
  { segment: "", name: "overview" },
  { segment: "logs", name: "logs", permission: "logs.view" },
  { segment: "backups", name: "backups", permission: "backups.manage" },
  { segment: "settings", name: "settings", permission: "instances.settings" },
  { segment: "ide", name: "ide", permission: "ide.use" },
];
