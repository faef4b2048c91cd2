import type { EditorClaim, PlacedClaim } from "@/db/queries/documents";

/** Whether a claim has a place in the current text (orphans have none). */
export function isPlaced(c: EditorClaim): c is PlacedClaim {
  return c.start !== null && c.end !== null;
}

/** The verdict states a claim can be filtered by. */
export const STATE_FILTERS = [
  { value: "", label: "All states" },
  { value: "none", label: "No verdict" },
  { value: "draft", label: "Draft" },
  { value: "in_review", label: "In review" },
  { value: "published", label: "Published" },
] as const;

/** The filter value of a claim's verdict state. */
export function stateKey(c: EditorClaim): string {
  if (!c.verdict?.state) return "none";
  return c.verdict.published ? "published" : c.verdict.state;
}

/** A sentence describing a claim's state, for screen readers and tooltips. */
export function describeClaim(c: EditorClaim): string {
  const verdict = !c.verdict?.state
    ? "no verdict"
    : c.verdict.published
      ? `published, rated ${c.verdict.published.label}${c.verdict.state !== "published" ? `; new version ${c.verdict.state.replace("_", " ")}` : ""}`
      : `verdict ${c.verdict.state.replace("_", " ")}`;
  const anchor = c.anchorStatus === "fuzzy" ? "; moved by an edit, needs confirming" : "";
  return `Claim by ${c.claimant.name}: ${verdict}${anchor}`;
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
