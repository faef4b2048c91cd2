import { z } from "zod";

export const verdictFields = {
  /** The rating's key, e.g. `false`. */
  rating: z.string({ error: "must be a rating key" }).trim().min(1).max(60).nullable(),
  summary: z
    .string({ error: "must be text" })
    .trim()
    .max(280, "must be at most 280 characters (one line)")
    .refine((s) => !/[\r\n]/.test(s), "must be one line"),
  rationale: z.string({ error: "must be text" }).max(50_000, "must be at most 50,000 characters"),
};

/** The fewest characters a rationale needs before publication. */
export const MIN_RATIONALE = 200;
