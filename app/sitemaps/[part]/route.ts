import { sitemapEntries, XML_HEADERS } from "@/app/_lib/sitemap-entries";
import { sitemapPart } from "@/lib/public/sitemap-xml";

export const dynamic = "force-dynamic";

/** `/sitemaps/{n}.xml`: the n-th part of a sitemap too large for one file. */
export async function GET(_req: Request, { params }: { params: Promise<{ part: string }> }): Promise<Response> {
  const match = /^(\d{1,6})\.xml$/.exec((await params).part);
  const body = match ? sitemapPart((await sitemapEntries()).entries, Number(match[1])) : null;
  return body ? new Response(body, { headers: XML_HEADERS }) : new Response("Not found", { status: 404 });
}
