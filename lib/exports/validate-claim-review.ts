/**
 * Checks a ClaimReview object against Google's required and recommended properties
 * (../shared/standards/claimreview/google-requirements.md). `errors` make the markup
 * ineligible; `warnings` are recommendations. Used by the tests of the claim page and the exports.
 */

type Json = Record<string, unknown>;
export type ClaimReviewReport = { errors: string[]; warnings: string[] };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const isUrl = (v: unknown) => {
  try {
    return /^https?:$/.test(new URL(String(v)).protocol);
  } catch {
    return false;
  }
};

/** Validates one ClaimReview; `pageOrigin` is the site the markup is served from, if known. */
export function validateClaimReview(cr: unknown, pageOrigin?: string): ClaimReviewReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isObject(cr)) return { errors: ["not a JSON object"], warnings };
  if (cr["@type"] !== "ClaimReview") errors.push("@type must be ClaimReview");
  if (!String(cr["@context"] ?? "").includes("schema.org")) errors.push("@context must be schema.org");

  const claimReviewed = text(cr.claimReviewed);
  if (!claimReviewed) errors.push("claimReviewed is required");
  else if (claimReviewed.length > 75) warnings.push("claimReviewed is longer than the 75 characters Google suggests");

  if (!isUrl(cr.url)) errors.push("url is required and must be an absolute http(s) URL");
  else if (pageOrigin) {
    const host = new URL(String(cr.url)).hostname;
    const site = new URL(pageOrigin).hostname;
    if (host !== site && !host.endsWith(`.${site}`))
      errors.push(`url must be on ${site} (the page that carries the markup)`);
  }

  const rating = cr.reviewRating;
  if (!isObject(rating)) errors.push("reviewRating is required");
  else {
    if (!text(rating.alternateName)) errors.push("reviewRating.alternateName is required");
    const numbers = ["ratingValue", "bestRating", "worstRating"].filter((k) => rating[k] !== undefined);
    if (numbers.length > 0) {
      const [value, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating].map(Number);
      if (numbers.length < 3 || [value, best, worst].some((n) => !Number.isFinite(n))) {
        errors.push("reviewRating needs ratingValue, bestRating and worstRating together, as numbers");
      } else {
        if (!(worst! >= 1)) errors.push("reviewRating.worstRating must be at least 1");
        if (!(worst! < best!)) errors.push("reviewRating.worstRating must be less than bestRating");
        if (!(value! >= worst! && value! <= best!))
          errors.push("reviewRating.ratingValue must lie between worstRating and bestRating");
      }
    }
  }

  const author = cr.author;
  if (!isObject(author)) warnings.push("author (the organisation publishing the fact check) is recommended");
  else if (!text(author.name) && !isUrl(author.url)) errors.push("author needs a name or a url");

  const item = cr.itemReviewed;
  if (!isObject(item)) warnings.push("itemReviewed (the Claim) is recommended");
  else {
    if (item["@type"] !== "Claim" && item["@type"] !== "CreativeWork") errors.push("itemReviewed must be a Claim");
    if (item["@type"] === "Claim" && !item.appearance && !item.firstAppearance)
      warnings.push("itemReviewed.appearance or firstAppearance is recommended");
    // URL | CreativeWork (or a type of one: NewsArticle, VideoObject…), one or a list of them.
    for (const key of ["appearance", "firstAppearance"] as const) {
      for (const work of item[key] === undefined ? [] : [item[key]].flat()) {
        if (!isObject(work)) {
          if (!isUrl(work)) errors.push(`itemReviewed.${key} must be an absolute http(s) URL or a CreativeWork`);
        } else if (!isUrl(work.url)) warnings.push(`itemReviewed.${key}.url (where the claim appeared) is recommended`);
      }
    }
    if (isObject(item.author)) {
      if (!text(item.author.name)) errors.push("itemReviewed.author.name is required when there is an author");
      if (!item.author.sameAs) warnings.push("itemReviewed.author.sameAs is recommended");
    } else warnings.push("itemReviewed.author (the claimant) is recommended");
    if (!item.datePublished) warnings.push("itemReviewed.datePublished is recommended");
  }
  if (!cr.datePublished) warnings.push("datePublished is recommended");
  return { errors, warnings };
}
