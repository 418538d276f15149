import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionUserId } from "@/lib/authz";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl) : undefined;
  if (await sessionUserId()) redirect(safe ?? "/");
  return (
    <AuthShell title="Create your account">
      <SignUpForm callbackUrl={safe} />
    </AuthShell>
  );
}
