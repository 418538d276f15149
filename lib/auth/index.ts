import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { JWT } from "next-auth/jwt";
import { SESSION_TTL_SECONDS } from "@/lib/sessions/service";
import { syncLocaleCookie } from "@/lib/i18n/cookie";
import { authorizeCredentials } from "./credentials";
import { readSessionCookie } from "./session-cookie";

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
 * The session cookie's claims, read with the configuration NextAuth() completed from the environment (the
 * secret from AUTH_SECRET, its base path), so the reader opens exactly the cookie Auth.js made.
 */
export function readSession(requestHeaders: Headers): Promise<JWT | null> {
  return readSessionCookie(requestHeaders, config);
}
