import { z } from "zod";
import { ANCHOR_STATUSES, CLAIMANT_KINDS, PRIORITIES, VERDICT_STATES } from "@/db/enums";
import { calendarDate, instant } from "./row-schema";
import {
  appearanceSnapshotItem,
  claimDispute,
  commentRow,
  evidenceSnapshotItem,
  publicAppearance,
  ratingTranslations,
} from "./schemas";

// What `GET /api/v1/claims` and `GET /api/v1/claims/{id}` answer: the published record for readers, the desk's work
// and working record for signed-in callers; and what creating a claim answers.

const claimHit = z
  .object({
    slug: z.string(),
    statement: z.string(),
    claimantName: z.string(),
    claimantSlug: z.string(),
    summary: z.string(),
    statementLanguage: z.string().nullable().meta({ description: "The language the claim was made in." }),
    language: z.string().nullable().meta({ description: "The language the verdict is written in." }),
    ratingKey: z.string().nullable(),
    ratingLabel: z.string().nullable(),
    ratingColour: z.string().nullable(),
    publishedAt: instant,
    snippetHtml: z
      .string()
      .nullable()
      .meta({ description: "For a search: the matched words in context, HTML-escaped, each match in `<mark>`." }),
  })
  .meta({ id: "PublishedClaimHit" });

export const searchResult = z
  .object({
    items: z.array(claimHit),
    total: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
  })
  .meta({ id: "PublishedClaimSearch", description: "Published claims, newest first unless sorted otherwise." });

export const byVerdictState = z
  .object({
    claims: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        statement: z.string(),
        claimant: z.string(),
        documentId: z.number().int(),
        anchorStatus: z.enum(ANCHOR_STATUSES),
      }),
    ),
  })
  .meta({ id: "ClaimsByVerdictState", description: "With `status`: claims whose newest verdict is in that state." });

export const workQueue = z
  .object({
    claims: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        statement: z.string(),
        claimant: z.string(),
        documentId: z.number().int(),
        documentTitle: z.string(),
        assigneeId: z.number().int().nullable(),
        assigneeName: z.string().nullable(),
        reviewerId: z.number().int().nullable(),
        reviewerName: z.string().nullable(),
        dueAt: instant.nullable(),
        priority: z.enum(PRIORITIES),
        verdictState: z.enum(VERDICT_STATES).nullable().meta({ description: "Its newest verdict version's state." }),
      }),
    ),
  })
  .meta({
    id: "WorkQueue",
    description: "With `assignee` or `due`: open claims with their assignment (at most 200), sorted by `sort`.",
  });

