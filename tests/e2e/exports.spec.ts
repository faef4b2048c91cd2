import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { folded, readPdf } from "../support/pdf";
import { signedIn } from "./helpers";

const PUBLISHED = "Those killed in the Mariupol maternity hospital strike were not civilians";

test("an editor downloads the fixture article's report as PDF and its claims as CSV", async ({ page }) => {
  await signedIn(page, "editor@claimdesk.test");
  await page.goto("/editor/documents/1");
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/report\?document=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Document:");
  await expect(page.getByRole("heading", { name: "Disputes: the accounts side by side" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(PUBLISHED) })).toBeVisible();
  await expect(page.getByText(/UNPUBLISHED/)).toHaveCount(0);

  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^claimdesk-pdf-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await readPdf(fs.readFileSync((await pdfDownload.path())!));
  expect(pdf.text).toContain(folded(PUBLISHED));
  expect(pdf.text).toContain("Corrections log");

  // With unpublished work: marked on the page.
  await page.getByRole("link", { name: "Include unpublished work" }).click();
  await expect(page.getByRole("note")).toContainText("Includes unpublished work");
  await expect(page.getByText(/^UNPUBLISHED — /).first()).toBeVisible();

  await page.getByRole("link", { name: "Exports" }).click();
  const scope = page.getByRole("form", { name: "Export scope" });
  await scope.getByLabel("Document").selectOption({ value: "1" });
  await scope.getByRole("button", { name: "Prepare export" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/Document: .*: 1 claim$/);
  await expect(page.getByText(/ClaimReview check/)).toBeVisible();
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const rows = parse(fs.readFileSync((await csvDownload.path())!, "utf8").replace(/^\ufeff/, ""), {
    columns: true,
  }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    statement: expect.stringContaining(PUBLISHED),
    claimant: "Sergei Lavrov",
    rating: "False",
    published: "yes",
  });
});

test("a contributor imports annotations from a W3C file and sees what was anchored", async ({ page }) => {
  await signedIn(page, "contributor@claimdesk.test");
  await page.goto("/editor/documents/new");
  await page
    .getByLabel("Text", { exact: true })
    .fill("The mayor said the hospital was hit at noon.\n\nThe ministry said the building had been empty.");
  await page.getByLabel("Title").fill("Annotation import check");
  await page.getByRole("button", { name: /^Import/ }).click();
  await expect(page).toHaveURL(/\/editor\/documents\/\d+$/);
  await page.getByRole("link", { name: "Import annotations" }).click();

  const file = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    first: {
      type: "AnnotationPage",
      items: [
        {
          type: "Annotation",
          body: [{ type: "TextualBody", purpose: "identifying", value: "The mayor" }],
          target: { selector: { type: "TextQuoteSelector", exact: "the hospital was hit at noon" } },
        },
        {
          type: "Annotation",
          target: { selector: { type: "TextQuoteSelector", exact: "words that are not in this article at all" } },
        },
      ],
    },
  };
  const form = page.getByRole("form", { name: "Import annotations" });
  await form.getByLabel(/W3C annotation file/).setInputFiles({
    name: "notes.jsonld",
    mimeType: "application/ld+json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "claimant" })).toContainText(
    "1 of 2 annotations name no claimant",
  );
  await form.getByLabel("Claimant for annotations that name none").fill("Unknown official");
  await form.getByLabel(/W3C annotation file/).setInputFiles({
    name: "notes.jsonld",
    mimeType: "application/ld+json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Imported 2 claims: 1 anchored, 0 re-found and waiting for confirmation, 1 orphaned.",
  );
  const table = page.getByRole("table", { name: "Imported claims" });
  await expect(table.getByRole("row", { name: /Anchored the hospital was hit at noon/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Orphaned/ })).toBeVisible();
});
