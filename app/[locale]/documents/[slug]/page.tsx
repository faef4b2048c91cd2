import type { Metadata } from "next";
import { cache } from "react";
import { Link } from "@/lib/i18n/navigation";
import { PageUpdates } from "@/components/public/page-updates";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buildParagraphs } from "@/components/annotator/segments";
import { getPublicDocument } from "@/db/queries/public/records";
import { publicMetadata } from "@/lib/config/public-metadata";
import { contentLanguage } from "@/lib/i18n/content-language";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then kept until a write changes what it shows (lib/cache/public-invalidation.ts), on
// every server; nothing is rendered at build time, when there is no database to read. Shared caches in front keep it a
// minute at most (`s-maxage=60`), and so does each server before rendering it again in the background.
export const revalidate = 60;

// generateMetadata and the page read the same record once per request.
const load = cache((slug: string) => getPublicDocument(slug));
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await load(slug);
  const t = await getTranslations("public");
  if (!data) return { title: t("notFound") };
  return publicMetadata(
    `/documents/${slug}`,
    data.doc.title,
    t("document.description", { n: data.claims.length }),
    "article",
  );
}

export default async function PublicDocumentPage({ params }: Props) {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) notFound();
  const { doc, claims } = data;
  const t = await getTranslations("public.document");
  const format = await getFormatter();
  const bySlug = new Map(claims.map((c, i) => [i, c]));
  const paragraphs = buildParagraphs(
    doc.text,
    claims.map((c, i) => ({ id: i, start: c.start, end: c.end })),
  );
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight" {...contentLanguage(doc.language)}>
          {doc.title}
        </h1>
        <p className="mt-1 text-sm text-muted">
          {[doc.publisher, doc.author, doc.publishedAt && format.dateTime(new Date(doc.publishedAt), "day")]
            .filter(Boolean)
            .join(" · ")}
          {doc.sourceUrl && (
            <>
              {" · "}
              <a href={doc.sourceUrl} className="text-accent underline" rel="nofollow noopener noreferrer">
                {t("original")}
              </a>
            </>
          )}
        </p>
        <p className="mt-2 text-sm">{t("highlighted", { n: claims.length })}</p>
      </header>
      <div
        className="space-y-4 font-serif text-lg leading-relaxed"
        data-testid="public-document"
        {...contentLanguage(doc.language)}
      >
        {paragraphs.map((p) => (
          <p key={p.start} className="whitespace-pre-wrap">
            {p.segments.map((seg) => {
              if (seg.claimIds.length === 0) return <span key={seg.start}>{seg.text}</span>;
              const claim = bySlug.get(seg.claimIds[seg.claimIds.length - 1]!)!;
              return (
                <Link
                  key={seg.start}
                  href={`/claims/${claim.slug}`}
                  className="rounded-sm text-inherit no-underline"
                  style={{
                    backgroundColor: `${claim.rating?.colour ?? "#57606a"}26`,
                    borderBottom: `3px solid ${claim.rating?.colour ?? "#57606a"}`,
                  }}
                  title={t("highlightTitle", {
                    claimant: claim.claimantName,
                    rating: claim.rating?.label ?? t("checked"),
                  })}
                  aria-label={t("highlightLabel", {
                    text: seg.text,
                    claimant: claim.claimantName,
                    rating: claim.rating?.label ?? t("notRated"),
                  })}
                >
                  {seg.text}
                </Link>
              );
            })}
          </p>
        ))}
      </div>
      <PageUpdates updates={data.updates} />
    </article>
  );
}
