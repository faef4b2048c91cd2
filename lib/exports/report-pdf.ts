import path from "node:path";
import PDFDocument from "pdfkit";
import type { ExportRecord } from "@/db/queries/exports";
import { translatorFor } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { markdownParagraphs, quoteInContext, reportWords, type ReportInput, type ReportWords } from "./report";
import { recordUrl } from "./site";
import { ratingIn } from "@/db/queries/shapes";

// DejaVu Sans covers Latin, Cyrillic and Greek: names like Дмитро Кулеба print as written,
// which the PDF standard fonts (Latin-1 only) cannot. Only the glyphs used are embedded.
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = { body: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italic: "DejaVuSans-Oblique.ttf" } as const;
const INK = "#1a1a1a";
const MUTED = "#555555";
const WARN = "#a4001d";

type Doc = InstanceType<typeof PDFDocument>;
type T = Awaited<ReturnType<typeof translatorFor>>;
/** The report's words in its locale: its own (`t`, full keys) and those it shares with the page (`words`). */
type Words = { t: T; words: ReportWords; locale: Locale };

/**
 * The verdict report as a PDF (pdfkit), produced while it is written: a cover (scope,
 * organisation, date), each dispute's accounts side by side, each claim (quote in context,
 * claimant, rating, summary, rationale, evidence with stances, author, reviewer, dates),
 * and the corrections log. Finished pages leave memory as the chunks are yielded. Its words are in `locale` (the
 * requester's interface language; English for the command line); DejaVu has their letters.
 */
export async function* reportPdfChunks(
  input: ReportInput,
  locale: Locale = DEFAULT_LOCALE,
): AsyncGenerator<Uint8Array> {
  const { site } = input;
  const t = await translatorFor(locale);
  const words = await reportWords(locale);
  const w: Words = { t, words, locale };
  const scopeLabel = words.scope(input.scope, input.scopeNames);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: {
      Title: t("report.pdfTitle", { scope: scopeLabel }),
      Author: site.orgName,
      Subject: scopeLabel,
      Creator: "Claimdesk",
      CreationDate: site.generatedAt,
    },
  });
  const queue: Uint8Array[] = [];
  doc.on("data", (chunk: Buffer) => queue.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  ended.catch(() => {}); // awaited at the end; an early error must not go unhandled meanwhile
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, path.join(FONT_DIR, file));

  cover(doc, input, scopeLabel, w);
  if (input.disputes.length > 0) {
    doc.addPage();
    heading(doc, t("report.disputes"));
    for (const dispute of input.disputes) disputeBlock(doc, dispute, w);
  }
  doc.addPage();
  heading(doc, t("report.claims"));
  let count = 0;
  for await (const r of input.records) {
    claimBlock(doc, input, r, w);
    if (++count % 50 === 0) await new Promise((resolve) => setImmediate(resolve)); // let written pages flow out
    while (queue.length) yield queue.shift()!;
  }
  if (count === 0) paragraph(doc, t("report.noClaims"), { color: MUTED });
  correctionsLog(doc, input, w);
  doc.end();
  await ended;
  while (queue.length) yield queue.shift()!;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
function keep(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = 16) {
  keep(doc, size * 3);
  doc
    .font("bold")
    .fontSize(size)
    .fillColor(INK)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.5);
}

