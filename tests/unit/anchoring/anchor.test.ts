import { describe, expect, it } from "vitest";
import { anchorSelectors, codePointLength, CodePointIndex, describeSpan, positionMapper } from "@/lib/anchoring";
import { locateQuote } from "@/lib/anchoring/selectors";
import { ARTICLE } from "../../support/article";

const NOT_CIVILIANS = locateQuote(ARTICLE, "those killed were not civilians");
const LAVROV_SENTENCE =
  "Lavrov instead insisted that those killed were not civilians, even though one was a child and horrifying images captured heavily pregnant women covered in blood and being stretchered out of the carnage.";

describe("anchorSelectors on the fixture article", () => {
  it("should anchor an unchanged text at the same place", () => {
    expect(anchorSelectors(ARTICLE, NOT_CIVILIANS)).toMatchObject({
      status: "anchored",
      start: NOT_CIVILIANS.start,
      end: NOT_CIVILIANS.end,
      score: 1,
    });
  });

  it("should follow the quote when a paragraph is inserted before it", () => {
    const inserted = "Editor's note: this article was updated on 11 March.\n\n";
    const result = anchorSelectors(inserted + ARTICLE, NOT_CIVILIANS);
    expect(result).toMatchObject({ status: "anchored", start: NOT_CIVILIANS.start + inserted.length });
    expect(result.selectors!.exact).toBe("those killed were not civilians");
  });

  it("should count an emoji before the quote as one character", () => {
    const edited = "🇺🇦 " + ARTICLE.replace("Lavrov instead", "😀 Lavrov instead");
    const result = anchorSelectors(edited, NOT_CIVILIANS);
    expect(result).toMatchObject({ status: "anchored", start: NOT_CIVILIANS.start + codePointLength("🇺🇦 😀 ") });
    expect(new CodePointIndex(edited).slice(result.start!, result.end!)).toBe("those killed were not civilians");
  });

  it("should re-find a quote whose typo was fixed, as fuzzy, at the corrected words", () => {
    const typo = ARTICLE.replace("those killed were not civilians", "those killed were not civillians");
    const sel = locateQuote(typo, "those killed were not civillians");
    const result = anchorSelectors(ARTICLE, sel);
    expect(result.status).toBe("fuzzy");
    expect(ARTICLE.slice(result.start!, result.end!)).toBe("those killed were not civilians");
  });

  it("should orphan the claim when its sentence is deleted, not move it", () => {
    const deleted = ARTICLE.replace(LAVROV_SENTENCE + "\n\n", "");
    expect(deleted).not.toContain("not civilians");
    expect(anchorSelectors(deleted, NOT_CIVILIANS)).toMatchObject({ status: "orphaned", start: null, end: null });
  });

  it("should keep a claim anchored when the sentence right after it is deleted", () => {
    const council = locateQuote(ARTICLE, "killing three, including a 6-year-old girl, and injuring 17 others");
    const deleted = ARTICLE.replace(LAVROV_SENTENCE + "\n\n", "");
    expect(anchorSelectors(deleted, council)).toMatchObject({ status: "anchored", start: council.start });
  });

  it("should orphan the claim when only a nearly identical sentence with other surroundings is left nearby", () => {
    const lookAlike = ARTICLE.replace(
      LAVROV_SENTENCE,
      "Kuleba replied that those killed were all civilians, as the council had said.",
    );
    const result = anchorSelectors(lookAlike, NOT_CIVILIANS);
    expect(result.status).toBe("orphaned");
  });

  it("should stay put when the sentence is duplicated further down", () => {
    const duplicated = ARTICLE + "\n\n" + LAVROV_SENTENCE;
    expect(anchorSelectors(duplicated, NOT_CIVILIANS)).toMatchObject({
      status: "anchored",
      start: NOT_CIVILIANS.start,
    });
  });

  it("should not guess between two identical copies of the sentence once its place moved", () => {
    const copied = LAVROV_SENTENCE + "\n\n" + ARTICLE.replace("The foreign ministers", "Top diplomats");
    const result = anchorSelectors(copied, NOT_CIVILIANS);
    expect(result.status).toBe("fuzzy");
  });

  it("should tell repeated phrases apart by their prefix and suffix", () => {
    // "maternity hospital" occurs twice; the second follows "destroyed a".
    const second = locateQuote(ARTICLE, "maternity hospital", "destroyed a ");
    const shifted = "Update.\n\n" + ARTICLE;
    const result = anchorSelectors(shifted, second);
    expect(result.status).toBe("anchored");
    expect(shifted.slice(result.start! - "destroyed a ".length, result.end!)).toBe("destroyed a maternity hospital");
  });

  it("should keep an exact quote exact, including the article's misspelling", () => {
    const sel = locateQuote(ARTICLE, "Putin would be open to meeting Zelesnky");
    const fixed = ARTICLE.replace("Zelesnky", "Zelensky");
    const result = anchorSelectors(fixed, sel);
    expect(result.status).toBe("fuzzy");
    expect(anchorSelectors(ARTICLE, sel)).toMatchObject({
      status: "anchored",
      selectors: { exact: "Putin would be open to meeting Zelesnky" },
    });
  });

  it("should orphan a quote that is nowhere near the text", () => {
    const sel = describeSpan("Completely different words here.", 0, 10);
    expect(anchorSelectors(ARTICLE, sel).status).toBe("orphaned");
    expect(anchorSelectors("", NOT_CIVILIANS).status).toBe("orphaned");
  });
});

