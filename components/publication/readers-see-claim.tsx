import { getTranslations } from "next-intl/server";
import type { ClaimFactChange } from "@/db/queries/claim-editor";

/**
 * On the desk's claim page: the facts readers see next to the published verdict that differ from the desk's copy. They
 * reach readers when a second editor publishes the correction in the works.
 */
export async function ReadersSeeClaim({ changes }: { changes: ClaimFactChange[] }) {
  const t = await getTranslations("desk.publication.claim");
  // The facts are named (in English) where they are read; a fact added since is shown with that name.
  type Key = Parameters<typeof t>[0];
  return (
    <section
      aria-labelledby="readers-see-heading"
      className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <h2 id="readers-see-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="text-muted">{t("text")}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {changes.map((c) => (
          <div key={c.label} className="contents" data-field={c.label}>
            <dt className="font-medium">{t.has(`facts.${c.label}` as Key) ? t(`facts.${c.label}` as Key) : c.label}</dt>
            <dd>
              <span className="block">
                <span className="text-muted">{t("readersSee")} </span>
                {c.live ?? t("none")}
              </span>
              <span className="block">
                <span className="text-muted">{t("pending")} </span>
                {c.pending ?? t("none")}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
