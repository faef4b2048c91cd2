import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const STATEMENT = "The West is intensifying the conflict by arming Ukraine.";
const RATIONALE = `Lavrov blamed the West "for intensifying the conflict by arming its neighbor".

Western governments did supply Ukraine with defensive weapons after Russia's invasion of 24 February 2022; the supplies followed the invasion, they did not precede the fighting. Calling them the cause of the war reverses the order of events, so the statement is **misleading**.`;

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signedIn(page, email);
  return page;
}

async function openClaim(page: Page) {
  await page.goto("/editor/documents/1");
  await page
    .getByRole("article")
    .filter({ hasText: STATEMENT })
    .getByRole("link", { name: "Evidence & verdict" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STATEMENT);
}

test("a verdict goes from the contributor's draft through review to publication, then a correction", async ({
  browser,
}) => {
  // The contributor drafts a verdict with evidence and submits it.
  const contributor = await as(browser, "contributor@claimdesk.test");
  await openClaim(contributor);
  await contributor.getByRole("button", { name: "Write a verdict" }).click();
  const draft = contributor.getByRole("form", { name: "Verdict draft" });
  await draft.getByLabel("Rating").selectOption({ label: "Misleading" });
  await draft.getByLabel(/^Summary/).fill("Weapons were supplied after the invasion, not before it.");
  await draft.getByLabel(/^Rationale/).fill(RATIONALE);
  await draft.getByRole("button", { name: "Preview" }).click();
  await expect(contributor.getByTestId("rationale-preview").locator("strong")).toHaveText("misleading");
  await draft.getByRole("button", { name: "Save draft" }).click();
  await expect(contributor.getByText("Draft saved.")).toBeVisible();
  await expect(contributor.getByTestId("publish-gate")).toHaveCount(0); // contributors cannot publish: no gate shown

  const evidence = contributor.getByRole("form", { name: "New evidence" });
  await evidence
    .getByLabel("URL", { exact: true })
    .fill("https://www.reuters.com/world/europe/weapons-ukraine-2022-03-01/");
  await evidence.getByLabel("Title").fill("Western weapons shipments to Ukraine after the invasion");
  await evidence.getByLabel("Source type").selectOption({ label: "News report" });
  await evidence.getByLabel("Stance toward this claim").selectOption("refutes");
  await evidence.getByRole("button", { name: "Add evidence" }).click();
  await expect(contributor.getByTestId(/^evidence-/)).toContainText("refutes");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByTestId("open-verdict")).toContainText("in review");

  // The reviewer asks for a change.
  const reviewer = await as(browser, "reviewer@claimdesk.test");
  await reviewer
    .getByRole("region", { name: /Waiting for my review/ })
    .getByRole("link", { name: STATEMENT })
    .click();
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await reviewer.getByLabel(/What should the author change/).fill("Say when the first shipments arrived.");
  await reviewer.getByRole("button", { name: "Confirm: request changes" }).click();
  await expect(reviewer.getByTestId("open-verdict")).toContainText("draft");

  // The contributor sees the request, revises and submits again.
  await contributor.goto("/editor");
  await contributor
    .getByRole("region", { name: /Changes requested of me/ })
    .getByRole("link", { name: STATEMENT })
    .click();
  await expect(contributor.getByText("Say when the first shipments arrived.")).toBeVisible();
  await contributor.getByLabel(/^Summary/).fill("The first weapons arrived after the invasion began, not before it.");
  await contributor.getByRole("button", { name: "Save draft" }).click();
  await expect(contributor.getByText("Draft saved.")).toBeVisible();
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByTestId("open-verdict")).toContainText("in review");

  // Readers cannot see it yet (and the not-found answer is what the page cache now holds).
  const reader = await browser.newPage();
  const PUBLIC = "/claims/the-west-is-intensifying-the-conflict-by-arming-ukraine";
  expect((await reader.goto(PUBLIC))?.status()).toBe(404);

  // An editor who did not write it publishes it.
  const editor = await as(browser, "editor@claimdesk.test");
  await openClaim(editor);
  await expect(editor.getByTestId("publish-gate")).toContainText("Ready to publish");
  await editor.getByRole("button", { name: "Publish" }).click();
  const published = editor.getByTestId("published-verdict");
  await expect(published).toContainText("Misleading");
  await expect(published).toContainText("reviewed by Esther Editor");
  // Publishing refreshed the public page at once.
  expect((await reader.goto(PUBLIC))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { name: "Our verdict: Misleading" })).toBeVisible();

  // A correction: a new version, reviewed and published with its public note.
  await published.getByRole("button", { name: "Start a correction" }).click();
  const correction = editor.getByTestId("open-verdict");
  await expect(correction).toContainText("Correction (version 2)");
  await correction
    .getByLabel(/^Summary/)
    .fill("The first weapons arrived days after the invasion began, not before it.");
  await correction.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByText("Draft saved.")).toBeVisible();
  await correction.getByRole("button", { name: "Submit for review" }).click();
  await expect(correction).toContainText("in review");
  await expect(correction.getByRole("button", { name: "Publish" })).toHaveCount(0); // not by its own author

  await openClaim(reviewer);
  await reviewer.getByTestId("open-verdict").getByRole("button", { name: "Publish" }).click();
  await reviewer
    .getByLabel("Correction note (published with the verdict)")
    .fill("We said when the first shipments arrived.");
  await reviewer.getByRole("button", { name: "Confirm: publish" }).click();
  await expect(reviewer.getByTestId("published-verdict")).toContainText(
    "Correction: We said when the first shipments arrived.",
  );
  await expect(reviewer.getByTestId("published-verdict")).toContainText("version 2");
  const compare = reviewer.getByRole("region", { name: "Compare versions" });
  await expect(compare).toBeVisible();
  // Both versions were published citing the same evidence: listed, unchanged.
  await expect(compare.getByRole("heading", { name: "Evidence" })).toBeVisible();
  await expect(compare.getByRole("listitem").first()).toContainText(
    "Western weapons shipments to Ukraine after the invasion (refutes)",
  );
  await expect(reviewer.getByTestId("timeline")).toContainText("verdict publish");
  await reader.goto(PUBLIC);
  await expect(reader.getByText("We said when the first shipments arrived.")).toBeVisible();
  await expect(
    reader.getByText("The first weapons arrived days after the invasion began, not before it."),
  ).toBeVisible();
});

