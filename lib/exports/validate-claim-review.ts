/**
 * Checks a ClaimReview object against Google's required and recommended properties
 * (../shared/standards/claimreview/google-requirements.md). `errors` make the markup
 * ineligible; `warnings` are recommendations. Used by the tests of the claim page and the exports.
 */
import type { Messages } from "next-intl";
import { text, type Text } from "@/lib/i18n/text";

type Json = Record<string, unknown>;
/** Each problem as a catalogue text: English as a string (`String(e)`), in any language on the desk. */
export type ClaimReviewReport = { errors: Text[]; warnings: Text[] };

const msg = (key: keyof Messages["errors"]["claimReview"], values?: Record<string, string>) =>
  text(`errors.claimReview.${key}`, values);

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const present = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const isUrl = (v: unknown) => {
  try {
    return /^https?:$/.test(new URL(String(v)).protocol);
  } catch {
    return false;
  }
};

/** Validates one ClaimReview; `pageOrigin` is the site the markup is served from, if known. */
export function validateClaimReview(cr: unknown, pageOrigin?: string): ClaimReviewReport {
  const errors: Text[] = [];
  const warnings: Text[] = [];
  if (!isObject(cr)) return { errors: [msg("notObject")], warnings };
  if (cr["@type"] !== "ClaimReview") errors.push(msg("type"));
  if (!String(cr["@context"] ?? "").includes("schema.org")) errors.push(msg("context"));

  const claimReviewed = present(cr.claimReviewed);
  if (!claimReviewed) errors.push(msg("required", { property: "claimReviewed" }));
  else if (claimReviewed.length > 75) warnings.push(msg("longStatement"));

  if (!isUrl(cr.url)) errors.push(msg("url"));
  else if (pageOrigin) {
    const host = new URL(String(cr.url)).hostname;
    const site = new URL(pageOrigin).hostname;
    if (host !== site && !host.endsWith(`.${site}`)) errors.push(msg("urlSite", { site }));
  }

  const rating = cr.reviewRating;
  if (!isObject(rating)) errors.push(msg("required", { property: "reviewRating" }));
  else {
    if (!present(rating.alternateName)) errors.push(msg("required", { property: "reviewRating.alternateName" }));
    const numbers = ["ratingValue", "bestRating", "worstRating"].filter((k) => rating[k] !== undefined);
    if (numbers.length > 0) {
      const [value, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating].map(Number);
      if (numbers.length < 3 || [value, best, worst].some((n) => !Number.isFinite(n))) {
        errors.push(msg("ratingNumbers"));
      } else {
        if (!(worst! >= 1)) errors.push(msg("worstAtLeastOne"));
        if (!(worst! < best!)) errors.push(msg("worstBelowBest"));
        if (!(value! >= worst! && value! <= best!)) errors.push(msg("valueBetween"));
      }
    }
  }

  const author = cr.author;
  if (!isObject(author)) warnings.push(msg("authorRecommended"));
  else if (!present(author.name) && !isUrl(author.url)) errors.push(msg("authorNameOrUrl"));

  const item = cr.itemReviewed;
  if (!isObject(item)) warnings.push(msg("itemRecommended"));
  else {
    if (item["@type"] !== "Claim" && item["@type"] !== "CreativeWork") errors.push(msg("itemClaim"));
    if (item["@type"] === "Claim" && !item.appearance && !item.firstAppearance)
      warnings.push(msg("appearanceRecommended"));
    // URL | CreativeWork (or a type of one: NewsArticle, VideoObject…), one or a list of them.
    for (const key of ["appearance", "firstAppearance"] as const) {
      for (const work of item[key] === undefined ? [] : [item[key]].flat()) {
        if (!isObject(work)) {
          if (!isUrl(work)) errors.push(msg("appearanceUrl", { key }));
        } else if (!isUrl(work.url)) warnings.push(msg("appearanceUrlRecommended", { key }));
      }
    }
    if (isObject(item.author)) {
      if (!present(item.author.name)) errors.push(msg("claimantName"));
      if (!item.author.sameAs) warnings.push(msg("recommended", { property: "itemReviewed.author.sameAs" }));
    } else warnings.push(msg("claimantRecommended"));
    if (!item.datePublished) warnings.push(msg("recommended", { property: "itemReviewed.datePublished" }));
  }
  if (!cr.datePublished) warnings.push(msg("recommended", { property: "datePublished" }));
  return { errors, warnings };
}
