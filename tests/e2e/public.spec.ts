import { expect, test } from "@playwright/test";
import { validateClaimReview } from "../../lib/exports/validate-claim-review";
import { signedIn } from "./helpers";

test("a reader searches 'civilian', finds Lavrov's claim with the word marked, and reads it with valid ClaimReview", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Claims" }).click();
  await page.getByLabel("Search").fill("civilian");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/claims\?q=civilian/);
  await expect(page.getByRole("status")).toHaveText("1 verdict for “civilian”");
  // The statement holds the word ("civilians": the same stem), so the heading is the snippet, its word marked.
  await expect(page.getByRole("heading", { level: 2 }).locator("mark")).toHaveText("civilians");
  // A search by words alone is a kept page too. Words found in another text than the statement are shown in context.
  expect((await page.request.get(page.url())).headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  await page.getByLabel("Search").fill("independent inquiry");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText("0 verdicts for “independent inquiry”");
  await page.getByLabel("Search").fill("combatants");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("snippet").locator("mark")).toHaveText(["combatants", "combatant"]);
  await page.getByLabel("Search").fill("civilian");
  await page.getByRole("button", { name: "Search" }).click();

  // Filters live in the URL.
  await page.getByLabel("Rating").selectOption({ label: "True" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/rating=true/);
  await expect(page.getByRole("status")).toHaveText("0 verdicts for “civilian”");
  await page.getByLabel("Rating").selectOption({ label: "False" });
  await page.getByRole("button", { name: "Search" }).click();
  // Without words, the filtered list is a kept page (rendered once, served from the cache).
  await page.getByLabel("Search").fill("");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/rating=false/);
  await expect(page.getByRole("status")).toHaveText("2 verdicts"); // the demo's two, in English and Ukrainian
  expect((await page.request.get(page.url())).headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);

  await page
    .getByRole("link", { name: "Those killed in the Mariupol maternity hospital strike were not civilians." })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Those killed in the Mariupol maternity hospital strike were not civilians.",
  );
  await expect(page.getByRole("heading", { name: "Our verdict: False" })).toBeVisible();
  await expect(page.locator("mark", { hasText: "those killed were not civilians" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  const claimReview = JSON.parse(blocks[0]!);
  expect(claimReview).toMatchObject({
    "@type": "ClaimReview",
    url: `${baseURL}/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were`,
    itemReviewed: { "@type": "Claim", author: { name: "Sergei Lavrov" }, datePublished: "2022-03-10" },
    reviewRating: { alternateName: "False", ratingValue: 1, worstRating: 1, bestRating: 6 },
  });
  expect(validateClaimReview(claimReview, baseURL).errors).toEqual([]);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toBe(claimReview.url);
});

test("claims in review or in draft have no public page and are in no public list", async ({ page }) => {
  // The desk sees these claims (so the slugs are right); readers get 404.
  await signedIn(page, "editor@claimdesk.test");
  for (const slug of [
    "the-mariupol-maternity-hospital-had-been-emptied-of",
    "the-strike-destroyed-the-mariupol-maternity-hospital",
  ]) {
    expect((await page.request.get(`/api/v1/claims/${slug}`)).status()).toBe(200);
  }
  await page.context().clearCookies();
  for (const slug of [
    "the-mariupol-maternity-hospital-had-been-emptied-of",
    "the-strike-destroyed-the-mariupol-maternity-hospital",
  ]) {
    const res = await page.goto(`/claims/${slug}`);
    expect(res?.status()).toBe(404);
    expect((await page.request.get(`/api/v1/claims/${slug}`)).status()).toBe(404);
  }
  await page.goto("/claims?q=fighters");
  await expect(page.getByRole("status")).toHaveText("0 verdicts for “fighters”");
});

test("the dispute, claimant and document pages show the published accounts only", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Was the Mariupol maternity hospital a civilian site/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Was the Mariupol maternity hospital a civilian site when it was struck on 9 March 2022?",
  );
  // Only Lavrov's account is published in the demo; the others are in review or in draft.
  await expect(page.getByRole("listitem").filter({ hasText: "Read the fact-check" })).toHaveCount(1);
  await expect(page.getByRole("table")).toContainText("refutes");

  await page.getByRole("link", { name: "Sergei Lavrov" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sergei Lavrov");
  await expect(page.getByTestId("rating-counts")).toContainText("False");

  await page.goto("/documents/mariupol-talks-2022-03-10");
  const highlights = page.getByTestId("public-document").locator("a");
  await expect(highlights).toHaveText(["those killed were not civilians"]);
});

test("the feeds and the sitemap are well formed and list published verdicts", async ({ request, baseURL }) => {
  const atom = await request.get("/feed.xml");
  expect(atom.headers()["content-type"]).toMatch(/application\/atom\+xml/);
  const xml = await atom.text();
  for (const tag of [
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "<id>",
    "<title>",
    "<updated>",
    "<entry",
    '<link rel="self"',
  ])
    expect(xml).toContain(tag);
  expect(xml).toContain("False: Those killed in the Mariupol maternity hospital strike were not civilians.");

  const json = await (await request.get("/feed.json")).json();
  expect(json).toMatchObject({
    version: "https://jsonfeed.org/version/1.1",
    title: expect.any(String),
    feed_url: `${baseURL}/feed.json`,
  });
  for (const item of json.items)
    expect(item).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        url: expect.stringContaining(baseURL!),
        date_published: expect.any(String),
      }),
    );

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${baseURL}/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/editor/);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});
