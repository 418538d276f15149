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

export const SignUpSchema = z.object({
  name: text().trim().min(1, "Enter your name").max(100, "Keep the name under 100 characters"),
  email: emailSchema,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
    .max(200, "Keep the password under 200 characters"),
  callbackUrl: text().max(2000).optional(),
  /** Signing up from an invitation link: the account joins that workspace at once. */
  invitationToken: text().max(200).optional(),
});
export type SignUpInput = z.input<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200, "Keep the password under 200 characters"),
  callbackUrl: text().max(2000).optional(),
});
export type SignInInput = z.input<typeof SignInSchema>;
