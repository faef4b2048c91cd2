/** The `/claims` parameters that select a kept list view; anything else is ignored. */
const LIST_KEYS = ["rating", "claimant", "dispute", "sort", "page"] as const;

/**
 * The path of the kept view of `/claims?<search>`, or null when the view is rendered per
 * request: a search with words or with dates (their variety has no useful bound). The
 * filters are put in one path segment, in a fixed order, so that equal views share one page.
 */
export function claimsListPath(search: URLSearchParams): string | null {
  if (search.get("q")?.trim() || search.get("from")?.trim() || search.get("to")?.trim()) return null;
  const kept = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const value = search
      .get(key)
      ?.replace(/\u0000/g, "")
      .trim();
    if (value) kept.set(key, value.slice(0, 200));
  }
  const query = kept.toString();
  return `/claims/list/${query ? btoa(query).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : "all"}`;
}

/**
 * The filters of a kept view's path segment, or null when the segment is not exactly what
 * `claimsListPath` makes of them — so each view has one path, and made-up paths are not kept.
 */
export function filtersFromSegment(segment: string): Record<string, string> | null {
  if (segment === "all") return {};
  try {
    const query = new URLSearchParams(atob(decodeURIComponent(segment).replace(/-/g, "+").replace(/_/g, "/")));
    return claimsListPath(query) === `/claims/list/${segment}` ? Object.fromEntries(query) : null;
  } catch {
    return null;
  }
}
