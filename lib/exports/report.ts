import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { createFormatter } from "next-intl";
import type { ExportScope } from "@/db/queries/export-scope";
import type { ExportDispute, ExportRecord } from "@/db/queries/exports";
import type { PublicCorrection } from "@/db/queries/public/pages";
import type { SourceType, Stance } from "@/db/enums";
import { TIME_ZONE, translatorFor } from "@/lib/i18n/catalogue";
import { FORMATS } from "@/lib/i18n/formats";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { ScopeNames } from "./run-export";
import type { ExportSite } from "./site";
import { ratingIn } from "@/db/queries/shapes";

/** What the verdict report (printable page and PDF) is made of. */
export type ReportInput = {
  site: ExportSite;
  /** The scope (claim, document, dispute, claimant, dates) and its records' names, worded by `reportWords`. */
  scope: ExportScope;
  scopeNames: ScopeNames;
  includesUnpublished: boolean;
  disputes: ExportDispute[];
  /** The claims, read from the database as they are iterated. */
  records: AsyncIterable<ExportRecord>;
  corrections: PublicCorrection[];
};

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

const SCOPE_RECORDS = ["claim", "document", "dispute", "claimant"] as const;

/**
 * The words the report's page and its PDF share, in a locale (the requester's interface language; English for the
 * command line): the scope, days, stances, source types, where a claim stands, a dispute account's verdict.
 */
export async function reportWords(locale: Locale = DEFAULT_LOCALE) {
  const t = await translatorFor(locale);
  const format = createFormatter({ locale, timeZone: TIME_ZONE, formats: FORMATS });
  const day = (d: Date | null | undefined) => (d ? format.dateTime(d, "day") : "—");
  /** A day stored as text (YYYY-MM-DD), as the locale writes it; anything else as it is. */
  const textDay = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? format.dateTime(new Date(s), "day") : s);
  return {
    day,
    textDay,
    /** The scope in words: "Everything", or "Document: …; from 2022-03-01". */
    scope(scope: ExportScope, names: ScopeNames): string {
      const parts: string[] = [];
      for (const key of SCOPE_RECORDS) {
        const name = names[key];
        if (name) parts.push(t(`report.scope.${key}`, { name }));
      }
      const [from, to] = [scope.from && textDay(scope.from), scope.to && textDay(scope.to)];
      if (from && to) parts.push(t("report.scope.between", { from, to }));
      else if (from) parts.push(t("report.scope.from", { from }));
      else if (to) parts.push(t("report.scope.to", { to }));
      return parts.join("; ") || t("report.scope.everything");
    },
    stance: (stance: Stance) => t(`report.stance.${stance}`),
    sourceType: (type: SourceType) => t(`report.sourceTypes.${type}`),
    /** Where a claim stands: "published", or words that say plainly it is not. */
    status(r: ExportRecord): string {
      if (r.published) return t("report.status.published");
      if (!r.verdict) return t("report.status.noVerdict");
      const state = r.verdict.state;
      return state === "draft" || state === "in_review" || state === "superseded" || state === "retracted"
        ? t(`report.status.${state}`)
        : state;
    },
    /** A dispute account's verdict in a few words, marked when it is not published. */
    accountVerdict(a: ExportDispute["accounts"][number]): string {
      const verdict = a.rating
        ? t("report.account.rating", { rating: ratingIn(a.rating, locale).label })
        : a.hasVerdict
          ? t("report.noRating")
          : t("report.account.noVerdict");
      return a.published ? verdict : t("report.account.unpublished", { verdict });
    },
    /** When the claim was first published, and this version published or last changed. */
    dates(r: ExportRecord, v: NonNullable<ExportRecord["verdict"]>, pdf: boolean): string {
      const values = {
        first: day(r.firstPublishedAt),
        when: v.publishedAt
          ? t("report.dates.published", { day: day(v.publishedAt) })
          : t("report.dates.changed", { day: day(v.updatedAt) }),
        seq: v.seq,
      };
      return pdf ? t("report.dates.linePdf", values) : t("report.dates.line", values);
    },
    correction(c: PublicCorrection): string {
      return t("report.corrections.entry", {
        day: day(c.at),
        kind: c.kind === "correction" ? t("report.corrections.correction") : t("report.corrections.retraction"),
        statement: c.statement,
      });
    },
  };
}

export type ReportWords = Awaited<ReturnType<typeof reportWords>>;
