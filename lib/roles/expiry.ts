import { z } from "zod";
import { EXPIRY_CHOICES, expiresAtFor, untilEnd } from "@/lib/access-requests/schemas";
import { DAY_MAX } from "@/lib/dates";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * How long a custom-role assignment, a direct grant or a team membership lasts, asked the way an
 * access request's approval asks it (one set of choices and words): "date" ends at the end of `until`
 * (UTC). Shared by lib/roles and lib/teams schemas.
 */
export { EXPIRY_CHOICES } from "@/lib/access-requests/schemas";
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

const until = z.iso.date(messageKey("validation.roles.dateFormat")).or(z.literal("")).optional();

export const expiryFields = { expiry: z.enum(EXPIRY_CHOICES, { message: messageKey("validation.roles.chooseExpiry") }), until };

/** Optional, with "keep": editing a direct grant or a team membership leaves its expiry alone unless asked. */
export const optionalExpiryFields = { expiry: z.enum(["keep", ...EXPIRY_CHOICES], { message: messageKey("validation.roles.chooseExpiry") }).optional(), until };

/** For superRefine: "date" needs a day that has not ended yet. */
export function refineExpiry(value: { expiry?: string | undefined; until?: string | undefined }, ctx: z.RefinementCtx) {
  if (value.expiry !== "date") return;
  const issue = (message: string) => ctx.addIssue({ code: "custom", message, path: ["until"] });
  if (!value.until) issue(messageKey("validation.roles.chooseLastDay"));
  else if (value.until > DAY_MAX || untilEnd(value.until).getTime() <= Date.now()) issue(messageKey("validation.roles.dayPassed"));
}

/** The instant something granted at `now` ends: null for never, undefined for "keep" (leave it as stored). */
export function expiryFrom(input: { expiry?: string | undefined; until?: string | undefined }, now: Date): Date | null | undefined {
  if (!input.expiry || input.expiry === "keep") return undefined;
  return expiresAtFor({ expiry: input.expiry as ExpiryChoice, until: input.until || undefined }, now);
}
