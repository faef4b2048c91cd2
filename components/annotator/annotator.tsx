"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { EditorClaim } from "@/db/queries/documents";
import type { ActionResult } from "@/lib/auth/form-action";
import { ClaimCard } from "./claim-card";
import { ClaimForm, type PendingSelection } from "./claim-form";
import { isPlaced, STATE_FILTERS, stateKey, useDescribeClaim } from "./claim-style";
import { ReadingPane } from "./reading-pane";
import { selectionToOffsets } from "./selection-offsets";
import { CodePointIndex } from "@/lib/anchoring/code-points";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

type Props = {
  document: { id: number; revision: number; publishedAt: string | null; language: string | null };
  text: string;
  claims: EditorClaim[];
  disputes: { id: number; question: string }[];
  actions: {
    create: (input: unknown) => Promise<ActionResult<{ id: number }>>;
    update: Action;
    remove: Action;
    confirm: Action;
    reattach: Action;
  };
};

/**
 * The annotator: the article with its highlights on the left; on the right the claim form,
 * filters, the claims in text order, and the orphaned claims an edit left behind.
 */
export function Annotator({ document: doc, text, claims, disputes, actions }: Props) {
  const router = useRouter();
  const t = useTranslations("desk.annotator");
  const describeClaim = useDescribeClaim();
  const pane = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<number, HTMLElement>());
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [claimantFilter, setClaimantFilter] = useState("");
  const [stateFilter, setStateFilter] = useState("");

  useEffect(() => {
    const onChange = () => {
      const sel = window.getSelection();
      const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
      const offsets = range && pane.current ? selectionToOffsets(pane.current, range) : null;
      // Keep the last selection while focus is in the side panel (clicking a button clears it).
      if (offsets) setSelection({ ...offsets, quote: new CodePointIndex(text).slice(offsets.start, offsets.end) });
      else if (range && pane.current?.contains(range.commonAncestorContainer)) setSelection(null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [text]);

  const visible = useMemo(
    () =>
      claims.filter(
        (c) =>
          (!claimantFilter || String(c.claimant.id) === claimantFilter) &&
          (!stateFilter || stateKey(c) === stateFilter),
      ),
    [claims, claimantFilter, stateFilter],
  );
  const placed = visible.filter(isPlaced);
  const orphans = claims.filter((c) => c.anchorStatus === "orphaned");
  const claimants = useMemo(
    () =>
      [...new Map(claims.map((c) => [c.claimant.id, c.claimant.name])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
    [claims],
  );

  const openForm = useCallback(() => {
    if (selection) setPending(selection);
  }, [selection]);

  function showClaim(id: number) {
    setActiveId(id);
    pane.current?.querySelector(`[data-claims~="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function focusCard(id: number) {
    setActiveId(id);
    const card = cards.current.get(id);
    card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    card?.focus({ preventScroll: true });
  }

  const refresh = () => router.refresh();
  const reattach = (claim: EditorClaim) =>
    selection
      ? actions.reattach({
          claimId: claim.id,
          version: claim.version,
          revision: doc.revision,
          start: selection.start,
          end: selection.end,
        })
      : Promise.resolve({
          ok: false as const,
          message: t("panel.selectFirst"),
          fieldErrors: {},
          status: 400,
        });
  const confirm = (input: unknown) => actions.confirm({ ...(input as object), revision: doc.revision });
  const cardActions = { update: actions.update, remove: actions.remove, confirm, reattach };

  const index = useMemo(() => new CodePointIndex(text), [text]);
  const renderCard = (c: EditorClaim) => (
    <li key={c.id}>
      <ClaimCard
        nowQuote={c.anchorStatus === "fuzzy" && isPlaced(c) ? index.slice(c.start, c.end) : undefined}
        ref={(el) => {
          if (el) cards.current.set(c.id, el);
          else cards.current.delete(c.id);
        }}
        claim={c}
        isActive={activeId === c.id}
        hasSelection={selection !== null}
        onSelect={() => showClaim(c.id)}
        actions={cardActions}
        onChanged={refresh}
      />
    </li>
  );

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <ReadingPane
        ref={pane}
        text={text}
        language={doc.language}
        claims={placed}
        activeClaimId={activeId}
        onHighlightClick={focusCard}
        onHighlightRequest={openForm}
      />

      <aside
        aria-label={t("panel.label")}
        className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pe-1"
      >
        <div className="rounded-lg border border-line bg-white p-3 text-sm">
          <Button type="button" onClick={openForm} disabled={!selection} className="w-full">
            {t("panel.highlight")}
          </Button>
          <p className="mt-2 text-xs text-muted" aria-live="polite" data-testid="selection-status">
            {selection
              ? t("panel.selected", {
                  quote: selection.quote.length > 80 ? selection.quote.slice(0, 80) + "…" : selection.quote,
                  start: String(selection.start),
                  end: String(selection.end),
                })
              : t("panel.howToSelect")}
          </p>
        </div>

        {pending && (
          <ClaimForm
            key={`${pending.start}-${pending.end}`}
            selection={pending}
            documentId={doc.id}
            revision={doc.revision}
            documentDate={doc.publishedAt}
            documentLanguage={doc.language}
            disputes={disputes}
            save={actions.create}
            onSaved={(id) => {
              setPending(null);
              setActiveId(id);
              window.getSelection()?.removeAllRanges();
              refresh();
            }}
            onCancel={() => setPending(null)}
          />
        )}

        <div className="flex gap-2 text-sm">
          <label className="flex-1">
            <span className="sr-only">{t("filters.byClaimant")}</span>
            <select
              value={claimantFilter}
              onChange={(e) => setClaimantFilter(e.target.value)}
              className="w-full rounded-md border border-line bg-white px-2 py-1"
            >
              <option value="">{t("filters.allClaimants")}</option>
              {claimants.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex-1">
            <span className="sr-only">{t("filters.byState")}</span>
            <select
              value={stateFilter}
              onChange={(e) => setStateFilter(e.target.value)}
              className="w-full rounded-md border border-line bg-white px-2 py-1"
            >
              {STATE_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`filters.states.${f || "all"}`)}
                </option>
              ))}
            </select>
          </label>
        </div>

        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading" className="mb-2 text-sm font-semibold">
            {t("panel.inText")} <span className="font-normal text-muted">({placed.length})</span>
          </h2>
          {placed.length === 0 ? (
            <p className="text-sm text-muted">{claims.length ? t("panel.noMatch") : t("panel.none")}</p>
          ) : (
            <ol className="space-y-2">{placed.map(renderCard)}</ol>
          )}
        </section>

        {orphans.length > 0 && (
          <section aria-labelledby="orphans-heading" className="rounded-lg border border-danger/40 bg-red-50 p-3">
            <h2 id="orphans-heading" className="text-sm font-semibold text-danger">
              {t("orphans.title", { n: orphans.length })}
            </h2>
            <p className="mb-2 text-xs">{t("orphans.text")}</p>
            <ul className="space-y-2">
              {orphans.map((c) => (
                <li key={c.id}>
                  <p className="mb-1 font-serif text-sm italic">{t("was", { quote: c.quote })}</p>
                  <ClaimCard
                    claim={c}
                    isActive={false}
                    hasSelection={selection !== null}
                    onSelect={() => setActiveId(c.id)}
                    actions={cardActions}
                    onChanged={refresh}
                  />
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>

      <div hidden>
        {claims.map((c) => (
          <span key={c.id} id={`claim-desc-${c.id}`}>
            {describeClaim(c)}
          </span>
        ))}
      </div>
    </div>
  );
}
