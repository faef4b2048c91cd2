/** Headers that keep Claimdesk's pages out of other sites' frames, stop MIME sniffing and limit referrers. */
const SECURITY_HEADERS = [
  // No plugins, no <base> hijack, forms post only here, no framing. (Scripts are not
  // restricted: Next's inline scripts would need a nonce on every page, which would make
  // every page dynamic; rendered text is escaped by React and Markdown drops raw HTML.)
  {
    key: "Content-Security-Policy",
    value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/* eslint-disable @typescript-eslint/no-require-imports -- Next reads this file as CommonJS */
const createNextIntlPlugin = require("next-intl/plugin");
const { defaultLocale, locales } = require("./lib/i18n/locales.json");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The public site's sections: each is under `app/[locale]`, its default locale's pages without the prefix. */
const PUBLIC_SECTIONS = "claims|claimants|documents|disputes|corrections|methodology";
const OTHER_LOCALES = locales.map((l) => l.code).filter((code) => code !== defaultLocale);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 and argon2 are native modules, jsdom and pdfkit load files (fonts, data)
  // at run time: load them from node_modules instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "jsdom", "pdfkit"],
  poweredByHeader: false,
  // The proxy sees the address the router resolves (`http://HOST:PORT/…`), so that its rewrites stay inside this
  // server. (Normalised, the proxy's address names `localhost` while the router's names HOST, and Next fetches a
  // rewrite to another host over HTTP: every filtered view and search was asked twice.)
  skipProxyUrlNormalize: true,
  // Where the build goes: `.next`, or another folder for a build that must not replace a developer's (the benchmark
  // builds into data/bench/next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Kept public pages: in each server's memory, served only while the database shared by every server says that
  // nothing they show changed since they were rendered (lib/cache/next-cache-handler.mjs). Next's own memory cache is
  // off: it would answer without asking.
  cacheHandler: require.resolve("./lib/cache/next-cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // Shared caches in front (a CDN, nginx) keep a public page at most a minute (the pages' `revalidate = 60`), then
  // may serve it 30 s more while they fetch it again: `s-maxage=60, stale-while-revalidate=30`.
  expireTime: 90,
  // Imports and text edits go through server actions: allow a 5 MB article and its form.
  // An address no locale answers gets the default locale's page-not-found (app/global-not-found.tsx).
  experimental: { serverActions: { bodySizeLimit: "6mb" }, globalNotFound: true },
  // Public pages: the default locale's addresses have no prefix (`/claims/x` is `app/[locale]` with `en`; proxy.ts
  // sends `/en/…` there); the other locales' are under their prefix (`/uk/claims/x`). The bare claims list
  // is served from its kept page (claims/list/[filters]); filtered views and searches are rewritten by proxy.ts.
  async rewrites() {
    const missing = ["q", "rating", "claimant", "dispute", "from", "to", "sort", "page"].map((key) => ({
      type: "query",
      key,
    }));
    return {
      beforeFiles: [
        { source: "/claims", missing, destination: `/${defaultLocale}/claims/list/all` },
        ...(OTHER_LOCALES.length
          ? [
              {
                source: `/:locale(${OTHER_LOCALES.join("|")})/claims`,
                missing,
                destination: "/:locale/claims/list/all",
              },
            ]
          : []),
        { source: "/", destination: `/${defaultLocale}` },
        { source: `/:section(${PUBLIC_SECTIONS})/:path*`, destination: `/${defaultLocale}/:section/:path*` },
      ],
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

// Messages and formats per request: lib/i18n/request.ts.
module.exports = createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
