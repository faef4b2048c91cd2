import { z } from "zod";
import { fieldIssue, ServiceError, type FieldIssue } from "@/lib/services/errors";
import { canonicalLanguageTag, MAX_LANGUAGE_TAG } from "@/lib/text/language-tag";
import { issueMessage, text as words, type Text } from "@/lib/i18n/text";
import { joinedText } from "@/lib/i18n/text";

/**
 * Reads other fact-checkers' published reviews for the library of known fact-checks: schema.org ClaimReview (one
 * object, a list, a JSON-LD `@graph`, a `DataFeed` of ClaimReviews or of `DataFeedItem`s) and the JSON of a fact-check
 * search API (Google Fact Check Tools' `claims:search`: `{claims: [{text, claimant, claimDate, claimReview: […]}]}`).
 * Each review is checked on its own: an invalid one is reported by its path in the file and left out, never cut to
 * fit.
 */

/** The most reviews one file may hold (each `claimReview` entry of the search API's JSON counts as one). */
export const MAX_IMPORTED_REVIEWS = 50_000;

/** The longest text each field may hold; a review with a longer one is invalid. */
export const FACT_CHECK_LIMITS = {
  url: 2_000,
  claimReviewed: 2_000,
  title: 500,
  rating: 500,
  name: 500,
  language: MAX_LANGUAGE_TAG,
} as const;

/** One review as the library stores it. Dates are `YYYY-MM-DD`; empty values are null. */
export type FactCheckFields = {
  url: string;
  claimReviewed: string;
  rating: string | null;
  publisherName: string;
  publisherUrl: string | null;
  claimant: string | null;
  claimDate: string | null;
  reviewDate: string | null;
  language: string | null;
  title: string | null;
};
type Field = keyof FactCheckFields;

/** Where a review sits in the file, and what was taken from it (each value with its own path), or why it cannot be. */
export type ReviewSlot = { path: string; values: Candidate } | { path: string; issues: FieldIssue[] };
type Candidate = Partial<Record<Field, { value: unknown; path: string }>>;

// ---- Normalising

/**
 * A review's URL as the library keys it: trimmed, parsed as browsers parse it (the scheme and host in lower case, a
 * default port dropped, non-ASCII characters percent-encoded and host names in punycode, so the result is ASCII), and
 * without its fragment. Null when it is not an absolute http(s) URL.
 */
export function normaliseReviewUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
  url.hash = "";
  return url.href;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Text as stored: trimmed, a lone surrogate (which no database stores) replaced by U+FFFD. */
const clean = (s: string) => (SURROGATE.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s).trim();

// ---- Checking one review

/** What a required field is, for its "is required" message (`validation.requiredWhat`). */
type Required = "reviewUrl" | "claimReviewed" | "publisherName";
const requiredMessage = (what: Required | "claimReview") => issueMessage("validation.requiredWhat", { what });
const TEXT = issueMessage("validation.text");

function text(max: number, required?: Required) {
  const isRequired = required ? requiredMessage(required) : "";
  return z
    .string({
      error: (issue) => (required && (issue.input === undefined || issue.input === null) ? isRequired : TEXT),
    })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, isRequired)
        .max(max, issueMessage("validation.maxCharsGrouped", { max }))
        .refine((s) => !s.includes("\u0000"), issueMessage("validation.nul")),
    );
}
const optional = <T extends z.ZodType<string>>(schema: T) =>
  schema
    .nullish()
    .transform((v) => (v ? v : null))
    .optional();

/**
 * An absolute http(s) URL, normalised. `required` names what it is when it must be given; `hostAllowed`: a bare host
 * name (the search API's `site`) stands for its https home page.
 */
function urlText({ required, hostAllowed = false }: { required?: Required; hostAllowed?: boolean }) {
  const message = issueMessage(hostAllowed ? "validation.httpUrlOrHost" : "validation.httpUrlShort");
  const isRequired = required ? requiredMessage(required) : "";
  const tooLong = issueMessage("validation.maxCharsGrouped", { max: FACT_CHECK_LIMITS.url });
  return z
    .string({
      error: (issue) => (required && (issue.input === undefined || issue.input === null) ? isRequired : message),
    })
    .transform(clean)
    .transform((s, ctx) => {
      if (!s) {
        if (required) ctx.addIssue({ code: "custom", message: isRequired });
        return required ? z.NEVER : "";
      }
      if (s.length > FACT_CHECK_LIMITS.url) {
        ctx.addIssue({ code: "custom", message: tooLong });
        return z.NEVER;
      }
      const asUrl = hostAllowed && /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i.test(s) ? `https://${s}/` : s;
      const url = normaliseReviewUrl(asUrl);
      if (!url || url.length > FACT_CHECK_LIMITS.url) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return url;
    });
}

