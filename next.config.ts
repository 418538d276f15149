import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { HSTS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // `npm run build` leaves a self-contained server in .next/standalone (server.js and only the node_modules
  // files it needs); `npm start` and the Docker image run it (scripts/copy-standalone-assets.ts adds the
  // static files it does not copy itself).
  output: "standalone",
  // PGlite resolves its WASM and data files from its own package folder; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // The API reference serves Scalar's browser build from node_modules at run time (lib/api/v1/routes.ts).
  outputFileTracingIncludes: { "/api/v1/reference/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"] },
  // Applied before the filesystem is consulted, so pages, route handlers and static files all carry
  // them; the per-request Content-Security-Policy comes from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
    ];
  },
};

// Points next-intl at i18n/request.ts, which picks each request's language (no locale in the URL).
// The catalogs are compiled at build time (ICU parsed once, into icu-minify's compact form) and formatted
// without intl-messageformat: a message with arguments no longer parses and memoizes per call, which was
// a twentieth of a list page's server time, and the parser leaves the browser's bundle.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
