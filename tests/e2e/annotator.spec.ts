import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { codePointSpan, dragSelect, saveClaim } from "./annotator-helpers";
import { signedIn } from "./helpers";
import { IMPORT_PAGE_PORT } from "./ports";

const RAW_ARTICLE = fs.readFileSync(path.join(process.cwd(), "db/seed-data/mariupol-talks-2022-03-10.txt"), "utf8");
const QUESTION = "Was the maternity hospital a civilian site when it was struck? (e2e)";
const LAVROV_SENTENCE =
  "Lavrov instead insisted that those killed were not civilians, even though one was a child and horrifying images captured heavily pregnant women covered in blood and being stretchered out of the carnage.";

test.describe.configure({ mode: "serial" });

async function documentJson(page: Page) {
  const id = /\/editor\/documents\/(\d+)/.exec(page.url())![1];
  const res = await page.request.get(`/api/v1/documents/${id}`);
  return (await res.json()) as {
    document: { id: number; text: string; revision: number };
    claims: {
      id: number;
      quote: string;
      start: number;
      end: number;
      anchorStatus: string;
      claimant: { name: string };
    }[];
  };
}

async function importPasted(page: Page, title: string, text: string) {
  await page.goto("/editor/documents/new");
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/editor\/documents\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("an editor takes the fixture article from paste to a dispute with competing accounts, and the anchors survive edits", async ({
  page,
}) => {
  await signedIn(page, "editor@claimdesk.test");
  await importPasted(page, "Mariupol talks (e2e)", RAW_ARTICLE);
  await expect(page.getByText("Mar 10, 2022 · revision 1")).toBeVisible();

  // Lavrov's claim, selected with the mouse, opens a new dispute.
  await dragSelect(page, "those killed were not civilians");
  await expect(page.getByTestId("selection-status")).toContainText("“those killed were not civilians”");
  await page.getByRole("button", { name: "Highlight selection as a claim" }).click();
  await expect(page.getByTestId("pending-quote")).toHaveText("“those killed were not civilians”");
  await saveClaim(page, "Sergei Lavrov", { question: QUESTION, label: "Russian foreign ministry" });
  const pane = page.getByTestId("reading-pane");
  await expect(pane.locator("mark")).toHaveText(["those killed were not civilians"]);

  let json = await documentJson(page);
  const text = json.document.text;
  expect(json.claims).toEqual([
    expect.objectContaining({
      quote: "those killed were not civilians",
      ...codePointSpan(text, "those killed were not civilians"),
      claimant: expect.objectContaining({ name: "Sergei Lavrov" }),
    }),
  ]);

  // An overlapping claim: the whole clause, which contains the first one.
  await dragSelect(page, "insisted that those killed were not civilians, even though one was a child");
  await page.getByRole("button", { name: "Highlight selection as a claim" }).click();
  await saveClaim(page, "Sergei Lavrov");
  await expect(pane.locator("mark[data-claims*=' ']")).toHaveText(["those killed were not civilians"]);

  // The other Lavrov account and the council's account join the dispute.
  await dragSelect(
    page,
    "patients and nurses had been moved out of the hospital which was instead a base for Ukrainian far-right radical fighters",
  );
  await page.getByRole("button", { name: "Highlight selection as a claim" }).click();
  await saveClaim(page, "Sergei Lavrov", {
    existing: QUESTION,
    label: "Russian foreign ministry: a base for fighters",
  });
  await dragSelect(page, "killing three, including a 6-year-old girl, and injuring 17 others");
  await page.getByRole("button", { name: "Highlight selection as a claim" }).click();
  await saveClaim(page, "Mariupol city council", { existing: QUESTION, label: "Mariupol city council" });
  await expect(page.getByRole("article")).toHaveCount(4);

  // Clicking a card marks its highlight; clicking a highlight focuses its card.
  const council = page.getByRole("article").filter({ hasText: "Mariupol city council" });
  await council.getByRole("button").first().click();
  await expect(pane.locator("mark.outline")).toContainText(["killing three"]);
  await pane.locator("mark", { hasText: "base for Ukrainian" }).click();
  await expect(page.getByRole("article").filter({ hasText: "a base for fighters" })).toBeFocused();

  // Filter by claimant.
  await page.getByLabel("Filter by claimant").selectOption({ label: "Mariupol city council" });
  await expect(page.getByRole("article")).toHaveCount(1);
  await page.getByLabel("Filter by claimant").selectOption({ label: "All claimants" });

  // The dispute shows the three accounts side by side.
  await page.getByRole("link", { name: QUESTION }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUESTION);
  await expect(page.getByRole("listitem").filter({ hasText: "Russian foreign ministry" })).toHaveCount(2);
  await expect(page.locator("[data-testid^=account-]")).toHaveCount(3);
  await page.goBack();

  // Edit 1: a paragraph inserted above — every claim stays on its words.
  await page.getByRole("link", { name: "Edit text and details" }).click();
  const editor = page.getByLabel(/^Text \(revision 1/);
  await editor.fill("Editor's note: this story was updated on 11 March.\n\n" + (await editor.inputValue()));
  await page.getByRole("button", { name: "Save as a new revision" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Saved revision 2: 4 claims anchored, 0 re-found and waiting for confirmation, 0 orphaned.",
  );
  json = await documentJson(page);
  for (const c of json.claims) expect([...json.document.text].slice(c.start, c.end).join("")).toBe(c.quote);
  await expect(pane.locator("mark").first()).toBeVisible();

  // Edit 2: Lavrov's sentence deleted — its claims are orphaned, not moved.
  await page.getByRole("link", { name: "Edit text and details" }).click();
  const editor2 = page.getByLabel(/^Text \(revision 2/);
  await editor2.fill((await editor2.inputValue()).replace(LAVROV_SENTENCE + "\n\n", ""));
  await page.getByRole("button", { name: "Save as a new revision" }).click();
  await expect(page.getByRole("status")).toContainText(
    "2 claims anchored, 0 re-found and waiting for confirmation, 2 orphaned.",
  );
  const orphans = page.getByRole("region", { name: /Orphaned claims/ });
  await expect(orphans).toContainText("Was: “those killed were not civilians”");
  await expect(pane).not.toContainText("those killed were not civilians");
  await expect(pane.locator("mark", { hasText: "killing three" })).toBeVisible();
  json = await documentJson(page);
  expect(
    json.claims
      .filter((c) => c.anchorStatus === "orphaned")
      .map((c) => c.quote)
      .sort(),
  ).toEqual([
    "insisted that those killed were not civilians, even though one was a child",
    "those killed were not civilians",
  ]);

  // The editor re-attaches an orphan to text selected now.
  await dragSelect(page, "a day after the devastating blast");
  await orphans
    .getByRole("article")
    .filter({ hasText: /^(?!.*even though)/ })
    .first()
    .getByRole("button", { name: "Attach to selected text" })
    .click();
  await expect(orphans.getByRole("article")).toHaveCount(1);
});

test("keyboard selection opens the claim form, and offsets hold across emoji and paragraph breaks", async ({
  page,
}) => {
  await signedIn(page, "contributor@claimdesk.test");
  await importPasted(
    page,
    "Emoji and dashes (e2e)",
    "🇺🇦 Zelensky — “He will [negotiate].”\n\n😀 “We need some time,” he said.",
  );
  const pane = page.getByTestId("reading-pane");

  await pane.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  for (let i = 0; i < 8; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("selection-status")).toContainText("“Zelensky”");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pending-quote")).toHaveText("“Zelensky”");
  await saveClaim(page, "Volodymyr Zelensky");

  await dragSelect(page, "[negotiate].”\n\n😀 “We need");
  await page.getByRole("button", { name: "Highlight selection as a claim" }).click();
  await saveClaim(page, "Volodymyr Zelensky");

  const json = await documentJson(page);
  expect(json.claims.map((c) => [c.quote, c.start, c.end])).toEqual([
    ["Zelensky", ...Object.values(codePointSpan(json.document.text, "Zelensky"))],
    [
      "[negotiate].”\n\n😀 “We need",
      ...Object.values(codePointSpan(json.document.text, "[negotiate].”\n\n😀 “We need")),
    ],
  ]);
  expect(json.claims[0]!.start).toBe(3); // the flag is two code points, then a space

  // Edit a claim's statement and date.
  const first = page.getByRole("article").filter({ hasText: "“Zelensky”" });
  await first.getByRole("button", { name: "Edit" }).click();
  await first.getByLabel("Statement").fill("Zelensky spoke about negotiations.");
  await first.getByLabel("Date the claim was made").fill("2022-03-09");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Zelensky spoke about negotiations." })).toContainText(
    "Mar 9, 2022",
  );

  // A wording change inside a quote: the claim is re-found as fuzzy and confirmed with one click.
  await page.getByRole("link", { name: "Edit text and details" }).click();
  const editor = page.getByLabel(/^Text \(revision 1/);
  await editor.fill((await editor.inputValue()).replace("[negotiate]", "[negotiation]"));
  await page.getByRole("button", { name: "Save as a new revision" }).click();
  await expect(page.getByRole("status")).toContainText(
    "1 claims anchored, 1 re-found and waiting for confirmation, 0 orphaned.",
  );
  const moved = page.getByRole("article").filter({ hasText: "moved by an edit" });
  await moved.getByRole("button", { name: "Confirm new place" }).click();
  await expect(page.getByRole("article").filter({ hasText: "moved by an edit" })).toHaveCount(0);
  await expect(page.getByRole("article").filter({ hasText: "“[negotiation].”" })).toHaveCount(1);

  // Delete a claim (it has no published verdict).
  const doomed = page.getByRole("article").filter({ hasText: "Zelensky spoke about negotiations." });
  await doomed.getByRole("button", { name: "Delete" }).click();
  await doomed.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("region", { name: /Claims in this text/ }).getByRole("article")).toHaveCount(1);
  await expect(page.getByTestId("reading-pane").locator("mark", { hasText: "Zelensky" })).toHaveCount(0);
});

test("an article is imported from a URL, with navigation and scripts left out", async ({ page }) => {
  const html = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/pages/news-article.html"));
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html),
  );
  // On the port IMPORT_ALLOW_HOSTS names (playwright.config.ts): URL import connects to no other but 80 and 443.
  await new Promise<void>((resolve) => server.listen(IMPORT_PAGE_PORT, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${IMPORT_PAGE_PORT}/world/mariupol`;
  try {
    await signedIn(page, "editor@claimdesk.test");
    await page.goto("/editor/documents/new");
    await page.getByLabel("From a URL").check();
    await page.getByLabel("Page address").fill(url);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Ukraine and Russia foreign ministers fail to reach ceasefire as Mariupol is bombed",
    );
    await expect(page.getByText("The Daily Wire Desk · Jane Reporter · Mar 10, 2022")).toBeVisible();
    const pane = page.getByTestId("reading-pane");
    await expect(pane).toContainText("those killed were not civilians");
    await expect(pane).not.toContainText("NAV-MARKER");
    await expect(pane).not.toContainText("SCRIPT-MARKER");

    // A refused URL keeps the form and says why.
    await page.goto("/editor/documents/new");
    await page.getByLabel("From a URL").check();
    await page.getByLabel("Page address").fill("http://10.0.0.1/story");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText(/private or local address/)).toBeVisible();
    await expect(page.getByLabel("Page address")).toHaveValue("http://10.0.0.1/story");
  } finally {
    server.close();
  }
});
