import type { AccountOverview } from "@/lib/accounts/queries";

/** Email address: verification state, "Send again", change with confirmation. */
export function EmailSection(_props: { account: AccountOverview }) {
  return null;
}
