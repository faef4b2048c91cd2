import { listCorrections, listFeedVerdicts } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";
import { renderAtom, toFeedEntries } from "@/lib/feeds/feed-entries";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/public-response";

export const dynamic = "force-dynamic";

/** Atom feed of published verdicts, corrections and retractions. */
export async function GET(): Promise<Response> {
  const site = getEnv();
  const [verdicts, corrections] = await Promise.all([listFeedVerdicts(), listCorrections({ limit: 50 })]);
  const body = renderAtom(site, toFeedEntries(site, verdicts, corrections));
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL },
  });
}
