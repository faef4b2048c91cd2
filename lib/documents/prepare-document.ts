import { text as words, type Text } from "@/lib/i18n/text";
import { extractDateMarker, toCanonicalText } from "./canonical-text";
import { extractArticle } from "./html-to-text";
import { markdownToText, markdownTitle } from "./markdown-to-text";

export const SOURCE_FORMATS = ["text", "markdown", "html"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The editable details of a document, in the order forms show them. */
export const DOCUMENT_METADATA_KEYS = ["title", "sourceUrl", "publisher", "author", "publishedAt", "language"] as const;

export type DocumentMetadata = {
  title: string | null;
  sourceUrl: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
};

/** A document ready to store: canonical text and the metadata found in the source. */
export type PreparedDocument = { text: string; metadata: DocumentMetadata };

/** Why a source cannot become a document, for the person importing: `text` in any language, `message` in English. */
export class UnusableSource extends Error {
  constructor(readonly text: Text) {
    super(String(text));
  }
}

const EMPTY_METADATA: DocumentMetadata = {
  title: null,
  sourceUrl: null,
  publisher: null,
  author: null,
  publishedAt: null,
  language: null,
};

/**
 * Turns pasted, uploaded or fetched content into canonical text and metadata: HTML through
 * Readability, Markdown to its words, then `toCanonicalText`. A leading ` date YYYY-MM-DD `
 * marker becomes the publication date. Throws UnusableSource when no text is left.
 */
export function prepareDocument(content: string, format: SourceFormat, url?: string): PreparedDocument {
  let body: string;
  let metadata: DocumentMetadata = { ...EMPTY_METADATA, sourceUrl: url ?? null };
  if (format === "html") {
    const article = extractArticle(content, url);
    if (!article) throw new UnusableSource(words("errors.source.noArticle"));
    const { text, ...found } = article;
    body = text;
    metadata = { ...metadata, ...found };
  } else if (format === "markdown") {
    body = markdownToText(content);
    metadata.title = markdownTitle(content);
  } else {
    body = content;
  }
  const marker = extractDateMarker(toCanonicalText(body));
  const text = toCanonicalText(marker.text);
  if (!text) throw new UnusableSource(words("errors.source.noText"));
  return {
    text,
    metadata: {
      ...metadata,
      publishedAt: metadata.publishedAt ?? marker.date,
      title: metadata.title ?? firstSentence(text),
    },
  };
}

/** A fallback title: the first sentence, cut at a word near 100 characters. */
function firstSentence(text: string): string {
  const sentence = /^[^\n]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text.split("\n")[0]!;
  if (sentence.length <= 100) return sentence;
  const cut = sentence.slice(0, 100);
  return cut.slice(0, cut.lastIndexOf(" ") > 60 ? cut.lastIndexOf(" ") : 100) + "…";
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Reads an uploaded file: `.txt`, `.md` or `.html`, at most 5 MB, valid UTF-8 text (a
 * binary file is refused). Returns its content and format.
 */
export function readUpload(name: string, bytes: Uint8Array): { content: string; format: SourceFormat } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const format: SourceFormat | undefined =
    ext === "txt" || ext === "text"
      ? "text"
      : ext === "md" || ext === "markdown"
        ? "markdown"
        : ext === "html" || ext === "htm"
          ? "html"
          : undefined;
  if (!format) throw new UnusableSource(words("errors.source.fileType"));
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new UnusableSource(words("errors.source.tooLarge"));
  if (bytes.byteLength === 0) throw new UnusableSource(words("errors.source.empty"));
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnusableSource(words("errors.source.notUtf8"));
  }
  // Control characters other than tab and line breaks mean binary content.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(content)) throw new UnusableSource(words("errors.source.binary"));
  return { content: content.replace(/^\ufeff/, ""), format };
}
