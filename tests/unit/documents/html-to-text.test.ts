import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/documents/html-to-text";
import { prepareDocument } from "@/lib/documents/prepare-document";

const PAGE = fs.readFileSync(path.join(import.meta.dirname, "../../fixtures/pages/news-article.html"), "utf8");

describe("extractArticle on a saved news page", () => {
  const article = extractArticle(PAGE, "https://news.example/world/mariupol-talks")!;

  it("should keep the article's paragraphs, in order, one per block", () => {
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs).toContain(
      "Lavrov instead insisted that those killed were not civilians, even though one was a child and horrifying images captured heavily pregnant women covered in blood and being stretchered out of the carnage.",
    );
    expect(
      paragraphs.indexOf(
        "Both made clear in dueling news conferences after the face-to-face that they had made no progress.",
      ),
    ).toBeLessThan(paragraphs.findIndex((p) => p.startsWith("Kuleba said he failed")));
    expect(article.text).toContain("Kremlin’s “genocide.” 🇺🇦");
  });

  it("should leave out navigation, scripts, styles, adverts, comments and the footer", () => {
    for (const marker of [
      "NAV-MARKER",
      "SCRIPT-MARKER",
      "SCRIPT-WRITTEN-MARKER",
      "INLINE-SCRIPT-MARKER",
      "STYLE-MARKER",
      "JSONLD-MARKER",
      "ADVERT-MARKER",
      "COMMENT-MARKER",
      "FOOTER-MARKER",
    ]) {
      expect(article.text).not.toContain(marker);
    }
  });

  it("should read the metadata the page states", () => {
    expect(article).toMatchObject({
      title: "Ukraine and Russia foreign ministers fail to reach ceasefire as Mariupol is bombed",
      author: "Jane Reporter",
      publisher: "The Daily Wire Desk",
      publishedAt: "2022-03-10",
      language: "en-US",
    });
  });

  it("should turn the page into a canonical document with its source URL", () => {
    const doc = prepareDocument(PAGE, "html", "https://news.example/world/mariupol-talks");
    expect(doc.metadata.sourceUrl).toBe("https://news.example/world/mariupol-talks");
    expect(doc.text).not.toMatch(/\n{3,}/);
    expect(doc.text.split("\n\n").every((p) => p === p.trim() && p.length > 0)).toBe(true);
  });

  it("should give null for a page without an article", () => {
    expect(extractArticle("<html><body><nav>Home</nav></body></html>")).toBeNull();
  });
});
