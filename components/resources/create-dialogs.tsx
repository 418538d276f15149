"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import type { SelectOption } from "@/components/ui/select";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";

// The list pages' "New …" buttons. The forms, their zod schemas and the dialog load on the first
// pointer-over, focus or click (./create-modals), so a list page's first load carries only the button.
const loadForms = () => import("./create-modals");
const CreateProjectModal = lazy(() => loadForms().then((m) => ({ default: m.CreateProjectModal })));
const CreateServerModal = lazy(() => loadForms().then((m) => ({ default: m.CreateServerModal })));
const CreateInstanceModal = lazy(() => loadForms().then((m) => ({ default: m.CreateInstanceModal })));

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

export function CreateInstanceDialog({ slug, projects, servers }: { slug: string; projects: SelectOption[]; servers: SelectOption[] }) {
  const t = useTranslations("resources.forms");
  return (
    <LazyDialogButton preload={loadForms} dialog={(close) => <CreateInstanceModal slug={slug} projects={projects} servers={servers} onClose={close} />}>
      <Plus aria-hidden className="size-4" /> {t("instance.title")}
    </LazyDialogButton>
  );
}
