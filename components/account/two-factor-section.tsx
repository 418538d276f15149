"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { copyText } from "@/components/ui/copy-text";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import type { AccountOverview } from "@/lib/accounts/queries";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorSetupAction } from "@/lib/two-factor/actions";
import { ConfirmTwoFactorSchema, DisableTwoFactorSchema, RegenerateRecoveryCodesSchema } from "@/lib/two-factor/schemas";
import { RecoveryCodesDialog } from "./recovery-codes-dialog";

type Dialogs = "setup" | "regenerate" | "disable" | null;

/** Two-factor authentication: set up with a QR code or key, recovery codes, turn off. */
export function TwoFactorSection({ account }: { account: AccountOverview }) {
  const t = useTranslations("account.twoFactor");
  const enabled = account.totpEnabledAt !== null;
  const [open, setOpen] = useState<Dialogs>(null);
  const [setup, setSetup] = useState<{ manualKey: string; qrCode: string } | null>(null);
  // Kept here, not in a dialog: the page refreshes once 2FA is on, and the codes must outlive that.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useAction(startTwoFactorSetupAction, {
    refresh: false,
    onSuccess: (data) => {
      setSetup(data);
      setOpen("setup");
    },
  });
  const close = () => setOpen(null);
  const showCodes = (data: { recoveryCodes: string[] }) => {
    close();
    setRecoveryCodes(data.recoveryCodes);
  };

  return (
    <Card>
      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="two-factor-heading" className="font-semibold">
            {t("heading")}
          </h2>
          {enabled ? <Badge className="bg-green-100 text-green-900">{t("on")}</Badge> : <Badge>{t("off")}</Badge>}
        </div>
        <RequiredByNotice enabled={enabled} />
        {enabled ? (
          <>
            <p className="text-sm text-gray-800">{t("enabledText", { left: account.recoveryCodesLeft })}</p>
            {account.recoveryCodesLeft <= 3 ? (
              <p className="text-sm text-amber-900">{t("runningOut")}</p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setOpen("regenerate")}>
                {t("regenerate")}
              </Button>
              <Button variant="secondary" onClick={() => setOpen("disable")}>
                {t("disable")}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-gray-800">{t("disabledText")}</p>
            <FormError error={start.error} />
            <Button pending={start.pending} onClick={() => start.run({})}>
              {t("setUp")}
            </Button>
          </>
        )}
      </section>
      {open === "setup" && setup ? <SetupDialog setup={setup} onClose={close} onEnabled={showCodes} /> : null}
      {open === "regenerate" ? <RegenerateDialog onClose={close} onDone={showCodes} /> : null}
      {open === "disable" ? <DisableDialog onClose={close} /> : null}
      {recoveryCodes ? <RecoveryCodesDialog codes={recoveryCodes} onClose={() => setRecoveryCodes(null)} /> : null}
    </Card>
  );
}

/** Sent here by a workspace that requires 2FA (lib/authz requireMember): says which, and leads back once it is on. */
function RequiredByNotice({ enabled }: { enabled: boolean }) {
  const t = useTranslations("account.twoFactor");
  const requiredBy = useSearchParams().get("requiredBy");
  // Only a slug's characters: the parameter comes from a link anyone can write.
  if (!requiredBy || !/^[a-z0-9-]{1,64}$/.test(requiredBy)) return null;
  return enabled ? (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {t.rich("requiredOn", {
        slug: requiredBy,
        link: (chunks) => (
          <Link className="font-medium underline" href={`/${requiredBy}`}>
            {chunks}
          </Link>
        ),
      })}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t.rich("requiredOff", { slug: requiredBy, strong: (chunks) => <strong>{chunks}</strong> })}
    </p>
  );
}

function SetupDialog({ setup, onClose, onEnabled }: { setup: { manualKey: string; qrCode: string }; onClose: () => void; onEnabled: (data: { recoveryCodes: string[] }) => void }) {
  const t = useTranslations("account.twoFactor");
  const common = useTranslations("common");
  const confirm = useActionForm(ConfirmTwoFactorSchema, confirmTwoFactorAction, {
    defaultValues: { code: "" },
    success: t("turnedOn"),
    onSuccess: onEnabled,
  });
  const { errors } = confirm.form.formState;
  const copyKey = () => copyText(setup.manualKey.replace(/\s+/g, ""), { copied: t("keyCopied"), blocked: t("keyCopyBlocked") });
  return (
    <Dialog open onOpenChange={(isOpen) => !isOpen && onClose()} title={t("setupTitle")}>
      <div className="space-y-4 text-sm text-gray-800">
        <p>{t("scan")}</p>
        {/* A data URL drawn on the server (lib/two-factor/qr.ts): no script draws it here. */}
        <img src={setup.qrCode} alt={t("qrAlt")} width={192} height={192} className="mx-auto rounded border border-gray-200" />
        <div className="space-y-1">
          <p>{t("cantScan")}</p>
          <div className="flex items-center gap-2">
            <code data-testid="setup-key" className="rounded bg-gray-100 px-2 py-1 font-mono text-sm tracking-wide text-gray-900">
              {setup.manualKey}
            </code>
            <Button variant="ghost" onClick={copyKey} aria-label={t("copyKey")}>
              {common("copy")}
            </Button>
          </div>
        </div>
        <ActionForm form={confirm}>
          <TextField
            label={t("enterCode")}
            inputMode="numeric"
            autoComplete="one-time-code"
            error={errors.code?.message}
            {...confirm.form.register("code")}
          />
          <DialogFormButtons onCancel={onClose}>
            <SubmitButton pendingLabel={t("checking")}>{t("turnOn")}</SubmitButton>
          </DialogFormButtons>
        </ActionForm>
      </div>
    </Dialog>
  );
}

function RegenerateDialog({ onClose, onDone }: { onClose: () => void; onDone: (data: { recoveryCodes: string[] }) => void }) {
  const t = useTranslations("account.twoFactor");
  const regenerate = useActionForm(RegenerateRecoveryCodesSchema, regenerateRecoveryCodesAction, {
    defaultValues: { code: "" },
    success: t("regenerated"),
    onSuccess: onDone,
  });
  const { errors } = regenerate.form.formState;
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={t("regenerateTitle")}
      description={t("regenerateDescription")}
    >
      <ActionForm form={regenerate}>
        <TextField
          label={t("appCode")}
          inputMode="numeric"
          autoComplete="one-time-code"
          error={errors.code?.message}
          {...regenerate.form.register("code")}
        />
        <DialogFormButtons onCancel={onClose}>
            <SubmitButton pendingLabel={t("checking")}>{t("makeNewCodes")}</SubmitButton>
          </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}

function DisableDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("account.twoFactor");
  const disable = useActionForm(DisableTwoFactorSchema, disableTwoFactorAction, {
    defaultValues: { proof: "" },
    success: t("turnedOff"),
    onSuccess: onClose,
  });
  const { errors } = disable.form.formState;
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={t("disableTitle")}
      description={t("disableDescription")}
    >
      <ActionForm form={disable}>
        <TextField
          label={t("codeOrPassword")}
          type="password"
          autoComplete="current-password"
          error={errors.proof?.message}
          {...disable.form.register("proof")}
        />
        <DialogFormButtons onCancel={onClose}>
            <SubmitButton variant="danger" pendingLabel={t("turningOff")}>
            {t("turnOff")}
          </SubmitButton>
          </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}
