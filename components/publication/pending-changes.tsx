"use client";

import { discardRecordAction, publishRecordAction } from "@/app/(desk)/editor/_publication/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { RecordChanges } from "@/db/queries/record-changes";

const day = (d: Date) => new Date(d).toISOString().slice(0, 10);

function Value({ value }: { value: string | null }) {
  return value === null || value === "" ? (
    <span className="text-muted">(none)</span>
  ) : (
    <span className="whitespace-pre-line break-words">{value}</span>
  );
}

/**
 * What readers see of a claimant, document or dispute next to what the desk has: the changes waiting for publication,
 * who made them, and — for an editor who made none of them — the form that publishes them; anyone may discard them.
 */
export function PendingChanges({ changes, canPublish }: { changes: RecordChanges; canPublish: boolean }) {
  const name = changes.kind;
  const hidden = (
    <>
      <input type="hidden" name="kind" value={changes.kind} />
      <input type="hidden" name="id" value={changes.id} />
      <input type="hidden" name="version" value={changes.version} />
    </>
  );
  const publishForm = (
    <ActionForm action={publishRecordAction} submitLabel="Publish changes" label={`Publish ${name} changes`}>
      {(s) => (
        <>
          {hidden}
          <label className="block">
            <span className="block font-medium">Public note (optional)</span>
            <span className="block text-xs text-muted">
              Shown on the public page, for a change that alters what readers understand; a typo needs none.
            </span>
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
        What readers see
      </h2>
      {!changes.published ? (
        <>
          <p className="text-muted">
            Not public yet. Readers first see this {name} with the first published verdict that shows it; until then
            edits stay on the desk.
          </p>
          {/* A dispute of claims already published goes public when an editor publishes it. */}
          {changes.kind === "dispute" && canPublish && (
            <div className="mt-3">
              <p className="mb-2">
                If its accounts are already published, an editor who did not write it can publish it now.
              </p>
              {publishForm}
            </div>
          )}
        </>
      ) : (
        <>
          <p className="text-muted">
            Published version {changes.published.seq}, {day(changes.published.at)}
            {changes.published.by ? ` by ${changes.published.by}` : ""}.
          </p>
          {changes.changes.length === 0 ? (
            <p className="mt-2">Readers see this {name} as the desk has it: no changes are waiting.</p>
          ) : (
            <>
              <h3 className="mt-3 font-semibold text-amber-800">
                {changes.changes.length === 1 ? "1 change" : `${changes.changes.length} changes`} waiting for
                publication
              </h3>
              <table className="mt-2 w-full table-fixed border-collapse text-left">
                <caption className="sr-only">
                  Changes waiting for publication: what readers see, and the desk&rsquo;s copy
                </caption>
                <thead>
                  <tr className="border-b border-line text-xs text-muted">
                    <th scope="col" className="w-1/5 py-1 pr-2">
                      Detail
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      Readers see
                    </th>
                    <th scope="col" className="py-1">
                      Pending
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.changes.map((c) => (
                    <tr key={c.field} className="border-b border-line align-top" data-field={c.field}>
                      <th scope="row" className="py-1 pr-2 font-medium">
                        {c.label}
                      </th>
                      <td className="py-1 pr-2">
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
                Changed by {changes.editors.map((e) => e.name).join(", ") || "the command line"}: an editor who made
                none of these changes publishes them.
              </p>
              {canPublish && publishForm}
              <ActionForm
                action={discardRecordAction}
                submitLabel="Discard changes"
                variant="secondary"
                className="mt-3"
                label={`Discard ${name} changes`}
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
