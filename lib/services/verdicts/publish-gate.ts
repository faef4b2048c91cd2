import { text, type Text } from "@/lib/i18n/text";
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
 * principles (sources a reader can follow, a stated method), in words: an empty list means ready.
 */
export function missingForPublication(v: GateInput): Text[] {
  const missing: Text[] = [];
  if (!v.hasClaimant) missing.push(text("errors.publishGate.noClaimant"));
  if (!v.isAnchored) missing.push(text("errors.publishGate.notAnchored"));
  if (!v.hasRating) missing.push(text("errors.publishGate.rating"));
  if (!v.summary.trim()) missing.push(text("errors.publishGate.summary"));
  const length = [...v.rationale.trim()].length;
  if (length < MIN_RATIONALE) missing.push(text("errors.publishGate.rationale", { min: MIN_RATIONALE, length }));
  if (v.evidenceWithUrl === 0) missing.push(text("errors.publishGate.evidence"));
  return missing;
}
