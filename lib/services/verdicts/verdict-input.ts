import { z } from "zod";
import { issueMessage } from "@/lib/i18n/text";
import { optionalLanguageSchema } from "@/lib/validation/common";

export const verdictFields = {
  /** The rating's key, e.g. `false`. */
  rating: z
    .string({ error: issueMessage("validation.ratingKey") })
    .trim()
    .min(1)
    .max(60)
    .nullable(),
  summary: z
    .string({ error: issueMessage("validation.text") })
    .trim()
    .max(280, issueMessage("validation.maxCharsOneLine", { max: 280 }))
    .refine((s) => !/[\r\n]/.test(s), issueMessage("validation.oneLine")),
  rationale: z
    .string({ error: issueMessage("validation.text") })
    .max(50_000, issueMessage("validation.maxCharsGrouped", { max: 50_000 })),
  /** The language the summary, rationale and notes are written in (BCP 47); null: the claim's. */
  language: optionalLanguageSchema,
};

/** The fewest characters a rationale needs before publication. */
export const MIN_RATIONALE = 200;
