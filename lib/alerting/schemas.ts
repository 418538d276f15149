import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";
import { splitEmailList } from "@/lib/invitations/schemas";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";
import { urlProblem } from "./url-rules";

import { ALERT_KINDS, CHANNEL_KINDS } from "./kinds";
export { ALERT_KINDS, CHANNEL_KINDS };

const name = text().trim().min(1, messageKey("validation.alerting.nameRequired")).max(60, messageKey("validation.alerting.nameTooLong"));
const id = recordId();

/**
 * One form for every kind: the fields a kind does not use are ignored; the ones it needs are checked.
 * Whether plain http can be acceptable is the deployment's policy (OUTBOUND_ALLOWED_HOSTS), so the
 * schema is made for a policy: the server reads it from the environment, the page hands it to the form.
 * Which hosts and addresses may be called is checked on the server (lib/outbound) when saving.
 */
export const channelSchema = (allowPlainHttp: () => boolean) =>
  z
  .object({
    channelId: id.optional(),
    kind: z.enum(CHANNEL_KINDS, { message: messageKey("validation.alerting.chooseKind") }),
    name,
    emails: text().max(2000).optional(),
    url: text().trim().max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "EMAIL") {
      const list = splitEmailList(value.emails ?? "");
      if (list.length === 0) ctx.addIssue({ code: "custom", path: ["emails"], message: messageKey("validation.alerting.emailsRequired") });
      if (list.length > 20) ctx.addIssue({ code: "custom", path: ["emails"], message: messageKey("validation.alerting.emailsTooMany") });
      const bad = list.find((e) => !emailSchema.safeParse(e).success);
      if (bad) ctx.addIssue({ code: "custom", path: ["emails"], message: messageKey("validation.alerting.emailInvalid", { email: bad }) });
      return;
    }
    // Editing: a blank URL keeps the stored one.
    if (!value.url && value.channelId) return;
    const problem = value.url ? urlProblem(value.url, allowPlainHttp()) : messageKey("validation.alerting.urlRequired");
    if (problem) ctx.addIssue({ code: "custom", path: ["url"], message: problem });
  })
  .transform((value) => ({ ...value, emails: value.kind === "EMAIL" ? splitEmailList(value.emails ?? "").map((e) => e.toLowerCase()) : [] }));
export type ChannelInput = z.input<ReturnType<typeof channelSchema>>;
export type ChannelOutput = z.output<ReturnType<typeof channelSchema>>;

export const ChannelIdSchema = z.object({ channelId: id });
export const ToggleChannelSchema = z.object({ channelId: id, enabled: z.boolean() });

export const AlertRuleSchema = z
  .object({
    kind: z.enum(ALERT_KINDS, { message: messageKey("validation.alerting.chooseWhat") }),
    threshold: text().trim().max(12).optional(),
    channelIds: z.array(id).min(1, messageKey("validation.alerting.chooseChannel")).max(20),
  })
  .transform((value, ctx) => {
    if (value.kind !== "BALANCE_BELOW" && value.kind !== "QUOTA_ABOVE") return { ...value, threshold: null };
    const number = Number(value.threshold);
    if (value.kind === "QUOTA_ABOVE" && !(Number.isInteger(number) && number >= 1 && number <= 100)) {
      ctx.addIssue({ code: "custom", path: ["threshold"], message: messageKey("validation.alerting.percentage") });
      return z.NEVER;
    }
    if (value.kind === "BALANCE_BELOW") {
      const match = /^\d{1,7}(\.\d{1,2})?$/.exec(value.threshold ?? "");
      if (!match) {
        ctx.addIssue({ code: "custom", path: ["threshold"], message: messageKey("validation.alerting.amount") });
        return z.NEVER;
      }
      const [whole, cents = ""] = (value.threshold ?? "").split(".");
      return { ...value, threshold: Number(whole) * 100 + Number(cents.padEnd(2, "0")) };
    }
    return { ...value, threshold: number };
  });
export type AlertRuleInput = z.input<typeof AlertRuleSchema>;

export const AlertRuleIdSchema = z.object({ ruleId: id });
