import type { Metadata } from "next";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Workspaces", template: "%s · Workspaces" },
  description: "Workspaces dashboard",
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <Toaster position="bottom-right" closeButton />
      </body>
    </html>
  );
}
