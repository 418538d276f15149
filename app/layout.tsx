import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { LazyToaster } from "@/components/ui/toaster";
import { sessionTheme } from "@/lib/authz/session";
import { themeClass, toasterTheme } from "@/lib/accounts/theme";
import { clientMessagesJson } from "@/lib/i18n/client-messages";
import { ClientIntlProvider } from "@/components/i18n/client-intl-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Workspaces", template: "%s · Workspaces" },
  description: "Workspaces dashboard",
};

// Rendered per request, never prerendered: a page's scripts carry the nonce of its own request's
// Content-Security-Policy (proxy.ts), which a page built ahead of time cannot know.
export default async function RootLayout({ children }: LayoutProps<"/">) {
  await connection();
  const locale = await getLocale();
  // In the server's HTML, so the first paint is already in the account's theme (SYSTEM: CSS follows the OS).
  const theme = await sessionTheme();
  return (
    <html lang={locale} className={themeClass(theme)}>
      <body className="min-h-screen">
        {/* Client components get the request's locale, and the part of its catalog they read, through this. */}
        <ClientIntlProvider locale={locale} timeZone={await getTimeZone()} messagesJson={clientMessagesJson(await getMessages())}>
          {children}
          <LazyToaster position="bottom-right" closeButton theme={toasterTheme(theme)} />
        </ClientIntlProvider>
      </body>
    </html>
  );
}
