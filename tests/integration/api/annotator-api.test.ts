import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as reattachRoute from "@/app/api/v1/claims/[id]/reattach/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as claimantsRoute from "@/app/api/v1/claimants/route";
import * as disputeRoute from "@/app/api/v1/disputes/[id]/route";
import * as disputesRoute from "@/app/api/v1/disputes/route";
import * as documentRoute from "@/app/api/v1/documents/[id]/route";
import * as textRoute from "@/app/api/v1/documents/[id]/text/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import { CodePointIndex } from "@/lib/anchoring";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { ARTICLE, RAW_ARTICLE } from "../../support/article";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";
import { callRoute } from "../../support/http";
import { startPageServer } from "../../support/page-server";

const PAGE = fs.readFileSync(path.join(import.meta.dirname, "../../fixtures/pages/news-article.html"));
let t: TestDb;
let token: string;
let server: Awaited<ReturnType<typeof startPageServer>>;

beforeAll(async () => {
  server = await startPageServer({
    "/story": (_q, res) => res.writeHead(200, { "content-type": "text/html" }).end(PAGE),
  });
  // URL import connects to ports 80 and 443 only: the page server's port is allowed by name.
  process.env.IMPORT_ALLOW_HOSTS = `127.0.0.1:${new URL(server.url("/")).port}`;
  t = await createTestDb();
  token = (await createApiToken(await addUser(t.database, "c@example.org", "contributor"), { scope: "write" })).token;
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const span = (text: string, quote: string) => {
  const i = new CodePointIndex(text);
  const unit = text.indexOf(quote);
  return { start: i.toCodePoint(unit), end: i.toCodePoint(unit + quote.length) };
};

function upload(name: string, content: BlobPart, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([content], name));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return new Request("http://localhost/api/v1/documents", {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
}

describe("the annotator through the API", () => {
  it("should take the fixture article from import to a dispute, and re-anchor on edit", async () => {
    const imported = await callRoute(documentsRoute.POST, "POST", "/api/v1/documents", {
      token,
      body: { title: "Talks fail", text: RAW_ARTICLE },
    });
    expect(imported.status).toBe(201);
    const id = String(imported.json.id);

    const doc = await callRoute(documentRoute.GET, "GET", `/api/v1/documents/${id}`, { token, params: { id } });
    expect(doc.json.document).toMatchObject({ revision: 1, text: ARTICLE, publishedAt: "2022-03-10" });

    const claim = await callRoute(claimsRoute.POST, "POST", "/api/v1/claims", {
      token,
      body: {
        documentId: Number(id),
        revision: 1,
        ...span(ARTICLE, "those killed were not civilians"),
        claimant: { name: "Sergei Lavrov" },
      },
    });
    expect(claim.status).toBe(201);
    expect(claim.json.selectors).toMatchObject({ exact: "those killed were not civilians" });

    const council = await callRoute(claimsRoute.POST, "POST", "/api/v1/claims", {
      token,
      body: {
        documentId: Number(id),
        revision: 1,
        ...span(ARTICLE, "killing three, including a 6-year-old girl"),
        claimant: { name: "Mariupol city council" },
      },
    });
    const dispute = await callRoute(disputesRoute.POST, "POST", "/api/v1/disputes", {
      token,
      body: {
        question: "Was the Mariupol maternity hospital a civilian site when it was struck?",
        accounts: [
          { claimId: claim.json.id, label: "Russian foreign ministry" },
          { claimId: council.json.id, label: "Mariupol city council" },
        ],
      },
    });
    expect(dispute.status).toBe(201);
    const disputeId = String(dispute.json.dispute.id);
    const shown = await callRoute(disputeRoute.GET, "GET", `/api/v1/disputes/${disputeId}`, {
      token,
      params: { id: disputeId },
    });
    expect(shown.json.accounts.map((a: { claimant: string }) => a.claimant)).toEqual([
      "Sergei Lavrov",
      "Mariupol city council",
    ]);

    const edited = ARTICLE.replace(/Lavrov instead insisted[^\n]*\n\n/, "");
    const put = await callRoute(textRoute.PUT, "PUT", `/api/v1/documents/${id}/text`, {
      token,
      params: { id },
      body: { text: "Update.\n\n" + edited, baseRevision: 1 },
    });
    expect(put.status).toBe(200);
    expect(put.json.revision).toBe(2);
    expect(put.json.claims).toContainEqual({ id: claim.json.id, anchorStatus: "orphaned", start: null, end: null });
    expect(put.json.claims.find((c: { id: number }) => c.id === council.json.id).anchorStatus).toBe("anchored");

    const before = await tableSnapshot(t.db);
    const stale = await callRoute(textRoute.PUT, "PUT", `/api/v1/documents/${id}/text`, {
      token,
      params: { id },
      body: { text: "Other.", baseRevision: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await tableSnapshot(t.db)).toEqual(before);

    const cid = String(claim.json.id);
    const re = await callRoute(reattachRoute.POST, "POST", `/api/v1/claims/${cid}/reattach`, {
      token,
      params: { id: cid },
      body: { revision: 2, ...span("Update.\n\n" + edited, "Update.") },
    });
    expect(re.json.claim.anchorStatus).toBe("anchored");

    const del = await callRoute(claimRoute.DELETE, "DELETE", `/api/v1/claims/${cid}`, { token, params: { id: cid } });
    expect(del.status).toBe(204);
  });

  it("should import an uploaded file and refuse a binary one", async () => {
    const ok = await documentsRoute.POST(upload("talks.md", "# Talks\n\nLavrov said *no*.", { publisher: "Wire" }), {
      params: Promise.resolve({}),
    });
    expect(ok.status).toBe(201);
    expect((await ok.json()).title).toBe("Talks");
    const before = await tableSnapshot(t.db);
    const bad = await documentsRoute.POST(upload("photo.txt", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), {
      params: Promise.resolve({}),
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0]).toMatchObject({ path: "file" });
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should import a page from a URL, with its metadata", async () => {
    const res = await callRoute(documentsRoute.POST, "POST", "/api/v1/documents", {
      token,
      body: { url: server.url("/story") },
    });
    expect(res.status).toBe(201);
    const id = String(res.json.id);
    const doc = await callRoute(documentRoute.GET, "GET", `/api/v1/documents/${id}`, { token, params: { id } });
    expect(doc.json.document).toMatchObject({
      publisher: "The Daily Wire Desk",
      author: "Jane Reporter",
      sourceUrl: server.url("/story"),
    });
    expect(doc.json.document.text).not.toContain("NAV-MARKER");
  });

  it("should find claimants and answer 404 for unknown documents", async () => {
    const found = await callRoute(claimantsRoute.GET, "GET", "/api/v1/claimants?q=lavrov", { token });
    expect(found.json.claimants.map((c: { name: string }) => c.name)).toEqual(["Sergei Lavrov"]);
    expect(
      (await callRoute(documentRoute.GET, "GET", "/api/v1/documents/999", { token, params: { id: "999" } })).status,
    ).toBe(404);
    expect(
      (await callRoute(documentRoute.GET, "GET", "/api/v1/documents/abc", { token, params: { id: "abc" } })).status,
    ).toBe(404);
  });
});
