import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import * as importRoute from "@/app/api/v1/documents/[id]/annotations/route";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { seedDemo } from "@/db/seed";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { main } from "@/lib/cli/main";
import { importDocument } from "@/lib/services/documents/import-document";
import { importAnnotations } from "@/lib/services/documents/import-annotations";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { queryRow, queryRows } from "@/db/sql";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";

let t: TestDb;
let contributor: Actor;
let contributorToken = "";
let editorToken = "";

const textOf = async (documentId: number) =>
  (await queryRow<{ text: string }>(
    t.db,
    sql`select r.text as text from documents d join document_revisions r on r.document_id = d.id and r.revision = d.current_revision where d.id = ${documentId}`,
  ))!.text;
const claimsOf = (documentId: number) =>
  queryRows<{
    quote: string;
    start: number;
    end: number;
    anchorStatus: string;
    statement: string;
    claimant: string;
  }>(
    t.db,
    sql`
    select c.quote as quote, c.start as start, c."end" as "end", c.anchor_status as "anchorStatus", c.statement as statement, cl.name as claimant
    from claims c join claimants cl on cl.id = c.claimant_id where c.document_id = ${documentId} order by c.start, c."end"`,
  );

async function exportW3c(query: string): Promise<unknown> {
  const res = await exportRoute.GET(
    new Request(`http://localhost/api/v1/exports/w3c${query}`, { headers: { authorization: `Bearer ${editorToken}` } }),
    {
      params: Promise.resolve({ format: "w3c" }),
    },
  );
  return JSON.parse(await res.text());
}

/** An annotation as another tool (Recogito, Annotorious) writes it: a quote, no claimant. */
const foreign = (
  exact: string,
  prefix = "",
  suffix = "",
  body: unknown[] = [{ type: "TextualBody", purpose: "commenting", value: `Check: ${exact}` }],
) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: `urn:uuid:${exact.length}-${prefix.length}`,
  type: "Annotation",
  body,
  target: { selector: [{ type: "TextQuoteSelector", exact, prefix, suffix }] },
});

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const row = await queryRow<{ id: number }>(
    t.db,
    sql`select id from users where email = 'contributor@claimdesk.test'`,
  );
  contributor = { kind: "user", userId: row!.id };
  contributorToken = (await createApiToken(systemActor(), { forEmail: "contributor@claimdesk.test", scope: "write" }))
    .token;
  editorToken = (await createApiToken(systemActor(), { forEmail: "editor@claimdesk.test", scope: "write" })).token;
});
afterAll(async () => {
  await t.close();
});

