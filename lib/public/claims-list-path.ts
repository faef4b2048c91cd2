/** The `/claims` parameters that select a kept list view; anything else is ignored. */
const LIST_KEYS = ["rating", "claimant", "dispute", "from", "to", "sort", "page"] as const;

/**
 * The path of the kept view of `/claims?<search>`, or null when the search has words (a
 * word search is rendered per request: its variety has no bound). The filters are put in
 * one path segment, in a fixed order, so that equal views share one page.
 */
export function claimsListPath(search: URLSearchParams): string | null {
  if (search.get("q")?.trim()) return null;
  const kept = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const value = search.get(key)?.trim();
    if (value) kept.set(key, value.slice(0, 200));
  }
  const query = kept.toString();
  return `/claims/list/${query ? btoa(query).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : "all"}`;
}

/** The filters of a kept view's path segment (see `claimsListPath`). */
export function filtersFromSegment(segment: string): Record<string, string> {
  if (segment === "all") return {};
  try {
    const query = atob(decodeURIComponent(segment).replace(/-/g, "+").replace(/_/g, "/"));
    return Object.fromEntries([...new URLSearchParams(query)].filter(([k]) => (LIST_KEYS as readonly string[]).includes(k)));
  } catch {
    return {};
  }
}
