import { z } from "zod";
import { getDb } from "@/db/client";
import { documentRevisions, documents } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { FetchRefused, fetchPage } from "@/lib/documents/fetch-url";
import {
  DOCUMENT_METADATA_KEYS,
  prepareDocument,
  SOURCE_FORMATS,
  UnusableSource,
  type PreparedDocument,
} from "@/lib/documents/prepare-document";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { uniqueSlug } from "@/lib/services/slugs";
import { writeTransaction } from "@/lib/services/transaction";
import {
  httpUrlSchema,
  optionalDateSchema,
  optionalLanguageSchema,
  optionalText,
  optionalUrlSchema,
} from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { issueMessage, text } from "@/lib/i18n/text";

/** 5 MB of text, counted in UTF-16 units (JSON strings); the upload cap is checked in bytes. */
const MAX_TEXT = 5 * 1024 * 1024;

export const documentMetadataInput = {
  title: optionalText(300),
  sourceUrl: optionalUrlSchema,
  publisher: optionalText(200),
  author: optionalText(200),
  publishedAt: optionalDateSchema,
  language: optionalLanguageSchema,
};

export const importDocumentInput = z
  .strictObject({
    ...documentMetadataInput,
    text: z
      .string({ error: issueMessage("validation.text") })
      .max(MAX_TEXT, issueMessage("validation.maxFiveMb"))
      .optional(),
    format: z.enum(SOURCE_FORMATS, { error: issueMessage("validation.documentFormat") }).default("text"),
    /** Fetch the page at this address instead of sending `text`. */
    url: httpUrlSchema.optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.url === undefined), {
    message: issueMessage("validation.textOrUrl"),
    path: ["text"],
  });

export type ImportedDocument = { id: number; slug: string; revision: number; title: string };

/**
 * Imports an article from text, Markdown, HTML or a URL (contributor+). Metadata the
 * caller gives wins over what the importer finds. Nothing is stored when no text results.
 */
export async function importDocument(actor: Actor | null, raw: unknown): Promise<ImportedDocument> {
  await authorize(getDb(), actor, "content:write");
  const input = parseInput(importDocumentInput, raw);
  const prepared = await prepare(input);
  const found = acceptFound(prepared.metadata);
  const given = Object.fromEntries(
    DOCUMENT_METADATA_KEYS.map((k) => [k, input[k] ?? found[k]]),
  ) as PreparedDocument["metadata"];
  const title = given.title ?? "Untitled document";

  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const slug = await uniqueSlug(tx, documents, documents.slug, title);
    const [doc] = await tx
      .insert(documents)
      .values({
        ...given,
        title,
        slug,
        currentRevision: 1,
        createdBy: who.id,
      })
      .returning();
    await tx
      .insert(documentRevisions)
      .values({ documentId: doc!.id, revision: 1, text: prepared.text, createdBy: who.id });
    await recordAudit(tx, who, {
      action: "document.import",
      entityType: "document",
      entityId: doc!.id,
      after: { ...given, title, slug: doc!.slug, revision: 1, characters: prepared.text.length },
    });
    return { id: doc!.id, slug: doc!.slug, revision: 1, title };
  });
}

/**
 * What the importer found in a page is held to the same rules as what a person types: a
 * title longer than 300 characters is cut, a date or URL that does not validate is dropped.
 */
function acceptFound(found: PreparedDocument["metadata"]): PreparedDocument["metadata"] {
  const title = found.title && found.title.length > 300 ? found.title.slice(0, 299) + "…" : found.title;
  const keep = <K extends keyof typeof documentMetadataInput>(k: K) => {
    const parsed = documentMetadataInput[k].safeParse(found[k]);
    return parsed.success ? parsed.data : null;
  };
  return {
    title,
    sourceUrl: keep("sourceUrl"),
    publisher: keep("publisher"),
    author: keep("author"),
    publishedAt: keep("publishedAt"),
    language: keep("language"),
  };
}

async function prepare(input: z.output<typeof importDocumentInput>): Promise<PreparedDocument> {
  try {
    if (input.url) {
      const page = await fetchPage(input.url, { allowHosts: getEnv().importAllowHosts });
      return prepareDocument(page.body, page.kind, page.url);
    }
    return prepareDocument(input.text!, input.format);
  } catch (e) {
    const path = input.url ? "url" : "text";
    // The problem, said in the refusal's language: the message whole, and alone as the field's.
    if (e instanceof FetchRefused)
      throw new ServiceError("validation_failed", text("errors.documents.badUrl", { problem: e.text }), [
        fieldIssue(path, e.text),
      ]);
    if (e instanceof UnusableSource)
      throw new ServiceError("validation_failed", text("errors.documents.nothingToImport", { problem: e.text }), [
        fieldIssue(path, e.text),
      ]);
    throw e;
  }
}
