"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";

export type Suggestion = { id: number; name: string; description: string | null };

/** What the identifying URL field shows before anything is typed (an address, no words). */
const WIKIDATA_PLACEHOLDER = "https://www.wikidata.org/wiki/Q…";

/** The claimant to send: the matched one by id, else a new one by name with its optional details. */
export function claimantRef(name: string, match: Suggestion | undefined, form?: FormData) {
  if (match) return { id: match.id };
  const detail = (k: string) => {
    const v = form?.get(k);
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  return { name: name.trim(), description: detail("claimantDescription"), sameAs: detail("claimantSameAs") };
}

/**
 * A claimant name field that suggests existing claimants as you type (from
 * `/api/v1/claimants?q=`), with optional details for a new one. A name that matches a
 * suggestion is that claimant (the form sends its id); any other name creates one.
 */
export function ClaimantField({
  name,
  onNameChange,
  onMatch,
  error,
  showNewDetails = true,
}: {
  name: string;
  onNameChange: (name: string) => void;
  /** The existing claimant the name now matches, if any. */
  onMatch: (match: Suggestion | undefined) => void;
  error?: string;
  showNewDetails?: boolean;
}) {
  const t = useTranslations("desk.annotator.claimant");
  const id = useId();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    const q = name.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/claimants?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { claimants: [] }))
        .then((body: { claimants: Suggestion[] }) => setSuggestions(body.claimants))
        .catch(() => {});
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [name]);

  const existing = suggestions.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  useEffect(() => onMatch(existing), [existing, onMatch]);
  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          {t("label")}
        </label>
        <input
          id={`${id}-name`}
          name="claimantName"
          list={`${id}-options`}
          autoComplete="off"
          value={name}
          onChange={(e) => onNameChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="w-full rounded-md border border-line bg-white px-3 py-2 text-sm"
          required
        />
        <datalist id={`${id}-options`}>
          {suggestions.map((s) => (
            <option key={s.id} value={s.name}>
              {s.description ?? ""}
            </option>
          ))}
        </datalist>
        <p id={`${id}-hint`} className="text-xs text-muted">
          {existing
            ? existing.description
              ? t("existingWithDescription", { description: existing.description })
              : t("existing")
            : name.trim()
              ? t("new")
              : t("hint")}
        </p>
        {error && (
          <p id={`${id}-error`} className="text-sm text-danger">
            {error}
          </p>
        )}
      </div>
      {showNewDetails && !existing && name.trim() && (
        <fieldset className="space-y-2 rounded-md border border-line p-2">
          <legend className="px-1 text-xs font-medium text-muted">{t("newDetails")}</legend>
          <label className="block text-xs">
            {t("description")}
            <input
              name="claimantDescription"
              className="mt-1 w-full rounded-md border border-line px-2 py-1 text-sm"
              placeholder={t("descriptionPlaceholder")}
            />
          </label>
          <label className="block text-xs">
            {t("sameAs")}
            <input
              name="claimantSameAs"
              type="url"
              className="mt-1 w-full rounded-md border border-line px-2 py-1 text-sm"
              placeholder={WIKIDATA_PLACEHOLDER}
            />
          </label>
        </fieldset>
      )}
    </div>
  );
}