test("an admin renames a rating and cannot delete one in use", async ({ page, browser }) => {
  await signedIn(page, "admin@claimdesk.test");
  await page.getByRole("link", { name: "Rating scale" }).click();
  const mixed = page.getByTestId("rating-mixed");
  await mixed.getByLabel("Label", { exact: true }).first().fill("Half true");
  await mixed.getByRole("button", { name: "Save" }).click();
  await expect(mixed.getByRole("status")).toHaveText("“Half true” saved.");
  const falseRating = page.getByTestId("rating-false");
  await falseRating.getByRole("button", { name: "Delete “False”" }).click();
  await expect(falseRating.getByRole("alert")).toContainText("“False” is used by");

  // Another admin's change, seen at a refresh, is never overwritten unseen.
  const other = await (await browser.newContext()).newPage();
  await signedIn(other, "admin@claimdesk.test");
  await other.goto("/admin/rating-scale");
  await other.getByTestId("rating-mixed").getByLabel("Label", { exact: true }).first().fill("Partly true");
  await other.getByTestId("rating-mixed").getByRole("button", { name: "Save" }).click();
  await expect(other.getByTestId("rating-mixed").getByRole("status")).toHaveText("“Partly true” saved.");
  const mostlyTrue = page.getByTestId("rating-mostly-true");
  await mostlyTrue.getByLabel("Label", { exact: true }).first().fill("Largely true");
  await mostlyTrue.getByRole("button", { name: "Save" }).click(); // this save refreshes the page's data
  await expect(mostlyTrue.getByRole("status")).toHaveText("“Largely true” saved.");
  await mixed.getByLabel("Label", { exact: true }).first().fill("Half right");
  await mixed.getByRole("button", { name: "Save" }).click();
  await expect(mixed.getByRole("alert")).toContainText(/changed/i);
});
