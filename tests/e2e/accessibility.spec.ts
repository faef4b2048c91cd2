import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signedIn } from "./helpers";

const PUBLIC_PAGES = [
  "/",
  "/claims",
  "/claims?q=civilians",
  "/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were",
  "/disputes/mariupol-maternity-hospital-strike",
  "/claimants/sergei-lavrov",
  "/documents/mariupol-talks-2022-03-10",
  "/methodology",
  "/corrections",
];

/** Serious and critical WCAG 2.2 AA violations on a page, as "rule: target" lines. */
async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

for (const path of PUBLIC_PAGES) {
  test(`public page ${path} has no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the desk's main pages (work queue, annotator, claim, exports, report, known fact-checks) have no serious or critical accessibility violation", async ({
  page,
}) => {
  await signedIn(page, "editor@claimdesk.test");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/editor/documents/1");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/editor/claims/1");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/editor/exports?document=1&includeDrafts=1");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/editor/report?document=1&includeDrafts=1");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/editor/fact-checks");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the desk's assignment pages (claims, notifications, account) have no serious or critical accessibility violation", async ({
  page,
}) => {
  await signedIn(page, "editor@claimdesk.test");
  for (const path of [
    "/editor/claims",
    "/editor/claims?view=unassigned&sort=priority",
    "/editor/notifications",
    "/editor/notifications?unread=1",
    "/editor/account",
  ]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
