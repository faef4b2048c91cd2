import { expect, test, type Page } from "@playwright/test";
import { dragSelect } from "./annotator-helpers";
import { signedIn } from "./helpers";

/**
 * "Has this been checked before?" while highlighting: a contributor selects a statement the desk checked in another
 * article; the earlier claim is the first suggestion, with the shared words marked, and one click saves the highlight
 * as a repeat of it. Readers see the new appearance only once a second editor publishes the verdict's next version.
 */
const LONG = "This rationale is long enough to pass the publication gate of the desk. ".repeat(4);
const ORIGINAL =
  "The governor of Zarnovia told the regional council on Tuesday that saboteurs blew up the Velbrook reservoir dam, " +
  "flooding four villages downstream.\n\nEngineers have not yet inspected the site.";
const ORIGINAL_QUOTE = "saboteurs blew up the Velbrook reservoir dam";
const REPEAT =
  "A week later, officials of the Zarnovia region repeated that the dam at the Velbrook reservoir had been blown up " +
  "by saboteurs, without offering any evidence.\n\nIndependent engineers say the dam failed after heavy rain.";
const REPEAT_QUOTE = "the dam at the Velbrook reservoir had been blown up by saboteurs";
const STATEMENT = "Saboteurs blew up the Velbrook reservoir dam.";

/** The desk's API as a signed-in person (their session cookie, same origin). */
async function desk(page: Page, email: string, baseURL: string) {
  await signedIn(page, email);
  return async (method: string, path: string, data?: unknown) => {
    const res = await page.request.fetch(path, { method, data, headers: { origin: baseURL } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
}

function span(text: string, quote: string) {
  const at = text.indexOf(quote);
  expect(at, quote).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

test("a statement checked before is the first suggestion while highlighting, saved as a repeat in one click, published by a second editor", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const e = await desk(await (await browser.newContext()).newPage(), "editor@claimdesk.test", baseURL!);
  const r = await desk(await (await browser.newContext()).newPage(), "reviewer@claimdesk.test", baseURL!);

  // The desk checked the claim before, in another article, and published its verdict.
  const first = await e("POST", "/api/v1/documents", {
    title: `Governor blames saboteurs (${run})`,
    text: ORIGINAL,
    sourceUrl: `https://first.example/${run}`,
  });
  const firstText = (await e("GET", `/api/v1/documents/${first.id}`)).document.text as string;
  const original = await e("POST", "/api/v1/claims", {
    documentId: first.id,
    revision: 1,
    ...span(firstText, ORIGINAL_QUOTE),
    claimant: { name: "Governor of Zarnovia" },
    statement: STATEMENT,
  });
  await e("POST", `/api/v1/claims/${original.id}/evidence`, {
    url: `https://engineers.example/${run}`,
    title: "Engineers' report on the dam",
    sourceType: "expert",
    stance: "refutes",
  });
  const verdict = await e("POST", `/api/v1/claims/${original.id}/verdicts`, {
    rating: "false",
    summary: "The dam failed after heavy rain.",
    rationale: LONG,
  });
  await e("POST", `/api/v1/verdicts/${verdict.id}/submit`, { version: 1 });
  await r("POST", `/api/v1/verdicts/${verdict.id}/publish`, { version: 2 });

  // A contributor highlights the same claim, worded otherwise, in a new article.
  await signedIn(page, "contributor@claimdesk.test");
  await page.goto("/editor/documents/new");
  await page.getByLabel("Text", { exact: true }).fill(REPEAT);
  await page.getByLabel("Title").fill(`Officials repeat the dam claim (${run})`);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/editor\/documents\/\d+$/);
  await dragSelect(page, REPEAT_QUOTE);
  await page.getByRole("button", { name: "Highlight selection as a claim" }).click();
  const form = page.getByRole("form", { name: "New claim" });
  const suggestion = form.getByTestId("checked-before").getByRole("listitem").first();
  await expect(suggestion).toContainText(STATEMENT);
  await expect(suggestion).toContainText("False");
  await expect(suggestion.locator("mark", { hasText: "Velbrook" })).toBeVisible();
  await suggestion.getByRole("button", { name: "Same claim: save as a repeat of it" }).click();
  await expect(form).toHaveCount(0);

  // The repeat's page: the claim it repeats, whose verdict it shares.
  const card = page.getByRole("region", { name: /Claims in this text/ }).getByRole("article");
  await expect(card).toHaveCount(1);
  await card.getByRole("link", { name: "Evidence & verdict" }).click();
  const banner = page.getByTestId("repeat-of");
  await expect(banner).toContainText(STATEMENT);
  await expect(page.getByRole("button", { name: "Write a verdict" })).toHaveCount(0);
  const repeatUrl = page.url();

  // The claim's page lists it, not yet published; readers do not see it.
  await banner.getByRole("link", { name: STATEMENT }).click();
  const listed = page.getByTestId("appearances").getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(REPEAT_QUOTE);
  await expect(listed).toContainText("not published yet");
  const reader = (await browser.newContext()).request;
  const publicPath = `/claims/${original.slug}`;
  expect(await (await reader.get(publicPath)).text()).not.toContain("Velbrook reservoir had been blown up");

  // A correction, published by a second editor, takes the appearance to readers.
  const correction = await e("POST", `/api/v1/verdicts/${verdict.id}/correct`, { version: 3 });
  await e("POST", `/api/v1/verdicts/${correction.verdict.id}/submit`, { version: 1 });
  await r("POST", `/api/v1/verdicts/${correction.verdict.id}/publish`, {
    version: 2,
    note: "Added where the claim was repeated.",
  });
  const readerPage = await (await browser.newContext()).newPage();
  await readerPage.goto(publicPath);
  const where = readerPage.getByRole("region", { name: "Where this claim was made" });
  await expect(where.getByRole("listitem")).toHaveCount(2);
  await expect(where).toContainText(REPEAT_QUOTE);
  await expect(where).toContainText(`Officials repeat the dam claim (${run})`);

  // Unlinked on the desk: a claim of its own again, and the desk is told readers keep it until the next version.
  await page.goto(repeatUrl);
  await page.getByRole("button", { name: "Unlink: not the same claim" }).click();
  await expect(page.getByTestId("repeat-of")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Write a verdict" })).toBeVisible();
  // Now its own suggestions offer the earlier claim; saying it is not the same keeps it from being offered again.
  const offered = page.getByTestId("checked-before").getByRole("listitem").filter({ hasText: STATEMENT });
  await expect(offered).toHaveCount(1);
  await offered.getByRole("button", { name: "Not the same claim" }).click();
  await expect(offered).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("checked-before").getByRole("listitem").filter({ hasText: STATEMENT })).toHaveCount(0);
});
