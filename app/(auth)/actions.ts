"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { hashPassword } from "@/lib/auth/password";
import { SignInSchema, SignUpSchema } from "@/lib/accounts/schemas";
import { createAccount } from "@/lib/accounts/service";
import { publicAction } from "@/lib/authz";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";

const WRONG_CREDENTIALS = "The email or password is incorrect.";

export const signInAction = publicAction({ name: "auth.signIn", input: SignInSchema }, async (input) => {
  try {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
  } catch (error) {
    // Same words for an unknown email and a wrong password: the form must not reveal who has an account.
    if (error instanceof AuthError) throw new Refusal("INVALID", WRONG_CREDENTIALS);
    throw error;
  }
});

export const signUpAction = publicAction({ name: "auth.signUp", input: SignUpSchema }, async (input) => {
  const passwordHash = await hashPassword(input.password);
  const account = await db().$transaction((tx) =>
    createAccount(tx, { name: input.name, email: input.email, passwordHash }),
  );
  await signIn("credentials", {
    email: input.email,
    password: input.password,
    redirectTo: safeCallbackPath(input.callbackUrl, `/${account.personalWorkspaceSlug}`),
  });
});

export const signOutAction = publicAction({ name: "auth.signOut", input: z.object({}) }, async () => {
  await signOut({ redirectTo: "/sign-in" });
});
