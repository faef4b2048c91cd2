import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import type { ExportDispute, ExportRecord } from "@/db/queries/exports";
import type { PublicCorrection } from "@/db/queries/public/pages";
import type { ExportSite } from "./site";

/** What the verdict report (printable page and PDF) is made of. */
export type ReportInput = {
  site: ExportSite;
  /** "Everything", or the scope in words ("Document: …; from 2022-03-01"). */
  scopeLabel: string;
  includesUnpublished: boolean;
  disputes: ExportDispute[];
  /** The claims, read from the database as they are iterated. */
  records: AsyncIterable<ExportRecord>;
  corrections: PublicCorrection[];
};

export const STANCE_LABELS = { supports: "Supports", refutes: "Refutes", context: "Context" } as const;

const fold = (s: string) => s.replace(/\s+/g, " ");

/** The quote with the words around it, as stored with its selectors (… where the text goes on), on one line. */
export function quoteInContext(r: Pick<ExportRecord, "prefix" | "quote" | "suffix">): {
  before: string;
  quote: string;
  after: string;
} {
  return {
    before: r.prefix ? `…${fold(r.prefix).trimStart()}` : "",
    quote: fold(r.quote),
    after: r.suffix ? `${fold(r.suffix).trimEnd()}…` : "",
  };
}

/** Markdown (a rationale) as plain paragraphs, for the PDF: no markup, nothing run. */
export function markdownParagraphs(markdown: string): string[] {
  return fromMarkdown(markdown)
    .children.map((node) => toString(node).trim())
    .filter(Boolean);
}

/** A dispute account's verdict in a few words, marked when it is not published. */
export function accountVerdict(a: ExportDispute["accounts"][number]): string {
  const verdict = a.rating ? `Rating: ${a.rating.label}` : a.hasVerdict ? "No rating yet" : "No verdict yet";
  return a.published ? verdict : `${verdict} (UNPUBLISHED)`;
}

export const formatDay = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "—");
