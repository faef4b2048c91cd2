"use client";

import { diffWords } from "diff";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { VerdictVersion } from "@/db/queries/claim-editor";
import { evidenceChanges, type CitedEvidence, type EvidenceChange } from "@/lib/workflow/evidence-changes";

function Diff({ before, after }: { before: string; after: string }) {
  return (
    <p className="whitespace-pre-wrap rounded-md border border-line bg-white p-2 text-sm">
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}

/** What each change in the cited evidence looks like. */
function EvidenceDiff({ changes }: { changes: EvidenceChange[] }) {
  const t = useTranslations("desk.verdicts.compare");
  const common = useTranslations("common");
  if (changes.length === 0) return <p className="text-sm text-muted">{t("noEvidence")}</p>;
  return (
    <ul className="space-y-1 rounded-md border border-line bg-white p-2 text-sm">
      {changes.map((c, i) => (
        <li key={i}>
          {c.kind === "added" && (
            <ins className="bg-green-100 text-green-900 no-underline">
              {t("added", { title: c.title, stance: common(`stance.${c.stance}`) })}
            </ins>
          )}
          {c.kind === "removed" && (
            <del className="bg-red-100 text-red-900">
              {t("removed", { title: c.title, stance: common(`stance.${c.stance}`) })}
            </del>
          )}
          {c.kind === "stance" && (
            <span>
              {t.rich("stanceChanged", {
                title: c.title,
                from: common(`stance.${c.from}`),
                to: common(`stance.${c.to}`),
                before: (chunks) => <del className="bg-red-100 text-red-900">{chunks}</del>,
                after: (chunks) => <ins className="bg-green-100 text-green-900 no-underline">{chunks}</ins>,
              })}
            </span>
          )}
          {c.kind === "same" && (
            <span className="text-muted">{t("same", { title: c.title, stance: common(`stance.${c.stance}`) })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Compares two versions of a verdict: rating, summary and rationale word by word, and the
 * evidence each cites (as published with it; a version in the works cites the claim's
 * evidence as it is now, `current`).
 */
export function VersionCompare({ versions, current }: { versions: VerdictVersion[]; current: CitedEvidence[] }) {
  const t = useTranslations("desk.verdicts");
  const [from, setFrom] = useState(versions.at(-2)?.seq ?? 1);
  const [to, setTo] = useState(versions.at(-1)?.seq ?? 1);
  if (versions.length < 2) return null;
  const a = versions.find((v) => v.seq === from)!;
  const b = versions.find((v) => v.seq === to)!;
  const cited = (v: VerdictVersion): CitedEvidence[] =>
    v.evidenceSnapshot ?? (v.state === "draft" || v.state === "in_review" ? current : []);
  const pick = (label: string, value: number, set: (n: number) => void) => (
    <label className="text-sm">
      {label}{" "}
      <select
        value={value}
        onChange={(e) => set(Number(e.target.value))}
        className="rounded-md border border-line bg-white px-2 py-1"
      >
        {versions.map((v) => (
          <option key={v.seq} value={v.seq}>
            {t("compare.version", { seq: v.seq, state: t(`state.${v.state}`) })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="compare-heading" className="space-y-2">
      <h3 id="compare-heading" className="font-semibold">
        {t("compare.heading")}
      </h3>
      <div className="flex flex-wrap gap-4">
        {pick(t("compare.from"), from, setFrom)}
        {pick(t("compare.to"), to, setTo)}
      </div>
      <p className="text-sm">
        {t("compare.rating", { from: a.rating?.label ?? t("compare.none"), to: b.rating?.label ?? t("compare.none") })}
      </p>
      <h4 className="text-sm font-medium">{t("compare.summary")}</h4>
      <Diff before={a.summary} after={b.summary} />
      <h4 className="text-sm font-medium">{t("compare.rationale")}</h4>
      <Diff before={a.rationale} after={b.rationale} />
      <h4 className="text-sm font-medium">{t("compare.evidence")}</h4>
      <EvidenceDiff changes={evidenceChanges(cited(a), cited(b))} />
    </section>
  );
}
