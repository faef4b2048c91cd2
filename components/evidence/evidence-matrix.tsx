import { useTranslations } from "next-intl";
import type { Stance } from "@/db/enums";
import { StanceBadge } from "./stance-badge";

type Matrix = { items: { evidenceId: number; title: string; url: string }[]; stances: Record<string, Stance> };

/**
 * Rows: evidence; columns: a dispute's accounts; cells: each account's stance toward the
 * item. `stances` is keyed `evidenceId:columnKey`.
 */
export function EvidenceMatrix({
  matrix,
  columns,
}: {
  matrix: Matrix;
  columns: { key: string | number; label: string }[];
}) {
  const t = useTranslations("common.evidence.matrix");
  if (matrix.items.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full rounded-lg border border-line bg-white text-start text-sm" data-testid="evidence-matrix">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-line bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("evidence")}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2">
                {c.label}
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
              {columns.map((c) => {
                const stance = matrix.stances[`${item.evidenceId}:${c.key}`];
                return (
                  <td key={c.key} className="px-3 py-2">
                    {stance ? <StanceBadge stance={stance} /> : <span className="text-muted">{t("notUsed")}</span>}
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
