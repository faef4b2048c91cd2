import { Fragment, type ReactNode } from "react";
import { sharedWordRanges } from "@/lib/matching/terms";
import type { MatchView } from "@/lib/services/matching/find-matches";

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
  heading = "Checked before?",
}: {
  matches: MatchView[];
  /** What can be done with a match here (link as a repeat, say it is not the same claim). */
  actions?: (m: MatchView) => ReactNode;
  heading?: string;
}) {
  return (
    <section aria-labelledby="checked-before-heading" className="space-y-3">
      <h2 id="checked-before-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      {matches.length === 0 ? (
        <p className="text-sm text-muted">No earlier claim or known fact-check shares its words.</p>
      ) : (
        <ol className="space-y-2" data-testid="checked-before">
          {matches.map((m) => (
            <li key={`${m.kind}-${m.id}`} className="rounded-lg border border-line bg-white p-3 text-sm">
              <p>
                <Marked text={m.text} terms={m.terms} />
              </p>
              <p className="mt-1 text-muted">
                {m.kind === "claim" ? "This desk" : m.publisher}
                {m.rating ? ` · ${m.rating}` : m.kind === "claim" ? " · no published verdict" : ""}
                {m.publishedAt ? ` · ${m.publishedAt}` : ""}
                {m.document ? ` · in “${m.document}”` : ""}
                {" · "}
                <a
                  href={m.url}
                  className="text-accent underline"
                  {...(m.kind === "fact-check" ? { target: "_blank", rel: "noopener noreferrer" } : {})}
                >
                  {m.kind === "claim" ? "open the claim" : "read the fact-check"}
                </a>
              </p>
              {actions && <div className="mt-2 flex flex-wrap gap-2">{actions(m)}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
