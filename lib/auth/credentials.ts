import { CredentialsSignin } from "next-auth";
import { verifyCredentials } from "@/lib/accounts/queries";
import { SignInSchema } from "@/lib/accounts/schemas";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit, refundRateLimit } from "@/lib/rate-limits/service";
import { recordSecurityEvent } from "@/lib/security-log/service";
import { createSession } from "@/lib/sessions/service";

/** Thrown when an account or address is over its sign-in limit; the form says when to retry. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** The signed-in account as Auth.js keeps it: the session cookie carries the Session row's id. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionId: string;
}

/**
 * Auth.js's Credentials `authorize`: the only door to a session (the sign-in form and Auth.js's own
 * callback route both land here, so neither goes around it). Attempts are counted per account and per
 * client address before the password is hashed: a refused guess costs the server one statement, not
 * an argon2 hash. A successful sign-in gives its attempt back, so only guesses add up; it opens a
 * Session row, and both outcomes go to the account's security log.
 */
export async function authorizeCredentials(raw: Partial<Record<string, unknown>>, request: Request): Promise<SignedInUser | null> {
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const origin = { ip: clientAddress(request.headers.get("x-forwarded-for")), userAgent: request.headers.get("user-agent") };
  const { email } = parsed.data;
  const [perAccount, perAddress] = await Promise.all([
    consumeRateLimit("signInPerAccount", email),
    origin.ip ? consumeRateLimit("signInPerAddress", origin.ip) : null,
  ]);
  const refused = [perAccount, perAddress].flatMap((outcome) => (outcome && !outcome.allowed ? [outcome.retryAfterSeconds] : []));
  if (refused.length > 0) {
    await recordFailure(email, origin, "rate_limited");
    throw new SignInRateLimited(Math.max(...refused));
  }
  const user = await verifyCredentials(email, parsed.data.password);
  if (!user) {
    await recordFailure(email, origin, "wrong_password");
    return null;
  }
  // Only guesses use up the allowance: a right password gives its attempt back.
  await Promise.all([refundRateLimit("signInPerAccount", email), origin.ip ? refundRateLimit("signInPerAddress", origin.ip) : null]);
  const sessionId = await db().$transaction(async (tx) => {
    const id = await createSession(user.id, origin, tx);
    await recordSecurityEvent({ userId: user.id, kind: "sign_in", ...origin }, tx);
    return id;
  });
  return { id: user.id, name: user.name, email: user.email, sessionId };
}

/** A failed sign-in goes to the log of the account it tried, when there is one (it is theirs to see). */
async function recordFailure(email: string, origin: { ip: string | null; userAgent: string | null }, reason: string): Promise<void> {
  const account = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (account) await recordSecurityEvent({ userId: account.id, kind: "sign_in_failed", ...origin, metadata: { reason } });
}