describe("importing W3C annotations", () => {
  it("should reproduce every claim's anchor when a W3C export is imported into a fresh copy of the document", async () => {
    const original = await claimsOf(1);
    expect(original.length).toBeGreaterThanOrEqual(8);
    const collection = await exportW3c("?document=1&includeDrafts=1");
    const copy = await importDocument(contributor, { title: "Copy of the Mariupol talks", text: await textOf(1) });
    const { counts } = await importAnnotations(contributor, { documentId: copy.id, annotations: collection });
    expect(counts).toEqual({ anchored: original.length, fuzzy: 0, orphaned: 0 });
    expect(await claimsOf(copy.id)).toEqual(original);
  });

  it("should anchor another tool's annotations on an edited text by the same rules: anchored, fuzzy, orphaned", async () => {
    const doc = await importDocument(contributor, {
      title: "Edited copy",
      text: "The mayor said the hospital was hit at noon on Wednesday.\n\nThe ministry said the building stood empty since Monday.\n\nNo one else spoke.",
    });
    const file = [
      foreign("the hospital was hit at noon", "The mayor said ", " on Wednesday."),
      // Edited since it was annotated: "stood empty since Monday" was "had stood empty since Sunday".
      foreign("the building had stood empty since Sunday", "The ministry said ", "."),
      foreign("a sentence that was deleted from the article entirely", "Before it ", " and after."),
    ];
    const before = await tableSnapshot(t.db);
    const refused = await callRoute(importRoute.POST, "POST", `/api/v1/documents/${doc.id}/annotations`, {
      params: { id: String(doc.id) },
      token: contributorToken,
      body: { annotations: file },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toBe("3 of 3 annotations name no claimant: choose who made those claims.");
    expect(await tableSnapshot(t.db)).toEqual(before);

    const res = await callRoute(importRoute.POST, "POST", `/api/v1/documents/${doc.id}/annotations`, {
      params: { id: String(doc.id) },
      token: contributorToken,
      body: { annotations: file, claimant: { name: "Unnamed official" } },
    });
    expect(res.status).toBe(201);
    expect(res.json.counts).toEqual({ anchored: 1, fuzzy: 1, orphaned: 1 });
    expect(res.json.claims.map((c: { status: string }) => c.status)).toEqual(["anchored", "fuzzy", "orphaned"]);
    const claims = await claimsOf(doc.id);
    const [anchored, fuzzy] = ["anchored", "fuzzy"].map((status) => claims.find((c) => c.anchorStatus === status));
    expect(anchored).toMatchObject({
      quote: "the hospital was hit at noon",
      claimant: "Unnamed official",
      statement: "Check: the hospital was hit at noon",
    });
    // A fuzzy claim keeps the annotated quote until a person confirms the place found.
    expect(fuzzy).toMatchObject({ anchorStatus: "fuzzy", quote: "the building had stood empty since Sunday" });
    expect((await textOf(doc.id)).slice(fuzzy!.start, fuzzy!.end)).toMatch(/^the building stood empty since Monday/);
  });

  it("should take the claimant an annotation names, and accept a page or a single annotation", async () => {
    const doc = await importDocument(contributor, {
      title: "Named",
      text: "Officials said the convoy was never fired upon.",
    });
    const named = foreign("the convoy was never fired upon", "Officials said ", ".", [
      { type: "TextualBody", purpose: "identifying", value: "Sergei Lavrov" },
    ]);
    await importAnnotations(contributor, {
      documentId: doc.id,
      annotations: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationPage", items: [named] },
    });
    await importAnnotations(contributor, { documentId: doc.id, annotations: named });
    expect((await claimsOf(doc.id)).map((c) => c.claimant)).toEqual(["Sergei Lavrov", "Sergei Lavrov"]);
    const lavrovs = await queryRow<{ n: number }>(
      t.db,
      sql`select count(*) as n from claimants where name = 'Sergei Lavrov'`,
    );
    expect(lavrovs!.n).toBe(1);
  });

  it("should refuse an invalid file whole, listing every problem, and import nothing", async () => {
    const doc = await importDocument(contributor, { title: "Untouched", text: "Nothing here is annotated yet." });
    const before = await tableSnapshot(t.db);
    const bad = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      first: {
        type: "AnnotationPage",
        items: [
          foreign("Nothing here", "", " is annotated"),
          { type: "Annotation", target: "http://example.org/page" },
          { type: "Annotation", target: { selector: { type: "TextPositionSelector", start: 9, end: 3 } } },
          { type: "Note", target: { selector: { type: "TextQuoteSelector", exact: "" } } },
        ],
      },
    };
    const res = await callRoute(importRoute.POST, "POST", `/api/v1/documents/${doc.id}/annotations`, {
      params: { id: String(doc.id) },
      token: contributorToken,
      body: { annotations: bad, claimant: { name: "X" } },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      { path: "first.items.1.target", message: "needs a TextQuoteSelector or a TextPositionSelector on the text" },
      { path: "first.items.2.target.0.selector.0.end", message: "must be after start" },
      { path: "first.items.3.type", message: "must be Annotation" },
      { path: "first.items.3.target.0.selector.0.exact", message: "must not be empty" },
    ]);
    for (const [file, message] of [
      [
        { type: "AnnotationCollection", first: "http://example.org/page1" },
        "first: must be the embedded AnnotationPage",
      ],
      [{ hello: "world" }, "(file): is not a W3C AnnotationCollection"],
      [[], "(file): holds no annotations"],
    ] as const) {
      const r = await callRoute(importRoute.POST, "POST", `/api/v1/documents/${doc.id}/annotations`, {
        params: { id: String(doc.id) },
        token: contributorToken,
        body: { annotations: file },
      });
      expect(r.status).toBe(422);
      expect(r.json.error.message).toContain(message);
    }
    const pastTheEnd = [
      foreign("Nothing here", "", " is annotated"),
      { type: "Annotation", target: { selector: { type: "TextPositionSelector", start: 500, end: 510 } } },
    ];
    const past = await callRoute(importRoute.POST, "POST", `/api/v1/documents/${doc.id}/annotations`, {
      params: { id: String(doc.id) },
      token: contributorToken,
      body: { annotations: pastTheEnd, claimant: { name: "X" } },
    });
    expect(past).toMatchObject({
      status: 422,
      json: { error: { message: "Annotation 1 points past the end of the text and gives no quote." } },
    });
    expect(
      (
        await callRoute(importRoute.POST, "POST", `/api/v1/documents/${doc.id}/annotations`, {
          params: { id: String(doc.id) },
          body: { annotations: [] },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await callRoute(importRoute.POST, "POST", `/api/v1/documents/99999/annotations`, {
          params: { id: "99999" },
          token: contributorToken,
          body: { annotations: [foreign("x")], claimant: { name: "X" } },
        })
      ).status,
    ).toBe(404);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should import from the command line", async () => {
    const doc = await importDocument(contributor, { title: "CLI copy", text: await textOf(1) });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-import-")), "claims.jsonld");
    fs.writeFileSync(file, JSON.stringify(await exportW3c("?document=1")));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main(["import", "--document", String(doc.id), "--file", file])).toBe(0);
    const lines = log.mock.calls.flat().join("\n");
    log.mockRestore();
    expect(lines).toMatch(/Imported \d+ claims: \d+ anchored, 0 fuzzy, 0 orphaned\./);
  });
});
