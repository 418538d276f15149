"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { openIdeAction } from "@/lib/resources/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

const FILES = ["package.json", "src/index.ts", "src/routes.ts", "Dockerfile"];

/** A stand-in editor: opening it is the audited action; there is no real workspace behind it. */
export function WebIde({ slug, instanceId, instanceName }: { slug: string; instanceId: string; instanceName: string }) {
  const t = useTranslations("resources.instance.ide");
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState(FILES[0]!);
  const { run, pending } = useAction((input: { instanceId: string }) => openIdeAction(slug, input), { onSuccess: () => setOpen(true), refresh: false });
  if (!open) {
    return (
      <Button pending={pending} onClick={() => run({ instanceId })}>
        {t("open")}
      </Button>
    );
  }
  return (
    <div className="grid min-h-80 grid-cols-[12rem_1fr] overflow-hidden rounded-lg border border-gray-300" aria-label={t("region", { name: instanceName })} role="region">
      <ul className="bg-gray-100 p-2 text-sm">
        {FILES.map((f) => (
          <li key={f}>
            <button type="button" onClick={() => setFile(f)} aria-pressed={f === file} className="w-full rounded px-2 py-1 text-left font-mono hover:bg-gray-200 aria-pressed:bg-white">
              {f}
            </button>
          </li>
        ))}
      </ul>
      <label className="flex flex-col">
        <span className="sr-only">{t("contents", { file })}</span>
        <textarea className="h-full flex-1 bg-gray-900 p-3 font-mono text-xs text-gray-100" defaultValue={`// ${instanceName}: ${file}\n`} key={file} />
      </label>
    </div>
  );
}
