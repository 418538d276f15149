"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import { instanceParents } from "./instance-parents";
import { lazyNamed } from "@/components/ui/lazy-named";

// The list pages' "New …" buttons. The forms, their zod schemas and the dialog load on the first
// pointer-over, focus or click (./create-modals), so a list page's first load carries only the button.
const loadForms = () => import("./create-modals");
const CreateProjectModal = lazyNamed(loadForms, "CreateProjectModal");
const CreateServerModal = lazyNamed(loadForms, "CreateServerModal");
const CreateInstanceModal = lazyNamed(loadForms, "CreateInstanceModal");

export function CreateProjectDialog({ slug }: { slug: string }) {
  const t = useTranslations("resources.forms");
  return (
    <LazyDialogButton preload={loadForms} dialog={(close) => <CreateProjectModal slug={slug} onClose={close} />}>
      <Plus aria-hidden className="size-4" /> {t("project.title")}
    </LazyDialogButton>
  );
}

export function CreateServerDialog({ slug }: { slug: string }) {
  const t = useTranslations("resources.forms");
  return (
    <LazyDialogButton preload={loadForms} dialog={(close) => <CreateServerModal slug={slug} onClose={close} />}>
      <Plus aria-hidden className="size-4" /> {t("server.title")}
    </LazyDialogButton>
  );
}

/** Its options are asked for with its code, on the first pointer-over or focus (./instance-parents). */
export function CreateInstanceDialog({ slug }: { slug: string }) {
  const t = useTranslations("resources.forms");
  const preload = () => {
    void loadForms();
    void instanceParents(slug);
  };
  return (
    <LazyDialogButton preload={preload} dialog={(close) => <CreateInstanceModal slug={slug} onClose={close} />}>
      <Plus aria-hidden className="size-4" /> {t("instance.title")}
    </LazyDialogButton>
  );
}
