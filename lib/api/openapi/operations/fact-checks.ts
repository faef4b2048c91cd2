import { z } from "zod";
import { MATCH_KINDS } from "@/db/enums";
import { factChecksPageQuery } from "@/lib/api/query-schemas";
import { findMatchesInput } from "@/lib/services/matching/find-matches";
import { json, type Operation } from "../operation";
import { calendarDate } from "../row-schema";
import { factCheckRow } from "../schemas";

const tag = "Known fact-checks";
const count = () => z.number().int();

const importResult = z.object({
  reviews: count().meta({ description: "The valid reviews in the file." }),
  counts: z.object({ added: count(), updated: count(), unchanged: count(), skipped: count(), duplicates: count() }),
  problems: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .meta({ description: "Each invalid review left out, by its path in the file." }),
  duplicates: z
    .array(z.object({ path: z.string(), url: z.string(), replacedBy: z.string() }))
    .meta({ description: "Reviews of the same URL in the file: the later one is kept." }),
  notListed: z
    .object({ problems: count(), duplicates: count() })
    .meta({ description: "How many more problems and duplicates there were than listed." }),
});

const match = z
  .object({
    kind: z.enum(MATCH_KINDS),
    id: z.number().int(),
    score: z.number(),
    text: z.string(),
    rating: z.string().nullable().meta({ description: "The rating's words; null while no verdict is published." }),
    url: z.string().meta({ description: "The review, or the claim's public page (its desk page until published)." }),
    publisher: z.string().meta({ description: "The fact-checker; for the desk's claims, the desk." }),
    publishedAt: calendarDate.nullable(),
    document: z.string().optional().meta({ description: "The desk's claims: the document it is in." }),
    claimant: z.object({ id: z.number().int(), name: z.string() }).optional(),
    terms: z.array(z.string()).meta({ description: "The index terms the text and the match share." }),
  })
  .meta({ id: "Match" });

export const factCheckOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/fact-checks",
    operationId: "listFactChecks",
    summary: "The library of known fact-checks, newest review first",
    tag,
    access: "signed-in",
    query: factChecksPageQuery,
    responses: {
      200: json(
        "A page of the library.",
        z.object({ factChecks: z.array(factCheckRow), total: count(), limit: count(), offset: count() }),
      ),
    },
  },
  {
    method: "get",
    path: "/api/v1/fact-checks/{id}",
    operationId: "getFactCheck",
    summary: "One known fact-check",
    tag,
    access: "signed-in",
    params: { id: z.string().meta({ description: "The known fact-check's id." }) },
    responses: { 200: json("The known fact-check.", z.object({ factCheck: factCheckRow })) },
  },
  {
    method: "post",
    path: "/api/v1/fact-checks/import",
    operationId: "importFactChecks",
    summary: "Import other fact-checkers' ClaimReview",
    description:
      "The file itself as the body (at most 64 MB and 50,000 reviews): ClaimReview JSON-LD (one, a list, a " +
      "`@graph`, a `DataFeed`) or a fact-check search API's `{claims: [{text, claimant, claimDate, claimReview}]}`. " +
      "A review is identified by its normalised URL: importing it again updates it. Invalid reviews are left out and " +
      "listed; a file with none valid is refused (422). Editors and admins.",
    tag,
    access: "signed-in",
    body: {
      schema: z.union([z.looseObject({}), z.array(z.unknown())]),
      example: {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: "https://checks.example.org/mariupol-hospital-base",
        claimReviewed: "The Mariupol maternity hospital had been turned into a base for radical fighters.",
        datePublished: "2022-03-11",
        author: { "@type": "Organization", name: "Example Checks" },
        reviewRating: { "@type": "Rating", alternateName: "False" },
      },
    },
    responses: { 200: json("What was added, updated, left as it was and left out.", importResult) },
  },
  {
    method: "get",
    path: "/api/v1/matches",
    operationId: "findMatches",
    summary: "What was checked before that is closest to a text",
    description:
      "The desk's own claims (any document, with the published verdict's rating; a repeat stands for the claim it " +
      "repeats) and known fact-checks, best first: BM25 candidates re-ranked with word vectors. With `claim`, the " +
      "matches for that claim: it, its repeats and what the desk rejected for it are left out. Not public.",
    tag,
    access: "signed-in",
    query: findMatchesInput,
    responses: { 200: json("The matches, best first.", z.object({ matches: z.array(match) })) },
  },
];
