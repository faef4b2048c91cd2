import { describe, expect, it } from "vitest";
import { prepareDocument, readUpload, UnusableSource } from "@/lib/documents/prepare-document";
import { RAW_ARTICLE, ARTICLE } from "../../support/article";

describe("prepareDocument", () => {
  it("should take the fixture article as pasted: date marker to metadata, curly quotes and dashes kept", () => {
    const doc = prepareDocument(RAW_ARTICLE.replace(/\n/g, "\r\n"), "text");
    expect(doc.text).toBe(ARTICLE);
    expect(doc.metadata.publishedAt).toBe("2022-03-10");
    expect(doc.text.startsWith("The foreign ministers")).toBe(true);
    expect(doc.metadata.title).toBe(
      "The foreign ministers of Ukraine and Russia failed to reach peace during the highest-level meeting…",
    );
  });

  it("should reduce Markdown to its words, one paragraph per block, with the first heading as title", () => {
    const md =
      "# Talks fail\n\nLavrov said *those killed* were [not civilians](https://x.example).\n\n- one\n- two\n\n<div>raw html</div>\n\n> quoted";
    const doc = prepareDocument(md, "markdown");
    expect(doc.metadata.title).toBe("Talks fail");
    expect(doc.text).toBe("Talks fail\n\nLavrov said those killed were not civilians.\n\none\n\ntwo\n\nquoted");
  });

  it("should keep square brackets in plain text as they are", () => {
    expect(prepareDocument("“He will [negotiate]. We need some time.”", "text").text).toBe(
      "“He will [negotiate]. We need some time.”",
    );
  });

  it("should refuse empty text", () => {
    expect(() => prepareDocument(" \n\n \t", "text")).toThrow(UnusableSource);
  });
});

describe("readUpload", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("should read .txt, .md and .html by extension, without a byte-order mark", () => {
    expect(readUpload("a.TXT", bytes("\ufeffhello"))).toEqual({ content: "hello", format: "text" });
    expect(readUpload("a.md", bytes("# x")).format).toBe("markdown");
    expect(readUpload("a.htm", bytes("<p>x</p>")).format).toBe("html");
  });

  it.each([
    ["a.pdf", bytes("%PDF-1.7"), /\.txt, \.md or \.html/],
    ["a.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]), /binary/],
    ["a.txt", new Uint8Array([104, 105, 0, 1, 2]), /binary/],
    ["a.txt", new Uint8Array(5 * 1024 * 1024 + 1).fill(97), /larger than 5 MB/],
    ["a.txt", new Uint8Array(), /empty/],
  ])("should refuse %s with a clear reason", (name, content, message) => {
    expect(() => readUpload(name, content)).toThrow(message);
  });
});
