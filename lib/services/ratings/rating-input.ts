import { z } from "zod";
import { requiredString } from "@/lib/validation/common";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { issueMessage } from "@/lib/i18n/text";

const label = requiredString()
  .trim()
  .max(60, issueMessage("validation.maxChars", { max: 60 }));
const description = z
  .string({ error: issueMessage("validation.text") })
  .trim()
  .max(1000, issueMessage("validation.maxChars", { max: 1000 }));

export const ratingFields = {
  label: label.min(1, issueMessage("validation.required")),
  description: description.default(""),
  colour: requiredString()
    .regex(/^#[0-9a-fA-F]{6}$/, issueMessage("validation.colour"))
    .transform((c) => c.toLowerCase()),
  /** ClaimReview `ratingValue` (1 = worst); null for a rating outside the true–false order. */
  ordinal: z
    .number({ error: issueMessage("validation.ordinal") })
    .int()
    .min(1, issueMessage("validation.minOne"))
    .max(100)
    .nullable(),
};

/**
 * The label and description in other interface languages, by locale (`{"uk": {"label": "Неправда", "description":
 * "…"}}`); a locale given neither is left out, and pages in it show the scale's own words. Null clears them all.
 */
export const ratingTranslations = z
  .record(
    z.string().refine((l) => isLocale(l) && l !== DEFAULT_LOCALE, { message: issueMessage("validation.locale") }),
    z.strictObject({ label: label.default(""), description: description.default("") }),
  )
  .nullable()
  .transform((all) => {
    const given = Object.entries(all ?? {}).filter(([, t]) => t.label || t.description);
    return given.length > 0 ? Object.fromEntries(given) : null;
  });
