import { z } from "zod";
import { requiredString } from "@/lib/validation/common";

export const ratingFields = {
  label: requiredString().trim().min(1, "is required").max(60, "must be at most 60 characters"),
  description: z.string({ error: "must be text" }).trim().max(1000, "must be at most 1000 characters").default(""),
  colour: requiredString()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a7f37")
    .transform((c) => c.toLowerCase()),
  /** ClaimReview `ratingValue` (1 = worst); null for a rating outside the true–false order. */
  ordinal: z
    .number({ error: "must be a whole number from 1, or null" })
    .int()
    .min(1, "must be 1 or more")
    .max(100)
    .nullable(),
};
