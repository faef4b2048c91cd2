import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";

export type ExtractedArticle = {
  text: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
};

const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "FIGCAPTION",
  "TD",
  "TH",
  "DT",
  "DD",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "BUTTON", "FORM", "NAV"]);

/**
 * An HTML page → the article's readable text (Mozilla Readability over jsdom, with scripts
 * never run), one paragraph per block element, plus whatever metadata the page states.
 * Returns null when Readability finds no article.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle | null {
  // No `runScripts`: jsdom parses scripts but never executes them, and loads nothing.
  const dom = new JSDOM(html, { url: url ?? "https://example.invalid/" });
  const doc = dom.window.document;
  const meta = readMetadata(doc);
  const article = new Readability(doc, { keepClasses: false }).parse();
  if (!article?.content) return null;
  const content = new JSDOM(`<body>${article.content}</body>`).window.document.body;
  const text = blockTexts(content).join("\n\n");
  if (!text.trim()) return null;
  return {
    text,
    title: clean(article.title) ?? meta.title,
    author: clean(article.byline) ?? meta.author,
    publisher: clean(article.siteName) ?? meta.publisher,
    publishedAt: toIsoDate(article.publishedTime) ?? meta.publishedAt,
    language: normaliseLanguage(article.lang) ?? meta.language,
  };
}

/** The text of each block element, in order; inline elements flow into their block. */
function blockTexts(root: Element): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const t = current.replace(/\s+/g, " ").trim();
    if (t) out.push(t);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === "BR") {
      current += " ";
      return;
    }
    const isBlock =
      BLOCKS.has(el.tagName) || el.tagName === "DIV" || el.tagName === "SECTION" || el.tagName === "ARTICLE";
    if (isBlock) flush();
    el.childNodes.forEach(walk);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return out;
}

function readMetadata(doc: Document) {
  const metaContent = (...selectors: string[]) => {
    for (const s of selectors) {
      const v = clean(doc.querySelector(s)?.getAttribute("content"));
      if (v) return v;
    }
    return null;
  };
  return {
    title: metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? clean(doc.title),
    author: metaContent('meta[name="author"]', 'meta[property="article:author"]'),
    publisher: metaContent('meta[property="og:site_name"]', 'meta[name="publisher"]'),
    publishedAt: toIsoDate(
      metaContent('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]'),
    ),
    language: normaliseLanguage(doc.documentElement.getAttribute("lang")),
  };
}

function clean(v: string | null | undefined): string | null {
  const t = v?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

/** `2022-03-10T14:00:00Z` or `10 March 2022` → `2022-03-10`; null when unreadable. */
export function toIsoDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
  if (direct) return direct[1]!;
  const parsed = new Date(v);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

function normaliseLanguage(v: string | null | undefined): string | null {
  const m = v ? /^([a-z]{2,3})(?:[-_]([a-z]{2}))?/i.exec(v.trim()) : null;
  if (!m) return null;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}
