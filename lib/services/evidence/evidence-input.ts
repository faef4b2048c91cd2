import { z } from "zod";
import { SOURCE_TYPES, STANCES } from "@/db/enums";
import {
  httpUrlSchema,
  optionalDateSchema,
  optionalText,
  optionalUrlSchema,
  requiredString,
} from "@/lib/validation/common";
import { issueMessage } from "@/lib/i18n/text";

export const stanceSchema = z.enum(STANCES, { error: issueMessage("validation.stance") });
export const sourceTypeSchema = z.enum(SOURCE_TYPES, {
  error: issueMessage("validation.oneOf", { options: SOURCE_TYPES.join(", ") }),
});

export const evidenceFields = {
  url: httpUrlSchema,
  title: requiredString()
    .trim()
    .min(1, issueMessage("validation.required"))
    .max(300, issueMessage("validation.maxChars", { max: 300 })),
  sourceType: sourceTypeSchema,
  publisher: optionalText(200),
  publishedAt: optionalDateSchema,
  excerpt: optionalText(2000),
  archiveUrl: optionalUrlSchema,
  note: optionalText(1000),
};
