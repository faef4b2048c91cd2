import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signedIn } from "./helpers";

// Runs last (files run in name order): it publishes a claim full of hostile text.
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** Script and HTML that would run, or inject an element or a link, if any page rendered it as markup. */
const P = `<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=1;alert(1)</script><svg onload="alert(1)"></svg>"><iframe src="javascript:alert(1)"></iframe>`;
const MARKDOWN = `Rationale with [a link](javascript:alert(1)) and raw HTML: ${P}

${"The evidence shows the opposite of what was said, in the records and the images. ".repeat(3)}`;

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signedIn(page, email);
  return page;
}

/** A same-origin JSON write with the session cookie, as the app's own pages make. */
async function write(
  request: APIRequestContext,
  method: "post" | "put" | "patch",
  path: string,
  data: unknown,
  baseURL: string,
) {
  const res = await request[method](path, { data, headers: { Origin: baseURL } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

let claim: {
  id: number;
  slug: string;
  documentId: number;
  documentSlug: string;
  claimantSlug: string;
  disputeId: number;
  disputeSlug: string;
};

test("hostile text in every field is stored and published as text", async ({ browser, baseURL }) => {
  const editor = await as(browser, "editor@claimdesk.test");
  const doc = await write(
    editor.request,
    "post",
    "/api/v1/documents",
    {
      title: `Title ${P}`,
      publisher: `Publisher ${P}`,
      text: `Someone said the hostile sentence is here today. ${P}\n\nAnother paragraph ${P}.`,
    },
    baseURL!,
  );
  const created = await write(
    editor.request,
    "post",
    "/api/v1/claims",
    {
      documentId: doc.id,
      revision: doc.revision,
      start: 13,
      end: 47,
      claimant: { name: `Claimant ${P}`, description: `Role ${P}` },
      statement: `Statement ${P}`,
      newDispute: { question: `Question ${P}?` },
    },
    baseURL!,
  );
  await write(
    editor.request,
    "post",
    `/api/v1/claims/${created.id}/evidence`,
    {
      url: "https://example.org/evidence",
      title: `Evidence ${P}`,
      excerpt: `Excerpt ${P}`,
      publisher: `Source ${P}`,
      sourceType: "news_report",
      stance: "refutes",
    },
    baseURL!,
  );
  const verdict = await write(
    editor.request,
    "post",
    `/api/v1/claims/${created.id}/verdicts`,
    { rating: "false", summary: `Summary ${P}`, rationale: MARKDOWN },
    baseURL!,
  );
  await write(editor.request, "post", `/api/v1/claims/${created.id}/comments`, { body: `Comment ${P}` }, baseURL!);
  await write(editor.request, "post", `/api/v1/verdicts/${verdict.id}/submit`, { version: verdict.version }, baseURL!);
  const reviewer = await as(browser, "reviewer@claimdesk.test");
  await write(
    reviewer.request,
    "post",
    `/api/v1/verdicts/${verdict.id}/publish`,
    { version: verdict.version + 1 },
    baseURL!,
  );
  // The published record, as an anonymous reader gets it.
  const stored = (await (await (await browser.newContext()).request.get(`/api/v1/claims/${created.slug}`)).json())
    .claim;
  claim = {
    id: created.id,
    slug: created.slug,
    documentId: doc.id,
    documentSlug: stored.document.slug,
    claimantSlug: stored.claimant.slug,
    disputeId: created.disputeId,
    disputeSlug: stored.disputes[0].slug,
  };
  expect(stored.statement).toBe(`Statement ${P}`);
});

/** Opens a page and checks that nothing hostile ran or was injected — and that the hostile text is there, as text. */
async function expectInert(page: Page, path: string, { shown = true } = {}) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  await page.waitForTimeout(300); // hydration: a payload would run by now
  expect(dialogs, `${path}: dialogs`).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    `${path}: script ran`,
  ).toBeUndefined();
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svg: document.querySelectorAll("svg[onload]").length,
    iframe: document.querySelectorAll("iframe").length,
    // An injected <script> holds just the payload (Next's own scripts carry page data as JSON strings).
    script: [...document.scripts].filter((s) => s.textContent?.trim() === "window.__xss=1;alert(1)").length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
      a.getAttribute("href")!.trim().toLowerCase().startsWith("javascript:"),
    ).length,
  }));
  expect(injected, path).toEqual({ img: 0, svg: 0, iframe: 0, script: 0, jsLinks: 0 });
  if (shown)
    expect(await page.locator("main").innerText(), `${path}: the text is shown`).toContain(
      '<img src=x onerror="window.__xss=1;alert(1)">',
    );
  return page;
}

test("the hostile text is inert on every public page", async ({ page }) => {
  const paths = [
    "/",
    "/claims",
    "/claims?q=hostile",
    `/claims/${claim.slug}`,
    `/disputes/${claim.disputeSlug}`,
    `/claimants/${claim.claimantSlug}`,
    `/documents/${claim.documentSlug}`,
  ];
  for (const path of paths) await expectInert(page, path);
  await expectInert(page, "/corrections", { shown: false }); // no correction: the page lists none
  // The text is there, shown as text.
  await page.goto(`/claims/${claim.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x onerror=");
});

test("the hostile text is inert on every desk page", async ({ browser }) => {
  const editor = await as(browser, "editor@claimdesk.test");
  const paths = [
    "/editor",
    `/editor/documents/${claim.documentId}`,
    `/editor/documents/${claim.documentId}/edit`,
    `/editor/claims/${claim.id}`,
    `/editor/disputes/${claim.disputeId}`,
    "/editor/disputes",
    "/editor/claimants",
    "/editor/documents",
    `/editor/exports?claim=${claim.id}&includeDrafts=1`,
    `/editor/report?claim=${claim.id}&includeDrafts=1`,
  ];
  for (const path of paths) await expectInert(editor, path);
});

test("responses carry the security headers, and a cookie-authenticated write from another origin is refused", async ({
  browser,
  baseURL,
}) => {
  const editor = await as(browser, "editor@claimdesk.test");
  for (const path of ["/", `/claims/${claim.slug}`, "/editor", "/api/v1/claims", "/login"]) {
    const res = await editor.request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("object-src 'none'");
    expect(h["content-security-policy"], path).toContain("base-uri 'self'");
    expect(h["content-security-policy"], path).toContain("form-action 'self'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  const forged = await editor.request.post("/api/v1/claimants", {
    data: { name: "Forged by another site" },
    headers: { Origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("forbidden");
  const noOrigin = await editor.request.post("/api/v1/claimants", {
    data: { name: "Forged by another site" },
    headers: { "Sec-Fetch-Site": "cross-site" },
  });
  expect(noOrigin.status()).toBe(403);
  const found = await (
    await editor.request.get("/api/v1/claimants?q=Forged", { headers: { Origin: baseURL! } })
  ).json();
  expect(found.claimants).toEqual([]);
});
