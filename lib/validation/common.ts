import { z } from "zod";
import { ROLES } from "@/db/schema";

/** A string field whose missing or non-string value gets a plain message. */
export function requiredString() {
  return z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") });
}

/** A normalised email address (trimmed, lower-cased). */
export const emailSchema = requiredString()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be a valid email address"));

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

/** A person's display name. */
export const personNameSchema = requiredString().trim().min(1, "is required").max(120, "must be at most 120 characters");

/** A password chosen by a person: long enough to resist guessing, short enough to hash cheaply. */
export const passwordSchema = requiredString()
  .min(12, "must be at least 12 characters")
  .max(200, "must be at most 200 characters");

/** A positive integer id, from JSON or from a path or form string. */
export const idSchema = z.coerce.number({ error: "must be a number" }).int().positive();
