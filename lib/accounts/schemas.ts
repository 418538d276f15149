import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { text } from "@/lib/schemas";

// Messages are catalog keys (lib/i18n/message-key.ts): the same schema validates in the browser and in the
// action, and whatever shows the error translates it into the reader's language.

export const emailSchema = z
  .string()
  .trim()
  .min(1, messageKey("validation.emailRequired"))
  .max(254, messageKey("validation.emailTooLong"))
  .pipe(z.email(messageKey("validation.emailInvalid")))
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN = 10;

/** The rules for every password a person chooses: at sign-up, on reset and on change. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, messageKey("validation.passwordTooShort", { min: PASSWORD_MIN }))
  .max(200, messageKey("validation.passwordTooLong"));

/** A password being checked, not chosen: any length the form could have set. */
const currentPasswordSchema = (message: string) => z.string().min(1, message).max(200, messageKey("validation.passwordTooLong"));

export const SignUpSchema = z.object({
  name: text().trim().min(1, messageKey("validation.nameRequired")).max(100, messageKey("validation.nameTooLong")),
  email: emailSchema,
  password: newPasswordSchema,
  callbackUrl: text().max(2000).optional(),
  /** Signing up from an invitation link: the account joins that workspace at once. */
  invitationToken: text().max(200).optional(),
});
export type SignUpInput = z.input<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema(messageKey("validation.passwordRequired")),
  callbackUrl: text().max(2000).optional(),
  /** Asked for after the password when the account has 2FA on: an authenticator code or a recovery code. */
  code: text().trim().max(64, messageKey("validation.codeTooLong")).optional(),
});
export type SignInInput = z.input<typeof SignInSchema>;

/** The token from an emailed account link (verify, reset, confirm a new address). */
const linkToken = text().min(20, messageKey("validation.linkInvalid")).max(200, messageKey("validation.linkInvalid"));

export const AccountLinkSchema = z.object({ token: linkToken });

export const ForgotPasswordSchema = z.object({ email: emailSchema });

export const ResetPasswordSchema = z.object({ token: linkToken, password: newPasswordSchema });

export const ChangePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema(messageKey("validation.currentPasswordRequired")),
    newPassword: newPasswordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: messageKey("validation.passwordUnchanged"),
  });

export const ChangeEmailSchema = z.object({
  newEmail: emailSchema,
  // Asked again so that a browser left signed in is not enough to take the account over by its address.
  password: currentPasswordSchema(messageKey("validation.passwordRequired")),
});

export const NoInputSchema = z.object({});

/** The account's colour theme (profile menu and account page). */
export const ThemePreferenceSchema = z.object({ theme: z.enum(["SYSTEM", "LIGHT", "DARK"], "Choose light, dark or system") });
export type ThemePreferenceInput = z.input<typeof ThemePreferenceSchema>;

/** "Browser default" is null: the language then follows each browser's Accept-Language. */
export const ChangeLocaleSchema = z.object({
  locale: z.enum(["en", "de"], { message: messageKey("validation.localeInvalid") }).nullable(),
});
export type ChangeLocaleInput = z.input<typeof ChangeLocaleSchema>;
