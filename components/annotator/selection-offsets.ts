import { codePointLength } from "@/lib/anchoring/code-points";

/** The attribute each rendered text segment carries: its start offset in code points. */
export const SEGMENT_ATTR = "data-start";

/**
 * Maps a browser selection inside the reading pane to code point offsets of the canonical
 * text. Every text node of the pane sits alone in an element with `data-start`, so an
 * endpoint's offset is that start plus the code points before it in its node. Endpoints
 * that fall on elements (a triple-click, a selection ending at a paragraph edge) are moved
 * to the nearest text inside the selection. Returns null when the selection is not in the pane.
 * (A drag that ends outside the pane is cut at the pane's edge.)
 */
export function selectionToOffsets(root: HTMLElement, selected: Range): { start: number; end: number } | null {
  // A drag that runs past the pane is clamped to it, so what is used is what is shown.
  const range = selected.cloneRange();
  const pane = document.createRange();
  pane.selectNodeContents(root);
  if (range.compareBoundaryPoints(Range.START_TO_START, pane) < 0)
    range.setStart(pane.startContainer, pane.startOffset);
  if (range.compareBoundaryPoints(Range.END_TO_END, pane) > 0) range.setEnd(pane.endContainer, pane.endOffset);
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset, "forward");
  const end = pointToOffset(root, range.endContainer, range.endOffset, "backward");
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function pointToOffset(
  root: HTMLElement,
  node: Node,
  offset: number,
  direction: "forward" | "backward",
): number | null {
  if (node.nodeType === Node.TEXT_NODE) return textPointOffset(node as Text, offset);
  // An element boundary: find the first text after it (start) or the last text before it (end).
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.hasAttribute(SEGMENT_ATTR) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
  });
  const boundary = document.createRange();
  boundary.setStart(node, offset);
  let candidate: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const afterBoundary = boundary.comparePoint(n, 0) >= 0;
    if (direction === "forward" && afterBoundary) return textPointOffset(n as Text, 0);
    if (direction === "backward") {
      if (afterBoundary) break;
      candidate = n as Text;
    }
  }
  return candidate ? textPointOffset(candidate, candidate.data.length) : null;
}

function textPointOffset(node: Text, unitOffset: number): number | null {
  const holder = node.parentElement;
  const start = holder?.getAttribute(SEGMENT_ATTR);
  if (start === null || start === undefined) return null;
  return Number(start) + codePointLength(node.data.slice(0, unitOffset));
}
