"use client";

import { diffWords } from "diff";
import { useState } from "react";
import type { VerdictVersion } from "@/db/queries/claim-editor";

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

/** Compares two versions of a verdict word by word: rating, summary and rationale. */
export function VersionCompare({ versions }: { versions: VerdictVersion[] }) {
  const [from, setFrom] = useState(versions.at(-2)?.seq ?? 1);
  const [to, setTo] = useState(versions.at(-1)?.seq ?? 1);
  if (versions.length < 2) return null;
  const a = versions.find((v) => v.seq === from)!;
  const b = versions.find((v) => v.seq === to)!;
  const pick = (label: string, value: number, set: (n: number) => void) => (
    <label className="text-sm">
      {label}{" "}
      <select value={value} onChange={(e) => set(Number(e.target.value))} className="rounded-md border border-line bg-white px-2 py-1">
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
        Rating: {a.ratingLabel ?? "none"} → {b.ratingLabel ?? "none"}
      </p>
      <h4 className="text-sm font-medium">Summary</h4>
      <Diff before={a.summary} after={b.summary} />
      <h4 className="text-sm font-medium">Rationale</h4>
      <Diff before={a.rationale} after={b.rationale} />
    </section>
  );
}
