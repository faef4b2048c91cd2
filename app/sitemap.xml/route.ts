import { sitemapEntries, XML_HEADERS } from "@/app/_lib/sitemap-entries";
import { sitemapResponseBody } from "@/lib/public/sitemap-xml";

export const dynamic = "force-dynamic";

/** `/sitemap.xml`: every public page, or — past 45,000 of them — an index of the parts. */
export async function GET(): Promise<Response> {
  const { base, entries } = await sitemapEntries();
  return new Response(sitemapResponseBody(entries, base), { headers: XML_HEADERS });
}
