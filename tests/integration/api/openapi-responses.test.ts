import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/v1/annotations/[id]/route";
import * as claimantChangesRoute from "@/app/api/v1/claimants/[id]/changes/route";
import * as claimantRoute from "@/app/api/v1/claimants/[id]/route";
import * as claimRoute from "@/app/api/v1/claims/[id]/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as disputeChangesRoute from "@/app/api/v1/disputes/[id]/changes/route";
import * as disputeRoute from "@/app/api/v1/disputes/[id]/route";
import * as disputesRoute from "@/app/api/v1/disputes/route";
import * as documentChangesRoute from "@/app/api/v1/documents/[id]/changes/route";
import * as documentRoute from "@/app/api/v1/documents/[id]/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import * as exportsRoute from "@/app/api/v1/exports/[format]/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { seedDemo } from "@/db/seed";
import { EXPORT_FORMATS } from "@/lib/exports/run-export";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";
import { claimOf, DEMO, deskOf, recordOf, step, verdictOf, type Desk } from "../public/desk";

// Reads of the API that no other test makes, on the demo desk: `callRoute` checks every answer against the OpenAPI
// document, so each of these is an answer the document must describe as it comes.

let t: TestDb;
let desk: Desk;
let token: string;
beforeEach(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  desk = await deskOf(t.db);
  ({ token } = await createApiToken(desk.editor, { scope: "write" }));
});
afterEach(async () => {
  await t.close();
});

describe("the API's answers, as its OpenAPI document describes them", () => {
  it("should describe the desk's lists, its records with their claims' verdicts, and what readers see of them", async () => {
    const documents = await callRoute(documentsRoute.GET, "GET", "/api/v1/documents", { token });
    expect([documents.status, documents.json.documents.length]).toEqual([200, 2]);
    const disputes = await callRoute(disputesRoute.GET, "GET", "/api/v1/disputes", { token });
    expect([disputes.status, disputes.json.disputes.length]).toEqual([200, 1]);
    const claimant = await recordOf(t.db, "claimant", DEMO.claimant);
    const params = { id: String(claimant.id) };
    const shown = await callRoute(claimantRoute.GET, "GET", `/api/v1/claimants/${claimant.id}`, { token, params });
    expect([shown.status, shown.json.claimant.slug]).toEqual([200, DEMO.claimant]);
    const document = await recordOf(t.db, "document", DEMO.document);
    const withClaims = await callRoute(documentRoute.GET, "GET", `/api/v1/documents/${document.id}`, {
      token,
      params: { id: String(document.id) },
    });
    expect(withClaims.json.claims.some((c: { verdict: unknown }) => c.verdict !== null)).toBe(true);
    const dispute = await recordOf(t.db, "dispute", DEMO.dispute);
    const accounts = await callRoute(disputeRoute.GET, "GET", `/api/v1/disputes/${dispute.id}`, {
      token,
      params: { id: String(dispute.id) },
    });
    expect(accounts.json.accounts.length).toBeGreaterThan(1);
    const changes = [
      [claimantChangesRoute.GET, "claimant", DEMO.claimant],
      [documentChangesRoute.GET, "document", DEMO.document],
      [disputeChangesRoute.GET, "dispute", DEMO.dispute],
    ] as const;
    for (const [handler, kind, slug] of changes) {
      const { id } = await recordOf(t.db, kind, slug);
      const res = await callRoute(handler, "GET", `/api/v1/${kind}s/${id}/changes`, {
        token,
        params: { id: String(id) },
      });
      expect([res.status, res.json.kind, res.json.published?.seq]).toEqual([200, kind, 1]);
    }
  });

  it("should describe every export format, the whole site's copy unchanged, and unpublished work", async () => {
    for (const format of Object.keys(EXPORT_FORMATS)) {
      const url = `/api/v1/exports/${format}?claim=${DEMO.claim}`;
      const res = await callRoute(exportsRoute.GET, "GET", url, { params: { format } });
      expect([format, res.status, res.text.length > 100]).toEqual([format, 200, true]);
    }
    const site = await callRoute(exportsRoute.GET, "GET", "/api/v1/exports/json", { params: { format: "json" } });
    expect(site.json.claims.length).toBeGreaterThan(0);
    const unchanged = await callRoute(exportsRoute.GET, "GET", "/api/v1/exports/json", {
      params: { format: "json" },
      headers: { "if-none-match": site.headers.get("etag")! },
    });
    expect(unchanged.status).toBe(304);
    const drafts = await callRoute(exportsRoute.GET, "GET", "/api/v1/exports/w3c?includeDrafts=1&page=1", {
      token,
      params: { format: "w3c" },
    });
    expect([drafts.status, drafts.json.type]).toEqual([200, "AnnotationPage"]);
  });

  it("should describe a retracted fact-check, the desk's record of a claim, and a claim as an annotation", async () => {
    const claim = await claimOf(t.db, DEMO.claim);
    const published = await verdictOf(t.db, claim.id, "published");
    await step(t.db, desk.editor, published.id, "retract", { reason: "The strike was misattributed." });
    const params = { id: DEMO.claim };
    const retracted = await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${DEMO.claim}`, { params });
    expect([retracted.status, retracted.json.claim.verdict, retracted.json.claim.retraction.reason]).toEqual([
      200,
      null,
      "The strike was misattributed.",
    ]);
    const desks = await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${claim.id}`, {
      token,
      params: { id: String(claim.id) },
    });
    expect([desks.status, desks.json.claim.claim.id]).toEqual([200, claim.id]);
    const inReview = await claimOf(t.db, DEMO.inReview);
    const id = { id: String(inReview.id) };
    const anonymous = await callRoute(annotationRoute.GET, "GET", `/api/v1/annotations/${inReview.id}`, { params: id });
    expect(anonymous.status).toBe(404); // not published
    const annotation = await callRoute(annotationRoute.GET, "GET", `/api/v1/annotations/${inReview.id}`, {
      token,
      params: id,
    });
    expect([annotation.status, annotation.json.type]).toEqual([200, "Annotation"]);
  });

  it("should describe the public routes' CORS preflights, their 304s, and the description itself", async () => {
    const preflights = [
      [claimsRoute.OPTIONS, "/api/v1/claims"],
      [claimRoute.OPTIONS, `/api/v1/claims/${DEMO.claim}`],
      [annotationRoute.OPTIONS, "/api/v1/annotations/1"],
    ] as const;
    for (const [handler, url] of preflights) expect((await callRoute(handler, "OPTIONS", url)).status).toBe(204);
    const params = { id: DEMO.claim };
    const claim = await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${DEMO.claim}`, { params });
    const again = await callRoute(claimRoute.GET, "GET", `/api/v1/claims/${DEMO.claim}`, {
      params,
      headers: { "if-none-match": claim.headers.get("etag")! },
    });
    expect([claim.status, again.status]).toEqual([200, 304]);
    const description = await callRoute(openApiRoute.GET, "GET", "/api/v1/openapi.json");
    expect([description.status, description.json.openapi]).toEqual([200, "3.1.0"]);
  });
});
