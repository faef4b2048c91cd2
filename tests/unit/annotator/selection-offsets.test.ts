// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { buildParagraphs } from "@/components/annotator/segments";
import { selectionToOffsets, SEGMENT_ATTR } from "@/components/annotator/selection-offsets";

const TEXT = "🇺🇦 Zelensky — “He will [negotiate].”\n\n😀 “We need some time,” he said.";

/** Renders the pane as the annotator does: paragraphs of segments, each one text node with its start. */
function renderPane(text: string, spans: { id: number; start: number; end: number }[] = []) {
  document.body.innerHTML = "";
  const pane = document.createElement("div");
  for (const p of buildParagraphs(text, spans)) {
    const para = document.createElement("p");
    for (const seg of p.segments) {
      const el = document.createElement(seg.claimIds.length ? "mark" : "span");
      el.setAttribute(SEGMENT_ATTR, String(seg.start));
      el.textContent = seg.text;
      para.append(el);
    }
    pane.append(para);
  }
  const outside = document.createElement("p");
  outside.textContent = "Outside the pane";
  document.body.append(pane, outside);
  return { pane, outside };
}

const cp = (s: string) => [...s].length;
function rangeOver(node: Node, from: number, to: number, endNode: Node = node) {
  const r = document.createRange();
  r.setStart(node, from);
  r.setEnd(endNode, to);
  return r;
}

describe("selectionToOffsets", () => {
  it("should map a selection after a flag emoji to code point offsets", () => {
    const { pane } = renderPane(TEXT);
    const text = pane.querySelector("span")!.firstChild as Text;
    const unit = text.data.indexOf("Zelensky");
    expect(selectionToOffsets(pane, rangeOver(text, unit, unit + 8))).toEqual({
      start: cp("🇺🇦 "),
      end: cp("🇺🇦 Zelensky"),
    });
  });

  it("should cross a paragraph break and a highlight boundary", () => {
    const { pane } = renderPane(TEXT, [{ id: 1, start: 3, end: 11 }]);
    const startNode = pane.querySelectorAll("p")[0]!.lastChild!.firstChild as Text; // " — “He will [negotiate].”"
    const endNode = pane.querySelectorAll("p")[1]!.firstChild!.firstChild as Text;
    const offsets = selectionToOffsets(
      pane,
      rangeOver(startNode, startNode.data.indexOf("[negotiate]"), endNode.data.indexOf("some"), endNode),
    )!;
    expect([...TEXT].slice(offsets.start, offsets.end).join("")).toBe("[negotiate].”\n\n😀 “We need ");
  });

  it("should move element boundaries (a triple-click) to the text inside", () => {
    const { pane } = renderPane(TEXT);
    const second = pane.querySelectorAll("p")[1]!;
    const offsets = selectionToOffsets(pane, rangeOver(second, 0, second.childNodes.length))!;
    expect([...TEXT].slice(offsets.start, offsets.end).join("")).toBe("😀 “We need some time,” he said.");
  });

  it("should cut a drag that runs past the pane at its edge, and ignore selections elsewhere", () => {
    const { pane, outside } = renderPane(TEXT);
    const last = pane.querySelectorAll("p")[1]!.firstChild!.firstChild as Text;
    const offsets = selectionToOffsets(pane, rangeOver(last, last.data.indexOf("he said"), 3, outside.firstChild!))!;
    expect([...TEXT].slice(offsets.start, offsets.end).join("")).toBe("he said.");
    expect(selectionToOffsets(pane, rangeOver(outside.firstChild!, 0, 7))).toBeNull();
  });
});
