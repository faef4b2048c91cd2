import { getFormatter, getTranslations } from "next-intl/server";
import type { VerdictVersion } from "@/db/queries/claim-editor";
import { RatingBadge } from "@/components/ui/rating-badge";
import { contentLanguage } from "@/lib/i18n/content-language";
import { Markdown } from "./markdown";

/** One verdict version as it reads: rating, summary, rationale, who wrote and reviewed it, notes. */
export async function VerdictView({ v, claimLanguage }: { v: VerdictVersion; claimLanguage: string | null }) {
  const written = contentLanguage(v.language ?? claimLanguage);
  const t = await getTranslations("desk.verdicts");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, "instant") : "");
  return (
    <article className="space-y-2" aria-label={t("view.label", { seq: v.seq })}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <RatingBadge rating={v.rating} />
        <span className="text-muted">
          {t("view.byline", { seq: v.seq, state: t(`state.${v.state}`), author: v.authorName })}
          {v.reviewerName ? t("view.reviewedBy", { reviewer: v.reviewerName }) : ""}
          {v.publishedAt ? t("view.published", { when: when(v.publishedAt) }) : ""}
        </span>
      </div>
      <div className="space-y-2" {...written}>
        {v.summary && <p className="font-medium">{v.summary}</p>}
        {v.rationale && <Markdown text={v.rationale} />}
      </div>
      {v.correctionNote && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <strong>{t("view.correction")}</strong> <span {...written}>{v.correctionNote}</span>
        </p>
      )}
      {v.retractionReason && (
        <p className="rounded-md border border-danger/40 bg-red-50 p-2 text-sm">
          <strong>{t("view.retracted", { when: when(v.retractedAt) })}</strong>{" "}
          <span {...written}>{v.retractionReason}</span>
        </p>
      )}
    </article>
  );
}
