import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";

// A convenience only: sends signed-out visitors to sign-in with a way back. Every page, action and
// route handler still checks the session itself (lib/authz), so nothing relies on this running.
const PUBLIC_PATHS = [/^\/sign-in\/?$/, /^\/sign-up\/?$/, /^\/invite\//, /^\/api\//];

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  if (request.auth || isServerAction || PUBLIC_PATHS.some((p) => p.test(pathname))) {
    // Pages cannot read their own URL; an old workspace slug needs it to redirect to the same place.
    const headers = new Headers(request.headers);
    headers.set("x-request-path", `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
});

export const config = {
  matcher: ["/((?!_next/|favicon.ico|robots.txt).*)"],
};
