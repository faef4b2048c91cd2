/** The `/claims` parameters that make a view, in the order they are kept in; anything else is ignored. */
export const VIEW_KEYS = ["q", "rating", "claimant", "dispute", "from", "to", "sort", "page"] as const;
/** Words: a letter or a digit (punctuation alone is no search). */
const WORDS = /[\p{L}\p{N}]/u;

export type ClaimsViewKind = "list" | "search";

/**
 * The path of the kept view of `/claims?<search>`: a list (no words, no dates) under `/claims/list/`, or a search
 * (words or dates: their variety has no useful bound, so they are kept in a share of memory of their own, see
 * lib/http/kept-searches.ts) under `/claims/search/`. The parameters are put in one path segment, in a fixed order,
 * without the empty ones (the form sends every field), so that equal views share one page.
 */
export function claimsViewPath(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of VIEW_KEYS) {
    const value = search
      .get(key)
      ?.replace(/\u0000/g, "")
      .trim()
      .slice(0, 200);
    if (value && (key !== "q" || WORDS.test(value))) kept.set(key, value);
  }
  const kind: ClaimsViewKind = kept.has("q") || kept.has("from") || kept.has("to") ? "search" : "list";
  const query = kept.toString();
  // The query is percent-encoded ASCII: base64url of it is a path segment.
  return `/claims/${kind}/${query ? btoa(query).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : "all"}`;
}

/**
 * The parameters of a kept view's path segment, or null when the segment is not exactly what `claimsViewPath` makes of
 * them for that kind of view — so each view has one path, and made-up paths are not kept.
 */
export function filtersFromSegment(kind: ClaimsViewKind, segment: string): Record<string, string> | null {
  if (segment === "all") return kind === "list" ? {} : null;
  try {
    const base64 = decodeURIComponent(segment).replace(/-/g, "+").replace(/_/g, "/");
    const query = new URLSearchParams(atob(base64));
    return claimsViewPath(query) === `/claims/${kind}/${segment}` ? Object.fromEntries(query) : null;
  } catch {
    return null;
  }
}
