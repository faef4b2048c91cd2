import { useFormatter } from "next-intl";
import { MATCH_END, MATCH_START, type PublicClaimHit } from "@/db/queries/public/search-claims";
import { localizedPath } from "@/lib/i18n/public-path";
import { RatingBadge } from "@/components/ui/rating-badge";
import { Snippet } from "./snippet";
import { contentLanguage } from "@/lib/i18n/content-language";

const MARKS = new RegExp(`[${MATCH_START}${MATCH_END}]`, "g");

/**
 * One page of published claims, as the list and the search show them: rating, claimant and date, the statement
 * (linked to its page), the verdict's summary and, for a search, the matched words in context. Twenty of these are on
 * every page of every search, so each is as few elements as it can be and styled once by the list's class
 * (`claim-results` in app/globals.css); links are plain, as a Link would prefetch twenty claim pages a search.
 */
export function ClaimResultList({ items, locale }: { items: PublicClaimHit[]; locale: string }) {
  const format = useFormatter();
  return (
    <ol className="claim-results">
      {items.map((claim, i) => (
        <ClaimResult key={i} claim={claim} locale={locale} day={format.dateTime(claim.publishedAt, "day")} />
      ))}
    </ol>
  );
}

function ClaimResult({ claim: c, locale, day }: { claim: PublicClaimHit; locale: string; day: string }) {
  // A snippet that is the whole statement marks the heading instead of repeating it.
  const inHeading = c.snippet !== null && c.snippet.replace(MARKS, "") === c.statement;
  return (
    <li>
      <p className="meta">
        <RatingBadge rating={c.rating} />
        {` ${c.claimantName} · ${day}`}
      </p>
      <h2 {...contentLanguage(c.statementLanguage)}>
        <a href={localizedPath(locale, `/claims/${c.slug}`)}>
          {inHeading ? <Snippet text={c.snippet!} /> : c.statement}
        </a>
      </h2>
      <p className="summary" {...contentLanguage(c.language)}>
        {c.summary}
      </p>
      {c.snippet && !inHeading && (
        <p className="snippet" data-testid="snippet">
          <Snippet text={c.snippet} />
        </p>
      )}
    </li>
  );
}
