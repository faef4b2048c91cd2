import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Opens a PDF with Mozilla's pdf.js and returns its page count and its text, whitespace folded. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string; title: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str, item.hasEOL ? " " : "");
  }
  const { info } = await pdf.getMetadata();
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join("").replace(/\s+/g, " "), title: (info as Record<string, unknown>).Title };
}

/** Folds whitespace the way `readPdf` does, to look for a statement in a PDF's text. */
export const folded = (s: string) => s.replace(/\s+/g, " ").trim();
