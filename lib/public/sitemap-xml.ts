import { escapeXml } from "@/lib/text/xml";

/** The most URLs in one sitemap file: Google reads up to 50,000; a margin is kept. */
export const SITEMAP_PART_SIZE = 45_000;

/** A page, and the same page in each language (`hreflang`: a BCP 47 tag or `x-default`), itself included. */
export type SitemapEntry = { url: string; updated?: Date; alternates?: { hreflang: string; url: string }[] };

const lastmod = (at?: Date) => (at ? `<lastmod>${at.toISOString()}</lastmod>` : "");
const alternate = (a: { hreflang: string; url: string }) =>
  `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.url)}"/>`;

/** A sitemap (sitemaps.org 0.9) of these URLs, with each one's language versions as search engines read them. */
export function urlset(entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(e.url)}</loc>${lastmod(e.updated)}${(e.alternates ?? []).map(alternate).join("")}</url>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls}\n</urlset>\n`;
}

/** A sitemap index pointing to these sitemap files. */
export function sitemapIndex(files: SitemapEntry[]): string {
  const items = files.map((f) => `<sitemap><loc>${escapeXml(f.url)}</loc>${lastmod(f.updated)}</sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`;
}

/**
 * `/sitemap.xml`: the sitemap itself while the site has at most `size` public pages, else
 * an index of `/sitemaps/1.xml`, `/sitemaps/2.xml`, … each holding `size` of them.
 */
export function sitemapResponseBody(entries: SitemapEntry[], base: string, size = SITEMAP_PART_SIZE): string {
  if (entries.length <= size) return urlset(entries);
  const parts = Math.ceil(entries.length / size);
  return sitemapIndex(
    Array.from({ length: parts }, (_, i) => ({
      url: `${base}/sitemaps/${i + 1}.xml`,
      updated: entries
        .slice(i * size, (i + 1) * size)
        .reduce<Date | undefined>(
          (latest, e) => (e.updated && (!latest || e.updated > latest) ? e.updated : latest),
          undefined,
        ),
    })),
  );
}

/** One part of a split sitemap (1-based), or null when there is no such part. */
export function sitemapPart(entries: SitemapEntry[], part: number, size = SITEMAP_PART_SIZE): string | null {
  if (entries.length <= size || !Number.isInteger(part) || part < 1 || (part - 1) * size >= entries.length) return null;
  return urlset(entries.slice((part - 1) * size, part * size));
}
