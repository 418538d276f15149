"use client";

import { Copy, Download } from "lucide-react";
import { copyText } from "@/components/ui/copy-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Recovery codes, shown once right after they were made: the server keeps only their hashes, so this
 * dialog is the one chance to copy, download or write them down.
 */
export function RecoveryCodesDialog({ codes, onClose }: { codes: string[]; onClose: () => void }) {
  const asText = codes.join("\n") + "\n";
  const copy = () => copyText(asText, "recovery codes");
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
      title="Save your recovery codes"
      description="If you lose your phone, each code signs you in once in place of an authenticator code. This is the only time they are shown: keep them somewhere safe, such as a password manager."
    >
      <div className="space-y-4">
        <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-gray-200 bg-gray-50 p-4 font-mono text-sm text-gray-900">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={copy}>
            <Copy aria-hidden className="size-4" /> Copy
          </Button>
          <Button variant="secondary" onClick={download}>
            <Download aria-hidden className="size-4" /> Download
          </Button>
          <Button onClick={onClose}>I saved them</Button>
        </div>
      </div>
    </Dialog>
  );
}
