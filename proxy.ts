import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

// A convenience only: sends visitors without a session cookie to sign-in with a way back, and tells
// pages their own path. It does not decode the session: Auth.js's wrapper would re-issue the cookie
// on every request, and a request racing a sign-out could bring a signed-out session back. Every
// page, action and route handler checks the session itself (lib/authz).
// It also sets each response's Content-Security-Policy with a fresh script nonce: Next reads the nonce
// from the request's copy of the header and puts it on the scripts it renders.
// Emailed account links open in whatever browser the mail app picks, often a signed-out one.
const PUBLIC_PATHS = [
  /^\/sign-in\/?$/,
  /^\/sign-up\/?$/,
  /^\/forgot-password\/?$/,
  /^\/(reset-password|verify-email|confirm-email)\//,
  /^\/invite\//,
];
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  let response: NextResponse;
  if (hasSession || isServerAction || PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const headers = new Headers(request.headers);
    headers.set("x-request-path", `${pathname}${search}`);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  } else {
    const signIn = new URL("/sign-in", request.nextUrl.origin);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  }
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Route handlers under /api/ answer JSON to clients that bring their own credentials: no redirect to
  // sign-in, and no page whose scripts need a nonce. The app icons are for every visitor, signed in or not.
  matcher: ["/((?!_next/|api/|favicon.ico|icon.svg|apple-icon.png|robots.txt).*)"],
};
