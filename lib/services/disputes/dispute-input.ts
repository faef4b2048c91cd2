import { z } from "zod";
import { idSchema, optionalDateSchema, optionalText, requiredString } from "@/lib/validation/common";
import { issueMessage } from "@/lib/i18n/text";

export const disputeFields = {
  question: requiredString()
    .trim()
    .min(5, issueMessage("validation.minChars", { min: 5 }))
    .max(300, issueMessage("validation.maxChars", { max: 300 })),
  eventDate: optionalDateSchema,
  description: optionalText(2000),
};

export const accountLabelSchema = requiredString()
  .trim()
  .min(1, issueMessage("validation.required"))
  .max(120, issueMessage("validation.maxChars", { max: 120 }));

/** The accounts of a dispute: each a claim with its label. */
export const accountsInput = z
  .array(z.strictObject({ claimId: idSchema, label: accountLabelSchema }), {
    error: issueMessage("validation.accountList"),
  })
  .max(50, issueMessage("validation.maxAccounts", { max: 50 }))
  .refine((a) => new Set(a.map((x) => x.claimId)).size === a.length, issueMessage("validation.claimTwice"));
