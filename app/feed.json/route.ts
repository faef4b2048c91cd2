import { listCorrections, listFeedVerdicts } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";
import { renderJsonFeed, toFeedEntries } from "@/lib/feeds/feed-entries";

export const dynamic = "force-dynamic";

/** JSON Feed 1.1 of published verdicts, corrections and retractions. */
export function GET(): Response {
  const site = getEnv();
  return Response.json(renderJsonFeed(site, toFeedEntries(site, listFeedVerdicts(), listCorrections({ limit: 50 }))), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
