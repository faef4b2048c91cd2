import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/layout/skip-link";
import { clientMessages } from "@/lib/i18n/client-messages";
import { textDirection } from "@/lib/i18n/locales";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Claimdesk", template: "%s — Claimdesk" },
  robots: { index: false },
};

/** The root of the desk (and its sign-in page): in the account's language, else the browser's. */
export default async function DeskRootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body className="min-h-screen font-sans antialiased">
        <SkipLink />
        <NextIntlClientProvider messages={clientMessages(await getMessages(), "desk")}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
