import type { VerdictVersion } from "@/db/queries/claim-editor";
import { RatingBadge } from "@/components/ui/rating-badge";
import { Markdown } from "./markdown";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "");

/** One verdict version as it reads: rating, summary, rationale, who wrote and reviewed it, notes. */
export function VerdictView({ v }: { v: VerdictVersion }) {
  return (
    <article className="space-y-2" aria-label={`Verdict version ${v.seq}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <RatingBadge rating={v.rating} />
        <span className="text-muted">
          version {v.seq} · {v.state.replace("_", " ")} · by {v.authorName}
          {v.reviewerName ? `, reviewed by ${v.reviewerName}` : ""}
          {v.publishedAt ? ` · published ${when(v.publishedAt)}` : ""}
        </span>
      </div>
      {v.summary && <p className="font-medium">{v.summary}</p>}
      {v.rationale && <Markdown text={v.rationale} />}
      {v.correctionNote && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <strong>Correction:</strong> {v.correctionNote}
        </p>
      )}
      {v.retractionReason && (
        <p className="rounded-md border border-danger/40 bg-red-50 p-2 text-sm">
          <strong>Retracted {when(v.retractedAt)}:</strong> {v.retractionReason}
        </p>
      )}
    </article>
  );
}
