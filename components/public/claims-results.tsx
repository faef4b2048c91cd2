import { getLocale, getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/public-path";
import { FilterSelect } from "@/components/ui/filter-select";
import { ClaimResultList } from "./claim-result-list";
import { listPublicClaimants, publicClaimantName, publicDisputeQuestion } from "@/db/queries/public/pages";
import { listPublicDisputes } from "@/db/queries/public/records";
import { getRatingScale } from "@/db/queries/ratings";
import { ratingIn } from "@/db/queries/shapes";
import { parsePublicFilters } from "@/db/queries/public/search-claims";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";
import { shown } from "@/lib/i18n/select";

export type Search = Record<string, string | undefined>;

/** The orders a reader can choose (each also a message key); without one, the best match first, or the newest. */
const SORTS = ["newest", "oldest"] as const;

/**
 * A link to another view of the list or search. Links to them are plain: a Link would prefetch the view's payload,
 * and a search is kept (lib/http/kept-searches.ts) as the page readers load, not as the router's payload.
 */
function hrefWith(claims: string, sp: Search, changes: Search): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...sp, ...changes })) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${claims}?${qs}` : claims;
}

/** `/claims`: the search form and one page of published verdicts for the filters in `sp`. */
export async function ClaimsResults({ sp }: { sp: Search }) {
  const locale = await getLocale();
  const t = await getTranslations("public.claims");
  const claims = localizedPath(locale, "/claims");
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
      <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("title")}</h1>
      <form
        role="search"
        className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-6"
        action={claims}
      >
        <label className="sm:col-span-3">
          <span className="block text-sm font-medium">{t("search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t("placeholder")}
            className="mt-1 w-full rounded-md border border-line px-3 py-2"
          />
        </label>
        <FilterSelect
          label={t("rating")}
          name="rating"
          value={filters.rating}
          anyLabel={t("anyRating")}
          options={ratings.map((r) => ({ value: r.key, label: ratingIn(r, locale).label }))}
        />
        <label>
          <span className="block text-sm font-medium">{t("from")}</span>
          <input
            name="from"
            type="date"
            defaultValue={filters.from}
            className="mt-1 w-full rounded-md border border-line px-2 py-2"
          />
        </label>
        <label>
          <span className="block text-sm font-medium">{t("to")}</span>
          <input
            name="to"
            type="date"
            defaultValue={filters.to}
            className="mt-1 w-full rounded-md border border-line px-2 py-2"
          />
        </label>
        <FilterSelect
          label={t("claimant")}
          name="claimant"
          value={filters.claimant}
          anyLabel={t("anyClaimant")}
          options={claimants.map((c) => ({ value: c.slug, label: c.name }))}
          className="sm:col-span-2"
        />
        <FilterSelect
          label={t("dispute")}
          name="dispute"
          value={filters.dispute}
          anyLabel={t("anyDispute")}
          options={disputes.map((d) => ({ value: d.slug, label: d.question }))}
          className="sm:col-span-3"
        />
        <FilterSelect
          label={t("sort")}
          name="sort"
          value={filters.sort}
          anyLabel={filters.q ? t("bestMatch") : t("newest")}
          options={SORTS.map((value) => ({ value, label: t(value) }))}
        />
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white">
            {t("submit")}
          </button>
        </div>
      </form>

      <p className="text-sm text-muted" role="status">
        {t("found", {
          n: total,
          withWords: shown(filters.q),
          words: filters.q ?? "",
          byClaimant: shown(filters.claimant),
          claimant: claimants.find((c) => c.slug === filters.claimant)?.name ?? filters.claimant ?? "",
          inDispute: shown(filters.dispute),
          dispute: disputes.find((d) => d.slug === filters.dispute)?.question ?? filters.dispute ?? "",
        })}
        {(filters.claimant || filters.dispute) && (
          <>
            {" · "}
            <a
              href={hrefWith(claims, sp, { claimant: undefined, dispute: undefined, page: undefined })}
              className="text-accent underline"
            >
              {t("clear")}
            </a>
          </>
        )}
      </p>

      <ClaimResultList items={items} locale={locale} />

      {pages > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <a href={hrefWith(claims, sp, { page: String(page - 1) })} rel="prev" className="text-accent underline">
              {t("previous")}
            </a>
          )}
          <span>{t("page", { page, pages })}</span>
          {page < pages && (
            <a href={hrefWith(claims, sp, { page: String(page + 1) })} rel="next" className="text-accent underline">
              {t("next")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
