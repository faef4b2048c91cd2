import { useLocale, useTranslations } from "next-intl";
import type { EditorClaim, PlacedClaim } from "@/db/queries/documents";
import { ratingIn } from "@/db/queries/shapes";

/** Whether a claim has a place in the current text (orphans have none). */
export function isPlaced(c: EditorClaim): c is PlacedClaim {
  return c.start !== null && c.end !== null;
}

/** The verdict states a claim can be filtered by ("": every state). */
export const STATE_FILTERS = ["", "none", "draft", "in_review", "published"] as const;

/** The filter value of a claim's verdict state. */
export function stateKey(c: EditorClaim): string {
  if (!c.verdict?.state) return "none";
  return c.verdict.published ? "published" : c.verdict.state;
}

/**
 * A sentence describing a claim's state, for screen readers and tooltips: "Claim by X: published, rated False", or
 * without its claimant (on its own card, which names them).
 */
export function useDescribeClaim(): (c: EditorClaim, options?: { withClaimant?: boolean }) => string {
  const t = useTranslations("desk.annotator.describe");
  const locale = useLocale();
  return (c, { withClaimant = true } = {}) => {
    const state = c.verdict?.state;
    const published = c.verdict?.published;
    const rating = published ? ratingIn(published, locale).label : undefined;
    const verdict = !state
      ? t("noVerdict")
      : rating !== undefined
        ? state !== "published"
          ? t("publishedNewVersion", { rating, state })
          : t("published", { rating })
        : t("verdict", { state });
    const status = c.anchorStatus === "fuzzy" ? t("moved", { verdict }) : verdict;
    return withClaimant ? t("byClaimant", { claimant: c.claimant.name, status }) : status;
  };
}

/**
 * How a highlight looks for a claim: a background and an underline whose style also
 * differs by state (dotted: no verdict, dashed: draft, double: in review, solid in the
 * rating's colour: published), so colour is never the only signal.
 */
export function highlightStyle(c: EditorClaim): {
  backgroundColor: string;
  borderBottom: string;
  textDecoration?: string;
} {
  const fuzzy = c.anchorStatus === "fuzzy" ? { textDecoration: "underline wavy #a40e26" } : {};
  switch (stateKey(c)) {
    case "published": {
      const colour = c.verdict!.published!.colour;
      return { backgroundColor: `${colour}26`, borderBottom: `3px solid ${colour}`, ...fuzzy };
    }
    case "in_review":
      return { backgroundColor: "#dbeafe", borderBottom: "3px double #1d4ed8", ...fuzzy };
    case "draft":
      return { backgroundColor: "#ffedd5", borderBottom: "2px dashed #bc4c00", ...fuzzy };
    default:
      return { backgroundColor: "#fef3c7", borderBottom: "2px dotted #9a6700", ...fuzzy };
  }
}
