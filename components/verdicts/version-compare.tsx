"use client";

import { diffWords } from "diff";
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
  if (changes.length === 0) return <p className="text-sm text-muted">No evidence cited in either version.</p>;
  return (
    <ul className="space-y-1 rounded-md border border-line bg-white p-2 text-sm">
      {changes.map((c, i) => (
        <li key={i}>
          {c.kind === "added" && (
            <ins className="bg-green-100 text-green-900 no-underline">
              added: {c.title} ({c.stance})
            </ins>
          )}
          {c.kind === "removed" && (
            <del className="bg-red-100 text-red-900">
              removed: {c.title} ({c.stance})
            </del>
          )}
          {c.kind === "stance" && (
            <span>
              {c.title}: <del className="bg-red-100 text-red-900">{c.from}</del> →{" "}
              <ins className="bg-green-100 text-green-900 no-underline">{c.to}</ins>
            </span>
          )}
          {c.kind === "same" && (
            <span className="text-muted">
              {c.title} ({c.stance})
            </span>
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
            version {v.seq} ({v.state.replace("_", " ")})
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="compare-heading" className="space-y-2">
      <h3 id="compare-heading" className="font-semibold">
        Compare versions
      </h3>
      <div className="flex flex-wrap gap-4">
        {pick("From", from, setFrom)}
        {pick("to", to, setTo)}
      </div>
      <p className="text-sm">
        Rating: {a.rating?.label ?? "none"} → {b.rating?.label ?? "none"}
      </p>
      <h4 className="text-sm font-medium">Summary</h4>
      <Diff before={a.summary} after={b.summary} />
      <h4 className="text-sm font-medium">Rationale</h4>
      <Diff before={a.rationale} after={b.rationale} />
      <h4 className="text-sm font-medium">Evidence</h4>
      <EvidenceDiff changes={evidenceChanges(cited(a), cited(b))} />
    </section>
  );
}
