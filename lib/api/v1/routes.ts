import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { publicRoute } from "@/lib/authz/route";
import { openApiDocument } from "./openapi";

let document: ReturnType<typeof openApiDocument> | undefined;

/** The OpenAPI document, public like any API reference: it describes the API, not any workspace. */
export const openApiRoute = publicRoute({ name: "api.openapi" }, async () => {
  document ??= openApiDocument();
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
});

/** Scalar's self-contained browser build, served from this app: the reference page loads nothing from elsewhere. */
export const SCALAR_BUNDLE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

const REFERENCE_CSS = `.light-mode, .light-mode .scalar-app, .scalar-app {
  --scalar-color-1: #121212; --scalar-color-2: #2b2b2b; --scalar-color-3: #474747; --scalar-color-accent: #0550ae;
  --scalar-color-green: #116329; --scalar-color-red: #a40e26; --scalar-color-yellow: #6a4a00; --scalar-color-blue: #0550ae;
  --scalar-color-orange: #8a3300; --scalar-color-purple: #6639ba;
}`;

// Scalar's hosted extras (its AI agent, MCP generation, web fonts) would call out to Scalar's servers:
// off, and the page's policy would block them anyway.
const REFERENCE_CONFIGURATION = JSON.stringify({
  withDefaultFonts: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  forceDarkModeState: "light",
  hideDarkModeToggle: true,
  // Scalar's muted greys and method colours fall short of WCAG AA contrast on its light background.
  customCss: REFERENCE_CSS,
  metaData: { title: "Workspaces API reference" },
  authentication: { preferredSecurityScheme: "apiKey" },
});

// Its own policy: no script but this origin's (the bundle), nothing sent anywhere but this API.
const REFERENCE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The interactive API reference (Scalar), made from the OpenAPI document: every operation with its
 * parameters, bodies and answers, and a request builder that sends real requests with a key pasted in.
 */
export const apiReferenceRoute = publicRoute({ name: "api.reference" }, async () => {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Workspaces API reference</title>
</head>
<body>
<script id="api-reference" type="application/json" data-url="/api/v1/openapi.json" data-configuration='${REFERENCE_CONFIGURATION.replace(/'/g, "&#39;")}'></script>
<script src="/api/v1/reference/scalar.js"></script>
<script src="/api/v1/reference/labels.js"></script>
</body>
</html>`;
  return new Response(html, {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": REFERENCE_POLICY, "cache-control": "public, max-age=300" },
  });
});

export const apiReferenceScriptRoute = publicRoute({ name: "api.referenceScript" }, async () => {
  const stream = Readable.toWeb(createReadStream(SCALAR_BUNDLE)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
});

/**
 * Scalar's code-block copy buttons carry no accessible name when the block has no language (its
 * ScalarCodeBlockCopy renders a label only with one); this names them as Scalar renders them.
 */
const LABELS_SCRIPT = `(function () {
  function label() {
    document.querySelectorAll(".scalar-code-block button.scalar-code-copy:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", "Copy code");
    });
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  label();
})();
`;

export const apiReferenceLabelsRoute = publicRoute({ name: "api.referenceLabels" }, async () =>
  new Response(LABELS_SCRIPT, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" } }),
);
