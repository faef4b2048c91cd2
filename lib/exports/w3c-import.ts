import { z } from "zod";
import { MAX_ID } from "@/db/ids";
import { fieldIssue, ServiceError, type FieldIssue } from "@/lib/services/errors";
import { toFieldIssues } from "@/lib/validation/parse";
import { issueMessage, text as words } from "@/lib/i18n/text";

/** What Claimdesk takes from one W3C annotation: where it points, who said it, what it says. */
export type ImportedAnnotation = {
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** Code points, as W3C counts them. */
  position: { start: number; end: number } | null;
  /** A TextualBody with purpose `identifying` (Claimdesk's claimant body). */
  claimantName: string | null;
  /** A TextualBody with purpose `describing`, else `commenting`. */
  statement: string | null;
};

/** The most annotations one file may hold. */
export const MAX_IMPORTED_ANNOTATIONS = 10_000;

// W3C allows one value or an array almost everywhere; read both as a list.
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item));
const isType = (name: string) => (t: unknown) => t === name || (Array.isArray(t) && t.includes(name));

const TEXT = issueMessage("validation.text");
const NUMBER = issueMessage("validation.number");
const WHOLE = issueMessage("validation.whole");
const BEYOND = issueMessage("validation.beyondDocument");

const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z
    .string({ error: TEXT })
    .min(1, issueMessage("validation.notEmpty"))
    .max(10_000, issueMessage("validation.maxCharsGrouped", { max: 10_000 })),
  prefix: z.string({ error: TEXT }).max(1_000).optional(),
  suffix: z.string({ error: TEXT }).max(1_000).optional(),
});
// Offsets are stored as 32-bit integers, like ids.
const MAX_OFFSET = MAX_ID;
const positionSelector = z
  .object({
    type: z.literal("TextPositionSelector"),
    start: z
      .number({ error: NUMBER })
      .int(WHOLE)
      .min(0, issueMessage("validation.nonNegative"))
      .max(MAX_OFFSET, BEYOND),
    end: z.number({ error: NUMBER }).int(WHOLE).max(MAX_OFFSET, BEYOND),
  })
  .refine((s) => s.end > s.start, { message: issueMessage("validation.afterStart"), path: ["end"] });
// Text selectors are checked; others (CSS, XPath, Fragment…) are let through and not used.
const selector = z
  .looseObject({ type: z.string({ error: issueMessage("validation.selectorType") }) })
  .transform((s, ctx) => {
    const schema =
      s.type === "TextQuoteSelector" ? quoteSelector : s.type === "TextPositionSelector" ? positionSelector : null;
    if (!schema) return s;
    const checked = schema.safeParse(s);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues)
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
// A target given by its address alone has no selector to anchor.
const target = z.preprocess(
  (v) => (typeof v === "string" ? { source: v } : v),
  z.object({ source: z.string().optional(), selector: list(selector).optional() }),
);
const textualBody = z.object({
  type: z.string().optional(),
  purpose: z.string().optional(),
  value: z.string().optional(),
});

const annotation = z
  .object({
    type: z.unknown().refine(isType("Annotation"), issueMessage("validation.mustBeAnnotation")),
    target: list(target),
    body: list(z.unknown()).optional(),
  })
  .transform((a, ctx): ImportedAnnotation => {
    const selectors = a.target.flatMap((t) => t.selector ?? []);
    const quote = selectors.find((s) => s.type === "TextQuoteSelector") as z.output<typeof quoteSelector> | undefined;
    const position = selectors.find((s) => s.type === "TextPositionSelector") as
      z.output<typeof positionSelector> | undefined;
    if (!quote && !position) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: issueMessage("validation.needsSelector"),
      });
      return z.NEVER;
    }
    const bodies = (a.body ?? []).flatMap((b) => {
      const read = textualBody.safeParse(b);
      return read.success && read.data.value ? [read.data] : [];
    });
    const text = (purpose: string) => bodies.find((b) => b.purpose === purpose)?.value?.trim() || null;
    return {
      quote: quote ? { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" } : null,
      position: position ? { start: position.start, end: position.end } : null,
      claimantName: text("identifying")?.slice(0, 200) ?? null,
      statement: (text("describing") ?? text("commenting"))?.replace(/\s+/g, " ").slice(0, 500) ?? null,
    };
  });

/** The annotations of a file, with the path each one sits at in it. */
function itemsOf(file: unknown): { items: unknown[]; at: string } {
  if (Array.isArray(file)) return { items: file, at: "" };
  if (typeof file === "object" && file !== null) {
    const o = file as Record<string, unknown>;
    if (isType("AnnotationCollection")(o.type)) {
      const first = o.first as Record<string, unknown> | undefined;
      if (typeof first !== "object" || first === null || !Array.isArray(first.items)) {
        throw invalid([fieldIssue("first", words("errors.import.embeddedPage"))]);
      }
      return { items: first.items, at: "first.items" };
    }
    if (isType("AnnotationPage")(o.type) && Array.isArray(o.items)) return { items: o.items, at: "items" };
    if (isType("Annotation")(o.type)) return { items: [file], at: "(annotation)" };
  }
  throw invalid([fieldIssue("(file)", words("errors.import.notW3cShape"))]);
}

const invalid = (issues: FieldIssue[]) =>
  new ServiceError(
    "validation_failed",
    words("errors.import.notW3c", {
      summary: issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; "),
      more: Math.max(0, issues.length - 5),
    }),
    issues,
  );

/**
 * Reads a W3C Web Annotation file — an AnnotationCollection with its page embedded (as
 * Claimdesk exports it), an AnnotationPage, a JSON array of annotations (as Recogito and
 * Annotorious write them) or one Annotation. All or nothing: any annotation that is not
 * valid refuses the whole file, with every problem listed by its path in the file.
 */
export function readAnnotationFile(file: unknown): ImportedAnnotation[] {
  const { items, at } = itemsOf(file);
  if (items.length === 0) throw invalid([fieldIssue(at || "(file)", words("errors.import.noAnnotations"))]);
  if (items.length > MAX_IMPORTED_ANNOTATIONS)
    throw invalid([
      fieldIssue(
        at || "(file)",
        words("errors.import.tooManyAnnotations", { n: items.length, max: MAX_IMPORTED_ANNOTATIONS }),
      ),
    ]);
  const issues: FieldIssue[] = [];
  const read = items.map((item, i) => {
    const result = annotation.safeParse(item);
    if (result.success) return result.data;
    const where = at === "(annotation)" ? "" : `${at ? `${at}.` : ""}${i}`;
    issues.push(
      ...toFieldIssues(result.error).map((f) => ({
        ...f,
        path: [where, f.path === "(input)" ? "" : f.path].filter(Boolean).join(".") || "(annotation)",
      })),
    );
    return null;
  });
  if (issues.length > 0) throw invalid(issues);
  return read as ImportedAnnotation[];
}