describe("anchorSelectors never moves a claim to another speaker's identical words", () => {
  const TEXT =
    "Lavrov said those killed were not civilians at the briefing.\n\nLater, Peskov repeated that those killed were not civilians to reporters.";
  const lavrov = locateQuote(TEXT, "those killed were not civilians", "Lavrov said ");

  it("should orphan the claim when the original sentence is deleted and only the other speaker's copy is left", () => {
    const edited = TEXT.replace("Lavrov said those killed were not civilians at the briefing.\n\n", "");
    expect(anchorSelectors(edited, lavrov).status).toBe("orphaned");
  });

  it("should follow a typo in the original sentence as fuzzy rather than jump to the exact copy elsewhere", () => {
    const edited = TEXT.replace(
      "Lavrov said those killed were not civilians",
      "Lavrov said those killed were not civillians",
    );
    const result = anchorSelectors(edited, lavrov);
    expect(result.status).toBe("fuzzy");
    expect(edited.slice(result.start!, result.end!)).toBe("those killed were not civillians");
  });

  it("should orphan a short quote whose words now appear only in other surroundings", () => {
    const text = "They said no to the plan. He said no later.";
    const sel = locateQuote(text, "no", "They said ");
    expect(anchorSelectors(text.replace("They said no", "They said maybe"), sel).status).toBe("orphaned");
  });
});

describe("positionMapper", () => {
  it("should carry each claim to its own copy of a repeated paragraph after an edit above", () => {
    const para = "Bombs hit homes. There are hits in the building of the university.";
    const text = [para, para, para].join("\n\n");
    const index = new CodePointIndex(text);
    const third = describeSpan(
      index,
      text.lastIndexOf("Bombs hit"),
      text.lastIndexOf("Bombs hit") + "Bombs hit homes".length,
    );
    const edited = "Update: figures added.\n\n" + text;
    const editedIndex = new CodePointIndex(edited);
    const map = positionMapper(index, editedIndex);
    // Without the mapping the three identical copies cannot be told apart…
    expect(anchorSelectors(editedIndex, third).status).toBe("fuzzy");
    // …with it, the claim stays on its own copy.
    const result = anchorSelectors(editedIndex, { ...third, start: map(third.start), end: map(third.end) });
    expect(result).toMatchObject({ status: "anchored", start: edited.lastIndexOf("Bombs hit") });
  });

  it("should keep offsets before the edit, shift those after it, and leave those inside it as hints", () => {
    const a = new CodePointIndex("one two three");
    const b = new CodePointIndex("one 2️⃣ three");
    const map = positionMapper(a, b);
    expect(map(2)).toBe(2);
    expect(map(8)).toBe(8 + [..."2️⃣"].length - 3);
    expect(map(5)).toBe(5);
  });
});
