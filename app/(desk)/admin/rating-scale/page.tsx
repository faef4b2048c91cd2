import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listRatingsForAdmin } from "@/db/queries/ratings";
import { requireUser, userCan } from "@/lib/auth/session";
import { NewRatingForm, RatingRow } from "./rating-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.ratingScale");
  return { title: t("title") };
}

export default async function RatingScalePage() {
  const user = await requireUser("/admin/rating-scale");
  const t = await getTranslations("admin.ratingScale");
  if (!userCan(user, "ratings:manage")) return <Forbidden what={t("forbidden")} />;
  const scale = await listRatingsForAdmin();
  return (
    <>
      <PageHeader title={t("title")}>{t.rich("intro", { code: (c) => <code>{c}</code> })}</PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <ol className="space-y-3">
          {scale.map((r, i) => (
            <RatingRow key={r.id} rating={r} isFirst={i === 0} isLast={i === scale.length - 1} />
          ))}
        </ol>
        <section aria-labelledby="new-rating" className="h-fit rounded-lg border border-line bg-white p-4">
          <h2 id="new-rating" className="mb-3 font-semibold">
            {t("newRating")}
          </h2>
          <NewRatingForm />
        </section>
      </div>
    </>
  );
}
