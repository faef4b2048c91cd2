import type { ClaimFactChange } from "@/db/queries/claim-editor";

/**
 * On the desk's claim page: the facts readers see next to the published verdict that differ from the desk's copy. They
 * reach readers when a second editor publishes the correction in the works.
 */
export function ReadersSeeClaim({ changes }: { changes: ClaimFactChange[] }) {
  return (
    <section
      aria-labelledby="readers-see-heading"
      className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <h2 id="readers-see-heading" className="font-semibold">
        Readers still see
      </h2>
      <p className="text-muted">These changes go out with the correction, when a second editor publishes it.</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {changes.map((c) => (
          <div key={c.label} className="contents" data-field={c.label}>
            <dt className="font-medium">{c.label}</dt>
            <dd>
              <span className="block">
                <span className="text-muted">readers see: </span>
                {c.live ?? "(none)"}
              </span>
              <span className="block">
                <span className="text-muted">pending: </span>
                {c.pending ?? "(none)"}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