/** Whether `YYYY-MM-DD` names a day that exists (February 29th in leap years only). */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && date >= 1 && date <= days;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/**
 * A calendar date: `YYYY-MM-DD`, or an ISO 8601 date and time of which the date is kept as written (the day in the
 * publisher's own time zone).
 */
const DATE = issueMessage("validation.dateOrDateTime");
const dateText = z
  .string({ error: DATE })
  .transform(clean)
  .transform((s, ctx) => {
    if (!s) return "";
    const day = ISO_DATE.exec(s)?.[1];
    if (!day || !isCalendarDay(day)) {
      ctx.addIssue({ code: "custom", message: DATE });
      return z.NEVER;
    }
    return day;
  });

const LANGUAGE = issueMessage("validation.languageExample");
const languageText = z
  .string({ error: LANGUAGE })
  .transform(clean)
  .transform((s, ctx) => {
    if (!s) return "";
    const tag = canonicalLanguageTag(s);
    if (!tag) {
      ctx.addIssue({ code: "custom", message: LANGUAGE });
      return z.NEVER;
    }
    return tag;
  });

const review = z.object({
  url: urlText({ required: "reviewUrl" }),
  claimReviewed: text(FACT_CHECK_LIMITS.claimReviewed, "claimReviewed"),
  rating: optional(text(FACT_CHECK_LIMITS.rating)),
  publisherName: text(FACT_CHECK_LIMITS.name, "publisherName"),
  publisherUrl: optional(urlText({ hostAllowed: true })),
  claimant: optional(text(FACT_CHECK_LIMITS.name)),
  claimDate: optional(dateText),
  reviewDate: optional(dateText),
  language: optional(languageText),
  title: optional(text(FACT_CHECK_LIMITS.title)),
});

/** Checks what was taken from one review: the fields to store, or every problem by its path in the file. */
export function checkReview(slot: ReviewSlot): { fields: FactCheckFields } | { issues: FieldIssue[] } {
  if ("issues" in slot) return { issues: slot.issues };
  const values = slot.values;
  const input = Object.fromEntries(Object.entries(values).map(([field, v]) => [field, v?.value]));
  const result = review.safeParse(input);
  if (result.success) {
    const fields = result.data;
    return {
      fields: {
        ...fields,
        rating: fields.rating ?? null,
        publisherUrl: fields.publisherUrl ?? null,
        claimant: fields.claimant ?? null,
        claimDate: fields.claimDate ?? null,
        reviewDate: fields.reviewDate ?? null,
        language: fields.language ?? null,
        title: fields.title ?? null,
      },
    };
  }
  return {
    issues: result.error.issues.map((issue) => ({
      path: values[issue.path[0] as Field]?.path || slot.path || "(file)",
      message: issue.message,
    })),
  };
}

// ---- Finding the reviews in a file

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (...parts: (string | number)[]) => parts.filter((p) => p !== "").join(".");
/** One value, or the first of a list (schema.org allows a list almost everywhere), with its path. */
const first = (value: unknown, path: string) =>
  Array.isArray(value) ? { value: value[0] as unknown, path: join(path, 0) } : { value, path };
const at = (o: Json, key: string, path: string) => ({ value: o[key], path: join(path, key) });

/** A node's types, without a `schema:` or `https://schema.org/` prefix. */
function typesOf(o: Json): string[] {
  const t = o["@type"] ?? o.type;
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === "string")
    .map((x) => x.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ""));
}

/** Nodes of the file's `@graph`s by their `@id`, with their paths: a review may name its author by reference. */
type Nodes = Map<string, { value: Json; path: string }>;

/**
 * A value, or the first of a list; a reference to a node of a `@graph` (`{"@id": …}` alone, as site generators write
 * the publishing organisation) is that node, at its own path.
 */
