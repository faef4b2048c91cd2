import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedIn } from "./helpers";

/** A ClaimReview as fact-checkers publish it; the URLs are new each run, since the specs share one database. */
function review(run: string, n: number, claim: string) {
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `https://factcheck.example/e2e/${run}/${n}`,
    claimReviewed: claim,
    datePublished: new Date().toISOString().slice(0, 10),
    inLanguage: "en",
    author: { "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example" },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A. Minister" } },
    reviewRating: { "@type": "Rating", alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 },
  };
}

test("an editor imports known fact-checks, again unchanged; a contributor only reads the library", async ({
  page,
  browser,
}) => {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const claim = `The e2e bridge ${run} was closed for ten days.`;
  const withoutUrl = Object.fromEntries(
    Object.entries(review(run, 3, `An invalid review ${run}`)).filter(([key]) => key !== "url"),
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fact-checks-")), "reviews.json");
  fs.writeFileSync(
    file,
    JSON.stringify([review(run, 1, claim), review(run, 2, `The e2e tunnel ${run} was closed.`), withoutUrl]),
  );

  await signedIn(page, "editor@claimdesk.test");
  await page.getByRole("link", { name: "Known fact-checks" }).click();
  await expect(page).toHaveURL(/\/editor\/fact-checks$/);
  await expect(page.getByRole("heading", { level: 1, name: "Known fact-checks" })).toBeVisible();

  const form = page.getByRole("form", { name: "Import known fact-checks" });
  await form.getByLabel(/ClaimReview file/).setInputFiles(file);
  await form.getByRole("button", { name: "Import" }).click();
  const status = page.getByRole("status").filter({ hasText: /reviews:/ });
  await expect(status).toContainText("3 reviews: 2 added, 0 updated, 0 unchanged, 1 skipped");
  await expect(page.getByRole("listitem").filter({ hasText: "2.url" })).toBeVisible();

  const table = page.getByRole("table", { name: /Known fact-checks/ });
  const row = table.getByRole("row").filter({ hasText: claim });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: "Example Fact Check" })).toHaveAttribute(
    "href",
    `https://factcheck.example/e2e/${run}/1`,
  );
  await expect(row.getByRole("link", { name: "Example Fact Check" })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(row).toContainText("False");

  // The same file again: nothing changes.
  await page.reload();
  await form.getByLabel(/ClaimReview file/).setInputFiles(file);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(status).toContainText("3 reviews: 0 added, 0 updated, 2 unchanged, 1 skipped");

  // A contributor sees the library, not the form.
  const context = await browser.newContext();
  const contributor = await context.newPage();
  await signedIn(contributor, "contributor@claimdesk.test");
  await contributor.goto("/editor/fact-checks");
  await expect(contributor.getByRole("table", { name: /Known fact-checks/ })).toContainText(claim);
  await expect(contributor.getByRole("form", { name: "Import known fact-checks" })).toHaveCount(0);
  await expect(contributor.getByRole("button", { name: "Import" })).toHaveCount(0);
  await context.close();
});

test("a claim's desk page shows what was checked before: a known fact-check of the same claim in other words", async ({
  page,
}) => {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fact-checks-")), "reviews.json");
  const worded = `Russia's foreign minister said the dead in the Mariupol maternity hospital were not civilians (${run}).`;
  fs.writeFileSync(file, JSON.stringify([review(run, 1, worded)]));
  await signedIn(page, "editor@claimdesk.test");
  await page.goto("/editor/fact-checks");
  const form = page.getByRole("form", { name: "Import known fact-checks" });
  await form.getByLabel(/ClaimReview file/).setInputFiles(file);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: /reviews?:/ })).toContainText("1 added");

  // The demo's first claim, Lavrov's, as the desk worded it.
  await page.goto("/editor/claims/1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("not civilians");
  const section = page.getByRole("region", { name: "Checked before?" });
  // Among the five closest: the article's other claims share its words too.
  const first = section.getByRole("listitem").filter({ hasText: worded });
  await expect(first).toBeVisible();
  await expect(first.locator("mark").first()).toBeVisible();
  await expect(first.getByRole("link", { name: "read the fact-check" })).toHaveAttribute(
    "href",
    `https://factcheck.example/e2e/${run}/1`,
  );
});
