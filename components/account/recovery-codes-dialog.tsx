"use client";

import { Copy, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { copyText } from "@/components/ui/copy-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Recovery codes, shown once right after they were made: the server keeps only their hashes, so this
 * dialog is the one chance to copy, download or write them down.
 */
export function RecoveryCodesDialog({ codes, onClose }: { codes: string[]; onClose: () => void }) {
  const t = useTranslations("account.recoveryCodes");
  const common = useTranslations("common");
  const asText = codes.join("\n") + "\n";
  const copy = () => copyText(asText, { copied: t("copied"), blocked: t("copyBlocked") });
  const download = () => {
    const url = URL.createObjectURL(new Blob([asText], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "workspaces-recovery-codes.txt";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("title")}
      description={t("description")}
    >
      <div className="space-y-4">
        <ol aria-label={t("listLabel")} className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-gray-200 bg-gray-50 p-4 font-mono text-sm text-gray-900">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={copy}>
            <Copy aria-hidden className="size-4" /> {common("copy")}
          </Button>
          <Button variant="secondary" onClick={download}>
            <Download aria-hidden className="size-4" /> {t("download")}
          </Button>
          <Button onClick={onClose}>{t("saved")}</Button>
        </div>
      </div>
    </Dialog>
  );
}
