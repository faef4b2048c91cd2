import { z } from "zod";
import { CLAIMANT_KINDS } from "@/db/enums";
import { MAX_ID } from "@/db/ids";
import { optionalText, optionalUrlSchema, requiredString } from "@/lib/validation/common";
import { issueMessage } from "@/lib/i18n/text";

export const claimantFields = {
  name: requiredString()
    .trim()
    .min(1, issueMessage("validation.required"))
    .max(200, issueMessage("validation.maxChars", { max: 200 })),
  /** Role or affiliation, e.g. "Russia's foreign minister". */
  description: optionalText(300),
  /** An identifying URL, e.g. a Wikidata item. */
  sameAs: optionalUrlSchema,
  /** "person" or "organization"; empty or null when not known. */
  kind: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z
      .enum(CLAIMANT_KINDS, { error: issueMessage("validation.oneOf", { options: CLAIMANT_KINDS.join(", ") }) })
      .nullable(),
  ),
};

/** A claimant given inline: an existing one by id, or a new one by name. */
export const claimantRefInput = z.union(
  [z.strictObject({ id: z.number().int().positive().max(MAX_ID) }), z.strictObject(claimantFields)],
  {
    error: issueMessage("validation.claimantRef"),
  },
);
