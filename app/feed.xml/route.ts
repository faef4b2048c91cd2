import { listCorrections, listFeedVerdicts } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";
import { renderAtom, toFeedEntries } from "@/lib/feeds/feed-entries";

export const dynamic = "force-dynamic";

/** Atom feed of published verdicts, corrections and retractions. */
export function GET(): Response {
  const site = getEnv();
  const body = renderAtom(site, toFeedEntries(site, listFeedVerdicts(), listCorrections({ limit: 50 })));
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
