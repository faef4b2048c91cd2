import { z } from "zod";
import { ANCHOR_STATUSES } from "@/db/enums";
import { importAnnotationsInput } from "@/lib/services/documents/import-annotations";
import { documentMetadataInput, importDocumentInput } from "@/lib/services/documents/import-document";
import { updateDocumentMetadataInput } from "@/lib/services/documents/update-document-metadata";
import { updateDocumentTextInput } from "@/lib/services/documents/update-document-text";
import { json, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { calendarDate } from "../row-schema";
import { claimDispute, documentRow, verdictStatus } from "../schemas";

const tag = "Documents";
const documentId = { id: z.string().meta({ description: "The document's id." }) };
const int = () => z.number().int();

const documentListItem = documentRow
  .pick({ id: true, slug: true, title: true, publisher: true, publishedAt: true, updatedAt: true })
  .extend({
    claims: int(),
    needsAttention: int().meta({ description: "Claims that are fuzzy or orphaned after an edit." }),
  });

const editorClaim = z
  .object({
    id: int(),
    slug: z.string(),
    version: int(),
    revision: int(),
    start: int().nullable().meta({ description: "Code points in the current text; null when orphaned." }),
    end: int().nullable(),
    quote: z.string(),
    statement: z.string(),
    language: z.string().nullable(),
    claimedAt: calendarDate.nullable(),
    anchorStatus: z.enum(ANCHOR_STATUSES),
    claimant: z.object({ id: int(), name: z.string() }),
    verdict: verdictStatus.nullable(),
    disputes: z.array(claimDispute),
    repeatOf: int().nullable(),
  })
  .meta({ id: "DocumentClaim", description: "A claim in a document, with its anchor state." });

const reanchored = z.object({
  revision: int(),
  claims: z.array(
    z.object({ id: int(), anchorStatus: z.enum(ANCHOR_STATUSES), start: int().nullable(), end: int().nullable() }),
  ),
});

const importedAnnotations = z.object({
  claims: z.array(
    z.object({
      claimId: int(),
      slug: z.string(),
      status: z.enum(ANCHOR_STATUSES),
      reason: z
        .enum(["not_found", "too_common", "too_long", "budget_spent"])
        .nullable()
        .meta({ description: "Why it is orphaned; null when anchored or fuzzy." }),
      quote: z.string(),
      statement: z.string(),
      start: int(),
      end: int(),
    }),
  ),
  counts: z.object({ anchored: int(), fuzzy: int(), orphaned: int() }),
  orphaned: z.object({ not_found: int(), too_common: int(), too_long: int(), budget_spent: int() }),
  notice: z.string().nullable().meta({ description: "What the matching limits left unsearched, if anything." }),
});

const upload = z.object({
  file: z.file().meta({ description: "A `.txt`, `.md` or `.html` file of at most 5 MB." }),
  ...documentMetadataInput,
});

export const documentOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/documents",
    operationId: "listDocuments",
    summary: "List documents, most recently changed first",
    tag,
    access: "signed-in",
    responses: { 200: json("The documents.", z.object({ documents: z.array(documentListItem) })) },
  },
  {
    method: "post",
    path: "/api/v1/documents",
    operationId: "importDocument",
    summary: "Import an article",
    description:
      "Plain text, Markdown or HTML (`text`, `format`), or a page the server fetches (`url`: http(s), ports 80 and " +
      "443 unless `IMPORT_ALLOW_HOSTS` says otherwise, 10 s, 5 MB), or a multipart upload of a file (5 MB). The text " +
      "is stored canonical: `\\n`, NFC, paragraphs separated by a blank line.",
    tag,
    access: "signed-in",
    body: {
      schema: importDocumentInput,
      example: {
        title: "Talks fail",
        text: "The foreign ministers of Ukraine and Russia failed to reach peace …",
        publishedAt: "2022-03-10",
        language: "en",
      },
      alternatives: { "multipart/form-data": upload },
    },
    responses: {
      201: json(
        "The document.",
        z.object({ id: int(), slug: z.string(), revision: int(), title: z.string() }).meta({ id: "ImportedDocument" }),
        { example: { id: 1, slug: "talks-fail", revision: 1, title: "Talks fail" } },
      ),
    },
  },
  {
    method: "get",
    path: "/api/v1/documents/{id}",
    operationId: "getDocument",
    summary: "A document: its current text and revision, and every claim with its anchor state",
    tag,
    access: "signed-in",
    params: documentId,
    responses: {
      200: json(
        "The document.",
        z.object({
          document: documentRow.extend({ revision: int(), text: z.string() }),
          claims: z.array(editorClaim),
        }),
      ),
    },
  },
  {
    method: "patch",
    path: "/api/v1/documents/{id}",
    operationId: "updateDocument",
    summary: "Edit a document's details",
    tag,
    access: "signed-in",
    params: documentId,
    body: {
      schema: requestBody(updateDocumentMetadataInput, ["documentId"]),
      example: { version: 1, title: "Ukraine and Russia foreign ministers fail to reach ceasefire", publisher: "AP" },
    },
    responses: { 200: json("The document as saved.", z.object({ document: documentRow })) },
  },
  {
    method: "put",
    path: "/api/v1/documents/{id}/text",
    operationId: "updateDocumentText",
    summary: "Edit a document's text",
    description:
      "Keeps the old revision and re-anchors every claim: anchored where the quote is still found, fuzzy where only " +
      "an approximate match is (until someone confirms it), orphaned otherwise. A stale `baseRevision` is a 409.",
    tag,
    access: "signed-in",
    params: documentId,
    body: {
      schema: requestBody(updateDocumentTextInput, ["documentId"]),
      example: { text: "Update.\n\nThe foreign ministers of Ukraine and Russia …", baseRevision: 1 },
    },
    responses: { 200: json("The new revision and where each claim is now.", reanchored) },
  },
  {
    method: "post",
    path: "/api/v1/documents/{id}/annotations",
    operationId: "importAnnotations",
    summary: "Import W3C annotations as claims",
    description:
      "An AnnotationCollection, an AnnotationPage, an array of annotations or one annotation. A file with any invalid " +
      "annotation, or more than 10,000, is refused whole (422, every problem listed) and nothing is imported.",
    tag,
    access: "signed-in",
    params: documentId,
    body: {
      schema: requestBody(importAnnotationsInput, ["documentId"]),
      example: {
        annotations: {
          type: "Annotation",
          target: { selector: { type: "TextQuoteSelector", exact: "those killed were not civilians" } },
        },
        claimant: { name: "Sergei Lavrov" },
      },
    },
    responses: { 201: json("Each annotation as a claim, and the counts.", importedAnnotations) },
  },
];