export const publishedClaim = z
  .object({
    slug: z.string(),
    statement: z.string(),
    language: z.string().nullable(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    claimedAt: calendarDate.nullable(),
    claimant: z.object({
      name: z.string(),
      slug: z.string(),
      description: z.string().nullable(),
      sameAs: z.string().nullable(),
      kind: z.enum(CLAIMANT_KINDS).nullable(),
    }),
    document: z.object({
      slug: z.string(),
      title: z.string(),
      sourceUrl: z.string().nullable(),
      publisher: z.string().nullable(),
      publishedAt: calendarDate.nullable(),
    }),
    verdict: z.object({
      rating: z
        .object({
          key: z.string(),
          label: z.string(),
          colour: z.string(),
          ordinal: z.number().int().nullable(),
          translations: ratingTranslations.nullable(),
          description: z.string(),
        })
        .nullable()
        .meta({ description: "The rating as this version was published with it." }),
      summary: z.string(),
      rationale: z.string().meta({ description: "Markdown." }),
      language: z.string().nullable(),
      evidence: z.array(evidenceSnapshotItem),
      appearances: z.array(publicAppearance),
      authorName: z.string(),
      reviewerName: z.string().nullable(),
      publishedAt: instant,
      firstPublishedAt: instant.nullable(),
      seq: z.number().int(),
    }),
    retraction: z.null(),
    corrections: z.array(
      z
        .object({
          kind: z.enum(["correction", "retraction"]),
          at: instant,
          text: z.string(),
          language: z.string().nullable().optional(),
        })
        .meta({ id: "CorrectionNotice" }),
    ),
    disputes: z.array(z.object({ slug: z.string(), question: z.string(), label: z.string() })),
  })
  .meta({ id: "PublishedClaim", description: "A claim as readers see it: its published verdict and record." });

export const retractedClaim = z
  .object({
    slug: z.string(),
    statement: z.string(),
    verdict: z.null(),
    retraction: z.object({ at: instant, reason: z.string(), language: z.string().nullable() }),
    corrections: publishedClaim.shape.corrections,
  })
  .meta({
    id: "RetractedClaim",
    description: "A retracted fact-check: only its statement and the notice stay public.",
  });

const nullableText = z.string().nullable();
export const deskClaim = z
  .object({
    claim: z.object({
      id: z.number().int(),
      slug: z.string(),
      statement: z.string(),
      language: nullableText.meta({ description: "Its own language, else its document's." }),
      ownLanguage: nullableText,
      documentLanguage: nullableText,
      quote: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      claimedAt: calendarDate.nullable(),
      anchorStatus: z.enum(ANCHOR_STATUSES),
      version: z.number().int(),
      repeatOf: z.number().int().nullable(),
      documentId: z.number().int(),
      documentTitle: z.string(),
      claimant: z.object({ id: z.number().int(), name: z.string(), description: nullableText }),
    }),
    readersSee: z
      .array(z.object({ label: z.string(), live: nullableText, pending: nullableText }))
      .meta({ description: "The claim's facts readers still see, where a correction in the works changes them." }),
    evidence: z.array(
      evidenceSnapshotItem.extend({
        linkNote: nullableText.meta({ description: "The note on this claim's link to the item." }),
        note: nullableText,
        version: z.number().int(),
      }),
    ),
    versions: z.array(
      z.object({
        id: z.number().int(),
        seq: z.number().int(),
        state: z.enum(VERDICT_STATES),
        version: z.number().int(),
        ratingId: z.number().int().nullable(),
        ratingKey: nullableText,
        ratingLabel: nullableText,
        ratingColour: nullableText,
        summary: z.string(),
        rationale: z.string(),
        language: nullableText,
        correctionNote: nullableText,
        retractionReason: nullableText,
        evidenceSnapshot: z.array(evidenceSnapshotItem).nullable(),
        appearancesSnapshot: z.array(appearanceSnapshotItem).nullable(),
        authorId: z.number().int(),
        authorName: z.string(),
        reviewerName: nullableText,
        submittedAt: instant.nullable(),
        publishedAt: instant.nullable(),
        retractedAt: instant.nullable(),
        updatedAt: instant,
      }),
    ),
    comments: z.array(
      z.object({
        id: z.number().int(),
        kind: commentRow.shape.kind,
        body: z.string(),
        createdAt: instant,
        author: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({
        id: z.number().int(),
        at: instant,
        action: z.string(),
        entityType: z.string(),
        actor: z.string(),
        actorName: nullableText,
      }),
    ),
    disputes: z.array(claimDispute),
    repeats: z.object({
      of: z.object({ id: z.number().int(), statement: z.string(), documentTitle: z.string() }).nullable(),
      appearances: z.array(
        appearanceSnapshotItem.extend({
          published: z.boolean(),
          anchorStatus: z.enum(ANCHOR_STATUSES),
          version: z.number().int(),
        }),
      ),
      leaving: z.number().int(),
    }),
  })
  .meta({
    id: "DeskClaim",
    description: "The desk's working record of a claim: every verdict version, comments, timeline.",
  });

export const createdClaim = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    selectors: z
      .object({
        exact: z.string(),
        prefix: z.string(),
        suffix: z.string(),
        start: z.number().int(),
        end: z.number().int(),
      })
      .meta({ description: "The W3C TextQuoteSelector and TextPositionSelector (code points) of the highlight." }),
    claimantId: z.number().int(),
    disputeId: z.number().int().nullable(),
  })
  .meta({ id: "CreatedClaim" });
