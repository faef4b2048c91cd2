import { useFormatter, useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { sharedWordRanges } from "@/lib/matching/terms";
import type { MatchView } from "@/lib/services/matching/find-matches";

/** How a link opens in a new tab. */
const NEW_TAB = { target: "_blank", rel: "noopener noreferrer" } as const;

/** A match's text with the words it shares with the claim marked. */
function Marked({ text, terms }: { text: string; terms: string[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of sharedWordRanges(text, new Set(terms))) {
    parts.push(
      text.slice(at, start),
      <mark key={`m${start}`} className="bg-amber-100">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}

/**
 * "Checked before?": the desk's earlier claims and the known fact-checks closest to this claim, best first, each with
 * the words it shares marked, its rating, and where it was checked.
 */
export function CheckedBefore({
  matches,
  actions,
  level = 2,
  idPrefix = "checked-before",
  newTab = false,
}: {
  matches: MatchView[];
  /** What can be done with a match here (link as a repeat, say it is not the same claim); `describedBy` names it. */
  actions?: (m: MatchView, describedBy: string) => ReactNode;
  /** Its heading's level where it stands. */
  level?: 2 | 3;
  /** Makes its element ids unique on the page. */
  idPrefix?: string;
  /** Opens the desk's claims in a new tab (from a form whose input must not be lost). */
  newTab?: boolean;
}) {
  const t = useTranslations("desk.claims.checkedBefore");
  const format = useFormatter();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="space-y-3">
      <Heading id={`${idPrefix}-heading`} className={level === 2 ? "text-lg font-semibold" : "font-semibold"}>
        {t("title")}
      </Heading>
      {matches.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ol className="space-y-2" data-testid="checked-before">
          {matches.map((m) => (
            <li key={`${m.kind}-${m.id}`} className="rounded-lg border border-line bg-white p-3 text-sm">
              <p id={`${idPrefix}-${m.kind}-${m.id}`}>
                <Marked text={m.text} terms={m.terms} />
              </p>
              <p className="mt-1 text-muted">
                {m.kind === "claim" ? t("thisDesk") : m.publisher}
                {m.rating ? ` · ${m.rating}` : m.kind === "claim" ? ` · ${t("noVerdict")}` : ""}
                {m.publishedAt ? ` · ${format.dateTime(new Date(m.publishedAt), "day")}` : ""}
                {m.document ? ` · ${t("inDocument", { document: m.document })}` : ""}
                {" · "}
                <a
                  href={m.url}
                  className="text-accent underline"
                  {...(m.kind === "fact-check" || newTab ? NEW_TAB : {})}
                >
                  {m.kind === "claim" ? t("openClaim") : t("readFactCheck")}
                </a>
              </p>
              {actions && (
                <div className="mt-2 flex flex-wrap gap-2">{actions(m, `${idPrefix}-${m.kind}-${m.id}`)}</div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
