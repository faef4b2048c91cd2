import { z } from "zod";
import { canonicalLanguageTag } from "@/lib/text/language-tag";
import { MAX_ID, parseId } from "@/db/ids";
import { ROLES } from "@/db/schema";
import { issueMessage } from "@/lib/i18n/text";

const REQUIRED = issueMessage("validation.required");
const TEXT = issueMessage("validation.text");

/** A string field whose missing or non-string value gets a plain message. */
export function requiredString() {
  return z.string({ error: (issue) => (issue.input === undefined ? REQUIRED : TEXT) });
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
  .max(254, issueMessage("validation.maxChars", { max: 254 }))
  .pipe(z.email(issueMessage("validation.email")));

export const roleSchema = z.enum(ROLES, { error: issueMessage("validation.oneOf", { options: ROLES.join(", ") }) });

/** A person's display name. */
export const personNameSchema = requiredString()
  .trim()
  .min(1, REQUIRED)
  .max(120, issueMessage("validation.maxChars", { max: 120 }));

/** A password chosen by a person: long enough to resist guessing, short enough to hash cheaply. */
export const passwordSchema = requiredString()
  .min(12, issueMessage("validation.minChars", { min: 12 }))
  .max(200, issueMessage("validation.maxChars", { max: 200 }));

export { MAX_ID, parseId };

const NOT_AN_ID = issueMessage("validation.notId");

/** A positive integer id: a JSON number, or a string of digits from a path or a form. */
export const idSchema = z.union(
  [
    z.number().int().positive().max(MAX_ID),
    z.string().transform((v, ctx) => parseId(v) ?? (ctx.addIssue({ code: "custom", message: NOT_AN_ID }), z.NEVER)),
  ],
  { error: issueMessage("validation.id") },
);

/** An optimistic-lock version sent back with an edit. */
export const versionSchema = z
  .number({ error: issueMessage("validation.version") })
  .int()
  .positive();

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string({ error: issueMessage("validation.isoDate") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, issueMessage("validation.isoDate"))
  .refine(
    (v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v),
    issueMessage("validation.realDate"),
  );

/** An absolute http(s) URL. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: issueMessage("validation.httpUrl") })
  .max(2000, issueMessage("validation.maxChars", { max: 2000 }));

/** Optional text: trimmed; empty becomes null (so a form can clear a field). */
export function optionalText(max: number) {
  return z
    .string({ error: TEXT })
    .trim()
    .max(max, issueMessage("validation.maxChars", { max }))
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

const LANGUAGE = issueMessage("validation.language");

/** A BCP 47 language tag such as `en` or `uk-UA`, kept in its canonical case; empty becomes null. */
export const optionalLanguageSchema = z
  .union([
    z.literal("").transform(() => null),
    z.string().transform((tag, ctx) => {
      const canonical = canonicalLanguageTag(tag.trim());
      if (canonical) return canonical;
      ctx.addIssue({ code: "custom", message: LANGUAGE });
      return z.NEVER;
    }),
  ])
  .nullish()
  .transform((v) => v ?? null);
