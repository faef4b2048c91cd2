import { describe, expect, it } from "vitest";
import { buildParagraphs } from "@/components/annotator/segments";

describe("buildParagraphs", () => {
  it("should split paragraphs and cut segments at every claim boundary, for nested and overlapping claims", () => {
    const text = "Lavrov said those killed were not civilians.\n\nZelensky 🇺🇦 called it an atrocity.";
    const paragraphs = buildParagraphs(text, [
      { id: 1, start: 12, end: 43 }, // "those killed were not civilians"
      { id: 2, start: 30, end: 43 }, // "not civilians" nested in 1
      { id: 3, start: 0, end: 17 }, // "Lavrov said those" overlaps 1
    ]);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.segments.map((s) => [s.text, s.claimIds])).toEqual([
      ["Lavrov said ", [3]],
      ["those", [1, 3]],
      [" killed were ", [1]],
      ["not civilians", [1, 2]],
      [".", []],
    ]);
    // The second paragraph starts after the blank line; the flag counts as 2 code points.
    const second = paragraphs[1]!;
    expect(second.start).toBe(46);
    expect(second.end).toBe(46 + [..."Zelensky 🇺🇦 called it an atrocity."].length);
    expect(second.segments[0]!.text).toBe("Zelensky 🇺🇦 called it an atrocity.");
  });

  it("should let a claim span a paragraph break", () => {
    const paragraphs = buildParagraphs("One two.\n\nThree four.", [{ id: 9, start: 4, end: 15 }]);
    expect(paragraphs.map((p) => p.segments.map((s) => [s.text, s.claimIds]))).toEqual([
      [
        ["One ", []],
        ["two.", [9]],
      ],
      [
        ["Three", [9]],
        [" four.", []],
      ],
    ]);
  });
});
