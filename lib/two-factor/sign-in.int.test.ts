import { describe, expect, it } from "vitest";
import { authorizeCredentials, SecondFactorRefused, SignInRateLimited } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { RATE_LIMITS } from "@/lib/rate-limits/service";
import { makeUser } from "@/tests/support/factories";
import { enableTwoFactor, totpCode, wrongCode } from "@/tests/support/two-factor";
import { messageText } from "@/lib/i18n/translator";

const PASSWORD = "correct horse battery";
let address = 0;
/** Each call from its own address, so the per-address password limit stays out of the way. */
const request = () => new Request("http://app.test/api/auth/callback/credentials", { headers: { "x-forwarded-for": `198.18.${address >> 8}.${address++ & 255}`, "user-agent": "vitest" } });

async function accountWithTwoFactor() {
  const user = await makeUser("Signs In");
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return { user, ...(await enableTwoFactor(user.id)) };
}

const signIn = (email: string, password: string, code?: string) =>
  authorizeCredentials({ email, password, ...(code === undefined ? {} : { code }), callbackUrl: "/" }, request()).catch((error: unknown) => error);

const sessions = (userId: string) => db().session.count({ where: { userId } });
const events = (userId: string) => db().securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, metadata: true } });

describe("signing in to an account with two-factor authentication", () => {
  it("asks for a code after a right password, and opens no session without one", async () => {
    const { user } = await accountWithTwoFactor();
    for (const code of [undefined, "", "   "]) {
      const refused = await signIn(user.email, PASSWORD, code);
      expect(refused).toBeInstanceOf(SecondFactorRefused);
      expect((refused as SecondFactorRefused).reason).toBe("missing");
      expect(messageText((refused as SecondFactorRefused).prompt)).toBe("Enter the 6-digit code from your authenticator app, or a recovery code");
    }
    expect(await sessions(user.id)).toBe(0);
    // The password step keeps its own rules: the right password gave its attempts back.
    expect((await db().rateLimitBucket.findUnique({ where: { key: `signInPerAccount:${user.email}` } }))?.count).toBe(0);
  });

  it("never asks a wrong password for a code: the code step is not an oracle for anyone without the password", async () => {
    const { user, secret } = await accountWithTwoFactor();
    expect(await signIn(user.email, "wrong password!!", await totpCode(secret))).toBeNull();
    expect(await signIn(user.email, "wrong password!!")).toBeNull();
    expect(await sessions(user.id)).toBe(0);
  });

  it("signs in with a current code, once: the same code again is refused", async () => {
    const { user, secret } = await accountWithTwoFactor();
    const code = await totpCode(secret);
    expect(await signIn(user.email, PASSWORD, code)).toMatchObject({ id: user.id, sessionId: expect.any(String) });
    const replayed = await signIn(user.email, PASSWORD, code);
    expect(replayed).toBeInstanceOf(SecondFactorRefused);
    expect((replayed as SecondFactorRefused).reason).toBe("wrong");
    // The next period's code is fine (a code is accepted one step either side of now).
    expect(await signIn(user.email, PASSWORD, await totpCode(secret, 1))).toMatchObject({ id: user.id });
    expect(await sessions(user.id)).toBe(2);
    expect((await events(user.id)).filter((e) => e.kind === "sign_in")).toEqual([
      { kind: "sign_in", metadata: { twoFactor: "totp" } },
      { kind: "sign_in", metadata: { twoFactor: "totp" } },
    ]);
  });

  it("refuses a wrong code with its own words, logs it, and opens no session", async () => {
    const { user, secret } = await accountWithTwoFactor();
    const right = await totpCode(secret);
    for (const wrong of [wrongCode(right), "12345", "not-a-code", "zzzz-zzzz-zzzz-zzzz"]) {
      const refused = await signIn(user.email, PASSWORD, wrong);
      expect(refused).toBeInstanceOf(SecondFactorRefused);
      expect(messageText((refused as SecondFactorRefused).prompt)).toMatch(/^That code is not right/);
    }
    expect(await sessions(user.id)).toBe(0);
    expect(await events(user.id)).toEqual(Array(4).fill({ kind: "sign_in_failed", metadata: { reason: "wrong_two_factor_code" } }));
  });

  it("accepts a recovery code in the same field, once, and logs it", async () => {
    const { user, recoveryCodes } = await accountWithTwoFactor();
    const [first, second] = recoveryCodes;
    expect(await signIn(user.email, PASSWORD, first)).toMatchObject({ id: user.id });
    const again = await signIn(user.email, PASSWORD, first);
    expect(again).toBeInstanceOf(SecondFactorRefused);
    expect((again as SecondFactorRefused).reason).toBe("wrong");
    // Typed back in capitals and without dashes, it is still the same code.
    expect(await signIn(user.email, PASSWORD, second!.toUpperCase().replaceAll("-", ""))).toMatchObject({ id: user.id });
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
    expect((await events(user.id)).filter((e) => e.kind === "recovery_code_used")).toEqual([
      { kind: "recovery_code_used", metadata: { left: 9 } },
      { kind: "recovery_code_used", metadata: { left: 8 } },
    ]);
  });

  it("uses a recovery code up once even when two sign-ins send it at the same moment", async () => {
    const { user, recoveryCodes } = await accountWithTwoFactor();
    const outcomes = await Promise.all([signIn(user.email, PASSWORD, recoveryCodes[0]), signIn(user.email, PASSWORD, recoveryCodes[0])]);
    expect(outcomes.filter((o) => o instanceof SecondFactorRefused)).toHaveLength(1);
    expect(await sessions(user.id)).toBe(1);
  });

  it("counts wrong codes per account and refuses past the limit, even the right code", async () => {
    const { user, secret } = await accountWithTwoFactor();
    const right = await totpCode(secret);
    const wrong = wrongCode(right);
    for (let i = 0; i < RATE_LIMITS.twoFactorPerAccount.limit; i++) {
      expect(await signIn(user.email, PASSWORD, wrong)).toBeInstanceOf(SecondFactorRefused);
    }
    const limited = await signIn(user.email, PASSWORD, right);
    expect(limited).toBeInstanceOf(SignInRateLimited);
    expect((limited as SignInRateLimited).retryAfterSeconds).toBeGreaterThan(0);
    expect(await sessions(user.id)).toBe(0);
    expect((await events(user.id)).at(-1)).toEqual({ kind: "sign_in_failed", metadata: { reason: "two_factor_rate_limited" } });
    // Right codes give their attempt back, so only guesses add up.
    const other = await accountWithTwoFactor();
    expect(await signIn(other.user.email, PASSWORD, await totpCode(other.secret))).toMatchObject({ id: other.user.id });
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: `twoFactorPerAccount:${other.user.id}` } })).count).toBe(0);
  });

  it("asks nothing more of an account without two-factor authentication", async () => {
    const user = await makeUser("Plain");
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ id: user.id });
    expect(await signIn(user.email, PASSWORD, "123456")).toMatchObject({ id: user.id });
  });

  it("ignores a set-up that was started but never confirmed", async () => {
    const { user } = await accountWithTwoFactor();
    await db().user.update({ where: { id: user.id }, data: { totpEnabledAt: null } });
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ id: user.id });
  });
});
