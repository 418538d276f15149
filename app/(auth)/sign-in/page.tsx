import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionUserId } from "@/lib/authz";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl) : undefined;
  if (await sessionUserId()) redirect(safe ?? "/");
  return (
    <AuthShell title="Sign in to Workspaces">
      <SignInForm callbackUrl={safe} />
    </AuthShell>
  );
}
