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

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 and argon2 are native modules, jsdom and pdfkit load files (fonts, data)
  // at run time: load them from node_modules instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "jsdom", "pdfkit"],
  poweredByHeader: false,
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
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // The bare claims list is served from its kept page (claims/list/[filters]); filtered
  // views and searches are rewritten by proxy.ts.
  async rewrites() {
    const params = ["q", "rating", "claimant", "dispute", "from", "to", "sort", "page"];
    return {
      beforeFiles: [
        { source: "/claims", missing: params.map((key) => ({ type: "query", key })), destination: "/claims/list/all" },
      ],
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

module.exports = nextConfig;
