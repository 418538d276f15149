/**
 * Keeps only a same-origin path and query from a callback URL (absolute from the proxy, relative
 * from a page), so a crafted link cannot send someone elsewhere after they sign in.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, "http://placeholder.invalid");
  } catch {
    return fallback;
  }
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(raw) && !raw.startsWith("//") && !raw.startsWith("/\\");
  if (relative && url.origin !== "http://placeholder.invalid") return fallback;
  if (!relative && !isAllowedOrigin(url.origin)) return fallback;
  const path = `${url.pathname}${url.search}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (/^\/(sign-in|sign-up)(\/|$|\?)/.test(path)) return fallback;
  return path;
}

function isAllowedOrigin(origin: string): boolean {
  const configured = [process.env.AUTH_URL, process.env.APP_URL].filter(Boolean) as string[];
  const allowed = configured.map((u) => {
    try {
      return new URL(u).origin;
    } catch {
      return "";
    }
  });
  // Behind `next start` the proxy builds callback URLs from the request's own host.
  return allowed.includes(origin) || /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);
}
