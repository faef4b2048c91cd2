import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicHeader } from "@/components/layout/public-header";
import { SkipLink } from "@/components/layout/skip-link";
import { clientMessages } from "@/lib/i18n/client-messages";
import { isLocale, LOCALES, textDirection } from "@/lib/i18n/locales";
import "../globals.css";

// Every locale's pages are kept (rendered once, then served to every reader of that locale).
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: "Claimdesk", template: "%s — Claimdesk" },
    description: t("description"),
    alternates: { types: { "application/atom+xml": "/feed.xml", "application/feed+json": "/feed.json" } },
  };
}

/** The root of the public site, one per locale: `<html lang dir>` in the page's language. */
export default async function PublicRootLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body className="min-h-screen font-sans antialiased">
        <SkipLink />
        <NextIntlClientProvider messages={clientMessages(await getMessages(), "public")}>
          <PublicHeader />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
