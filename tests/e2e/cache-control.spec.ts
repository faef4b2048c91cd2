import { expect, test } from "@playwright/test";

/**
 * A cache in front of Claimdesk (a CDN, nginx) may keep a public answer a minute at most, and serve it stale 30 s more
 * while it fetches it again: a retraction reaches every reader within about a minute and a half. Every public page,
 * feed, sitemap, API answer and export says so, or says not to keep it at all.
 */
const MAX_SHARED_SECONDS = 60;
const MAX_STALE_SECONDS = 30;

/** How long a shared cache may keep a response, and serve it stale; null when it may not keep it. */
export function sharedLifetime(header: string | undefined): { fresh: number; stale: number } | null {
  const directives = new Map<string, string | undefined>(
    (header ?? "")
      .toLowerCase()
      .split(",")
      .map((d) => {
        const [name, value] = d.trim().split("=");
        return [name!, value];
      }),
  );
  if (directives.has("no-store") || directives.has("private") || directives.has("no-cache")) return null;
  const seconds = (name: string) => (directives.has(name) ? Number(directives.get(name)) : undefined);
  const fresh = seconds("s-maxage") ?? seconds("max-age");
  // No lifetime at all lets a cache pick its own (heuristic freshness): not allowed here.
  return { fresh: fresh ?? Infinity, stale: seconds("stale-while-revalidate") ?? 0 };
}

test("should let shared caches keep public answers a minute at most", async ({ request }) => {
  const { items } = (await (await request.get("/api/v1/claims")).json()) as {
    items: { slug: string; claimantSlug: string }[];
  };
  const claim = items[0]!;
  const paths = [
    "/",
    "/claims",
    "/claims?rating=false",
    "/claims?q=hospital",
    `/claims/${claim.slug}`,
    `/claimants/${claim.claimantSlug}`,
    "/disputes/mariupol-maternity-hospital-strike",
    "/documents/mariupol-talks-2022-03-10",
    "/methodology",
    "/corrections",
    "/feed.xml",
    "/feed.json",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/claims?q=hospital",
    `/api/v1/claims/${claim.slug}`,
    "/api/v1/rating-scale",
    "/api/v1/exports/csv",
  ];
  for (const path of paths) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const header = res.headers()["cache-control"];
    const lifetime = sharedLifetime(header);
    if (!lifetime) continue;
    expect(lifetime.fresh, `${path}: ${header}`).toBeLessThanOrEqual(MAX_SHARED_SECONDS);
    expect(lifetime.stale, `${path}: ${header}`).toBeLessThanOrEqual(MAX_STALE_SECONDS);
  }
  // The kept pages do let caches keep them (the limit is tested, not dodged with no-store).
  expect(sharedLifetime((await request.get(`/claims/${claim.slug}`)).headers()["cache-control"])).toEqual({
    fresh: 60,
    stale: 30,
  });
  expect(sharedLifetime((await request.get("/feed.xml")).headers()["cache-control"])).toEqual({ fresh: 60, stale: 30 });
});
