"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { VerdictVersion } from "@/db/queries/claim-editor";
import type { ActionResult } from "@/lib/auth/form-action";
import { Markdown } from "./markdown";

type Props = {
  verdict: VerdictVersion;
  ratings: { key: string; label: string }[];
  save: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** The draft of a verdict: rating, one-line summary, and the rationale in Markdown with a preview. */
export function VerdictEditor({ verdict, ratings, save }: Props) {
  const { run, pending, error } = useServiceAction(save);
  const [summary, setSummary] = useState(verdict.summary);
  const [rationale, setRationale] = useState(verdict.rationale);
  const [rating, setRating] = useState(verdict.rating?.key ?? "");
  const [preview, setPreview] = useState(false);
  const [saved, setSaved] = useState(false);
  // The version this form's text is based on: it moves on only with this user's own saves,
  // so a refresh that brings a colleague's newer version can never be overwritten unseen.
  const [baseVersion, setBaseVersion] = useState(verdict.version);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run({ verdictId: verdict.id, version: baseVersion, rating: rating || null, summary, rationale });
    if (ok) setBaseVersion(baseVersion + 1);
    setSaved(ok);
  }

  const errors = error?.fieldErrors ?? {};
  return (
    <form onSubmit={submit} aria-label="Verdict draft" className="space-y-3" noValidate>
      {error && <Alert tone="error">{error.message}</Alert>}
      {saved && !error && !pending && <Alert tone="success">Draft saved.</Alert>}
      <label className="block text-sm font-medium">
        Rating
        <select
          value={rating}
          onChange={(e) => setRating(e.target.value)}
          className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 font-normal"
        >
          <option value="">No rating yet</option>
          {ratings.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}
            </option>
          ))}
        </select>
        {errors.rating && <span className="block text-danger">{errors.rating}</span>}
      </label>
      <label className="block text-sm font-medium">
        Summary <span className="font-normal text-muted">({summary.length}/280, one line)</span>
        <input
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={280}
          className="mt-1 w-full rounded-md border border-line px-3 py-2 font-normal"
        />
        {errors.summary && <span className="block text-danger">{errors.summary}</span>}
      </label>
      <div className="text-sm">
        <div className="flex items-center justify-between">
          <label htmlFor={`rationale-${verdict.id}`} className="font-medium">
            Rationale{" "}
            <span className="font-normal text-muted">
              (Markdown; {[...rationale.trim()].length} characters, at least 200 to publish)
            </span>
          </label>
          <button
            type="button"
            onClick={() => setPreview(!preview)}
            className="text-accent underline"
            aria-pressed={preview}
          >
            {preview ? "Edit" : "Preview"}
          </button>
        </div>
        {preview ? (
          <div className="mt-1 rounded-md border border-line bg-white p-3" data-testid="rationale-preview">
            <Markdown text={rationale} />
          </div>
        ) : (
          <textarea
            id={`rationale-${verdict.id}`}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            rows={10}
            className="mt-1 w-full rounded-md border border-line px-3 py-2 font-normal"
          />
        )}
        {errors.rationale && <span className="block text-danger">{errors.rationale}</span>}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save draft"}
      </Button>
    </form>
  );
}
