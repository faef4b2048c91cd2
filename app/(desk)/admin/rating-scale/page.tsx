import type { Metadata } from "next";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listRatingsForAdmin } from "@/db/queries/ratings";
import { requireUser, userCan } from "@/lib/auth/session";
import { NewRatingForm, RatingRow } from "./rating-forms";

export const metadata: Metadata = { title: "Rating scale" };

export default async function RatingScalePage() {
  const user = await requireUser("/admin/rating-scale");
  if (!userCan(user, "ratings:manage")) return <Forbidden what="manage the rating scale" />;
  const scale = await listRatingsForAdmin();
  return (
    <>
      <PageHeader title="Rating scale">
        The ratings verdicts use, in order. The value is ClaimReview&apos;s <code>ratingValue</code> (1 = worst); a
        rating without one (such as Unverifiable) stands outside the true–false order. A rating in use cannot be
        deleted.
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <ol className="space-y-3">
          {scale.map((r, i) => (
            <RatingRow key={r.id} rating={r} isFirst={i === 0} isLast={i === scale.length - 1} />
          ))}
        </ol>
        <section aria-labelledby="new-rating" className="h-fit rounded-lg border border-line bg-white p-4">
          <h2 id="new-rating" className="mb-3 font-semibold">
            New rating
          </h2>
          <NewRatingForm />
        </section>
      </div>
    </>
  );
}
