"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { VerdictVersion } from "@/db/queries/claim-editor";
import type { ActionResult } from "@/lib/auth/form-action";
import { contentLanguage } from "@/lib/i18n/content-language";
import { Markdown } from "./markdown";

type Props = {
  verdict: VerdictVersion;
  /** The claim's language: the verdict's when it has none of its own. */
  claimLanguage: string | null;
  ratings: { key: string; label: string }[];
  save: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** The draft of a verdict: rating, one-line summary, and the rationale in Markdown with a preview. */
export function VerdictEditor({ verdict, claimLanguage, ratings, save }: Props) {
  const t = useTranslations("desk.verdicts.editor");
  const { run, pending, error } = useServiceAction(save);
  const [summary, setSummary] = useState(verdict.summary);
  const [rationale, setRationale] = useState(verdict.rationale);
  const [rating, setRating] = useState(verdict.rating?.key ?? "");
  const [language, setLanguage] = useState(verdict.language ?? "");
  // The text fields are marked with the language they are written in (spelling, hyphenation, screen readers).
  const written = contentLanguage(language.trim() || claimLanguage);
  const [preview, setPreview] = useState(false);
  const [saved, setSaved] = useState(false);
  // The version this form's text is based on: it moves on only with this user's own saves,
  // so a refresh that brings a colleague's newer version can never be overwritten unseen.
  const [baseVersion, setBaseVersion] = useState(verdict.version);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run({
      verdictId: verdict.id,
      version: baseVersion,
      rating: rating || null,
      summary,
      rationale,
      language: language.trim() || null,
    });
    if (ok) setBaseVersion(baseVersion + 1);
    setSaved(ok);
  }

  const errors = error?.fieldErrors ?? {};
  return (
    <form onSubmit={submit} aria-label={t("label")} className="space-y-3" noValidate>
      {error && <Alert tone="error">{error.message}</Alert>}
      {saved && !error && !pending && <Alert tone="success">{t("saved")}</Alert>}
      <label className="block text-sm font-medium">
        {t("rating")}
        <select
          value={rating}
          onChange={(e) => setRating(e.target.value)}
          className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 font-normal"
        >
          <option value="">{t("noRating")}</option>
          {ratings.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}
            </option>
          ))}
        </select>
        {errors.rating && <span className="block text-danger">{errors.rating}</span>}
      </label>
      <label className="block text-sm font-medium">
        {t("summary")} <span className="font-normal text-muted">{t("summaryHint", { n: summary.length })}</span>
        <input
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={280}
          {...written}
          className="mt-1 w-full rounded-md border border-line px-3 py-2 font-normal"
        />
        {errors.summary && <span className="block text-danger">{errors.summary}</span>}
      </label>
      <label className="block text-sm font-medium">
        {t("language")}{" "}
        <span className="font-normal text-muted">{t("languageHint", { claim: claimLanguage ?? "—" })}</span>
        <input
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          maxLength={35}
          autoComplete="off"
          spellCheck={false}
          className="mt-1 w-40 rounded-md border border-line px-3 py-2 font-normal"
        />
        {errors.language && <span className="block text-danger">{errors.language}</span>}
      </label>
      <div className="text-sm">
        <div className="flex items-center justify-between">
          <label htmlFor={`rationale-${verdict.id}`} className="font-medium">
            {t("rationale")}{" "}
            <span className="font-normal text-muted">{t("rationaleHint", { n: [...rationale.trim()].length })}</span>
          </label>
          <button
            type="button"
            onClick={() => setPreview(!preview)}
            className="text-accent underline"
            aria-pressed={preview}
          >
            {preview ? t("edit") : t("preview")}
          </button>
        </div>
        {preview ? (
          <div className="mt-1 rounded-md border border-line bg-white p-3" data-testid="rationale-preview" {...written}>
            <Markdown text={rationale} />
          </div>
        ) : (
          <textarea
            id={`rationale-${verdict.id}`}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            rows={10}
            {...written}
            className="mt-1 w-full rounded-md border border-line px-3 py-2 font-normal"
          />
        )}
        {errors.rationale && <span className="block text-danger">{errors.rationale}</span>}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
