"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import { lazyNamed } from "@/components/ui/lazy-named";

// The form, its schema and the dialog load on the button's first pointer-over, focus or click.
const loadFlow = () => import("./create-api-key-flow");
const CreateApiKeyFlow = lazyNamed(loadFlow, "CreateApiKeyFlow");

/**
 * "Create API key" and its dialog: a form, then the new secret, shown this once (only its hash is
 * stored). `canWrite` is whether the caller holds apiKeys.manage; the server refuses a write key
 * to anyone else whatever the form sends.
 */
export function CreateApiKeyDialog({ slug, canWrite }: { slug: string; canWrite: boolean }) {
  const t = useTranslations("apiKeys.create");
  return (
    // Mounted while open only: each key starts from a fresh form, and the secret leaves memory on close.
    <LazyDialogButton preload={loadFlow} dialog={(close) => <CreateApiKeyFlow slug={slug} canWrite={canWrite} close={close} />}>
      <KeyRound aria-hidden className="size-4" />
      {t("button")}
    </LazyDialogButton>
  );
}

