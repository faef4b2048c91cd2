import { describe, expect, it } from "vitest";
import { sitemapPart, sitemapResponseBody, urlset } from "@/lib/public/sitemap-xml";

const entries = Array.from({ length: 7 }, (_, i) => ({
  url: `https://checks.example/claims/c-${i}?a=1&b=<2>`,
  updated: new Date(Date.UTC(2024, 0, i + 1)),
}));
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

describe("sitemaps", () => {
  it("should be one urlset while the pages fit, with URLs escaped", () => {
    const xml = sitemapResponseBody(entries, "https://checks.example", 10);
    expect(xml).toBe(urlset(entries));
    expect(xml).toContain(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    );
    expect(locs(xml)[0]).toBe("https://checks.example/claims/c-0?a=1&amp;b=&lt;2&gt;");
    expect(xml).toContain("<lastmod>2024-01-01T00:00:00.000Z</lastmod>");
  });

  it("should name each page's language versions as xhtml:link alternates", () => {
    const xml = urlset([
      {
        url: "https://checks.example/uk/claims/c",
        alternates: [
          { hreflang: "en", url: "https://checks.example/claims/c" },
          { hreflang: "uk", url: "https://checks.example/uk/claims/c" },
          { hreflang: "x-default", url: "https://checks.example/claims/c" },
        ],
      },
    ]);
    expect(xml).toContain(
      '<url><loc>https://checks.example/uk/claims/c</loc><xhtml:link rel="alternate" hreflang="en" href="https://checks.example/claims/c"/><xhtml:link rel="alternate" hreflang="uk" href="https://checks.example/uk/claims/c"/><xhtml:link rel="alternate" hreflang="x-default" href="https://checks.example/claims/c"/></url>',
    );
  });

  it("should become an index of parts that together hold every page once, each with at most the part size", () => {
    const index = sitemapResponseBody(entries, "https://checks.example", 3);
    expect(index).toContain("<sitemapindex");
    expect(locs(index)).toEqual([
      "https://checks.example/sitemaps/1.xml",
      "https://checks.example/sitemaps/2.xml",
      "https://checks.example/sitemaps/3.xml",
    ]);
    const parts = [1, 2, 3].map((n) => sitemapPart(entries, n, 3)!);
    expect(parts.map((p) => locs(p).length)).toEqual([3, 3, 1]);
    expect(parts.flatMap(locs)).toEqual(
      entries.map((e) => e.url.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")),
    );
    expect(sitemapPart(entries, 4, 3)).toBeNull();
    expect(sitemapPart(entries, 0, 3)).toBeNull();
    expect(sitemapPart(entries, 1, 10)).toBeNull(); // not split: the sitemap is /sitemap.xml itself
  });
});
