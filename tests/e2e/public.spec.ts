import { expect, test } from "@playwright/test";
import { validateClaimReview } from "../../lib/exports/validate-claim-review";
import { signedIn } from "./helpers";

test("a reader searches 'civil', finds Lavrov's claim with the word marked, and reads it with valid ClaimReview", async ({ page, baseURL }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Claims" }).click();
  await page.getByLabel("Search").fill("civil");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/claims\?q=civil/);
  await expect(page.getByRole("status")).toHaveText("1 verdict for “civil”");
  await expect(page.getByTestId("snippet").locator("mark")).toHaveText("civilians");

  // Filters live in the URL.
  await page.getByLabel("Rating").selectOption({ label: "True" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/rating=true/);
  await expect(page.getByRole("status")).toHaveText("0 verdicts for “civil”");
  await page.getByLabel("Rating").selectOption({ label: "False" });
  await page.getByRole("button", { name: "Search" }).click();

  await page.getByRole("link", { name: "Those killed in the Mariupol maternity hospital strike were not civilians." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Those killed in the Mariupol maternity hospital strike were not civilians.");
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
  for (const slug of ["the-mariupol-maternity-hospital-had-been-emptied-of", "the-strike-destroyed-the-mariupol-maternity-hospital"]) {
    expect((await page.request.get(`/api/v1/claims/${slug}`)).status()).toBe(200);
  }
  await page.context().clearCookies();
  for (const slug of ["the-mariupol-maternity-hospital-had-been-emptied-of", "the-strike-destroyed-the-mariupol-maternity-hospital"]) {
    const res = await page.goto(`/claims/${slug}`);
    expect(res?.status()).toBe(404);
    expect((await page.request.get(`/api/v1/claims/${slug}`)).status()).toBe(404);
  }
  await page.goto("/claims?q=fighters");
  await expect(page.getByRole("status")).toHaveText("0 verdicts for “fighters”");
});
