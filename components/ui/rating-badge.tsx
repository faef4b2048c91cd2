/** A rating shown as a coloured label; the text carries the meaning, the colour only repeats it. */
export function RatingBadge({ label, colour }: { label: string | null; colour: string | null }) {
  if (!label) return <span className="rounded border border-line px-2 py-0.5 text-xs text-muted">No rating</span>;
  return (
    <span
      className="rounded px-2 py-0.5 text-xs font-semibold text-white"
      style={{ backgroundColor: colour ?? "#57606a" }}
    >
      {label}
    </span>
  );
}
