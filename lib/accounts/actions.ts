"use server";

import { SignInSchema, SignUpSchema } from "@/lib/accounts/schemas";
import { createAccount } from "@/lib/accounts/service";
import { signIn, SignInRateLimited, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { hashPassword } from "@/lib/auth/password";
import { publicAction } from "@/lib/authz";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { acceptInvitation } from "@/lib/invitations/service";
import { invitationStatus } from "@/lib/invitations/status";
import { enforceRateLimit, tooManyAttempts } from "@/lib/rate-limits/service";
import { endSession } from "@/lib/sessions/service";
import { AuthError } from "next-auth";
import { z } from "zod";
import { text } from "@/lib/schemas";

const WRONG_CREDENTIALS = "The email or password is incorrect.";

export const signInAction = publicAction({ name: "auth.signIn", input: SignInSchema }, async (_ctx, input) => {
  try {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
  } catch (error) {
    if (error instanceof SignInRateLimited) throw new Refusal("LIMIT", tooManyAttempts(error.retryAfterSeconds));
    // Same words for an unknown email and a wrong password: the form must not reveal who has an account.
    if (error instanceof AuthError) throw new Refusal("INVALID", WRONG_CREDENTIALS);
    throw error;
  }
});

export const signUpAction = publicAction({ name: "auth.signUp", input: SignUpSchema }, async ({ ip }, input) => {
  const token = input.invitationToken;
  if (token) {
    // The link is the proof of the mailbox, so it binds the address: no other email can use it.
    const invitation = await findInvitationByToken(token);
    if (!invitation || invitationStatus(invitation) !== "pending") {
      throw new Refusal("CONFLICT", "This invitation can no longer be used. Ask for a new one, or sign up without it.");
    }
    if (invitation.email !== input.email) {
      throw Refusal.field("email", `This invitation is for ${invitation.email}`);
    }
  }
  if (ip) await enforceRateLimit("signUpPerAddress", ip);
  const passwordHash = await hashPassword(input.password);
  const landing = await db().$transaction(async (tx) => {
    const account = await createAccount(tx, { name: input.name, email: input.email, passwordHash });
    if (!token) return `/${account.personalWorkspaceSlug}`;
    const { workspaceSlug } = await acceptInvitation(tx, { userId: account.id, ip }, token);
    return `/${workspaceSlug}`;
  });
  await signIn("credentials", {
    email: input.email,
    password: input.password,
    redirectTo: token ? landing : safeCallbackPath(input.callbackUrl, landing),
  });
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
