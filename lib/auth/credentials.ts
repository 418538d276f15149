import { CredentialsSignin } from "next-auth";
import { verifyCredentials } from "@/lib/accounts/queries";
import { SignInSchema } from "@/lib/accounts/schemas";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit, refundRateLimit } from "@/lib/rate-limits/service";

/** Thrown when an account or address is over its sign-in limit; the form says when to retry. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * Auth.js's Credentials `authorize`: the only door to a session (the sign-in form and Auth.js's own
 * callback route both land here, so neither goes around it). Attempts are counted per account and per
 * client address before the password is hashed: a refused guess costs the server one statement, not
 * an argon2 hash. A successful sign-in gives its attempt back, so only guesses add up.
 */
export async function authorizeCredentials(raw: Partial<Record<string, unknown>>, request: Request) {
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const address = clientAddress(request.headers.get("x-forwarded-for"));
  const [perAccount, perAddress] = await Promise.all([
    consumeRateLimit("signInPerAccount", parsed.data.email),
    address ? consumeRateLimit("signInPerAddress", address) : null,
  ]);
  const refused = [perAccount, perAddress].flatMap((outcome) => (outcome && !outcome.allowed ? [outcome.retryAfterSeconds] : []));
  if (refused.length > 0) throw new SignInRateLimited(Math.max(...refused));
  const user = await verifyCredentials(parsed.data.email, parsed.data.password);
  if (!user) return null;
  // Only guesses use up the allowance: a right password gives its attempt back.
  await Promise.all([refundRateLimit("signInPerAccount", parsed.data.email), address ? refundRateLimit("signInPerAddress", address) : null]);
  return { id: user.id, name: user.name, email: user.email };
}
