import type { EvidenceMatrix as Matrix } from "@/db/queries/disputes";
import { StanceBadge } from "./stance-badge";

/** Rows: evidence; columns: the dispute's accounts; cells: each account's stance toward the item. */
export function EvidenceMatrix({ matrix, accounts }: { matrix: Matrix; accounts: { claimId: number; label: string }[] }) {
  if (matrix.items.length === 0) return <p className="text-sm text-muted">No evidence is linked to these accounts yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full rounded-lg border border-line bg-white text-left text-sm" data-testid="evidence-matrix">
        <caption className="sr-only">Evidence matrix: each account&apos;s stance toward each evidence item</caption>
        <thead className="border-b border-line bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">Evidence</th>
            {accounts.map((a) => (
              <th key={a.claimId} scope="col" className="px-3 py-2">
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {matrix.items.map((item) => (
            <tr key={item.evidenceId}>
              <th scope="row" className="px-3 py-2 font-normal">
                <a href={item.url} className="text-accent underline" rel="nofollow noopener noreferrer">
                  {item.title}
                </a>
              </th>
              {accounts.map((a) => {
                const stance = matrix.stances[`${item.evidenceId}:${a.claimId}`];
                return (
                  <td key={a.claimId} className="px-3 py-2">
                    {stance ? <StanceBadge stance={stance} /> : <span className="text-muted">—</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
