import { ProfileMenuButton } from "@/components/account/profile-menu-button";
import { sessionAccount } from "@/lib/authz/session";

/**
 * The profile menu for whoever is signed in. Its name, address and theme come with the session lookup
 * the page makes anyway (one statement, memoized per request), so showing it costs no round trip.
 */
export async function SessionProfileMenu({ currentWorkspaceId = null }: { currentWorkspaceId?: string | null }) {
  const account = await sessionAccount();
  if (!account) return null;
  return <ProfileMenuButton user={{ name: account.name, email: account.email }} theme={account.theme} locale={account.locale} currentWorkspaceId={currentWorkspaceId} />;
}
