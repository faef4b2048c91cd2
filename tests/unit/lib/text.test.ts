import { describe, expect, it } from "vitest";
import { extractDateMarker, toCanonicalText } from "@/lib/documents/canonical-text";
import { slugify } from "@/lib/text/slugify";

describe("toCanonicalText", () => {
  it("should normalise line ends, NFC, trailing spaces and blank lines between paragraphs", () => {
    const raw = "\r\n  First line  \r\nsame paragraph\r\n\r\n\r\n\r\nCafe\u0301 two \t\n \n\nthree\n";
    expect(toCanonicalText(raw)).toBe("First line\nsame paragraph\n\nCafé two\n\nthree");
  });

  it("should be idempotent", () => {
    const once = toCanonicalText("a\r\n\r\nb  \n\n\nc");
    expect(toCanonicalText(once)).toBe(once);
  });
});

describe("extractDateMarker", () => {
  it("should take a leading date marker into metadata", () => {
    expect(extractDateMarker(" date 2022-03-10 The foreign ministers")).toEqual({
      date: "2022-03-10",
      text: "The foreign ministers",
    });
    expect(extractDateMarker("The update 2022-03-10")).toEqual({ date: null, text: "The update 2022-03-10" });
  });
});

describe("slugify", () => {
  it("should make short ASCII slugs cut at a word", () => {
    expect(slugify("Those killed in the Mariupol maternity hospital strike were not civilians.")).toBe(
      "those-killed-in-the-mariupol-maternity-hospital-strike-were",
    );
    expect(slugify("Zelensky’s “genocide” — Café")).toBe("zelenskys-genocide-cafe");
    expect(slugify("???")).toBe("item");
    expect(slugify("Сергей Лавров: «погибшие не были мирными жителями»")).toBe(
      "sergey-lavrov-pogibshie-ne-byli-mirnymi-zhitelyami",
    );
  });
});
