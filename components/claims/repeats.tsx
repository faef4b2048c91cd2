import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ClaimForEditor } from "@/db/queries/claim-editor";
import type { ActionResult } from "@/lib/auth/form-action";
import { ActionButton } from "@/components/ui/action-button";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Repeats = ClaimForEditor["repeats"];

/** On a repeat's page: the claim it repeats, whose verdict it shares, and a way to make it a claim of its own again. */
export function RepeatOf({
  claim,
  of,
  unlink,
}: {
  claim: { id: number; version: number };
  of: NonNullable<Repeats["of"]>;
  unlink: Action;
}) {
  const t = useTranslations("desk.claims.repeats");
  return (
    <div className="mt-3 rounded-lg border border-accent/40 bg-white p-3 text-sm" data-testid="repeat-of">
      <p>
        {t.rich("repeatOf", {
          statement: of.statement,
          document: of.documentTitle,
          link: (chunks) => (
            <Link href={`/editor/claims/${of.id}`} className="font-semibold text-accent underline">
              {chunks}
            </Link>
          ),
          muted: (chunks) => <span className="text-muted">{chunks}</span>,
        })}
      </p>
      <p className="mt-2">
        <ActionButton
          action={unlink}
          input={{ claimId: claim.id, version: claim.version, of: of.id }}
          label={t("unlinkRepeat")}
        />
      </p>
    </div>
  );
}

/**
 * On a claim's page: the other places it was made (its repeats), each marked with whether readers see it yet — a
 * repeat reaches them when a second editor publishes the verdict's next version.
 */
export function Appearances({
  claimId,
  appearances,
  leaving,
  unlink,
}: {
  /** The claim they repeat. */
  claimId: number;
  appearances: Repeats["appearances"];
  leaving: number;
  unlink: Action;
}) {
  const t = useTranslations("desk.claims.repeats");
  if (appearances.length === 0 && leaving === 0) return null;
  const where = (a: Repeats["appearances"][number]) => ({
    claimant: a.claimant.name,
    document: a.documentTitle,
    link: (chunks: ReactNode) => (
      <Link href={`/editor/claims/${a.claimId}`} className="text-accent underline">
        {chunks}
      </Link>
    ),
  });
  return (
    <section aria-labelledby="appearances-heading" className="space-y-3">
      <h2 id="appearances-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {appearances.length > 0 && (
        <ul className="space-y-2" data-testid="appearances">
          {appearances.map((a) => (
            <li key={a.claimId} className="rounded-lg border border-line bg-white p-3 text-sm">
              <blockquote id={`appearance-${a.claimId}`} className="font-serif">
                “{a.quote}”
              </blockquote>
              <p className="mt-1 text-muted">
                {a.claimedAt
                  ? t.rich("whereDated", { ...where(a), when: new Date(a.claimedAt) })
                  : t.rich("where", where(a))}
                {" · "}
                {a.published ? <span className="text-ok">{t("published")}</span> : <span>{t("notPublished")}</span>}
              </p>
              <p className="mt-2">
                <ActionButton
                  action={unlink}
                  input={{ claimId: a.claimId, version: a.version, of: claimId }}
                  label={t("unlink")}
                  describedBy={`appearance-${a.claimId}`}
                />
              </p>
            </li>
          ))}
        </ul>
      )}
      {leaving > 0 && <p className="text-sm text-muted">{t("leaving", { n: leaving })}</p>}
    </section>
  );
}
