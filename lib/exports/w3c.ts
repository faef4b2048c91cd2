import type { ExportRecord } from "@/db/queries/exports";
import { jsonArrayChunks } from "./json-stream";
import { annotationUrl, publicationStatus, recordUrl, type ExportSite } from "./site";

/** The W3C Web Annotation JSON-LD context. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** Where the annotated text lives: the article's own address, else its page on this site. */
export const documentUrl = (site: ExportSite, d: ExportRecord["document"]) =>
  d.sourceUrl ?? `${site.publicBaseUrl}/documents/${d.slug}`;

const later = (a: Date, b: Date | null | undefined) => (b && b > a ? b : a);

/**
 * One claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/):
 * - `motivation` `assessing` when the claim has a verdict, `highlighting` when it has none;
 * - `target`: the document, with a TextQuoteSelector (exact, prefix, suffix) and — while the
 *   claim is anchored in the current text — a TextPositionSelector in code points. A fuzzy
 *   or orphaned claim's offsets do not hold its quote, so they are left out rather than
 *   given wrong;
 * - bodies: the statement (`describing`), the claimant's name (`identifying`: who made the
 *   claim — the import reads it back), the verdict (`assessing`: "rating: summary") with the claim page
 *   (`linking`), and for unpublished work a `tagging` body that says so;
 * - `language`: the target's and the statement's is the language the claim was made in, the verdict's its own.
 * Without `context` (inside a collection) the annotation inherits the collection's @context.
 */
export function buildAnnotation(site: ExportSite, r: ExportRecord, { context = false } = {}): Record<string, unknown> {
  const inLanguage = (language: string | null | undefined) => (language ? { language } : {});
  const body: Record<string, unknown>[] = [
    { type: "TextualBody", purpose: "describing", value: r.statement, format: "text/plain", ...inLanguage(r.language) },
    { type: "TextualBody", purpose: "identifying", value: r.claimant.name, format: "text/plain" },
  ];
  if (r.verdict) {
    const rating = r.verdict.rating?.label ?? "No rating yet";
    body.push({
      type: "TextualBody",
      purpose: "assessing",
      value: r.verdict.summary ? `${rating}: ${r.verdict.summary}` : rating,
      format: "text/plain",
      ...inLanguage(r.verdict.language),
    });
    body.push({ type: "SpecificResource", purpose: "linking", source: recordUrl(site, r) });
  }
  if (!r.published)
    body.push({ type: "TextualBody", purpose: "tagging", value: publicationStatus(r), format: "text/plain" });

  const selector: Record<string, unknown>[] = [
    { type: "TextQuoteSelector", exact: r.quote, prefix: r.prefix, suffix: r.suffix },
  ];
  if (r.anchorStatus === "anchored") selector.push({ type: "TextPositionSelector", start: r.start, end: r.end });

  return {
    ...(context ? { "@context": ANNOTATION_CONTEXT } : {}),
    id: annotationUrl(site, r.id),
    type: "Annotation",
    motivation: r.verdict ? "assessing" : "highlighting",
    created: r.createdAt.toISOString(),
    modified: later(r.updatedAt, r.verdict?.updatedAt).toISOString(),
    creator: { type: "Organization", name: site.orgName, homepage: site.orgUrl },
    generator: { type: "Software", name: "Claimdesk", homepage: site.publicBaseUrl },
    body,
    target: { source: documentUrl(site, r.document), selector, ...inLanguage(r.language) },
  };
}

type CollectionMeta = { collectionId: string; label: string; total: number };

/**
 * A W3C AnnotationCollection of every claim in scope, written one annotation at a time.
 * The collection holds one AnnotationPage with every annotation — a single file that
 * annotation tools and Claimdesk's own import read whole; `collectionId` is the export's
 * URL and the page's id is that URL with `page=1`, which serves the same page alone.
 */
export function annotationCollectionChunks(
  site: ExportSite,
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
  { collectionId, label, total }: CollectionMeta,
): AsyncGenerator<string> {
  const pageId = withPage(collectionId);
  const collection = {
    "@context": ANNOTATION_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label,
    total,
    generated: site.generatedAt.toISOString(),
    generator: { type: "Software", name: "Claimdesk", homepage: site.publicBaseUrl },
    last: pageId,
  };
  const page = { id: pageId, type: "AnnotationPage", partOf: collectionId, startIndex: 0 };
  // The page is embedded as `first`: its items array closes the page, then the collection.
  const head = `${JSON.stringify(collection).slice(0, -1)},"first":`;
  return prefixed(
    head,
    jsonArrayChunks(page, "items", records, (r) => buildAnnotation(site, r), "}"),
  );
}

/** The collection's single page on its own: `GET /api/v1/exports/w3c?…&page=1`. */
export function annotationPageChunks(
  site: ExportSite,
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
  { collectionId, label, total }: CollectionMeta,
): AsyncGenerator<string> {
  const page = {
    "@context": ANNOTATION_CONTEXT,
    id: withPage(collectionId),
    type: "AnnotationPage",
    partOf: { id: collectionId, type: "AnnotationCollection", label, total },
    startIndex: 0,
  };
  return jsonArrayChunks(page, "items", records, (r) => buildAnnotation(site, r));
}

async function* prefixed(head: string, chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  yield head;
  yield* chunks;
}

const withPage = (url: string) => `${url}${url.includes("?") ? "&" : "?"}page=1`;
