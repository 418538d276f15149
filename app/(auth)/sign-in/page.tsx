import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionUserId } from "@/lib/authz";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const query = await searchParams;
  // A repeated parameter arrives as an array; only a single value is honoured.
  const callbackUrl = typeof query.callbackUrl === "string" ? query.callbackUrl : undefined;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl) : undefined;
  if (await sessionUserId()) redirect(safe ?? "/");
  return (
    <AuthShell title="Sign in to Workspaces">
      <SignInForm callbackUrl={safe} />
    </AuthShell>
  );
}
