import { NextResponse, type NextRequest } from "next/server";

// A convenience only: sends visitors without a session cookie to sign-in with a way back, and tells
// pages their own path. It does not decode the session: Auth.js's wrapper would re-issue the cookie
// on every request, and a request racing a sign-out could bring a signed-out session back. Every
// page, action and route handler checks the session itself (lib/authz).
const PUBLIC_PATHS = [/^\/sign-in\/?$/, /^\/sign-up\/?$/, /^\/invite\//, /^\/api\//];
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  if (hasSession || isServerAction || PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const headers = new Headers(request.headers);
    headers.set("x-request-path", `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/|favicon.ico|robots.txt).*)"],
};
