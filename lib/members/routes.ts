import { z } from "zod";
import { workspaceRoute } from "@/lib/authz/route";
import { memberPermissionChoices } from "@/lib/members/queries";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";
import { recordId } from "@/lib/schemas";
import { memberRoleChoices } from "@/lib/roles/queries";

/** The permissions modal's contents for one member, loaded when the modal opens: grant, custom roles, and why. */
export const memberPermissionChoicesRoute = workspaceRoute(
  { name: "members.permissionChoices", permission: "members.manage", input: z.object({ membershipId: recordId() }) },
  async (ctx, { membershipId }, request) => {
    // The "why" lines are words: written in the language the page asking for them is shown in (i18n/request.ts's rule).
    const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(request.headers.get("cookie") ?? "")?.[1];
    const locale = negotiateLocale({ cookie, acceptLanguage: request.headers.get("accept-language") });
    return Response.json(
      { ...(await memberPermissionChoices(ctx, membershipId)), ...(await memberRoleChoices(ctx, membershipId, locale)) },
      { headers: { "cache-control": "private, no-store" } },
    );
  },
);
