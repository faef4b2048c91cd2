"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useMemo, type KeyboardEvent } from "react";
import type { PlacedClaim } from "@/db/queries/documents";
import { highlightStyle } from "./claim-style";
import { buildParagraphs } from "./segments";
import { SEGMENT_ATTR } from "./selection-offsets";
import { contentLanguage } from "@/lib/i18n/content-language";

type Props = {
  text: string;
  /** The document's language: its paragraphs are marked with it. */
  language: string | null;
  /** Claims to draw (anchored and fuzzy ones, after filtering). */
  claims: PlacedClaim[];
  activeClaimId: number | null;
  onHighlightClick: (claimId: number) => void;
  /** Enter with a selection in the pane. */
  onHighlightRequest: () => void;
};

const ARROWS: Record<string, "forward" | "backward"> = {
  ArrowRight: "forward",
  ArrowLeft: "backward",
  ArrowDown: "forward",
  ArrowUp: "backward",
};

/**
 * The article as paragraphs with every claim highlighted. Each text segment is one text
 * node inside an element carrying its code point offset, which is what lets a selection
 * map back to exact offsets. The pane is focusable: arrow keys move a caret, Shift+arrows
 * select (Ctrl or Alt for whole words), Enter asks to highlight the selection.
 */
export const ReadingPane = forwardRef<HTMLDivElement, Props>(function ReadingPane(
  { text, language, claims, activeClaimId, onHighlightClick, onHighlightRequest },
  ref,
) {
  const t = useTranslations("desk.annotator.pane");
  const paragraphs = useMemo(
    () =>
      buildParagraphs(
        text,
        claims.map((c) => ({ id: c.id, start: c.start, end: c.end })),
      ),
    [text, claims],
  );
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const pane = e.currentTarget;
    if (e.key === "Enter") {
      e.preventDefault();
      onHighlightRequest();
      return;
    }
    const direction = ARROWS[e.key];
    if (!direction) return;
    const selection = window.getSelection();
    if (!selection) return;
    e.preventDefault();
    if (!selection.rangeCount || !pane.contains(selection.anchorNode)) {
      const first = pane.querySelector(`[${SEGMENT_ATTR}]`)?.firstChild;
      if (!first) return;
      selection.collapse(first, 0);
    }
    const vertical = e.key === "ArrowUp" || e.key === "ArrowDown";
    const granularity = vertical ? "line" : e.ctrlKey || e.altKey ? "word" : "character";
    selection.modify(e.shiftKey ? "extend" : "move", direction, granularity);
  }

  return (
    <div
      ref={ref}
      tabIndex={0}
      role="region"
      aria-label={t("label")}
      onKeyDown={onKeyDown}
      className="max-w-prose space-y-4 font-serif text-lg leading-relaxed outline-offset-4"
      data-testid="reading-pane"
    >
      {/* The article's paragraphs are in its own language; the region's name is in the desk's. */}
      {paragraphs.map((p) => (
        <p key={p.start} className="whitespace-pre-wrap" {...contentLanguage(language)}>
          {p.segments.map((seg) => {
            if (seg.claimIds.length === 0) {
              return (
                <span key={seg.start} {...{ [SEGMENT_ATTR]: seg.start }}>
                  {seg.text}
                </span>
              );
            }
            // The innermost (shortest) claim styles the segment and answers a click.
            const covering = seg.claimIds
              .map((id) => byId.get(id)!)
              .sort((a, b) => a.end - a.start - (b.end - b.start));
            const inner = covering[0]!;
            const isActive = seg.claimIds.includes(activeClaimId ?? -1);
            return (
              <mark
                key={seg.start}
                {...{ [SEGMENT_ATTR]: seg.start }}
                data-claims={seg.claimIds.join(" ")}
                aria-describedby={seg.claimIds.map((id) => `claim-desc-${id}`).join(" ")}
                title={covering.map((c) => `${c.claimant.name}: ${c.statement}`).join("\n")}
                onClick={() => window.getSelection()?.isCollapsed !== false && onHighlightClick(inner.id)}
                className={`cursor-pointer rounded-sm text-inherit ${seg.claimIds.length > 1 ? "font-medium" : ""} ${
                  isActive ? "outline outline-2 outline-offset-1 outline-accent" : ""
                }`}
                style={{
                  ...highlightStyle(inner),
                  // Overlapping claims darken the segment.
                  backgroundImage:
                    seg.claimIds.length > 1 ? "linear-gradient(rgba(0,0,0,.09), rgba(0,0,0,.09))" : undefined,
                }}
              >
                {seg.text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
});
