import { z } from "zod";
import { idSchema, optionalDateSchema, optionalText, requiredString } from "@/lib/validation/common";

export const disputeFields = {
  question: requiredString().trim().min(5, "must be at least 5 characters").max(300, "must be at most 300 characters"),
  eventDate: optionalDateSchema,
  description: optionalText(2000),
};

export const accountLabelSchema = requiredString()
  .trim()
  .min(1, "is required")
  .max(120, "must be at most 120 characters");

/** The accounts of a dispute: each a claim with its label. */
export const accountsInput = z
  .array(z.strictObject({ claimId: idSchema, label: accountLabelSchema }), {
    error: "must be a list of {claimId, label}",
  })
  .max(50, "at most 50 accounts")
  .refine((a) => new Set(a.map((x) => x.claimId)).size === a.length, "lists a claim twice");
