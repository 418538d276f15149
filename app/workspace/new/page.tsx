import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionProfileMenu } from "@/components/account/session-profile-menu";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUserId } from "@/lib/authz";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.new");
  return { title: t("title") };
}

export default async function NewWorkspacePage() {
  await requireUserId();
  const t = await getTranslations("workspaces.new");
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <div className="flex items-center justify-between gap-4">
        <Link href="/workspace/select" className="text-sm text-brand-text underline">
          {t("back")}
        </Link>
        <SessionProfileMenu />
      </div>
      <h1 className="mt-4 text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-1 text-sm text-gray-700">{t("intro")}</p>
      <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <CreateWorkspaceForm />
      </div>
    </main>
  );
}
