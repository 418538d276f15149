"use client";

import "./globals.css";

/**
 * Replaces the root layout when the layout itself failed to render: its own document, the same words and
 * way back as app/error.tsx. It stays in English: it renders without the root layout, and so without the
 * translations (whose loading may be what failed).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Workspaces</title>
        <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-gray-700">Something went wrong on our side. Try again in a moment.</p>
          {digest && <p className="text-sm text-gray-700">Reference: {digest}</p>}
          <button
            type="button"
            className="inline-flex items-center justify-center rounded-md bg-brand px-3 py-2 text-sm font-medium text-brand-fg hover:bg-brand-strong"
            onClick={() => retry()}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
