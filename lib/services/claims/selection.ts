import { CodePointIndex, describeSpan, type SpanSelectors } from "@/lib/anchoring";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { text as words } from "@/lib/i18n/text";

/**
 * The W3C selectors of a selection in a text, with surrounding whitespace trimmed off (a
 * double-click often takes the space after a word). Out-of-range or empty spans are 422.
 */
export function selectionSelectors(text: string, start: number, end: number): SpanSelectors {
  const index = new CodePointIndex(text);
  if (end > index.length) {
    throw new ServiceError("validation_failed", words("errors.claims.pastEnd", { end, length: index.length }), [
      fieldIssue("end", words("validation.atMost", { max: index.length })),
    ]);
  }
  const selected = index.slice(start, end);
  const lead = [...selected].length - [...selected.trimStart()].length;
  const trail = [...selected].length - [...selected.trimEnd()].length;
  if (lead + trail >= end - start) {
    throw new ServiceError("validation_failed", words("errors.claims.noWords"), [
      fieldIssue("start", words("validation.selectText")),
    ]);
  }
  return describeSpan(index, start + lead, end - trail);
}
