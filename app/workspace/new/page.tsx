import type { Metadata } from "next";
import Link from "next/link";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUserId } from "@/lib/authz";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  await requireUserId();
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <Link href="/workspace/select" className="text-sm text-brand-text underline">
        All workspaces
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">Create a workspace</h1>
      <p className="mt-1 text-sm text-gray-700">You will be its owner. Invite members once it exists.</p>
      <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <CreateWorkspaceForm />
      </div>
    </main>
  );
}
