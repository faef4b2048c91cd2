import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";

/**
 * Markdown → plain paragraphs: headings, paragraphs, list items, quotes and code blocks
 * each become a paragraph of their text; emphasis, links and images keep only their words
 * (an image its alt text); raw HTML and rules are dropped.
 */
export function markdownToText(markdown: string): string {
  const paragraphs: string[] = [];
  const visit = (node: RootContent) => {
    switch (node.type) {
      case "heading":
      case "paragraph":
        paragraphs.push(toString(node as Nodes, { includeHtml: false }));
        break;
      case "code":
        paragraphs.push(node.value);
        break;
      case "list":
      case "listItem":
      case "blockquote":
        node.children.forEach(visit);
        break;
      default:
        break; // html, thematicBreak, definition: not article text
    }
  };
  fromMarkdown(markdown).children.forEach(visit);
  return paragraphs.join("\n\n");
}

/** The first level-1 heading of a Markdown text, if any (a title for the document). */
export function markdownTitle(markdown: string): string | null {
  const heading = fromMarkdown(markdown).children.find((n) => n.type === "heading" && n.depth === 1);
  return heading ? toString(heading).trim() || null : null;
}
