import { z } from "zod";
import { canonicalLanguageTag } from "@/lib/text/language-tag";
import { MAX_ID, parseId } from "@/db/ids";
import { ROLES } from "@/db/schema";

/** A string field whose missing or non-string value gets a plain message. */
export function requiredString() {
  return z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") });
}

/** The form emails are stored and compared in (no address has control characters: they are dropped). */
export function normaliseEmail(email: string): string {
  return email
    .replace(/[\u0000-\u001f]/g, "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
}

/** A normalised email address (trimmed, lower-cased). */
export const emailSchema = requiredString()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be a valid email address"));

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

/** A person's display name. */
export const personNameSchema = requiredString()
  .trim()
  .min(1, "is required")
  .max(120, "must be at most 120 characters");

/** A password chosen by a person: long enough to resist guessing, short enough to hash cheaply. */
export const passwordSchema = requiredString()
  .min(12, "must be at least 12 characters")
  .max(200, "must be at most 200 characters");

export { MAX_ID, parseId };

/** A positive integer id: a JSON number, or a string of digits from a path or a form. */
export const idSchema = z.union(
  [
    z.number().int().positive().max(MAX_ID),
    z.string().transform((v, ctx) => parseId(v) ?? (ctx.addIssue({ code: "custom", message: "not an id" }), z.NEVER)),
  ],
  { error: "must be a positive whole number" },
);

/** An optimistic-lock version sent back with an edit. */
export const versionSchema = z.number({ error: "must be the record's version number" }).int().positive();

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string({ error: "must be a date as YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), "is not a real date");

/** An absolute http(s) URL. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .max(2000, "must be at most 2000 characters");

/** Optional text: trimmed; empty becomes null (so a form can clear a field). */
export function optionalText(max: number) {
  return z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Optional URL; empty becomes null. */
export const optionalUrlSchema = z
  .union([z.literal("").transform(() => null), httpUrlSchema])
  .nullish()
  .transform((v) => v ?? null);

/** Optional date; empty becomes null. */
export const optionalDateSchema = z
  .union([z.literal("").transform(() => null), isoDateSchema])
  .nullish()
  .transform((v) => v ?? null);

/** A BCP 47 language tag such as `en` or `uk-UA`, kept in its canonical case; empty becomes null. */
export const optionalLanguageSchema = z
  .union([
    z.literal("").transform(() => null),
    z.string().transform((tag, ctx) => {
      const canonical = canonicalLanguageTag(tag.trim());
      if (canonical) return canonical;
      ctx.addIssue({ code: "custom", message: "must be a language code such as en or uk-UA" });
      return z.NEVER;
    }),
  ])
  .nullish()
  .transform((v) => v ?? null);
