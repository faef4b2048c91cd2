"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { forwardRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { EditorClaim } from "@/db/queries/documents";
import type { ActionResult } from "@/lib/auth/form-action";
import { highlightStyle, useDescribeClaim } from "./claim-style";
import { ClaimantField, claimantRef, type Suggestion } from "./claimant-field";
import { contentLanguage } from "@/lib/i18n/content-language";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

type Props = {
  claim: EditorClaim;
  /** For a fuzzy claim: the text now at its new place, to compare with its old quote. */
  nowQuote?: string;
  isActive: boolean;
  /** Text currently selected in the reading pane, for re-attaching. */
  hasSelection: boolean;
  onSelect: () => void;
  actions: {
    update: Action;
    remove: Action;
    confirm: Action;
    reattach: (claim: EditorClaim) => Promise<ActionResult<unknown>>;
  };
  onChanged: () => void;
};

/** One claim in the side panel: what it says, who said it, its state, and what can be done with it. */
export const ClaimCard = forwardRef<HTMLElement, Props>(function ClaimCard(
  { claim, nowQuote, isActive, hasSelection, onSelect, actions, onChanged },
  ref,
) {
  const t = useTranslations("desk.annotator");
  const format = useFormatter();
  const describeClaim = useDescribeClaim();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string> } | null>(null);
  const [claimant, setClaimant] = useState(claim.claimant.name);
  const [match, setMatch] = useState<Suggestion | undefined>();
  const isPublished = Boolean(claim.verdict?.published) || claim.verdict?.state === "retracted";

  async function run(action: Promise<ActionResult<unknown>>) {
    const res = await action;
    if (res.ok) {
      setError(null);
      setMode("view");
      onChanged();
    } else setError(res);
  }

  function saveEdit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void run(
      actions.update({
        claimId: claim.id,
        version: claim.version,
        // Unchanged: keep this claimant (there may be others with the same name).
        ...(claimant.trim() === claim.claimant.name ? {} : { claimant: claimantRef(claimant, match) }),
        statement: String(form.get("statement") ?? ""),
        claimedAt: String(form.get("claimedAt") ?? "") || null,
        language: String(form.get("language") ?? "").trim() || null,
      }),
    );
  }

  const style = highlightStyle(claim);
  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`claim-title-${claim.id}`}
      data-testid={`claim-card-${claim.id}`}
      className={`rounded-lg border bg-white p-3 text-sm shadow-sm ${isActive ? "border-accent ring-2 ring-accent/40" : "border-line"}`}
    >
      <button
        type="button"
        onClick={onSelect}
        className="block w-full text-start"
        aria-describedby={`claim-desc-${claim.id}`}
      >
        <span className="flex items-center gap-2 text-xs text-muted">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-sm"
            style={{ backgroundColor: style.backgroundColor, borderBottom: style.borderBottom }}
          />
          <span>{claim.claimant.name}</span>
          {claim.claimedAt && <span>· {format.dateTime(new Date(claim.claimedAt), "day")}</span>}
        </span>
        <span id={`claim-title-${claim.id}`} className="mt-1 block font-medium" {...contentLanguage(claim.language)}>
          {claim.statement}
        </span>
        {claim.anchorStatus === "anchored" && (
          <span className="mt-1 block font-serif italic text-muted" {...contentLanguage(claim.language)}>
            {t("card.quote", { quote: claim.quote })}
          </span>
        )}
        {claim.anchorStatus === "fuzzy" && (
          <span className="mt-1 block font-serif text-sm" data-testid="fuzzy-compare">
            <span className="block italic text-muted">{t("was", { quote: claim.quote })}</span>
            <span className="block italic">{t("card.now", { quote: nowQuote ?? "" })}</span>
          </span>
        )}
      </button>
      <p className="mt-2 text-xs" data-testid="claim-state">
        {describeClaim(claim, { withClaimant: false })}
        {claim.repeatOf !== null && (
          <span className="mt-1 block">
            {t.rich("card.repeatOf", {
              link: (chunks) => (
                <Link href={`/editor/claims/${claim.repeatOf}`} className="text-accent underline">
                  {chunks}
                </Link>
              ),
            })}
          </span>
        )}
        {claim.disputes.map((d) => (
          <span key={d.id} className="mt-1 block">
            {t.rich("card.inDispute", {
              question: d.question,
              label: d.label,
              link: (chunks) => (
                <Link href={`/editor/disputes/${d.id}`} className="text-accent underline">
                  {chunks}
                </Link>
              ),
            })}
          </span>
        ))}
      </p>
      {error && (
        <p role="alert" className="mt-2 text-danger">
          {error.message}
        </p>
      )}

      {mode === "edit" ? (
        <form onSubmit={saveEdit} className="mt-3 space-y-2" aria-label={t("card.editLabel", { id: String(claim.id) })}>
          <ClaimantField
            name={claimant}
            onNameChange={setClaimant}
            onMatch={setMatch}
            error={error?.fieldErrors["claimant.name"]}
            showNewDetails={false}
          />
          <label className="block text-sm font-medium">
            {t("fields.statement")}
            <textarea
              name="statement"
              defaultValue={claim.statement}
              rows={3}
              className="mt-1 w-full rounded-md border border-line px-2 py-1 font-normal"
            />
          </label>
          <label className="block text-sm font-medium">
            {t("fields.claimedAt")}
            <input
              name="claimedAt"
              type="date"
              defaultValue={claim.claimedAt ?? ""}
              className="mt-1 w-full rounded-md border border-line px-2 py-1 font-normal"
            />
          </label>
          <label className="block text-sm font-medium">
            {t("fields.language")}
            <input
              name="language"
              defaultValue={claim.language ?? ""}
              maxLength={35}
              autoComplete="off"
              spellCheck={false}
              className="mt-1 w-40 rounded-md border border-line px-2 py-1 font-normal"
            />
            {error?.fieldErrors.language && (
              <span className="block text-sm text-danger">{error.fieldErrors.language}</span>
            )}
          </label>
          <div className="flex gap-2">
            <Button type="submit">{t("card.save")}</Button>
            <Button type="button" variant="secondary" onClick={() => setMode("view")}>
              {t("fields.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          {claim.anchorStatus === "fuzzy" && (
            <Button type="button" onClick={() => run(actions.confirm({ claimId: claim.id, version: claim.version }))}>
              {t("card.confirm")}
            </Button>
          )}
          {claim.anchorStatus !== "anchored" && (
            <Button
              type="button"
              variant="secondary"
              disabled={!hasSelection}
              onClick={() => run(actions.reattach(claim))}
              title={t("card.attachHint")}
            >
              {t("card.attach")}
            </Button>
          )}
          <Link
            href={`/editor/claims/${claim.id}`}
            className="rounded-md border border-line px-3 py-1.5 text-sm font-medium text-accent hover:bg-slate-50"
          >
            {t("card.open")}
          </Link>
          <Button type="button" variant="secondary" onClick={() => setMode("edit")}>
            {t("card.edit")}
          </Button>
          {mode === "confirm-delete" ? (
            <>
              <Button
                type="button"
                variant="danger"
                onClick={() => run(actions.remove({ claimId: claim.id, version: claim.version }))}
              >
                {t("card.deleteForGood")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setMode("view")}>
                {t("card.keep")}
              </Button>
            </>
          ) : (
            <Button
              type="button"
              variant="danger"
              disabled={isPublished}
              title={isPublished ? t("card.deleteRefused") : undefined}
              onClick={() => setMode("confirm-delete")}
            >
              {t("card.delete")}
            </Button>
          )}
        </div>
      )}
    </article>
  );
});
