import { MIN_RATIONALE } from "./verdict-input";

export type GateInput = {
  hasClaimant: boolean;
  /** An orphaned or unconfirmed claim has no settled quote to publish. */
  isAnchored: boolean;
  hasRating: boolean;
  summary: string;
  rationale: string;
  evidenceWithUrl: number;
};

/**
 * What a verdict still lacks before it may be published, in the spirit of the IFCN code of
 * principles (sources a reader can follow, a stated method): an empty list means ready.
 */
export function missingForPublication(v: GateInput): string[] {
  const missing: string[] = [];
  if (!v.hasClaimant) missing.push("the claim has no claimant");
  if (!v.isAnchored) missing.push("the claim's quote anchored in its text (confirm or re-attach it)");
  if (!v.hasRating) missing.push("a rating");
  if (!v.summary.trim()) missing.push("a one-line summary");
  const length = [...v.rationale.trim()].length;
  if (length < MIN_RATIONALE) missing.push(`a rationale of at least ${MIN_RATIONALE} characters (now ${length})`);
  if (v.evidenceWithUrl === 0) missing.push("at least one evidence item with a URL");
  return missing;
}
