"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { CheckedBefore } from "@/components/claims/checked-before";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/form-action";
import type { MatchView } from "@/lib/services/matching/find-matches";
import { ClaimantField, claimantRef, type Suggestion } from "./claimant-field";

/** Makes the ids of the "checked before?" list beside the form unique on the page. */
const MATCHES_ID = "new-claim-matches";

export type PendingSelection = { start: number; end: number; quote: string };

type Props = {
  selection: PendingSelection;
  documentId: number;
  revision: number;
  documentDate: string | null;
  /** The document's language: the claim's unless another is given. */
  documentLanguage: string | null;
  disputes: { id: number; question: string }[];
  save: (input: unknown) => Promise<ActionResult<{ id: number }>>;
  onSaved: (claimId: number) => void;
  onCancel: () => void;
};

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
};

/**
 * What was checked before that is closest to the highlighted words (`GET /api/v1/matches`): null while it is asked,
 * and when it cannot be answered (the form works without it).
 */
function useMatches(quote: string): MatchView[] | null {
  const [matches, setMatches] = useState<MatchView[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/matches?limit=5&text=${encodeURIComponent(quote.slice(0, 5000))}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { matches: MatchView[] } | null) => setMatches(body?.matches ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [quote]);
  return matches;
}

/**
 * The small form that turns a selection into a claim: claimant, statement, date, dispute — and, beside it, the closest
 * earlier claims and known fact-checks, one click from saving the highlight as a repeat of an earlier claim.
 */
export function ClaimForm({
  selection,
  documentId,
  revision,
  documentDate,
  documentLanguage,
  disputes,
  save,
  onSaved,
  onCancel,
}: Props) {
  const t = useTranslations("desk.annotator");
  const [claimant, setClaimant] = useState("");
  const [match, setMatch] = useState<Suggestion | undefined>();
  const [dispute, setDispute] = useState("");
  const [result, setResult] = useState<Extract<ActionResult<unknown>, { ok: false }> | null>(null);
  const [pending, setPending] = useState(false);
  const first = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const matches = useMatches(selection.quote);

  useEffect(() => {
    first.current?.querySelector("input")?.focus();
  }, []);

  /**
   * Saves the highlight as a claim; as a repeat of `repeatOf`, it takes that claim's statement unless one was written
   * here, and its claimant unless one was given here.
   */
  async function saveFrom(form: FormData, repeatOf?: MatchView) {
    const newDispute = dispute === "new" ? { question: text(form, "disputeQuestion") ?? "" } : undefined;
    setPending(true);
    const res = await save({
      documentId,
      revision,
      start: selection.start,
      end: selection.end,
      claimant:
        repeatOf?.claimant && !claimant.trim() ? { id: repeatOf.claimant.id } : claimantRef(claimant, match, form),
      ...(repeatOf ? { repeatOf: repeatOf.id } : {}),
      // As a repeat, the statement the form starts with (the quote) is not one written here.
      statement: repeatOf && text(form, "statement") === selection.quote.trim() ? undefined : text(form, "statement"),
      claimedAt: text(form, "claimedAt") ?? null,
      ...(text(form, "language") ? { language: text(form, "language") } : {}),
      ...(dispute && dispute !== "new" ? { disputeId: Number(dispute) } : {}),
      ...(newDispute ? { newDispute } : {}),
      ...(dispute ? { accountLabel: text(form, "accountLabel") } : {}),
    });
    setPending(false);
    if (res.ok) onSaved(res.data.id);
    else setResult(res);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    await saveFrom(new FormData(e.currentTarget));
  }

  const errors = result?.fieldErrors ?? {};
  const claimantError = Object.entries(errors).find(([k]) => k.startsWith("claimant"))?.[1];
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      aria-label={t("form.title")}
      className="space-y-3 rounded-lg border border-accent/40 bg-white p-4 shadow-sm"
      noValidate
    >
      <h2 className="font-semibold">{t("form.title")}</h2>
      <blockquote className="border-s-4 border-accent/50 ps-3 font-serif text-sm italic" data-testid="pending-quote">
        {t("card.quote", { quote: selection.quote })}
      </blockquote>
      {result && <Alert tone="error">{result.message}</Alert>}
      <div ref={first}>
        <ClaimantField name={claimant} onNameChange={setClaimant} onMatch={setMatch} error={claimantError} />
      </div>
      <label className="block text-sm font-medium">
        {t("fields.statement")}
        <textarea
          name="statement"
          defaultValue={selection.quote}
          rows={3}
          className="mt-1 w-full rounded-md border border-line px-3 py-2 text-sm font-normal"
          aria-describedby="statement-hint"
        />
        <span id="statement-hint" className="block text-xs font-normal text-muted">
          {t("form.statementHint")}
        </span>
        {errors.statement && <span className="block text-sm text-danger">{errors.statement}</span>}
      </label>
      <label className="block text-sm font-medium">
        {t("fields.claimedAt")}
        <input
          name="claimedAt"
          type="date"
          defaultValue={documentDate ?? ""}
          className="mt-1 w-full rounded-md border border-line px-3 py-2 text-sm font-normal"
        />
        {errors.claimedAt && <span className="block text-sm text-danger">{errors.claimedAt}</span>}
      </label>
      <label className="block text-sm font-medium">
        {t("fields.language")}
        <input
          name="language"
          autoComplete="off"
          spellCheck={false}
          maxLength={35}
          placeholder={documentLanguage ?? ""}
          className="mt-1 w-40 rounded-md border border-line px-3 py-2 text-sm font-normal"
          aria-describedby="language-hint"
        />
        <span id="language-hint" className="block text-xs font-normal text-muted">
          {t("form.languageHint", { document: documentLanguage ?? "—" })}
        </span>
        {errors.language && <span className="block text-sm text-danger">{errors.language}</span>}
      </label>
      <label className="block text-sm font-medium">
        {t("form.dispute")}
        <select
          value={dispute}
          onChange={(e) => setDispute(e.target.value)}
          className="mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm font-normal"
        >
          <option value="">{t("form.noDispute")}</option>
          {disputes.map((d) => (
            <option key={d.id} value={d.id}>
              {d.question}
            </option>
          ))}
          <option value="new">{t("form.newDispute")}</option>
        </select>
      </label>
      {dispute === "new" && (
        <label className="block text-sm font-medium">
          {t("form.question")}
          <input
            name="disputeQuestion"
            className="mt-1 w-full rounded-md border border-line px-3 py-2 text-sm font-normal"
            placeholder={t("form.questionPlaceholder")}
          />
          {errors["newDispute.question"] && (
            <span className="block text-sm text-danger">{errors["newDispute.question"]}</span>
          )}
        </label>
      )}
      {dispute && (
        <label className="block text-sm font-medium">
          {t("form.accountLabel")}
          <input
            name="accountLabel"
            className="mt-1 w-full rounded-md border border-line px-3 py-2 text-sm font-normal"
            placeholder={claimant || t("form.accountLabelPlaceholder")}
          />
        </label>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("fields.cancel")}
        </Button>
      </div>
      <div aria-live="polite">
        {matches && (
          <CheckedBefore
            matches={matches}
            level={3}
            idPrefix={MATCHES_ID}
            newTab
            actions={(m, describedBy) =>
              m.kind === "claim" ? (
                <Button
                  type="button"
                  variant="secondary"
                  className="text-xs"
                  disabled={pending}
                  aria-describedby={describedBy}
                  onClick={() => void saveFrom(new FormData(formRef.current!), m)}
                >
                  {t("form.saveAsRepeat")}
                </Button>
              ) : null
            }
          />
        )}
      </div>
    </form>
  );
}
