import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Workspaces", template: "%s · Workspaces" },
  description: "Workspaces dashboard",
};

// Rendered per request, never prerendered: a page's scripts carry the nonce of its own request's
// Content-Security-Policy (proxy.ts), which a page built ahead of time cannot know.
export default async function RootLayout({ children }: LayoutProps<"/">) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <Toaster position="bottom-right" closeButton />
      </body>
    </html>
  );
}
