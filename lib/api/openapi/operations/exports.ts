import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/run-export";
import { ANNOTATION_MEDIA_TYPE } from "@/lib/exports/w3c";
import { LOCALES } from "@/lib/i18n/locales";
import { json, type Operation } from "../operation";
import { calendarDate, instant } from "../row-schema";
import { corsPreflight, notModified, publicCache } from "./public";

const tag = "Exports";

const annotation = z
  .looseObject({
    "@context": z.literal("http://www.w3.org/ns/anno.jsonld").optional(),
    id: z.string().meta({ description: "`/api/v1/annotations/{claimId}`" }),
    type: z.literal("Annotation"),
    motivation: z.enum(["assessing", "highlighting"]),
    created: instant,
    modified: instant,
    creator: z.looseObject({ type: z.string(), name: z.string() }),
    generator: z.looseObject({ type: z.string(), name: z.string() }),
    body: z.array(z.looseObject({ type: z.enum(["TextualBody", "SpecificResource"]), purpose: z.string() })),
    target: z.looseObject({
      source: z.string(),
      selector: z.array(z.looseObject({ type: z.enum(["TextQuoteSelector", "TextPositionSelector"]) })),
    }),
  })
  .meta({
    id: "Annotation",
    description:
      "A claim as a W3C Web Annotation: the statement (`describing`), the claimant (`identifying`), the verdict " +
      "(`assessing`) and the claim page (`linking`) as bodies; for unpublished work a `tagging` body saying so.",
  });

const annotationPage = z.looseObject({
  id: z.string(),
  type: z.literal("AnnotationPage"),
  startIndex: z.literal(0),
  items: z.array(annotation),
});

const annotationCollection = z
  .looseObject({
    "@context": z.literal("http://www.w3.org/ns/anno.jsonld"),
    id: z.string(),
    type: z.literal("AnnotationCollection"),
    label: z.string(),
    total: z.number().int(),
    generated: instant,
    first: annotationPage,
  })
  .meta({ id: "AnnotationCollection", description: "Every claim of the scope, in one embedded page." });

const claimReview = z
  .looseObject({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("ClaimReview"),
    url: z.string(),
    claimReviewed: z.string(),
    datePublished: calendarDate,
    author: z.looseObject({ "@type": z.literal("Organization"), name: z.string() }),
    itemReviewed: z.looseObject({ "@type": z.literal("Claim") }),
    reviewRating: z.looseObject({ "@type": z.literal("Rating"), alternateName: z.string() }),
  })
  .meta({ id: "ClaimReview", description: "A schema.org ClaimReview, as the claim page's JSON-LD has it." });

const jsonExport = z
  .looseObject({
    generator: z.object({ name: z.literal("Claimdesk"), homepage: z.string() }),
    organisation: z.object({ name: z.string(), url: z.string() }),
    exportedAt: instant,
    scope: z.looseObject({ label: z.string() }),
    includesUnpublished: z.boolean(),
    claims: z.array(
      z.looseObject({
        id: z.number().int(),
        url: z.string(),
        status: z.string(),
        statement: z.string(),
        quote: z.string(),
        selectors: z.array(z.looseObject({ type: z.string() })),
      }),
    ),
  })
  .meta({ id: "JsonExport", description: "Each claim as its full nested record." });

/** What each format's body is, by its media type (`EXPORT_FORMATS`). */
const BODIES: Record<ExportFormat, z.ZodType> = {
  claimreview: z.array(claimReview),
  w3c: z.union([annotationCollection, annotationPage.extend({ "@context": z.string() })]),
  csv: z.string().meta({ description: "RFC 4180, UTF-8 with a byte-order mark." }),
  json: jsonExport,
  pdf: z.string().meta({ format: "binary", description: "The verdict report." }),
};

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

const exportQuery = z.object({
  claim: z.string().optional().meta({ description: "A claim's id or slug." }),
  document: z.string().optional().meta({ description: "A document's id or slug." }),
  dispute: z.string().optional().meta({ description: "A dispute's id or slug." }),
  claimant: z.string().optional().meta({ description: "A claimant's id or slug." }),
  from: calendarDate.optional().meta({ description: "Published on or after this day." }),
  to: calendarDate.optional().meta({ description: "Published on or before this day." }),
  includeDrafts: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .meta({ description: "Unpublished work too, marked as such (editors and admins)." }),
  page: z.literal("1").optional().meta({ description: "W3C only: the collection's single page on its own." }),
  locale: z
    .enum(LOCALES as [string, ...string[]])
    .optional()
    .meta({ description: "PDF only: the report's language." }),
  inline: z.literal("1").optional().meta({ description: "`Content-Disposition: inline` instead of attachment." }),
});

const exportHeaders = z.object({
  "Content-Disposition": z.string().meta({ description: 'attachment (or inline); filename="claimdesk-….csv"' }),
  "Cache-Control": z.string().meta({
    description:
      "The whole site's published export: `public, max-age=60, stale-while-revalidate=30`, with ETag and " +
      "Last-Modified; scoped exports `no-store`; unpublished work `private, no-store`.",
  }),
});

const exportFile: ZodOpenApiResponseObject = {
  description: "The export, written claim by claim while it is sent.",
  headers: exportHeaders,
  content: Object.fromEntries(FORMATS.map((format) => [EXPORT_FORMATS[format].type, { schema: BODIES[format] }])),
};

export const exportOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/exports/{format}",
    operationId: "exportClaims",
    summary: "Export verdicts: ClaimReview, W3C annotations, CSV, JSON or the PDF report",
    description:
      "Published verdicts for anyone; with `includeDrafts=1`, unpublished work too, for editors and admins. Without " +
      "credentials a client address may make `EXPORT_RATE_LIMIT` export requests a minute (10 by default; then 429).",
    tag,
    access: "anyone",
    params: { format: z.enum(FORMATS) },
    query: exportQuery,
    responses: { 200: exportFile, 304: notModified },
    errors: [429],
  },
  {
    method: "get",
    path: "/api/v1/annotations/{id}",
    operationId: "getAnnotation",
    summary: "One claim as a W3C Web Annotation",
    description:
      "What the ids in a W3C export dereference to. Anyone gets a published claim's; signed-in desk users also get " +
      "unpublished ones (marked as such).",
    tag,
    access: "anyone",
    params: { id: z.string().meta({ description: "The claim's id." }) },
    responses: {
      200: {
        ...json("The annotation.", annotation, { contentType: ANNOTATION_MEDIA_TYPE }),
        headers: publicCache,
      },
      304: notModified,
    },
  },
  corsPreflight("/api/v1/annotations/{id}", "annotationPreflight", tag),
];
