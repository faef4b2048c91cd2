import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { Snippet } from "./snippet";
import { RatingBadge } from "@/components/ui/rating-badge";
import { listPublicClaimants, publicClaimantName, publicDisputeQuestion } from "@/db/queries/public/pages";
import { listPublicDisputes } from "@/db/queries/public/records";
import { getRatingScale } from "@/db/queries/ratings";
import { parsePublicFilters, searchPublishedClaims } from "@/db/queries/public/search-claims";

export type Search = Record<string, string | undefined>;

function hrefWith(sp: Search, changes: Search): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...sp, ...changes })) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `/claims?${qs}` : "/claims";
}

const when = (at: Date) => at.toISOString().slice(0, 10);

/** `/claims`: the search form and one page of published verdicts for the filters in `sp`. */
export async function ClaimsResults({ sp }: { sp: Search }) {
  const filters = parsePublicFilters((k) => sp[k]);
  // The busiest claimants and the latest disputes; any other is one link away (its page links here).
  const [{ items, total, page, pages }, ratings, busiest, latest] = await Promise.all([
    searchPublishedClaims(filters),
    getRatingScale(),
    listPublicClaimants(),
    listPublicDisputes(30),
  ]);
  const withChosen = async <T extends { slug: string }>(
    list: T[],
    chosen: string | undefined,
    make: (slug: string) => Promise<T>,
  ) => (chosen && !list.some((x) => x.slug === chosen) ? [await make(chosen), ...list] : list);
  const claimants = await withChosen(busiest, filters.claimant, async (slug) => ({
    slug,
    name: (await publicClaimantName(slug)) ?? slug,
  }));
  const disputes = await withChosen(latest, filters.dispute, async (slug) => ({
    slug,
    question: (await publicDisputeQuestion(slug)) ?? slug,
    eventDate: null,
    accounts: 0,
  }));
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-4xl font-semibold tracking-tight">Claims</h1>
      <form
        role="search"
        className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-6"
        action="/claims"
      >
        <label className="sm:col-span-3">
          <span className="block text-sm font-medium">Search</span>
          <input
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="Words from the claim, the quote, the verdict…"
            className="mt-1 w-full rounded-md border border-line px-3 py-2"
          />
        </label>
        <FilterSelect
          label="Rating"
          name="rating"
          value={filters.rating}
          anyLabel="Any"
          options={ratings.map((r) => ({ value: r.key, label: r.label }))}
        />
        <label>
          <span className="block text-sm font-medium">Published from</span>
          <input
            name="from"
            type="date"
            defaultValue={filters.from}
            className="mt-1 w-full rounded-md border border-line px-2 py-2"
          />
        </label>
        <label>
          <span className="block text-sm font-medium">to</span>
          <input
            name="to"
            type="date"
            defaultValue={filters.to}
            className="mt-1 w-full rounded-md border border-line px-2 py-2"
          />
        </label>
        <FilterSelect
          label="Claimant"
          name="claimant"
          value={filters.claimant}
          anyLabel="Anyone"
          options={claimants.map((c) => ({ value: c.slug, label: c.name }))}
          className="sm:col-span-2"
        />
        <FilterSelect
          label="Dispute"
          name="dispute"
          value={filters.dispute}
          anyLabel="Any"
          options={disputes.map((d) => ({ value: d.slug, label: d.question }))}
          className="sm:col-span-3"
        />
        <FilterSelect
          label="Sort"
          name="sort"
          value={filters.sort}
          anyLabel={filters.q ? "Best match" : "Newest"}
          options={[
            { value: "newest", label: "Newest" },
            { value: "oldest", label: "Oldest" },
          ]}
        />
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white">
            Search
          </button>
        </div>
      </form>

      <p className="text-sm text-muted" role="status">
        {total} verdict{total === 1 ? "" : "s"}
        {filters.q ? ` for “${filters.q}”` : ""}
        {filters.claimant ? ` by ${claimants.find((c) => c.slug === filters.claimant)?.name ?? filters.claimant}` : ""}
        {filters.dispute
          ? ` in the dispute “${disputes.find((d) => d.slug === filters.dispute)?.question ?? filters.dispute}”`
          : ""}
        {(filters.claimant || filters.dispute) && (
          <>
            {" · "}
            <Link
              href={hrefWith(sp, { claimant: undefined, dispute: undefined, page: undefined })}
              className="text-accent underline"
            >
              clear
            </Link>
          </>
        )}
      </p>

      <ol className="space-y-3">
        {items.map((c) => (
          <li key={c.slug} className="rounded-lg border border-line bg-white p-4">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <RatingBadge rating={c.rating} />
              <span className="text-muted">
                {c.claimantName} · {when(c.publishedAt)}
              </span>
            </div>
            <h2 className="mt-1 font-serif text-xl">
              <Link href={`/claims/${c.slug}`} className="hover:underline">
                {c.statement}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-muted">{c.summary}</p>
            {c.snippet && (
              <p className="mt-2 text-sm" data-testid="snippet">
                <Snippet text={c.snippet} />
              </p>
            )}
          </li>
        ))}
      </ol>

      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={hrefWith(sp, { page: String(page - 1) })} rel="prev" className="text-accent underline">
              Previous
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={hrefWith(sp, { page: String(page + 1) })} rel="next" className="text-accent underline">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
