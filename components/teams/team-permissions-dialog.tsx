"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { PermissionsDialog, type GrantOptions } from "@/components/permissions/permissions-dialog";
import { updateTeamPermissionsAction } from "@/lib/teams/actions";
import type { GrantFields } from "@/lib/teams/schemas";

interface TeamGrant {
  id: string;
  name: string;
  roleFloor: "NONE" | "VIEWER" | "DEVELOPER";
  grant: GrantFields;
}

/**
 * A team's permissions modal. What it may offer (every project, instance and server the editor sees) is
 * loaded when it opens, not sent with the Teams page: in a workspace of thousands of resources that list
 * was most of the page. Mounted only while open, and its code is loaded on the first open (see TeamCard).
 */
export default function TeamPermissionsDialog({ slug, team, onClose }: { slug: string; team: TeamGrant; onClose: () => void }) {
  const t = useTranslations("teams.permissions");
  const [options, setOptions] = useState<GrantOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    (async () => {
      const response = await fetch(`/${slug}/settings/teams/grant-options`, { headers: { accept: "application/json" } });
      const body = (await response.json().catch(() => ({}))) as Partial<GrantOptions> & { error?: string };
      if (!current) return;
      if (response.ok && body.projects && body.instances && body.servers) setOptions({ projects: body.projects, instances: body.instances, servers: body.servers });
      else setLoadError(body.error ?? t("loadFailed"));
    })().catch(() => current && setLoadError(t("offline")));
    return () => {
      current = false;
    };
  }, [slug, t]);
  return (
    <PermissionsDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("title", { name: team.name })}
      description={t("description")}
      data={options ? { initial: { ...team.grant, roleFloor: team.roleFloor }, options } : null}
      loadError={loadError}
      withRoleFloor
      action={(values) => updateTeamPermissionsAction(slug, { ...values, roleFloor: values.roleFloor ?? "NONE", teamId: team.id })}
      success={t("saved", { name: team.name })}
    />
  );
}
