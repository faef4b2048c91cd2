import { z } from "zod";
import { SOURCE_TYPES, STANCES } from "@/db/enums";
import {
  httpUrlSchema,
  optionalDateSchema,
  optionalText,
  optionalUrlSchema,
  requiredString,
} from "@/lib/validation/common";

export const stanceSchema = z.enum(STANCES, { error: "must be supports, refutes or context" });
export const sourceTypeSchema = z.enum(SOURCE_TYPES, { error: `must be one of ${SOURCE_TYPES.join(", ")}` });

export const evidenceFields = {
  url: httpUrlSchema,
  title: requiredString().trim().min(1, "is required").max(300, "must be at most 300 characters"),
  sourceType: sourceTypeSchema,
  publisher: optionalText(200),
  publishedAt: optionalDateSchema,
  excerpt: optionalText(2000),
  archiveUrl: optionalUrlSchema,
  note: optionalText(1000),
};