function resolve(nodes: Nodes, value: unknown, path: string) {
  const one = first(value, path);
  if (!isObject(one.value) || typeof one.value["@id"] !== "string" || Object.keys(one.value).length > 1) return one;
  return nodes.get(one.value["@id"]) ?? one;
}

/** The name (and address) of a person or organisation: an object with `name` and `url`, or a plain name. */
function party(nodes: Nodes, value: unknown, path: string) {
  const one = resolve(nodes, value, path);
  if (isObject(one.value)) return { name: at(one.value, "name", one.path), url: at(one.value, "url", one.path) };
  if (one.value === undefined || one.value === null) return { name: { value: undefined, path: join(path, "name") } };
  return { name: one };
}

/** The rating's words: `alternateName`, else `name`, else "ratingValue/bestRating". */
function ratingOf(value: unknown, path: string) {
  const one = first(value, path);
  if (typeof one.value === "string") return one;
  if (!isObject(one.value)) return { value: null, path: one.path };
  const r = one.value;
  for (const key of ["alternateName", "name"]) {
    const words = r[key];
    if (typeof words === "string" && words.trim()) return { value: words, path: join(one.path, key) };
  }
  const number = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v)
      ? String(v)
      : typeof v === "string" && v.trim() && Number.isFinite(Number(v))
        ? v.trim()
        : null;
  const [given, best] = [number(r.ratingValue), number(r.bestRating)];
  if (given === null) return { value: null, path: one.path };
  return { value: best === null ? given : `${given}/${best}`, path: join(one.path, "ratingValue") };
}

/** `inLanguage`: a tag, or a schema.org Language whose `alternateName` is the tag. */
function languageOf(value: unknown, path: string) {
  const one = first(value, path);
  return isObject(one.value) ? at(one.value, "alternateName", one.path) : one;
}

/** What a ClaimReview gives, each value with its path in the file. */
function fromClaimReview(nodes: Nodes, o: Json, path: string): Candidate {
  const author = party(nodes, o.author, join(path, "author"));
  const item = resolve(nodes, o.itemReviewed, join(path, "itemReviewed"));
  const claim = isObject(item.value) ? item.value : {};
  const name = typeof o.name === "string" && o.name.trim() ? "name" : "headline";
  return {
    url: at(o, "url", path),
    claimReviewed: at(o, "claimReviewed", path),
    rating: ratingOf(o.reviewRating, join(path, "reviewRating")),
    publisherName: author.name,
    publisherUrl: author.url,
    claimant: party(nodes, claim.author, join(item.path, "author")).name,
    claimDate: at(claim, "datePublished", item.path),
    reviewDate: at(o, "datePublished", path),
    language: languageOf(o.inLanguage, join(path, "inLanguage")),
    title: at(o, name, path),
  };
}

/** What one `claimReview` entry of the search API's JSON gives, with its claim's text, claimant and date. */
function fromSearchApi(claim: Json, claimPath: string, r: Json, path: string): Candidate {
  const publisher = isObject(r.publisher) ? r.publisher : {};
  const publisherPath = join(path, "publisher");
  return {
    url: at(r, "url", path),
    claimReviewed: at(claim, "text", claimPath),
    rating: at(r, "textualRating", path),
    publisherName: at(publisher, "name", publisherPath),
    publisherUrl: at(publisher, "site", publisherPath),
    claimant: at(claim, "claimant", claimPath),
    claimDate: at(claim, "claimDate", claimPath),
    reviewDate: at(r, "reviewDate", path),
    language: at(r, "languageCode", path),
    title: at(r, "title", path),
  };
}

const MAX_DEPTH = 8;
const isReview = (o: Json) => typesOf(o).includes("ClaimReview");
const isContainer = (o: Json) =>
  isReview(o) || typesOf(o).some((t) => t === "DataFeed" || t === "DataFeedItem") || "@graph" in o;

const unreadable = (path: string, problem: Text) =>
  new ServiceError("validation_failed", joinedText("errors.import.notFactChecks", [problem], { path }), [
    fieldIssue(path, problem),
  ]);
/** A slot of the file that holds no review, with its problem. */
const problemAt = (path: string, problem: Text): ReviewSlot => ({ path, issues: [fieldIssue(path, problem)] });

