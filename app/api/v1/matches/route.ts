import { apiRoute } from "@/lib/api/handler";
import { findMatches } from "@/lib/services/matching/find-matches";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/matches?text=…&limit=5&claim=`: the desk's claims and known fact-checks closest to a text, best first
 * (contributor or above). With `claim`, the matches for that claim: it, the claims linked with it as repeats and what
 * the desk rejected for it are left out. Not public: the library holds the desk's unpublished work and other
 * fact-checkers' reviews, imported for the desk's own use.
 */
export const GET = apiRoute(async ({ req, actor }) => {
  const url = new URL(req.url);
  return findMatches(actor, {
    text: url.searchParams.get("text") ?? "",
    ...(url.searchParams.has("limit") ? { limit: url.searchParams.get("limit") } : {}),
    ...(url.searchParams.has("claim") ? { claim: url.searchParams.get("claim") } : {}),
  });
});
