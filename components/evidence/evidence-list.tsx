"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import { STANCES } from "@/db/enums";
import type { EvidenceLink } from "@/db/queries/claim-editor";
import type { ActionResult } from "@/lib/auth/form-action";
import { EvidenceFields } from "./evidence-fields";
import { StanceBadge } from "./stance-badge";

/** An item's publication day as YYYY-MM-DD: shown as the locale writes days (anything else as it is). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Props = {
  claimId: number;
  items: EvidenceLink[];
  actions: { changeStance: Action; unlink: Action; update: Action };
};

function EvidenceItem({ claimId, item, actions }: { claimId: number; item: EvidenceLink; actions: Props["actions"] }) {
  const t = useTranslations("desk.evidence");
  const common = useTranslations("common");
  const format = useFormatter();
  const stance = useServiceAction(actions.changeStance);
  const unlink = useServiceAction(actions.unlink);
  const update = useServiceAction(actions.update);
  const [editing, setEditing] = useState(false);
  // The version the open edit form was filled from (not whatever a later refresh brings).
  const [editVersion, setEditVersion] = useState(item.version);
  const error = stance.error ?? unlink.error ?? update.error;

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    if (await update.run({ evidenceId: item.evidenceId, version: editVersion, ...form })) setEditing(false);
  }

  return (
    <li className="rounded-lg border border-line bg-white p-3 text-sm" data-testid={`evidence-${item.evidenceId}`}>
      <div className="flex items-start justify-between gap-2">
        <div>
          <StanceBadge stance={item.stance} />{" "}
          <a href={item.url} className="font-medium text-accent underline" rel="nofollow noopener noreferrer">
            {item.title}
          </a>
          <p className="text-xs text-muted">
            {[
              item.publisher,
              item.publishedAt && DAY.test(item.publishedAt)
                ? format.dateTime(new Date(item.publishedAt), "day")
                : item.publishedAt,
              t(`sourceTypesInline.${item.sourceType}`),
            ]
              .filter(Boolean)
              .join(" · ")}
            {item.archiveUrl && (
              <>
                {" · "}
                <a href={item.archiveUrl} className="underline" rel="nofollow noopener noreferrer">
                  {t("archived")}
                </a>
              </>
            )}
          </p>
        </div>
      </div>
      {item.excerpt && <blockquote className="mt-2 border-s-4 border-line ps-2 italic">{item.excerpt}</blockquote>}
      {error && (
        <p role="alert" className="mt-2 text-danger">
          {error.message}
        </p>
      )}
      {editing ? (
        <form onSubmit={save} className="mt-2 space-y-2" aria-label={t("editLabel", { title: item.title })}>
          <EvidenceFields values={item} errors={update.error?.fieldErrors ?? {}} />
          <div className="flex gap-2">
            <Button type="submit" disabled={update.pending}>
              {t("save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <label className="text-xs">
            {t("stance")}{" "}
            <select
              value={item.stance}
              onChange={(e) => stance.run({ claimId, evidenceId: item.evidenceId, stance: e.target.value })}
              className="rounded-md border border-line bg-white px-2 py-1"
            >
              {STANCES.map((s) => (
                <option key={s} value={s}>
                  {common(`stance.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setEditVersion(item.version);
              setEditing(true);
            }}
          >
            {t("edit")}
          </Button>
          <Button
            type="button"
            variant="danger"
            disabled={unlink.pending}
            onClick={() => unlink.run({ claimId, evidenceId: item.evidenceId })}
          >
            {t("unlink")}
          </Button>
        </div>
      )}
    </li>
  );
}

/** The evidence linked to a claim, each with its stance, and what can be done with it. */
export function EvidenceList({ claimId, items, actions }: Props) {
  const t = useTranslations("desk.evidence");
  if (items.length === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <ul className="space-y-2">
      {items.map((item) => (
        <EvidenceItem key={item.evidenceId} claimId={claimId} item={item} actions={actions} />
      ))}
    </ul>
  );
}
