import { useLocale, useTranslations } from "next-intl";
import { ratingIn, type RatingView } from "@/db/queries/shapes";

/**
 * A rating shown as a coloured label, in the interface's language when the scale has its words in it; the text carries
 * the meaning, the colour only repeats it.
 */
export function RatingBadge({ rating }: { rating: Pick<RatingView, "label" | "colour" | "translations"> | null }) {
  const t = useTranslations("common.rating");
  const locale = useLocale();
  if (!rating) return <span className="rounded border border-line px-2 py-0.5 text-xs text-muted">{t("none")}</span>;
  return (
    <span className="rounded px-2 py-0.5 text-xs font-semibold text-white" style={{ backgroundColor: rating.colour }}>
      {ratingIn(rating, locale).label}
    </span>
  );
}
