/**
 * Claimdesk's anchoring, in two calls:
 * - `describeSpan(text, start, end)`: a selection (code point offsets of the canonical
 *   text) → W3C TextQuoteSelector (exact, 32-character prefix and suffix) and
 *   TextPositionSelector (start, end).
 * - `anchorSelectors(text, selectors)`: those selectors → where they are in a (possibly
 *   edited) text: `anchored`, `fuzzy` (needs a person to confirm) or `orphaned`, with
 *   start, end and score.
 * Pass a `CodePointIndex` instead of the text to anchor many claims in one long text.
 */
export { anchorExactly, anchorInPlace, anchorSelectors, THRESHOLDS, type AnchorResult } from "./anchor";
export { CodePointIndex, codePointLength } from "./code-points";
export { positionMapper } from "./position-map";
export { CONTEXT_LENGTH, describeSpan, type SpanSelectors } from "./selectors";
