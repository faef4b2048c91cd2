import { z } from "zod";
import { ASSIGNMENT_SORTS } from "@/db/queries/assignments";
import { workQueueQuery } from "@/lib/api/work-queue-query";
import { addCommentInput } from "@/lib/services/verdicts/add-comment";
import { createClaimInput } from "@/lib/services/claims/create-claim";
import { deleteClaimInput } from "@/lib/services/claims/delete-claim";
import { confirmAnchorInput, reattachClaimInput } from "@/lib/services/claims/place-claim";
import { linkRepeatInput, rejectMatchInput, unlinkRepeatInput } from "@/lib/services/claims/repeats";
import { updateClaimInput } from "@/lib/services/claims/update-claim";
import {
  byVerdictState,
  createdClaim,
  deskClaim,
  publishedClaim,
  retractedClaim,
  searchResult,
  workQueue,
} from "../claim-views";
import { json, noBody, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { calendarDate } from "../row-schema";
import { claimRow, commentRow, MARIUPOL_CLAIM } from "../schemas";
import { corsPreflight, notModified, publicCache } from "./public";

const tag = "Claims";
const claimId = { id: z.string().meta({ description: "The claim's id." }) };
const claimResult = z.object({ claim: claimRow });

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
