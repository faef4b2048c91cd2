import { z } from "zod";
import { ANCHOR_STATUSES, CLAIMANT_KINDS, PRIORITIES, VERDICT_STATES } from "@/db/enums";
import { ASSIGNMENT_SORTS } from "@/db/queries/assignments";
import { workQueueQuery } from "@/lib/api/work-queue-query";
import { addCommentInput } from "@/lib/services/verdicts/add-comment";
import { createClaimInput } from "@/lib/services/claims/create-claim";
import { deleteClaimInput } from "@/lib/services/claims/delete-claim";
import { confirmAnchorInput, reattachClaimInput } from "@/lib/services/claims/place-claim";
import { linkRepeatInput, rejectMatchInput, unlinkRepeatInput } from "@/lib/services/claims/repeats";
import { updateClaimInput } from "@/lib/services/claims/update-claim";
import { json, noBody, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { calendarDate, instant } from "../row-schema";
import {
  appearanceSnapshotItem,
  claimDispute,
  claimRow,
  commentRow,
  evidenceSnapshotItem,
  MARIUPOL_CLAIM,
  publicAppearance,
  ratingTranslations,
} from "../schemas";
import { corsPreflight, notModified, publicCache } from "./public";

const tag = "Claims";
const claimId = { id: z.string().meta({ description: "The claim's id." }) };
const claimResult = z.object({ claim: claimRow });

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

const searchResult = z
  .object({
    items: z.array(claimHit),
    total: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
  })
  .meta({ id: "PublishedClaimSearch", description: "Published claims, newest first unless sorted otherwise." });

const byVerdictState = z
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

const workQueue = z
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

const { assignee, due, status } = workQueueQuery.shape;
const listQuery = z.object({
  q: z.string().max(200).optional().meta({ description: "Words to search for (every word must match)." }),
  rating: z.string().optional().meta({ description: "A rating's key." }),
  claimant: z.string().optional().meta({ description: "A claimant's slug." }),
  dispute: z.string().optional().meta({ description: "A dispute's slug." }),
  from: calendarDate.optional().meta({ description: "Published on or after this day." }),
  to: calendarDate.optional().meta({ description: "Published on or before this day." }),
  page: z.number().int().min(1).optional(),
  sort: z
    .enum(["newest", "oldest", "relevance", ...ASSIGNMENT_SORTS])
    .optional()
    .meta({ description: "Published claims: `newest`, `oldest`, `relevance`; the desk's work: `due`, `priority`." }),
  assignee: assignee.meta({
    description: "Signed in: open claims assigned to `me`, to nobody (`none`), or to a user id.",
  }),
  due: due.meta({ description: "Signed in: open claims due within 24 hours (`soon`) or past their deadline." }),
  status: status.meta({ description: "Signed in: claims whose newest verdict is in this state (`none`: no verdict)." }),
});

const publishedClaim = z
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

const retractedClaim = z
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
const deskClaim = z
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

const createdClaim = z
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

export const claimOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/claims",
    operationId: "listClaims",
    summary: "Search published claims, or list the desk's work",
    description:
      "Published claims for anyone, searched by words (BM25) and filtered, a page at a time; public and cacheable " +
      "(ETag, a minute in shared caches, CORS). With `assignee`, `due` or `status` (signed in, contributor or " +
      "above): the desk's work queue instead — open claims with their assignment, or with `status` the claims whose " +
      "newest verdict is in that state.",
    tag,
    access: "anyone",
    query: listQuery,
    responses: {
      200: {
        ...json("Published claims, or the desk's work.", z.union([searchResult, workQueue, byVerdictState])),
        headers: publicCache,
      },
      304: notModified,
    },
  },
  corsPreflight("/api/v1/claims", "claimsPreflight", tag),
  {
    method: "post",
    path: "/api/v1/claims",
    operationId: "createClaim",
    summary: "Highlight a claim in a document",
    description:
      "Offsets count Unicode code points of the revision's canonical text; a stale `revision` is a 409. The claimant " +
      "is an existing one (`{id}`) or a new one; the claim may join a dispute or open one; `repeatOf` saves it as a " +
      "repeat of an earlier claim.",
    tag,
    access: "signed-in",
    body: {
      schema: createClaimInput,
      example: {
        documentId: 1,
        revision: 1,
        start: 1010,
        end: 1041,
        claimant: { id: 1 },
        statement: MARIUPOL_CLAIM,
        claimedAt: "2022-03-10",
      },
    },
    responses: { 201: json("The claim.", createdClaim) },
  },
  {
    method: "get",
    path: "/api/v1/claims/{id}",
    operationId: "getClaim",
    summary: "A claim: as published, or the desk's working record",
    description:
      "Anyone gets the published record by id or slug (a retracted fact-check: its statement and the notice only), " +
      "cacheable and with CORS; a signed-in caller (contributor or above) gets the working record.",
    tag,
    access: "anyone",
    params: { id: z.string().meta({ description: "The claim's id or slug." }) },
    responses: {
      200: {
        ...json("The claim.", z.object({ claim: z.union([publishedClaim, retractedClaim, deskClaim]) })),
        headers: publicCache,
      },
      304: notModified,
    },
  },
  corsPreflight("/api/v1/claims/{id}", "claimPreflight", tag),
  {
    method: "patch",
    path: "/api/v1/claims/{id}",
    operationId: "updateClaim",
    summary: "Edit a claim's claimant, statement, date or language",
    description:
      "409 while its verdict is in review, or published with no correction in the works; `version` guards against " +
      "overwriting someone else's change.",
    tag,
    access: "signed-in",
    params: claimId,
    body: {
      schema: requestBody(updateClaimInput, ["claimId"]),
      example: { version: 2, statement: MARIUPOL_CLAIM, claimedAt: "2022-03-10" },
    },
    responses: { 200: json("The claim as saved.", claimResult) },
  },
  {
    method: "delete",
    path: "/api/v1/claims/{id}",
    operationId: "deleteClaim",
    summary: "Delete a claim that never had a published verdict",
    tag,
    access: "signed-in",
    params: claimId,
    query: z.object({ version: deleteClaimInput.shape.version }),
    responses: { 204: noBody("Deleted.") },
  },
  {
    method: "post",
    path: "/api/v1/claims/{id}/comments",
    operationId: "addComment",
    summary: "Add an internal review comment",
    tag,
    access: "signed-in",
    params: claimId,
    body: { schema: requestBody(addCommentInput, ["claimId"]), example: { body: "Check the council's minutes." } },
    responses: { 201: json("The comment.", z.object({ comment: commentRow })) },
  },
  {
    method: "post",
    path: "/api/v1/claims/{id}/confirm-anchor",
    operationId: "confirmAnchor",
    summary: "Accept the place a fuzzy claim was found at after an edit",
    tag,
    access: "signed-in",
    params: claimId,
    body: { schema: requestBody(confirmAnchorInput, ["claimId"]), example: { revision: 2, version: 3 } },
    responses: { 200: json("The claim, anchored again.", claimResult) },
  },
  {
    method: "post",
    path: "/api/v1/claims/{id}/reattach",
    operationId: "reattachClaim",
    summary: "Attach a claim to newly selected text of the current revision",
    tag,
    access: "signed-in",
    params: claimId,
    body: { schema: requestBody(reattachClaimInput, ["claimId"]), example: { revision: 2, start: 1010, end: 1041 } },
    responses: { 200: json("The claim at its new place.", claimResult) },
  },
  {
    method: "post",
    path: "/api/v1/claims/{id}/repeat-of",
    operationId: "linkRepeat",
    summary: "Link the claim as a repeat of another",
    description:
      "The claim becomes one more appearance of claim `of` (or of the claim `of` repeats), sharing its verdict. " +
      "409 for a claim with a verdict or repeats of its own, or while the verdict it would join is in review.",
    tag,
    access: "signed-in",
    params: claimId,
    body: { schema: requestBody(linkRepeatInput, ["claimId"]), example: { of: 1, version: 1 } },
    responses: { 200: json("The claim, now a repeat.", claimResult) },
  },
  {
    method: "delete",
    path: "/api/v1/claims/{id}/repeat-of",
    operationId: "unlinkRepeat",
    summary: "Make a repeat a claim of its own again",
    tag,
    access: "signed-in",
    params: claimId,
    query: z.object({ version: unlinkRepeatInput.shape.version, of: unlinkRepeatInput.shape.of }),
    responses: { 200: json("The claim, no longer a repeat.", claimResult) },
  },
  {
    method: "post",
    path: "/api/v1/claims/{id}/match-rejections",
    operationId: "rejectMatch",
    summary: "Say a suggested match is not the same claim",
    description: "It is not suggested for this claim again (for two of the desk's claims, either way).",
    tag,
    access: "signed-in",
    params: claimId,
    body: { schema: requestBody(rejectMatchInput, ["claimId"]), example: { kind: "fact-check", id: 12 } },
    responses: {
      200: json("It had already been said.", z.object({ rejected: z.literal(true) })),
      201: json("Recorded.", z.object({ rejected: z.literal(true) })),
    },
  },
];