/**
 * Every review in a file, in file order, with its path: the ClaimReviews of the file (one, a list, a `@graph`, a
 * `DataFeed`'s `dataFeedElement`s, a `DataFeedItem`'s `item`s) or the entries of the search API's JSON. Other nodes of
 * a `@graph` (the page, the organisation…) are passed over; anything else where a review should be is a slot with its
 * problem. A file that holds none of these, or none at all, is refused (422), and one with more than
 * `MAX_IMPORTED_REVIEWS` too (413).
 */
export function findReviews(file: unknown): ReviewSlot[] {
  const slots: ReviewSlot[] = [];
  const nodes: Nodes = new Map();
  let count = 0;
  const add = (slot: () => ReviewSlot) => {
    if (++count <= MAX_IMPORTED_REVIEWS) slots.push(slot());
  };

  if (isObject(file) && !isContainer(file) && "claims" in file) {
    if (!Array.isArray(file.claims)) throw unreadable("claims", words("errors.import.claimsList"));
    file.claims.forEach((claim: unknown, i) => {
      const claimPath = join("claims", i);
      if (!isObject(claim)) return add(() => problemAt(claimPath, words("errors.import.notClaim")));
      const reviews =
        claim.claimReview === undefined
          ? []
          : Array.isArray(claim.claimReview)
            ? claim.claimReview
            : [claim.claimReview];
      const listPath = join(claimPath, "claimReview");
      if (reviews.length === 0) return add(() => problemAt(listPath, words("errors.import.noReviewOfClaim")));
      reviews.forEach((r: unknown, j) => {
        const path = Array.isArray(claim.claimReview) ? join(listPath, j) : listPath;
        add(() =>
          isObject(r)
            ? { path, values: fromSearchApi(claim, claimPath, r, path) }
            : problemAt(path, words("errors.import.notReview")),
        );
      });
    });
  } else {
    if (!Array.isArray(file) && !(isObject(file) && isContainer(file)))
      throw unreadable("(file)", words("errors.import.notClaimReviewFile"));
    const walk = (node: unknown, path: string, depth: number, inGraph: boolean): void => {
      const where = path || "(file)";
      if (depth > MAX_DEPTH) return add(() => problemAt(where, words("errors.import.tooDeep")));
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, join(path, i), depth + 1, inGraph));
      if (isObject(node)) {
        const types = typesOf(node);
        if (types.includes("ClaimReview")) return add(() => ({ path, values: fromClaimReview(nodes, node, path) }));
        if (types.includes("DataFeed"))
          return walk(node.dataFeedElement ?? [], join(path, "dataFeedElement"), depth + 1, false);
        if (types.includes("DataFeedItem")) {
          if (node.item === undefined) {
            const itemPath = join(path, "item");
            return add(() => problemAt(itemPath, words("validation.requiredWhat", { what: "claimReview" })));
          }
          return walk(node.item, join(path, "item"), depth + 1, false);
        }
        if ("@graph" in node) {
          const graph = node["@graph"];
          const graphPath = join(path, "@graph");
          if (Array.isArray(graph))
            graph.forEach((n: unknown, i) => {
              if (isObject(n) && typeof n["@id"] === "string")
                nodes.set(n["@id"], { value: n, path: join(graphPath, i) });
            });
          return walk(graph, graphPath, depth + 1, true);
        }
        if (inGraph) return; // the page, the organisation…: not a review
      }
      const type = isObject(node) ? typesOf(node).join(", ") : "";
      add(() =>
        problemAt(
          where,
          type ? words("errors.import.notClaimReviewType", { type }) : words("errors.import.notClaimReview"),
        ),
      );
    };
    walk(file, "", 0, false);
  }

  if (count > MAX_IMPORTED_REVIEWS)
    throw new ServiceError(
      "payload_too_large",
      words("errors.import.tooManyReviewsFile", { n: count, max: MAX_IMPORTED_REVIEWS }),
      [fieldIssue("(file)", words("errors.import.tooManyReviews", { n: count, max: MAX_IMPORTED_REVIEWS }))],
    );
  if (count === 0) throw unreadable("(file)", words("errors.import.noReviews"));
  return slots;
}
