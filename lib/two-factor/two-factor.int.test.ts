import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { RATE_LIMITS } from "@/lib/rate-limits/service";
import { createSession } from "@/lib/sessions/service";
import { makeUser } from "@/tests/support/factories";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { enableTwoFactor, totpCode, wrongCode } from "@/tests/support/two-factor";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorSetupAction } from "./actions";
import { twoFactorState } from "./queries";
import { classifyCode, hashRecoveryCode } from "./totp";

const PASSWORD = "correct horse battery";

/** A signed-in account with a real password, acting from one browser, with a second browser also signed in. */
async function signedInAccount() {
  const user = await makeUser("Two Factor");
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  const here = await createSession(user.id, { ip: "127.0.0.1", userAgent: "vitest" });
  const elsewhere = await createSession(user.id, { ip: "192.0.2.9", userAgent: "other browser" });
  actAs(user.id, here);
  return { user, here, elsewhere };
}

async function sessionLive(id: string): Promise<boolean> {
  return (await db().session.findUniqueOrThrow({ where: { id } })).revokedAt === null;
}

async function securityEvents(userId: string) {
  return db().securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, metadata: true } });
}

/** Set-up as the page does it: start, then read the key the dialog shows. */
async function startSetup(): Promise<string> {
  const started = await startTwoFactorSetupAction({});
  if (!started.ok) throw new Error(started.error);
  expect(started.data.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(Buffer.from(started.data.qrCode.split(",")[1]!, "base64").toString()).toContain("<svg");
  return started.data.manualKey.replace(/\s+/g, "");
}

beforeEach(() => actAs(null));

describe("setting up two-factor authentication", () => {
  it("stores a new secret encrypted and not yet in force, then turns it on with a code from it", async () => {
    const { user, here, elsewhere } = await signedInAccount();
    const secret = await startSetup();
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecretCiphertext).toBeTruthy();
    expect(stored.totpSecretCiphertext).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();
    expect(await twoFactorState(user.id)).toMatchObject({ enabled: false, secret });

    const confirmed = await confirmTwoFactorAction({ code: await totpCode(secret) });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    const codes = confirmed.data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    expect(await twoFactorState(user.id)).toMatchObject({ enabled: true, secret });
    // Only hashes are kept: no stored value is a code.
    const rows = await db().recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(rows.some((r) => codes.includes(r.codeHash))).toBe(false);

    expect(await sessionLive(here)).toBe(true);
    expect(await sessionLive(elsewhere)).toBe(false);
    expect(await securityEvents(user.id)).toEqual([{ kind: "two_factor_enabled", metadata: { sessionsRevoked: 1 } }]);
  });

  it("refuses a wrong code on its field and turns nothing on", async () => {
    const { user, elsewhere } = await signedInAccount();
    const secret = await startSetup();
    const right = await totpCode(secret);
    const wrong = wrongCode(right);
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const refused = await confirmTwoFactorAction({ code: wrong });
    expect(refused).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { code: expect.stringContaining("not right") } });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await sessionLive(elsewhere)).toBe(true);
    // The form's schema refuses what is not six digits before the server looks at it.
    expect(await confirmTwoFactorAction({ code: "12345" })).toMatchObject({ ok: false, fieldErrors: { code: "Enter the 6-digit code from your authenticator app" } });
  });

  it("counts wrong codes per account and refuses past the limit, even a right one", async () => {
    await signedInAccount();
    const secret = await startSetup();
    const right = await totpCode(secret);
    const wrong = wrongCode(right);
    for (let i = 0; i < RATE_LIMITS.twoFactorPerAccount.limit; i++) {
      expect(await confirmTwoFactorAction({ code: wrong })).toMatchObject({ ok: false, code: "INVALID" });
    }
    expect(await confirmTwoFactorAction({ code: right })).toMatchObject({ ok: false, code: "LIMIT", error: expect.stringMatching(/^Too many attempts\. Try again in \d+ minutes?\.$/) });
  });

  it("starting again replaces an unfinished set-up; once on, set-up is refused", async () => {
    const { user } = await signedInAccount();
    const first = await startSetup();
    const second = await startSetup();
    expect(second).not.toBe(first);
    expect(await confirmTwoFactorAction({ code: await totpCode(first) })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await confirmTwoFactorAction({ code: await totpCode(second) })).toMatchObject({ ok: true });
    expect(await startTwoFactorSetupAction({})).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await confirmTwoFactorAction({ code: await totpCode(second, 1) })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await twoFactorState(user.id))?.secret).toBe(second);
  });

  it("refuses to confirm when no set-up was started", async () => {
    await signedInAccount();
    expect(await confirmTwoFactorAction({ code: "123456" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("recovery codes", () => {
  it("are replaced by new ones with a current code, which also signs out the other browsers", async () => {
    const { user, elsewhere } = await signedInAccount();
    const { secret, recoveryCodes: old } = await enableTwoFactor(user.id);
    const made = await regenerateRecoveryCodesAction({ code: await totpCode(secret) });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const fresh = made.data.recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    const hashes = (await db().recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).sort();
    expect(hashes).toEqual(fresh.map(hashRecoveryCode).sort());
    expect(await sessionLive(elsewhere)).toBe(false);
    expect((await securityEvents(user.id)).map((e) => e.kind)).toEqual(["recovery_codes_regenerated"]);
  });

  it("are not replaced without a right code, nor with one already used", async () => {
    const { user } = await signedInAccount();
    const { secret } = await enableTwoFactor(user.id);
    const code = await totpCode(secret);
    const before = await databaseSnapshot();
    expect(await regenerateRecoveryCodesAction({ code: wrongCode(code) })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(String) } });
    expect(await regenerateRecoveryCodesAction({ code: "" })).toMatchObject({ ok: false, code: "INVALID" });
    const after = await databaseSnapshot();
    // Only the attempt counter moved.
    expect({ ...after, RateLimitBucket: "" }).toEqual({ ...before, RateLimitBucket: "" });
    expect(await regenerateRecoveryCodesAction({ code })).toMatchObject({ ok: true });
    // A code is good once: the same one again is refused.
    expect(await regenerateRecoveryCodesAction({ code })).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("tell a six-digit code from a recovery code, whatever its case and dashes", () => {
    expect(classifyCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(classifyCode("ABCD-EFGH-JKMN-PQRS")).toEqual({ kind: "recovery_code", code: "abcdefghjkmnpqrs" });
    expect(classifyCode("abcdefghjkmnpqrs")).toEqual({ kind: "recovery_code", code: "abcdefghjkmnpqrs" });
    expect(classifyCode("12345")).toBeNull();
    expect(classifyCode("not a code")).toBeNull();
    expect(hashRecoveryCode("ABCD-EFGH-JKMN-PQRS")).toBe(hashRecoveryCode("abcdefghjkmnpqrs"));
  });
});

describe("turning two-factor authentication off", () => {
  it("works with a current code: the secret and recovery codes are deleted and other browsers signed out", async () => {
    const { user, here, elsewhere } = await signedInAccount();
    const { secret } = await enableTwoFactor(user.id);
    expect(await disableTwoFactorAction({ proof: await totpCode(secret) })).toMatchObject({ ok: true });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ totpSecretCiphertext: null, totpEnabledAt: null, totpLastUsedStep: null });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await sessionLive(here)).toBe(true);
    expect(await sessionLive(elsewhere)).toBe(false);
    expect(await securityEvents(user.id)).toEqual([{ kind: "two_factor_disabled", metadata: { with: "code", sessionsRevoked: 1 } }]);
    expect(await disableTwoFactorAction({ proof: PASSWORD })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("works with the password, for someone whose phone is gone", async () => {
    const { user } = await signedInAccount();
    await enableTwoFactor(user.id);
    expect(await disableTwoFactorAction({ proof: PASSWORD })).toMatchObject({ ok: true });
    expect((await twoFactorState(user.id))?.enabled).toBe(false);
    expect((await securityEvents(user.id))[0]).toMatchObject({ kind: "two_factor_disabled", metadata: { with: "password" } });
  });

  it("needs one or the other: a session alone is not enough", async () => {
    const { user, elsewhere } = await signedInAccount();
    const { secret, recoveryCodes } = await enableTwoFactor(user.id);
    const right = await totpCode(secret);
    for (const proof of ["wrong password!!", wrongCode(right), recoveryCodes[0]!]) {
      expect(await disableTwoFactorAction({ proof })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { proof: "That code or password is not right." } });
    }
    expect(await disableTwoFactorAction({ proof: "" })).toMatchObject({ ok: false, code: "INVALID" });
    expect((await twoFactorState(user.id))?.enabled).toBe(true);
    expect(await sessionLive(elsewhere)).toBe(true);
  });

  it("refuses anyone signed out", async () => {
    actAs(null);
    expect(await disableTwoFactorAction({ proof: PASSWORD })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await startTwoFactorSetupAction({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
