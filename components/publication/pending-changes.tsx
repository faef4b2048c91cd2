"use client";

import { useFormatter, useTranslations } from "next-intl";
import { discardRecordAction, publishRecordAction } from "@/app/(desk)/editor/_publication/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { RecordChanges } from "@/db/queries/record-changes";

function Value({ value }: { value: string | null }) {
  const t = useTranslations("desk.publication");
  return value === null || value === "" ? (
    <span className="text-muted">{t("none")}</span>
  ) : (
    <span className="whitespace-pre-line break-words">{value}</span>
  );
}

/**
 * What readers see of a claimant, document or dispute next to what the desk has: the changes waiting for publication,
 * who made them, and — for an editor who made none of them — the form that publishes them; anyone may discard them.
 */
export function PendingChanges({ changes, canPublish }: { changes: RecordChanges; canPublish: boolean }) {
  const t = useTranslations("desk.publication");
  const format = useFormatter();
  const kind = changes.kind;
  // The details' names, by record kind and field; a field added since is shown with the name it came with.
  type Key = Parameters<typeof t>[0];
  const fieldName = (field: string, label: string) =>
    t.has(`fields.${kind}.${field}` as Key) ? t(`fields.${kind}.${field}` as Key) : label;
  const hidden = (
    <>
      <input type="hidden" name="kind" value={changes.kind} />
      <input type="hidden" name="id" value={changes.id} />
      <input type="hidden" name="version" value={changes.version} />
    </>
  );
  const publishForm = (
    <ActionForm action={publishRecordAction} submitLabel={t("publish")} label={t("publishLabel", { kind })}>
      {(s) => (
        <>
          {hidden}
          <label className="block">
            <span className="block font-medium">{t("note")}</span>
            <span className="block text-xs text-muted">{t("noteHint")}</span>
            <textarea
              name="note"
              rows={2}
              maxLength={2000}
              defaultValue={s.ok ? "" : (s.values?.note ?? "")}
              className="mt-1 w-full rounded border border-line p-2"
            />
          </label>
        </>
      )}
    </ActionForm>
  );
  return (
    <section aria-labelledby="readers-heading" className="rounded-lg border border-line bg-white p-4 text-sm">
      <h2 id="readers-heading" className="mb-2 font-semibold">
        {t("heading")}
      </h2>
      {!changes.published ? (
        <>
          <p className="text-muted">{t("notPublic", { kind })}</p>
          {/* A dispute of claims already published goes public when an editor publishes it. */}
          {changes.kind === "dispute" && canPublish && (
            <div className="mt-3">
              <p className="mb-2">{t("disputeCanPublish")}</p>
              {publishForm}
            </div>
          )}
        </>
      ) : (
        <>
          <p className="text-muted">
            {changes.published.by
              ? t("publishedOnBy", {
                  seq: changes.published.seq,
                  day: format.dateTime(new Date(changes.published.at), "day"),
                  by: changes.published.by,
                })
              : t("publishedOn", {
                  seq: changes.published.seq,
                  day: format.dateTime(new Date(changes.published.at), "day"),
                })}
          </p>
          {changes.changes.length === 0 ? (
            <p className="mt-2">{t("noChanges", { kind })}</p>
          ) : (
            <>
              <h3 className="mt-3 font-semibold text-amber-800">{t("waiting", { n: changes.changes.length })}</h3>
              <table className="mt-2 w-full table-fixed border-collapse text-start">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr className="border-b border-line text-xs text-muted">
                    <th scope="col" className="w-1/5 py-1 pe-2">
                      {t("detail")}
                    </th>
                    <th scope="col" className="py-1 pe-2">
                      {t("readersSee")}
                    </th>
                    <th scope="col" className="py-1">
                      {t("pending")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.changes.map((c) => (
                    <tr key={c.field} className="border-b border-line align-top" data-field={c.field}>
                      <th scope="row" className="py-1 pe-2 font-medium">
                        {fieldName(c.field, c.label)}
                      </th>
                      <td className="py-1 pe-2">
                        <del className="decoration-red-700">
                          <Value value={c.live} />
                        </del>
                      </td>
                      <td className="py-1">
                        <ins className="no-underline">
                          <Value value={c.pending} />
                        </ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-2 text-muted">
                {t("changedBy", { names: changes.editors.map((e) => e.name).join(", ") || t("commandLine") })}
              </p>
              {canPublish && publishForm}
              <ActionForm
                action={discardRecordAction}
                submitLabel={t("discard")}
                variant="secondary"
                className="mt-3"
                label={t("discardLabel", { kind })}
              >
                {() => hidden}
              </ActionForm>
            </>
          )}
        </>
      )}
    </section>
  );
}
