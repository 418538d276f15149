import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_TTL_SECONDS } from "@/lib/sessions/service";
import { syncLocaleCookie } from "@/lib/i18n/cookie";
import { authorizeCredentials } from "./credentials";

export { SignInRateLimited } from "./credentials";

declare module "next-auth" {
  interface Session {
    /** The Session row this browser's cookie stands for. */
    sessionId?: string;
  }
}

const config: NextAuthConfig = {
  session: { strategy: "jwt", maxAge: SESSION_TTL_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    // Only the user id lives in the token; memberships and roles are read from the database on
    // every request, so a removed member loses access at once.
    // The token carries the Session row's id; lib/authz/session checks that row on every request, so
    // signing out, revoking or a password change ends the session on the server, not only the cookie.
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      if (user && "sessionId" in user && typeof user.sessionId === "string") token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // The account's language follows it to this browser: pages read the cookie, never the database.
    async signIn({ user }) {
      await syncLocaleCookie("locale" in user && typeof user.locale === "string" ? user.locale : null);
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not an incident worth a stack trace.
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
};

export const { handlers, signIn, signOut } = NextAuth(config);

/**
 * The secret Auth.js signs in with: NextAuth() fills it in from the environment (AUTH_SECRET), so the
 * session cookie reader (lib/authz/session) decrypts with exactly the key the cookie was made with.
 */
export function sessionSecret(): string | string[] {
  if (!config.secret) throw new Error("AUTH_SECRET is not set: no session can be read");
  return config.secret;
}
