import { MATCH_END, MATCH_START, parsePublicFilters } from "@/db/queries/public/search-claims";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";
import { escapeHtml } from "@/lib/text/html";
import { listClaimsByVerdictState } from "@/db/queries/work-queue";
import { apiRoute, created, readJson } from "@/lib/api/handler";
import { corsPreflight, publicJson } from "@/lib/api/public-response";
import { assertCanReadInternal } from "@/lib/api/read-access";
import { createClaim } from "@/lib/services/claims/create-claim";
import { listAssignedClaims } from "@/db/queries/assignments";
import { asksForWork, workQueueFilter, workQueueQuery } from "@/lib/api/work-queue-query";
import { parseInput } from "@/lib/validation/parse";

/**
 * `GET /api/v1/claims?q=&rating=&claimant=&dispute=&from=&to=&sort=&page=`: published claims (anyone). With a token or
 * session, the desk's work instead: `assignee=me|none|{id}`, `due=soon|overdue` and `sort=due|priority` list open
 * claims with their assignment; `status=draft|in_review|…|none` lists claims by their newest verdict's state.
 */
export const GET = apiRoute(async ({ req, actor }) => {
  const p = new URL(req.url).searchParams;
  if (asksForWork(p)) {
    await assertCanReadInternal(actor);
    const q = parseInput(workQueueQuery, Object.fromEntries(p));
    if (q.status) return { claims: await listClaimsByVerdictState(q.status) };
    const userId = actor?.kind === "user" ? actor.userId : null;
    return { claims: await listAssignedClaims({ filter: workQueueFilter(q, userId), sort: q.sort }) };
  }
  const result = await searchPublishedClaims(parsePublicFilters((k) => p.get(k)));
  return publicJson(req, {
    ...result,
    // The wire format stays as published: the rating's fields flat, the date as ISO text.
    items: result.items.map(({ snippet, publishedAt, rating, ...c }) => ({
      ...c,
      ratingKey: rating?.key ?? null,
      ratingLabel: rating?.label ?? null,
      ratingColour: rating?.colour ?? null,
      publishedAt: publishedAt.toISOString(),
      // HTML-safe: the text is escaped, then the matches are wrapped in <mark>.
      snippetHtml:
        snippet === null
          ? null
          : escapeHtml(snippet).replaceAll(MATCH_START, "<mark>").replaceAll(MATCH_END, "</mark>"),
    })),
  });
});

export const OPTIONS = corsPreflight;

/**
 * `{documentId, revision, start, end, claimant: {id}|{name, description?, sameAs?}, statement?, claimedAt?,
 * disputeId?|newDispute?, accountLabel?}` → 201.
 */
export const POST = apiRoute(async ({ req, actor }) => created(await createClaim(actor, await readJson(req))));