function paragraph(
  doc: Doc,
  text: string,
  { font = "body", size = 10, color = INK }: { font?: keyof typeof FONTS; size?: number; color?: string } = {},
) {
  doc.font(font).fontSize(size);
  keep(doc, Math.min(doc.heightOfString(text, { width: contentWidth(doc) }), 120));
  doc.fillColor(color).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** A labelled line: "Claimant: Sergei Lavrov". */
function field(doc: Doc, label: string, value: string) {
  doc.font("bold").fontSize(10);
  keep(doc, 14);
  doc.fillColor(MUTED).text(`${label}: `, doc.page.margins.left, doc.y, { continued: true, width: contentWidth(doc) });
  doc.font("body").fillColor(INK).text(value);
}

function cover(doc: Doc, input: ReportInput, scopeLabel: string, { t }: Words) {
  doc.moveDown(6);
  doc
    .font("bold")
    .fontSize(28)
    .fillColor(INK)
    .text(t("report.title"), { width: contentWidth(doc) });
  doc.moveDown(0.5);
  doc
    .font("body")
    .fontSize(14)
    .text(scopeLabel, { width: contentWidth(doc) });
  doc.moveDown(2);
  field(doc, t("report.field.organisation"), input.site.orgName);
  field(doc, t("report.field.website"), input.site.orgUrl);
  field(doc, t("report.field.date"), t("report.generatedAt", { at: input.site.generatedAt }));
  if (input.includesUnpublished) {
    doc.moveDown(2);
    paragraph(doc, t("report.includesUnpublished"), {
      font: "bold",
      size: 12,
      color: WARN,
    });
  }
}

function disputeBlock(doc: Doc, dispute: ReportInput["disputes"][number], { t, words }: Words) {
  heading(doc, dispute.question, 12);
  if (dispute.eventDate) paragraph(doc, t("report.event", { day: words.textDay(dispute.eventDate) }), { color: MUTED });
  const gap = 12;
  const columns = Math.min(dispute.accounts.length, 3);
  const width = (contentWidth(doc) - gap * (columns - 1)) / columns;
  for (let row = 0; row < dispute.accounts.length; row += columns) {
    const accounts = dispute.accounts.slice(row, row + columns);
    const texts = accounts.map((a) => [
      { font: "bold" as const, text: a.label },
      { font: "body" as const, text: a.claimantName },
      { font: "italic" as const, text: t("report.quoted", { text: a.statement }) },
      { font: "bold" as const, text: words.accountVerdict(a) },
    ]);
    const heightOf = (lines: (typeof texts)[number]) =>
      lines.reduce((h, l) => h + doc.font(l.font).fontSize(10).heightOfString(l.text, { width }) + 2, 0);
    keep(doc, Math.max(...texts.map(heightOf)));
    const top = doc.y;
    let lowest = top;
    texts.forEach((lines, i) => {
      const x = doc.page.margins.left + i * (width + gap);
      let y = top;
      for (const line of lines) {
        doc.font(line.font).fontSize(10).fillColor(INK).text(line.text, x, y, { width });
        y = doc.y + 2;
      }
      lowest = Math.max(lowest, y);
    });
    doc.x = doc.page.margins.left;
    doc.y = lowest + 8;
  }
  doc.moveDown(0.5);
}

function claimBlock(doc: Doc, input: ReportInput, r: ExportRecord, { t, words, locale }: Words) {
  doc.moveDown(0.5);
  keep(doc, 120);
  if (!r.published)
    paragraph(doc, t("report.unpublished", { status: words.status(r) }), { font: "bold", size: 9, color: WARN });
  heading(doc, r.statement, 12);
  const q = quoteInContext(r);
  doc.font("body").fontSize(10);
  keep(doc, 40);
  doc.fillColor(MUTED).text(q.before, doc.page.margins.left, doc.y, { continued: true, width: contentWidth(doc) });
  doc.font("bold").fillColor(INK).text(q.quote, { continued: true });
  doc.font("body").fillColor(MUTED).text(q.after);
  doc.moveDown(0.3);
  field(doc, t("report.field.claimant"), r.claimant.name);
  field(doc, t("report.field.document"), r.document.title);
  if (r.claimedAt) field(doc, t("report.field.claimedOn"), words.textDay(r.claimedAt));
  if (r.disputes.length)
    field(doc, t("report.field.dispute"), r.disputes.map((d) => `${d.question} (${d.label})`).join("; "));
  const v = r.verdict;
  if (!v) {
    paragraph(doc, t("report.noVerdict"), { color: MUTED });
  } else {
    field(doc, t("report.field.rating"), v.rating ? ratingIn(v.rating, locale).label : t("report.noRating"));
    if (v.summary) field(doc, t("report.field.summary"), v.summary);
    const rationale = markdownParagraphs(v.rationale);
    if (rationale.length) {
      doc.moveDown(0.3);
      paragraph(doc, t("report.rationale"), { font: "bold", color: MUTED });
      for (const p of rationale) paragraph(doc, p);
    }
    field(doc, t("report.field.author"), v.authorName);
    field(doc, t("report.field.reviewer"), v.reviewerName ?? "—");
    field(doc, t("report.field.dates"), words.dates(r, v, true));
  }
  if (r.evidence.length) {
    doc.moveDown(0.3);
    paragraph(doc, t("report.evidence"), { font: "bold", color: MUTED });
    for (const e of r.evidence) {
      paragraph(
        doc,
        `${words.stance(e.stance)} — ${e.title}${e.publisher ? `, ${e.publisher}` : ""}${e.publishedAt ? ` (${words.textDay(e.publishedAt)})` : ""}, ${words.sourceType(e.sourceType)}: ${e.url}`,
        { size: 9 },
      );
      if (e.excerpt) paragraph(doc, t("report.quoted", { text: e.excerpt }), { font: "italic", size: 9, color: MUTED });
    }
  }
  paragraph(doc, recordUrl(input.site, r), { size: 8, color: MUTED });
}

function correctionsLog(doc: Doc, input: ReportInput, { t, words }: Words) {
  doc.addPage();
  heading(doc, t("report.correctionsLog"));
  if (input.corrections.length === 0) paragraph(doc, t("report.noCorrections"), { color: MUTED });
  for (const c of input.corrections) {
    paragraph(doc, words.correction(c), { font: "bold" });
    paragraph(doc, c.text);
  }
}
