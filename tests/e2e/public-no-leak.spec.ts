import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signedIn } from "./helpers";

/**
 * Plants records with marker strings in every non-public state, then reads every public
 * route as a reader and a machine would: no marker, no account email, no audit detail may
 * appear anywhere.
 */
const LONG = "This rationale is long enough to pass the publication gate of the desk. ".repeat(4);

async function desk(page: Page, email: string, baseURL: string) {
  await signedIn(page, email);
  const call = async (method: string, path: string, data?: unknown) => {
    const res = await page.request.fetch(path, { method, data, headers: { origin: baseURL } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.status() === 204 ? null : res.json();
  };
  return call;
}

function span(text: string, quote: string) {
  const at = text.indexOf(quote);
  expect(at, quote).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

test("nothing unpublished reaches any public page, feed, sitemap, search or API answer", async ({
  browser,
  baseURL,
}) => {
  const contributorPage = await (await browser.newContext()).newPage();
  const editorPage = await (await browser.newContext()).newPage();
  const reviewerPage = await (await browser.newContext()).newPage();
  const c = await desk(contributorPage, "contributor@claimdesk.test", baseURL!);
  const e = await desk(editorPage, "editor@claimdesk.test", baseURL!);
  const r = await desk(reviewerPage, "admin@claimdesk.test", baseURL!);

  const doc = (await c("GET", "/api/v1/documents/1")).document as { text: string; revision: number };
  const claim = async (quote: string, statement: string, extra: object = {}) =>
    c("POST", "/api/v1/claims", {
      documentId: 1,
      revision: doc.revision,
      ...span(doc.text, quote),
      statement,
      ...extra,
    });

  // A claim without a published verdict, its claimant, its dispute, a draft verdict and draft evidence.
  const a = await claim("Kyiv appeared to want meetings for the sake of meetings", "MARKER-UNPUBLISHED-CLAIM", {
    claimant: { name: "MARKER Claimant Person", sameAs: "https://marker.example/claimant" },
    newDispute: { question: "MARKER-DISPUTE-QUESTION about meetings?" },
  });
  await c("POST", `/api/v1/claims/${a.id}/verdicts`, {
    rating: "false",
    summary: "MARKER-DRAFT-SUMMARY",
    rationale: "MARKER-DRAFT-RATIONALE",
  });
  await c("POST", `/api/v1/claims/${a.id}/evidence`, {
    url: "https://marker.example/draft",
    title: "MARKER-DRAFT-EVIDENCE",
    sourceType: "other",
    stance: "refutes",
  });

  // A verdict in review.
  const b = await claim(
    "Lavrov dismissed such criticism as “pathetic shrieks” from its enemies",
    "Criticism of the strike is “pathetic shrieks”.",
    { claimant: { name: "Sergei Lavrov" } },
  );
  await c("POST", `/api/v1/claims/${b.id}/evidence`, {
    url: "https://marker.example/review",
    title: "MARKER-REVIEW-EVIDENCE",
    sourceType: "other",
    stance: "context",
  });
  const inReview = await c("POST", `/api/v1/claims/${b.id}/verdicts`, {
    rating: "misleading",
    summary: "MARKER-REVIEW-SUMMARY",
    rationale: `MARKER-REVIEW-RATIONALE ${LONG}`,
  });
  await c("POST", `/api/v1/verdicts/${inReview.id}/submit`, { version: 1 });

  // A published verdict that is then retracted: its notice stays, its body goes.
  const d = await claim(
    "repeating Russian demands that Ukraine be disarmed and accept neutral status",
    "Russia demands that Ukraine be disarmed and neutral.",
    { claimant: { name: "Sergei Lavrov" } },
  );
  await c("POST", `/api/v1/claims/${d.id}/evidence`, {
    url: "https://marker.example/retracted",
    title: "MARKER-RETRACTED-EVIDENCE",
    sourceType: "other",
    stance: "supports",
  });
  const retracted = await c("POST", `/api/v1/claims/${d.id}/verdicts`, {
    rating: "true",
    summary: "MARKER-RETRACTED-SUMMARY",
    rationale: `MARKER-RETRACTED-RATIONALE ${LONG}`,
  });
  await c("POST", `/api/v1/verdicts/${retracted.id}/submit`, { version: 1 });
  await e("POST", `/api/v1/verdicts/${retracted.id}/publish`, { version: 2 });
  // While it is published, readers load its pages, so they are in the page cache…
  const reader = await (await browser.newContext()).newPage();
  const anon: APIRequestContext = reader.request;
  for (const path of [`/claims/${d.slug}`, "/claimants/sergei-lavrov"]) {
    expect(await (await anon.get(path)).text(), path).toContain("MARKER-RETRACTED");
  }
  expect(await (await anon.get("/documents/mariupol-talks-2022-03-10")).text()).toContain(`/claims/${d.slug}`);
  // …and the retraction must drop them.
  await e("POST", `/api/v1/verdicts/${retracted.id}/retract`, {
    version: 3,
    reason: "We could not confirm the source of the quote.",
  });

  // A correction in the works on the published Lavrov claim, an internal comment on it.
  const published = (await e("GET", "/api/v1/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were"))
    .claim;
  const current = published.versions.find((v: { state: string }) => v.state === "published");
  const correction = (await e("POST", `/api/v1/verdicts/${current.id}/correct`, { version: current.version })).verdict;
  await e("PATCH", `/api/v1/verdicts/${correction.id}`, {
    version: correction.version,
    summary: "MARKER-CORRECTION-DRAFT",
  });
  await e("POST", `/api/v1/claims/${published.claim.id}/evidence`, {
    url: "https://marker.example/correction",
    title: "MARKER-CORRECTION-EVIDENCE",
    sourceType: "other",
    stance: "context",
  });
  await c("POST", `/api/v1/claims/${published.claim.id}/comments`, { body: "MARKER-COMMENT between editors" });

  // Unpublished edits of every fact readers see next to that published verdict: the claim's words and claimant within
  // the correction in the works, and the working copies of its claimant, its document (details and text) and its
  // dispute (question and account label). None is published by a second editor, so none may reach a reader.
  const facts = published.claim as { id: number; version: number; documentId: number; claimant: { id: number } };
  const claimantBefore = (await c("GET", `/api/v1/claimants/${facts.claimant.id}`)).claimant;
  await c("PATCH", `/api/v1/claims/${facts.id}`, {
    version: facts.version,
    statement: "MARKER-STATEMENT of the correction in the works",
    claimant: { name: "MARKER Reattributed Person" },
  });
  await c("PATCH", `/api/v1/claimants/${facts.claimant.id}`, {
    version: claimantBefore.version,
    name: "Sergei MARKER-NAME Lavrov",
    description: "MARKER-ROLE",
    sameAs: "https://marker.example/same-as",
  });
  const docBefore = (await c("GET", `/api/v1/documents/${facts.documentId}`)).document;
  await e("PATCH", `/api/v1/documents/${facts.documentId}`, {
    version: docBefore.version,
    title: "MARKER-DOCUMENT-TITLE",
    publisher: "MARKER-PUBLISHER",
    sourceUrl: "https://marker.example/source",
  });
  await c("PUT", `/api/v1/documents/${facts.documentId}/text`, {
    text: `${docBefore.text}\n\nMARKER-TEXT of an unpublished revision.`,
    baseRevision: docBefore.revision,
  });
  const disputeId = (published.disputes as { id: number }[])[0]!.id;
  const disputeBefore = await e("GET", `/api/v1/disputes/${disputeId}`);
  await e("PATCH", `/api/v1/disputes/${disputeId}`, {
    version: disputeBefore.dispute.version,
    question: "MARKER-DISPUTE-QUESTION-EDIT?",
    accounts: (disputeBefore.accounts as { claimId: number; label: string }[]).map((a) => ({
      claimId: a.claimId,
      label: `MARKER-LABEL ${a.label}`,
    })),
  });
  await r("GET", "/api/v1/me");

  // Read everything public, as an anonymous reader. Slugs come from the desk's own answers.
  const claimantSlug = (await c("GET", `/api/v1/claimants/${a.claimantId}`)).claimant.slug as string;
  const disputeSlug = (await c("GET", `/api/v1/disputes/${a.disputeId}`)).dispute.slug as string;
  const sitemap = await (await anon.get("/sitemap.xml")).text();
  const sitemapPaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(sitemapPaths).toContain("/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were");
  const routes = [
    ...new Set([
      ...sitemapPaths,
      "/",
      "/claims",
      "/claims?q=marker", // the echo of the search is lower case; a leaked MARKER would show upper case
      "/claims?q=meetings",
      "/claims?q=shrieks",
      "/claims?q=reattributed",
      "/api/v1/claims?q=reattributed",
      "/api/v1/exports/claimreview",
      "/api/v1/exports/w3c",
      "/api/v1/exports/csv",
      "/api/v1/exports/json",
      "/api/v1/exports/json?claimant=sergei-lavrov",
      "/api/v1/exports/json?dispute=mariupol-maternity-hospital-strike",
      "/methodology",
      "/corrections",
      "/feed.xml",
      "/feed.json",
      "/robots.txt",
      "/api/v1/claims",
      "/api/v1/claims?q=marker",
      "/api/v1/claims?q=disarmed",
      "/api/v1/rating-scale",
      `/api/v1/claims/${a.slug}`,
      `/api/v1/claims/${b.slug}`,
      `/api/v1/claims/${d.slug}`,
      "/api/v1/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were",
      `/claims/${a.slug}`,
      `/claims/${b.slug}`,
      `/claims/${d.slug}`,
      `/claimants/${claimantSlug}`,
      `/disputes/${disputeSlug}`,
    ]),
  ];
  for (const path of routes) {
    const res = await anon.get(path);
    const body = await res.text();
    expect(body, path).not.toContain("MARKER");
    expect(body, path).not.toMatch(/@claimdesk\.test|verdict\.(submit|publish|update)|changes_requested|password/i);
  }
  for (const path of [
    `/claims/${a.slug}`,
    `/claims/${b.slug}`,
    `/claimants/${claimantSlug}`,
    `/disputes/${disputeSlug}`,
  ]) {
    expect((await anon.get(path)).status(), path).toBe(404);
  }
  // The article no longer highlights the retracted claim.
  expect(await (await anon.get("/documents/mariupol-talks-2022-03-10")).text()).not.toContain(`/claims/${d.slug}`);
  // The retracted claim keeps its public notice, without the verdict.
  await reader.goto(`/claims/${d.slug}`);
  await expect(reader.getByRole("heading", { name: /This fact-check was retracted/ })).toBeVisible();
  await expect(reader.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await reader.goto("/corrections");
  await expect(reader.getByText("We could not confirm the source of the quote.")).toBeVisible();

  // The published facts are still there, as published.
  const lavrovPage = await (await anon.get("/claimants/sergei-lavrov")).text();
  expect(lavrovPage).toContain("Sergei Lavrov");
  expect(await (await anon.get("/documents/mariupol-talks-2022-03-10")).text()).toContain(docBefore.title);

  // Tidy up for the other tests: every working copy goes back as published, the correction in the works is discarded.
  for (const [kind, id] of [
    ["claimants", facts.claimant.id],
    ["documents", facts.documentId],
    ["disputes", disputeId],
  ] as const) {
    const { version } = await c("GET", `/api/v1/${kind}/${id}/changes`);
    await c("POST", `/api/v1/${kind}/${id}/discard-changes`, { version });
  }
  const reworded = (await e("GET", `/api/v1/claims/${facts.id}`)).claim.claim;
  await e("PATCH", `/api/v1/claims/${facts.id}`, {
    version: reworded.version,
    statement: published.claim.statement,
    claimant: { id: facts.claimant.id },
  });
  const now = (await e("GET", `/api/v1/claims/${published.claim.id}`)).claim.versions.find(
    (v: { id: number }) => v.id === correction.id,
  );
  await e(
    "DELETE",
    `/api/v1/claims/${published.claim.id}/evidence/${(await e("GET", `/api/v1/claims/${published.claim.id}`)).claim.evidence.find((x: { title: string }) => x.title === "MARKER-CORRECTION-EVIDENCE").evidenceId}`,
  );
  await e("POST", `/api/v1/verdicts/${correction.id}/discard`, { version: now.version });
});
