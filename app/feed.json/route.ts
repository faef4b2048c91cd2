import { listCorrections, listFeedVerdicts } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";
import { renderJsonFeed, toFeedEntries } from "@/lib/feeds/feed-entries";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/public-response";

export const dynamic = "force-dynamic";

/** JSON Feed 1.1 of published verdicts, corrections and retractions. */
export async function GET(): Promise<Response> {
  const site = getEnv();
  const [verdicts, corrections] = await Promise.all([listFeedVerdicts(), listCorrections({ limit: 50 })]);
  return Response.json(renderJsonFeed(site, toFeedEntries(site, verdicts, corrections)), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL },
  });
}
