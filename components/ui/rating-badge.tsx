import type { RatingView } from "@/db/queries/shapes";

/** A rating shown as a coloured label; the text carries the meaning, the colour only repeats it. */
export function RatingBadge({ rating }: { rating: Pick<RatingView, "label" | "colour"> | null }) {
  if (!rating) return <span className="rounded border border-line px-2 py-0.5 text-xs text-muted">No rating</span>;
  return (
    <span className="rounded px-2 py-0.5 text-xs font-semibold text-white" style={{ backgroundColor: rating.colour }}>
      {rating.label}
    </span>
  );
}
