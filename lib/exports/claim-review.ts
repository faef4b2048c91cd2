/**
 * schema.org ClaimReview for one published verdict, as Google documents it
 * (../shared/standards/claimreview/google-requirements.md). Built by one function, for the
 * claim page's JSON-LD (and the ClaimReview export, when there is one), so they always agree.
 */

export type ClaimReviewInput = {
  claimUrl: string;
  org: { name: string; url: string };
  statement: string;
  /** The language the claim was made in (the Claim's `inLanguage`), and the review's (the ClaimReview's). */
  language?: string | null;
  reviewLanguage?: string | null;
  claimedAt: string | null;
  /** `kind` when the desk recorded it; else guessed from the name. */
  claimant: { name: string; sameAs: string | null; kind?: "person" | "organization" | null };
  /** The article the claim appeared in: its own address is the Claim's `appearance`; without one, none is claimed. */
  document: AppearanceInput;
  /** Where else the claim was made (its repeats, as the verdict version was published with them). */
  appearances?: AppearanceInput[];
  rating: { label: string; ordinal: number | null } | null;
  /** The scale's true–false order; numbers are given only for ratings on it. */
  bounds: { worst: number; best: number } | null;
  firstPublishedAt: Date;
  publishedAt: Date;
};

type AppearanceInput = {
  sourceUrl: string | null;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
};

const creativeWork = (d: AppearanceInput & { sourceUrl: string }) => ({
  "@type": "CreativeWork",
  url: d.sourceUrl,
  headline: d.title,
  ...(d.publishedAt ? { datePublished: d.publishedAt } : {}),
  ...(d.publisher ? { publisher: { "@type": "Organization", name: d.publisher } } : {}),
});

/**
 * The Claim's `appearance`: every article it was made in that has an address of its own — its document first, then its
 * repeats, each address once. One is given as an object (as Google's examples do), several as a list.
 */
function appearanceOf(c: ClaimReviewInput): Record<string, unknown> {
  const seen = new Set<string>();
  const works = [c.document, ...(c.appearances ?? [])].flatMap((d) => {
    if (!d.sourceUrl || seen.has(d.sourceUrl)) return [];
    seen.add(d.sourceUrl);
    return [creativeWork({ ...d, sourceUrl: d.sourceUrl })];
  });
  return works.length === 0 ? {} : { appearance: works.length === 1 ? works[0] : works };
}

// For claimants whose kind the desk has not recorded: names of bodies (a council, a ministry…) are organisations.
const ORGANISATION =
  /\b(council|ministry|government|agency|office|department|party|committee|army|forces|police|company|corporation|inc|ltd|news|kremlin|embassy|administration|commission|authority|union|organi[sz]ation)\b/i;

/** The ClaimReview JSON-LD object for a published verdict. */
export function buildClaimReview(c: ClaimReviewInput): Record<string, unknown> {
  const numeric =
    c.rating?.ordinal != null && c.bounds && c.rating.ordinal >= c.bounds.worst && c.rating.ordinal <= c.bounds.best;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: c.claimUrl,
    claimReviewed: c.statement,
    ...(c.reviewLanguage ? { inLanguage: c.reviewLanguage } : {}),
    datePublished: c.firstPublishedAt.toISOString().slice(0, 10),
    ...(c.publishedAt.getTime() !== c.firstPublishedAt.getTime() ? { dateModified: c.publishedAt.toISOString() } : {}),
    author: { "@type": "Organization", name: c.org.name, url: c.org.url },
    itemReviewed: {
      "@type": "Claim",
      author: {
        "@type":
          (c.claimant.kind ?? (ORGANISATION.test(c.claimant.name) ? "organization" : "person")) === "organization"
            ? "Organization"
            : "Person",
        name: c.claimant.name,
        ...(c.claimant.sameAs ? { sameAs: c.claimant.sameAs } : {}),
      },
      ...(c.claimedAt ? { datePublished: c.claimedAt } : {}),
      ...(c.language ? { inLanguage: c.language } : {}),
      ...appearanceOf(c),
    },
    reviewRating: {
      "@type": "Rating",
      alternateName: c.rating?.label ?? "",
      ...(numeric ? { ratingValue: c.rating!.ordinal, bestRating: c.bounds!.best, worstRating: c.bounds!.worst } : {}),
    },
  };
}
