"use server";

import {
  AccountLinkSchema,
  ChangeLocaleSchema,
  ChangeEmailSchema,
  ChangePasswordSchema,
  ForgotPasswordSchema,
  NoInputSchema,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
  ThemePreferenceSchema,
} from "@/lib/accounts/schemas";
import {
  changePassword,
  confirmEmailChange,
  createAccount,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  setLocalePreference,
  setThemePreference,
  signUp,
  verifyEmail,
} from "@/lib/accounts/service";
import { signIn, SignInRateLimited, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SecondFactorRefused } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { publicAction, userAction } from "@/lib/authz";
import type { PublicCaller } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { acceptInvitation } from "@/lib/invitations/service";
import { invitationStatus } from "@/lib/invitations/status";
import { enforceRateLimit, tooManyAttempts } from "@/lib/rate-limits/service";
import { activeSessionUser } from "@/lib/sessions/queries";
import { endSession } from "@/lib/sessions/service";
import { AuthError } from "next-auth";
import { z } from "zod";
import { text } from "@/lib/schemas";
import { syncLocaleCookie } from "@/lib/i18n/cookie";
import { messageKey } from "@/lib/i18n/message-key";

const WRONG_CREDENTIALS = messageKey("errors.wrongCredentials");

export const signInAction = publicAction({ name: "auth.signIn", input: SignInSchema }, async (_ctx, input) => {
  try {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      ...(input.code ? { code: input.code } : {}),
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
  } catch (error) {
    if (error instanceof SignInRateLimited) throw new Refusal("LIMIT", tooManyAttempts(error.retryAfterSeconds));
    if (error instanceof SecondFactorRefused) throw Refusal.field("code", error.prompt);
    // Same words for an unknown email and a wrong password: the form must not reveal who has an account.
    if (error instanceof AuthError) throw new Refusal("INVALID", WRONG_CREDENTIALS);
    throw error;
  }
});

export const signUpAction = publicAction({ name: "auth.signUp", input: SignUpSchema }, async (ctx, input) => {
  const token = input.invitationToken;
  // Without an invitation nothing proves the mailbox yet: the same "check your inbox" whoever owns it.
  if (!token) return signUp(input, await accountRequest(ctx));
  // The link is the proof of the mailbox, so it binds the address: no other email can use it. Its
  // holder may learn that the address has an account; anyone else learns nothing here.
  const invitation = await findInvitationByToken(token);
  if (!invitation || invitationStatus(invitation) !== "pending") {
    throw new Refusal("CONFLICT", messageKey("errors.invitationUnusable"));
  }
  if (invitation.email !== input.email) {
    throw Refusal.field("email", messageKey("errors.invitationForOtherEmail", { email: invitation.email }));
  }
  if (ctx.ip) await enforceRateLimit("signUpPerAddress", ctx.ip);
  const passwordHash = await hashPassword(input.password);
  const landing = await db().$transaction(async (tx) => {
    const account = await createAccount(tx, { name: input.name, email: input.email, passwordHash });
    // Accepting verifies the address: the invitation reached that mailbox.
    const { workspaceSlug } = await acceptInvitation(tx, { userId: account.id, ip: ctx.ip }, token);
    return `/${workspaceSlug}`;
  });
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: landing });
});

export const signOutAction = publicAction(
  { name: "auth.signOut", input: z.object({ callbackUrl: text().max(2000).optional() }) },
  async (ctx, input) => {
    // The Session row dies first: a copy of the cookie taken before signing out signs nobody in.
    if (ctx.sessionId) await endSession(ctx.sessionId, { ip: ctx.ip, userAgent: ctx.userAgent });
    // Switching account from an invitation: sign out, then sign in and come back to the link.
    const back = input.callbackUrl ? safeCallbackPath(input.callbackUrl, "") : "";
    await signOut({ redirectTo: back ? `/sign-in?callbackUrl=${encodeURIComponent(back)}` : "/sign-in" });
  },
);

async function accountRequest(ctx: PublicCaller) {
  return { ip: ctx.ip, userAgent: ctx.userAgent, origin: await ctx.origin() };
}

/** Whether the browser asking is signed in as this account (where to send it after opening a link). */
async function signedInAs(ctx: PublicCaller, userId: string): Promise<boolean> {
  return ctx.sessionId !== null && (await activeSessionUser(ctx.sessionId)) === userId;
}

export const verifyEmailAction = publicAction({ name: "auth.verifyEmail", input: AccountLinkSchema }, async (ctx, input) => {
  const { userId, email } = await verifyEmail(input.token, ctx);
  return { email, signedIn: await signedInAs(ctx, userId) };
});

export const requestPasswordResetAction = publicAction({ name: "auth.requestPasswordReset", input: ForgotPasswordSchema }, async (ctx, input) =>
  requestPasswordReset(input.email, await accountRequest(ctx)),
);

export const resetPasswordAction = publicAction({ name: "auth.resetPassword", input: ResetPasswordSchema }, async (ctx, input) =>
  resetPassword(input, ctx),
);

// Public: the link may be opened on another device than the one that asked; the token proves the new mailbox.
export const confirmEmailChangeAction = publicAction({ name: "account.confirmEmailChange", input: AccountLinkSchema }, async (ctx, input) => {
  const { userId, email } = await confirmEmailChange(input.token, ctx);
  return { email, signedIn: await signedInAs(ctx, userId) };
});

export const changePasswordAction = userAction({ name: "account.changePassword", input: ChangePasswordSchema }, (ctx, input) =>
  changePassword(ctx, input),
);

export const requestEmailChangeAction = userAction({ name: "account.requestEmailChange", input: ChangeEmailSchema }, async (ctx, input) =>
  requestEmailChange(ctx, input, await ctx.origin()),
);

export const resendVerificationAction = userAction({ name: "account.resendVerification", input: NoInputSchema }, async (ctx) =>
  resendVerification(ctx, await ctx.origin()),
);

export const setThemePreferenceAction = userAction({ name: "account.setTheme", input: ThemePreferenceSchema }, async (ctx, input) => {
  await setThemePreference(ctx.tx, ctx.userId, input.theme);
  return { theme: input.theme };
});

// The database holds the choice (mail reads it); the cookie lets every page read it without a query.
export const setLocalePreferenceAction = userAction({ name: "account.setLocale", input: ChangeLocaleSchema }, async (ctx, input) => {
  await setLocalePreference(ctx.tx, ctx.userId, input.locale);
  await syncLocaleCookie(input.locale);
  return { locale: input.locale };
});
