import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signedIn } from "./helpers";

/**
 * What readers see changes only when a second editor publishes it, through the desk's own pages: a contributor's and
 * a single editor's edits of a claimant, a document and a dispute stay on the desk ("What readers see" lists them),
 * readers keep the published version, and a second editor's "Publish changes" puts them on every public page. A claim's
 * own words change with a correction, and the desk shows what readers still see meanwhile.
 */
const TEXT =
  "The port minister said on Monday that the harbour had reopened to grain ships after three weeks. " +
  "Dock workers said the cranes had not moved since the storm, and no ship had been loaded.";
const QUOTE = "the harbour had reopened to grain ships after three weeks";
const RATIONALE =
  "Port logs for the three weeks show no loading of grain, and the harbour authority's notices say so. ".repeat(3);

async function desk(browser: Browser, email: string, baseURL: string) {
  const page = await (await browser.newContext()).newPage();
  await signedIn(page, email);
  const call = async (method: string, path: string, data?: unknown) => {
    const res = await page.request.fetch(path, { method, data, headers: { origin: baseURL } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  return { page, call };
}

/** The text of a public page as an anonymous reader gets it. */
const read = async (anon: APIRequestContext, path: string) => {
  const res = await anon.get(path);
  expect(res.status(), path).toBe(200);
  return res.text();
};

test("claimant, document and dispute changes reach readers only when a second editor publishes them", async ({
  browser,
  baseURL,
}) => {
  const contributor = await desk(browser, "contributor@claimdesk.test", baseURL!);
  const editor = await desk(browser, "editor@claimdesk.test", baseURL!);
  const reviewer = await desk(browser, "reviewer@claimdesk.test", baseURL!);
  const anon = (await browser.newContext()).request;

  // A published fact-check of a new claimant, in a new document and dispute (made through the API).
  const c = contributor.call;
  const doc = (await c("POST", "/api/v1/documents", {
    title: "Harbour reopens",
    text: TEXT,
    publisher: "Port Gazette",
  })) as unknown as { id: number; slug: string };
  const start = TEXT.indexOf(QUOTE);
  const claim = (await c("POST", "/api/v1/claims", {
    documentId: doc.id,
    revision: 1,
    start,
    end: start + QUOTE.length,
    claimant: { name: "Port Ministre", description: "Minister for ports" },
    statement: "The harbour reopened to grain ships.",
    newDispute: { question: "Did the harbour reopen?" },
    accountLabel: "Ministry account",
  })) as unknown as { id: number; slug: string; claimantId: number; disputeId: number };
  await c("POST", `/api/v1/claims/${claim.id}/evidence`, {
    url: "https://port.example/logs",
    title: "Harbour logs",
    sourceType: "dataset",
    stance: "refutes",
  });
  const verdict = (await c("POST", `/api/v1/claims/${claim.id}/verdicts`, {
    rating: "false",
    summary: "No grain ship was loaded.",
    rationale: RATIONALE,
  })) as unknown as { id: number };
  await c("POST", `/api/v1/verdicts/${verdict.id}/submit`, { version: 1 });
  await editor.call("POST", `/api/v1/verdicts/${verdict.id}/publish`, { version: 2 });
  const claimantSlug = ((await c("GET", `/api/v1/claimants/${claim.claimantId}`)).claimant as { slug: string }).slug;
  const disputeSlug = ((await c("GET", `/api/v1/disputes/${claim.disputeId}`)).dispute as { slug: string }).slug;
  const pages = [
    `/claims/${claim.slug}`,
    `/claimants/${claimantSlug}`,
    `/documents/${doc.slug}`,
    `/disputes/${disputeSlug}`,
  ];
  for (const path of pages) expect(await read(anon, path), path).toContain("Port Ministre");

  // The contributor fixes the claimant's name on the desk; the editor rewords the role.
  await contributor.page.goto(`/editor/claimants/${claim.claimantId}`);
  await contributor.page.getByLabel("Name").fill("Port Minister");
  await contributor.page.getByRole("button", { name: "Save claimant" }).click();
  await expect(contributor.page.getByText("Claimant saved.")).toBeVisible();
  const panel = contributor.page.getByRole("region", { name: "What readers see" });
  await expect(panel.getByText("1 change waiting for publication")).toBeVisible();
  await expect(panel.getByRole("row", { name: /Name Port Ministre Port Minister/ })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Publish changes" })).toHaveCount(0); // a contributor cannot
  await editor.page.goto(`/editor/claimants/${claim.claimantId}`);
  await editor.page.getByLabel("Role or affiliation").fill("Minister for ports and harbours");
  await editor.page.getByRole("button", { name: "Save claimant" }).click();
  await expect(editor.page.getByText("2 changes waiting for publication")).toBeVisible();
  // The editor changed it: a second editor must publish.
  await expect(editor.page.getByRole("button", { name: "Publish changes" })).toHaveCount(0);
  await expect(editor.page.getByText(/an editor who made none of these changes publishes them/)).toBeVisible();

  // Readers still see the published claimant everywhere.
  for (const path of [...pages, "/feed.xml", "/feed.json", "/api/v1/claims", "/api/v1/exports/claimreview"]) {
    const body = await read(anon, path);
    expect(body, path).not.toContain("Port Minister\u0020"); // the new name (the old one is a prefix of nothing)
    expect(body, path).not.toContain("ports and harbours");
  }
  expect(await read(anon, `/claims/${claim.slug}`)).toContain("Port Ministre");
  expect(await read(anon, "/api/v1/claims?q=minister")).not.toContain(claim.slug);
  await contributor.page.goto("/editor");
  await expect(
    contributor.page
      .getByRole("region", { name: /Changes waiting for publication/ })
      .getByRole("link", { name: "Port Minister" }),
  ).toBeVisible();

  // A second editor publishes, with a public note.
  await reviewer.page.goto(`/editor/claimants/${claim.claimantId}`);
  await reviewer.page.getByLabel("Public note (optional)").fill("The minister's title was corrected.");
  await reviewer.page.getByRole("button", { name: "Publish changes" }).click();
  // The panel now shows the new version, and nothing waiting.
  await expect(reviewer.page.getByText(/Published version 2, .* by Rafael Reviewer/)).toBeVisible();
  await expect(reviewer.page.getByText("no changes are waiting")).toBeVisible();
  for (const path of pages) expect(await read(anon, path), path).toContain("Port Minister");
  expect(await read(anon, `/claimants/${claimantSlug}`)).toContain("The minister&#x27;s title was corrected.");
  expect(await read(anon, "/api/v1/exports/claimreview")).toContain("Port Minister");
  expect(await read(anon, "/api/v1/claims?q=minister")).toContain(claim.slug); // the new name is searchable

  // The document's title, through its edit page; published from the document's desk page.
  await contributor.page.goto(`/editor/documents/${doc.id}/edit`);
  await contributor.page.getByLabel("Title").fill("Harbour reopening claim");
  await contributor.page.getByRole("button", { name: "Save details" }).click();
  await contributor.page.goto(`/editor/documents/${doc.id}`);
  await expect(
    contributor.page.getByRole("row", { name: /Title Harbour reopens Harbour reopening claim/ }),
  ).toBeVisible();
  expect(await read(anon, `/documents/${doc.slug}`)).not.toContain("Harbour reopening claim");
  expect(await read(anon, `/claims/${claim.slug}`)).not.toContain("Harbour reopening claim");
  await reviewer.page.goto(`/editor/documents/${doc.id}`);
  await reviewer.page.getByRole("button", { name: "Publish changes" }).click();
  await expect(reviewer.page.getByText(/Published version 2, .* by Rafael Reviewer/)).toBeVisible();
  expect(await read(anon, `/documents/${doc.slug}`)).toContain("Harbour reopening claim");
  expect(await read(anon, `/claims/${claim.slug}`)).toContain("Harbour reopening claim");

  // The dispute's question: edited, then discarded — readers never see it, and the desk has it back as published.
  await contributor.page.goto(`/editor/disputes/${claim.disputeId}`);
  await contributor.page.getByLabel("Question").fill("Was the harbour ever closed?");
  await contributor.page.getByRole("button", { name: "Save dispute" }).click();
  await expect(contributor.page.getByRole("row", { name: /Question Did the harbour reopen\?/ })).toBeVisible();
  expect(await read(anon, `/disputes/${disputeSlug}`)).toContain("Did the harbour reopen?");
  await contributor.page.getByRole("button", { name: "Discard changes" }).click();
  await expect(contributor.page.getByText("no changes are waiting")).toBeVisible();
  await contributor.page.reload();
  await expect(contributor.page.getByLabel("Question")).toHaveValue("Did the harbour reopen?");

  // The claim's own statement changes within a correction: the desk shows what readers still see meanwhile.
  const current = (
    (await editor.call("GET", `/api/v1/claims/${claim.id}`)).claim as {
      versions: { id: number; version: number; state: string }[];
    }
  ).versions.find((v) => v.state === "published")!;
  const correction = (await editor.call("POST", `/api/v1/verdicts/${current.id}/correct`, { version: current.version }))
    .verdict as { id: number; version: number };
  const working = (await c("GET", `/api/v1/claims/${claim.id}`)).claim as { claim: { version: number } };
  await c("PATCH", `/api/v1/claims/${claim.id}`, {
    version: working.claim.version,
    statement: "The harbour reopened to grain ships after three weeks.",
  });
  await contributor.page.goto(`/editor/claims/${claim.id}`);
  const still = contributor.page.getByRole("region", { name: "Readers still see" });
  await expect(still.getByText("The harbour reopened to grain ships.", { exact: false })).toBeVisible();
  expect(await read(anon, `/claims/${claim.slug}`)).not.toContain("after three weeks.</");
  await editor.call("POST", `/api/v1/verdicts/${correction.id}/submit`, { version: correction.version });
  await reviewer.call("POST", `/api/v1/verdicts/${correction.id}/publish`, {
    version: correction.version + 1,
    note: "The statement now gives the three weeks the minister named.",
  });
  expect(await read(anon, `/claims/${claim.slug}`)).toContain("The harbour reopened to grain ships after three weeks.");
  await contributor.page.reload();
  await expect(contributor.page.getByRole("region", { name: "Readers still see" })).toHaveCount(0);
});
