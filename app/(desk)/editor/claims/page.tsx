import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DueDate } from "@/components/claims/due-date";
import { PriorityLabel } from "@/components/claims/priority-label";
import { PageHeader } from "@/components/ui/page-header";
import {
  ASSIGNMENT_SORTS,
  ASSIGNMENT_VIEWS,
  countAssignedClaims,
  listAssignedClaims,
  viewFilter,
  type AssignmentSort,
  type AssignmentView,
} from "@/db/queries/assignments";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claimsList");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ view?: string | string[]; sort?: string | string[] }> };

const oneOf = <T extends string>(values: readonly T[], value: unknown, otherwise: T): T =>
  values.includes(value as T) ? (value as T) : otherwise;

const href = (view: AssignmentView, sort: AssignmentSort) => `/editor/claims?view=${view}&sort=${sort}`;

const CELL = "px-3 py-2 align-top";

/**
 * The claims being worked on (no verdict published or retracted), in views — mine, due within a day, overdue,
 * unassigned, all — sorted by deadline or by priority, all in the address.
 */
/** How many claims the page lists: the first, in the order chosen; it says how many there are in all. */
const SHOWN = 200;

export default async function ClaimsPage({ searchParams }: Props) {
  const params = await searchParams;
  const view = oneOf(ASSIGNMENT_VIEWS, params.view, "open");
  const sort = oneOf(ASSIGNMENT_SORTS, params.sort, "due");
  const user = await requireUser(href(view, sort));
  const [t, status, words] = await Promise.all([
    getTranslations("desk.claimsList"),
    getTranslations("desk.claims.status"),
    getTranslations("desk.assignments"),
  ]);
  const filter = viewFilter(view, user.id);
  const [claims, total] = await Promise.all([
    listAssignedClaims({ filter, sort, limit: SHOWN }),
    countAssignedClaims(filter),
  ]);
  const sortHeader = (column: AssignmentSort, label: string) => (
    <th
      scope="col"
      className={CELL}
      // Deadlines soonest first; priorities most urgent first.
      aria-sort={sort === column ? (column === "due" ? "ascending" : "descending") : undefined}
    >
      {sort === column ? (
        <span>
          {label} <span className="text-xs font-normal text-muted">{t(`sortedBy.${column}`)}</span>
        </span>
      ) : (
        <Link href={href(view, column)} className="text-accent underline">
          {label} <span className="sr-only">{t(`sortBy.${column}`)}</span>
        </Link>
      )}
    </th>
  );
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <nav aria-label={t("views")} className="mb-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {ASSIGNMENT_VIEWS.map((v) => (
            <li key={v}>
              <Link
                href={href(v, sort)}
                aria-current={v === view ? "page" : undefined}
                className={`inline-block rounded-md border px-3 py-1.5 ${
                  v === view ? "border-accent bg-accent font-semibold text-white" : "border-line bg-white text-accent"
                }`}
              >
                {t(`view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {total > claims.length && (
        <p className="mb-2 text-sm text-muted" data-testid="claims-shown">
          {t("showing", { shown: claims.length, total })}
        </p>
      )}
      {claims.length === 0 ? (
        <p className="rounded-lg border border-line bg-white px-4 py-3 text-sm text-muted">{t(`empty.${view}`)}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full rounded-lg border border-line bg-white text-start text-sm">
            <caption className="mb-2 text-start text-sm text-muted">
              {t("caption", { view: t(`view.${view}`), sort, count: claims.length })}
            </caption>
            <thead className="border-b border-line bg-slate-50 text-start">
              <tr>
                <th scope="col" className={CELL}>
                  {t("column.statement")}
                </th>
                <th scope="col" className={CELL}>
                  {t("column.claimant")}
                </th>
                <th scope="col" className={CELL}>
                  {words("assignee")}
                </th>
                <th scope="col" className={CELL}>
                  {words("reviewer")}
                </th>
                {sortHeader("due", words("due"))}
                {sortHeader("priority", words("priorityLabel"))}
                <th scope="col" className={CELL}>
                  {t("column.verdict")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {claims.map((c) => (
                <tr key={c.id}>
                  <td className={CELL}>
                    <Link href={`/editor/claims/${c.id}`} className="font-medium text-accent underline">
                      {c.statement}
                    </Link>
                    <span className="block text-xs text-muted">{c.documentTitle}</span>
                  </td>
                  <td className={CELL}>{c.claimant}</td>
                  <td className={CELL}>
                    {c.assigneeName ?? <span className="text-muted">{words("unassigned")}</span>}
                  </td>
                  <td className={CELL}>{c.reviewerName ?? <span className="text-muted">{words("anyEditor")}</span>}</td>
                  <td className={CELL}>
                    <DueDate dueAt={c.dueAt} />
                  </td>
                  <td className={CELL}>
                    <PriorityLabel priority={c.priority} />
                  </td>
                  <td className={CELL}>
                    {c.verdictState ? status("state", { state: c.verdictState }) : status("none")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
