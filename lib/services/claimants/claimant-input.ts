import { z } from "zod";
import { optionalText, optionalUrlSchema, requiredString } from "@/lib/validation/common";

export const claimantFields = {
  name: requiredString().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  /** Role or affiliation, e.g. "Russia's foreign minister". */
  description: optionalText(300),
  /** An identifying URL, e.g. a Wikidata item. */
  sameAs: optionalUrlSchema,
};

/** A claimant given inline: an existing one by id, or a new one by name. */
export const claimantRefInput = z.union([z.strictObject({ id: z.number().int().positive() }), z.strictObject(claimantFields)], {
  error: "give {id} of an existing claimant or {name, description?, sameAs?} for a new one",
});
