import type { Metadata } from "next";

import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { NotFoundMessage } from "@/components/layout/not-found-message";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found — Claimdesk" };

/** An address no page of any locale answers (an unknown first segment): in the default locale. */
export default async function GlobalNotFound() {
  return (
    <html lang={DEFAULT_LOCALE}>
      <body className="min-h-screen font-sans antialiased">
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          <NotFoundMessage locale={DEFAULT_LOCALE} />
        </main>
      </body>
    </html>
  );
}
