import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimdesk", template: "%s — Claimdesk" },
  description: "Claim verification for newsrooms: contested statements, the evidence, and reviewed verdicts.",
  alternates: { types: { "application/atom+xml": "/feed.xml", "application/feed+json": "/feed.json" } },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
