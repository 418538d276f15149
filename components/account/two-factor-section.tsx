import type { AccountOverview } from "@/lib/accounts/queries";

/** Two-factor authentication: set up with a QR code or key, recovery codes, turn off. */
export function TwoFactorSection(_props: { account: AccountOverview }) {
  return null;
}
