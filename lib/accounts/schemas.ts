import { z } from "zod";
import { text } from "@/lib/schemas";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address"))
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN = 10;

/** The rules for every password a person chooses: at sign-up, on reset and on change. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(200, "Keep the password under 200 characters");

/** A password being checked, not chosen: any length the form could have set. */
const currentPasswordSchema = (message: string) => z.string().min(1, message).max(200, "Keep the password under 200 characters");

export const SignUpSchema = z.object({
  name: text().trim().min(1, "Enter your name").max(100, "Keep the name under 100 characters"),
  email: emailSchema,
  password: newPasswordSchema,
  callbackUrl: text().max(2000).optional(),
  /** Signing up from an invitation link: the account joins that workspace at once. */
  invitationToken: text().max(200).optional(),
});
export type SignUpInput = z.input<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema("Enter your password"),
  callbackUrl: text().max(2000).optional(),
  /** Asked for after the password when the account has 2FA on: an authenticator code or a recovery code. */
  code: text().trim().max(64, "Enter the 6-digit code from your authenticator app, or a recovery code").optional(),
});
export type SignInInput = z.input<typeof SignInSchema>;

/** The token from an emailed account link (verify, reset, confirm a new address). */
const linkToken = text().min(20, "This link is not valid").max(200, "This link is not valid");

export const AccountLinkSchema = z.object({ token: linkToken });

export const ForgotPasswordSchema = z.object({ email: emailSchema });

export const ResetPasswordSchema = z.object({ token: linkToken, password: newPasswordSchema });

export const ChangePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema("Enter your current password"),
    newPassword: newPasswordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

export const ChangeEmailSchema = z.object({
  newEmail: emailSchema,
  // Asked again so that a browser left signed in is not enough to take the account over by its address.
  password: currentPasswordSchema("Enter your password"),
});

export const NoInputSchema = z.object({});
