"use client";

import Link from "next/link";
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
            Two-factor authentication
          </h2>
          {enabled ? <Badge className="bg-green-100 text-green-900">On</Badge> : <Badge>Off</Badge>}
        </div>
        <RequiredByNotice enabled={enabled} />
        {enabled ? (
          <>
            <p className="text-sm text-gray-800">
              Signing in asks for a code from your authenticator app after your password.{" "}
              {account.recoveryCodesLeft} of 10 recovery codes left.
            </p>
            {account.recoveryCodesLeft <= 3 ? (
              <p className="text-sm text-amber-900">
                You are running out of recovery codes: make new ones so that losing your phone can&apos;t lock you out.
              </p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setOpen("regenerate")}>
                Make new recovery codes
              </Button>
              <Button variant="secondary" onClick={() => setOpen("disable")}>
                Turn off two-factor authentication
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-gray-800">
              Protect your account with a second step at sign-in: a 6-digit code from an authenticator app on your phone, such as
              Google Authenticator, 1Password or Authy. Turning it on signs out your other browsers.
            </p>
            <FormError error={start.error} />
            <Button pending={start.pending} onClick={() => start.run({})}>
              Set up two-factor authentication
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
  const requiredBy = useSearchParams().get("requiredBy");
  // Only a slug's characters: the parameter comes from a link anyone can write.
  if (!requiredBy || !/^[a-z0-9-]{1,64}$/.test(requiredBy)) return null;
  return enabled ? (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      Two-factor authentication is on.{" "}
      <Link className="font-medium underline" href={`/${requiredBy}`}>
        Continue to /{requiredBy}
      </Link>
    </p>
  ) : (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      The workspace <strong>/{requiredBy}</strong> requires two-factor authentication. Set it up here to open it.
    </p>
  );
}

function SetupDialog({ setup, onClose, onEnabled }: { setup: { manualKey: string; qrCode: string }; onClose: () => void; onEnabled: (data: { recoveryCodes: string[] }) => void }) {
  const confirm = useActionForm(ConfirmTwoFactorSchema, confirmTwoFactorAction, {
    defaultValues: { code: "" },
    success: "Two-factor authentication is on",
    onSuccess: onEnabled,
  });
  const { errors } = confirm.form.formState;
  const copyKey = () => copyText(setup.manualKey.replace(/\s+/g, ""), "key");
  return (
    <Dialog open onOpenChange={(isOpen) => !isOpen && onClose()} title="Set up two-factor authentication">
      <div className="space-y-4 text-sm text-gray-800">
        <p>1. Scan this QR code with your authenticator app.</p>
        {/* A data URL drawn on the server (lib/two-factor/qr.ts): no script draws it here. */}
        <img src={setup.qrCode} alt="QR code to scan with your authenticator app" width={192} height={192} className="mx-auto rounded border border-gray-200" />
        <div className="space-y-1">
          <p>Can&apos;t scan it? Enter this setup key in the app instead:</p>
          <div className="flex items-center gap-2">
            <code data-testid="setup-key" className="rounded bg-gray-100 px-2 py-1 font-mono text-sm tracking-wide text-gray-900">
              {setup.manualKey}
            </code>
            <Button variant="ghost" onClick={copyKey} aria-label="Copy the setup key">
              Copy
            </Button>
          </div>
        </div>
        <ActionForm form={confirm}>
          <TextField
            label="2. Enter the 6-digit code the app shows"
            inputMode="numeric"
            autoComplete="one-time-code"
            error={errors.code?.message}
            {...confirm.form.register("code")}
          />
          <DialogFormButtons onCancel={onClose}>
            <SubmitButton pendingLabel="Checking…">Turn on</SubmitButton>
          </DialogFormButtons>
        </ActionForm>
      </div>
    </Dialog>
  );
}

function RegenerateDialog({ onClose, onDone }: { onClose: () => void; onDone: (data: { recoveryCodes: string[] }) => void }) {
  const regenerate = useActionForm(RegenerateRecoveryCodesSchema, regenerateRecoveryCodesAction, {
    defaultValues: { code: "" },
    success: "New recovery codes made",
    onSuccess: onDone,
  });
  const { errors } = regenerate.form.formState;
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title="Make new recovery codes?"
      description="Your current recovery codes stop working, and your other browsers are signed out."
    >
      <ActionForm form={regenerate}>
        <TextField
          label="Code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          error={errors.code?.message}
          {...regenerate.form.register("code")}
        />
        <DialogFormButtons onCancel={onClose}>
            <SubmitButton pendingLabel="Checking…">Make new codes</SubmitButton>
          </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}

function DisableDialog({ onClose }: { onClose: () => void }) {
  const disable = useActionForm(DisableTwoFactorSchema, disableTwoFactorAction, {
    defaultValues: { proof: "" },
    success: "Two-factor authentication is off",
    onSuccess: onClose,
  });
  const { errors } = disable.form.formState;
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title="Turn off two-factor authentication?"
      description="Signing in will ask for your password only. Workspaces that require two-factor authentication stay closed to you until you turn it on again, and your other browsers are signed out."
    >
      <ActionForm form={disable}>
        <TextField
          label="Code from your authenticator app, or your password"
          type="password"
          autoComplete="current-password"
          error={errors.proof?.message}
          {...disable.form.register("proof")}
        />
        <DialogFormButtons onCancel={onClose}>
            <SubmitButton variant="danger" pendingLabel="Turning off…">
            Turn off
          </SubmitButton>
          </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}
