import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import * as annotationRoute from "@/app/api/v1/annotations/[id]/route";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { seedDemo } from "@/db/seed";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { main } from "@/lib/cli/main";
import { claimsForExport } from "@/db/queries/exports";
import { checkClaimReviews } from "@/lib/exports/claim-review-check";
import { CSV_COLUMNS, neutraliseCell } from "@/lib/exports/formats";
import { exportSite } from "@/lib/exports/run-export";
import { validateClaimReview } from "@/lib/exports/validate-claim-review";
import { createClaim } from "@/lib/services/claims/create-claim";
import { importDocument } from "@/lib/services/documents/import-document";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { queryRow, queryRows } from "@/db/sql";
import { createTestDb, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";
import { folded, readPdf } from "../../support/pdf";
import { HAS_STANDARDS } from "../../support/standards";
import { assertionCount, failedAssertions, passes } from "../../support/w3c-annotation";

const DRAFT_MARKER = "zz-unpublished-draft-marker";
// Emoji are two UTF-16 units and one code point: W3C offsets must count code points.
const EMOJI_TEXT =
  "🇺🇦 Kyiv said 🙂 the strike hit a maternity ward in Mariupol.\n\nMoscow said the building had been empty for days.";

let t: TestDb;
const tokens: Record<"editor" | "contributor", string> = { editor: "", contributor: "" };
let emojiClaimId = 0;

const userId = async (email: string) =>
  (await queryRow<{ id: number }>(t.db, sql`select id from users where email = ${email}`))!.id;
const documentText = async (documentId: number) =>
  (await queryRow<{ text: string }>(
    t.db,
    sql`select r.text as text from documents d join document_revisions r on r.document_id = d.id and r.revision = d.current_revision where d.id = ${documentId}`,
  ))!.text;
const claimCount = async () => (await queryRow<{ n: number }>(t.db, sql`select count(*) as n from claims`))!.n;

/** Drafts, evidences, submits and publishes a verdict on a claim (two people, as the workflow needs). */
async function publish(claimId: number, author: Actor, reviewer: Actor, summary: string) {
  await addEvidence(author, {
    claimId,
    stance: "refutes",
    url: "https://example.org/evidence",
    title: "Satellite images",
    sourceType: "satellite_imagery",
  });
  const v = await createVerdict(author, {
    claimId,
    rating: "false",
    summary,
    rationale:
      "The **images** show the ward in use on 8 March. ".repeat(3) +
      "Hospital staff, patients and the city council all describe a working maternity ward; see the linked source for the full record.",
  });
  await transitionVerdict(author, { verdictId: v.id, step: "submit", version: v.version });
  await transitionVerdict(reviewer, { verdictId: v.id, step: "publish", version: v.version + 1 });
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const editor: Actor = { kind: "user", userId: await userId("editor@claimdesk.test") };
  const contributor: Actor = { kind: "user", userId: await userId("contributor@claimdesk.test") };
  // The verdict in review is published with a summary that starts like a spreadsheet formula.
  const inReview = (await queryRow<{ id: number; version: number }>(
    t.db,
    sql`select id, version from verdicts where state = 'in_review'`,
  ))!;
  await transitionVerdict(contributor, { verdictId: inReview.id, step: "withdraw", version: inReview.version });
  await updateVerdict(contributor, {
    verdictId: inReview.id,
    version: inReview.version + 1,
    summary: '=HYPERLINK("http://evil.example","click")',
  });
  await transitionVerdict(contributor, { verdictId: inReview.id, step: "submit", version: inReview.version + 2 });
  await transitionVerdict(editor, { verdictId: inReview.id, step: "publish", version: inReview.version + 3 });
  // The draft carries a marker that must never leave the desk.
  const draft = (await queryRow<{ id: number; version: number }>(
    t.db,
    sql`select id, version from verdicts where state = 'draft'`,
  ))!;
  await updateVerdict(editor, { verdictId: draft.id, version: draft.version, summary: DRAFT_MARKER });
  // A published claim after emoji, by a claimant with a Cyrillic name.
  const doc = await importDocument(contributor, { title: "Emoji dispatch", text: EMOJI_TEXT });
  const start = [...EMOJI_TEXT].indexOf("t", [...EMOJI_TEXT].indexOf("🙂"));
  const claim = await createClaim(contributor, {
    documentId: doc.id,
    revision: 1,
    start,
    end: start + "the strike hit a maternity ward".length,
    claimant: { name: "Дмитро Кулеба" },
  });
  emojiClaimId = claim.id;
  await publish(claim.id, contributor, editor, "The ward was hit.");
  tokens.editor = (await createApiToken(systemActor(), { forEmail: "editor@claimdesk.test" })).token;
  tokens.contributor = (await createApiToken(systemActor(), { forEmail: "contributor@claimdesk.test" })).token;
});
afterAll(async () => {
  await t.close();
});

async function download(format: string, query = "", token?: string) {
  const res = await exportRoute.GET(
    new Request(`http://localhost/api/v1/exports/${format}${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    {
      params: Promise.resolve({ format }),
    },
  );
  return {
    res,
    bytes: new Uint8Array(await res.arrayBuffer()),
    get text() {
      return new TextDecoder().decode(this.bytes);
    },
  };
}

const publishedClaims = () =>
  queryRows<{ id: number; statement: string; documentId: number }>(
    t.db,
    sql`
    select c.id as id, c.statement as statement, c.document_id as "documentId" from claims c join verdicts v on v.claim_id = c.id and v.state = 'published' order by c.id`,
  );

type Annotation = {
  id: string;
  motivation: string;
  body: { purpose: string; value?: string; type: string }[];
  target: { source: string; selector: Record<string, unknown>[] };
};
type Collection = { "@context": string; total: number; first: { id: string; items: Annotation[] } };

const reviewedStatement = (review: Record<string, unknown>) => String(review.claimReviewed);

describe("exports of published verdicts", () => {
  it("should stream ClaimReview that passes the validator with no error, one per published verdict", async () => {
    const { res, text } = await download("claimreview");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="claimdesk-claimreview-.*\.jsonld"/);
    const reviews = JSON.parse(text) as Record<string, unknown>[];
    const published = await publishedClaims();
    expect(reviews).toHaveLength(published.length);
    expect(reviews.map((r) => r.claimReviewed)).toEqual(published.map((c) => c.statement));
    for (const review of reviews) expect(validateClaimReview(review, "http://localhost:3000").errors).toEqual([]);
    expect(text).not.toContain(DRAFT_MARKER);
    expect(text).not.toContain("creativeWorkStatus");
  });

  it.skipIf(!HAS_STANDARDS)(
    "should say the language each claim was made in and each verdict written in, in every format, still valid",
    async () => {
      const slug = "fotografiyi-poranenikh-vagitnikh-zhinok-iz-mariupolskogo";
      const reviews = JSON.parse((await download("claimreview")).text) as Record<string, unknown>[];
      const uk = reviews.find((r) => String(r.url).endsWith(slug))!;
      const en = reviews.find((r) =>
        String(r.url).endsWith("/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were"),
      )!;
      expect(uk).toMatchObject({ inLanguage: "uk", itemReviewed: { inLanguage: "uk" } });
      // The rating in the review's language, from the scale's Ukrainian words.
      expect(uk.reviewRating).toMatchObject({ alternateName: "Неправда" });
      expect(en).toMatchObject({
        inLanguage: "en",
        itemReviewed: { inLanguage: "en" },
        reviewRating: { alternateName: "False" },
      });
      for (const review of [uk, en]) expect(validateClaimReview(review, "http://localhost:3000").errors).toEqual([]);

      const collection = JSON.parse((await download("w3c")).text) as Collection;
      const annotation = collection.first.items.find((a) => a.body.some((b) => b.value === reviewedStatement(uk)))!;
      const withContext = { "@context": collection["@context"], ...annotation };
      expect(annotation.target).toMatchObject({ language: "uk" });
      expect(annotation.body.filter((b) => "language" in b).map((b) => (b as { language: string }).language)).toEqual([
        "uk",
        "uk",
      ]);
      expect(failedAssertions("annotations/annotationMusts.test", withContext)).toEqual([]);
      for (const file of ["3.2.1-targLanguage.json", "3.2.1-bodyLanguage.json"]) {
        expect(passes(`annotations/bodiesTargets/${file}`, withContext), file).toBe(true);
      }

      const rows = parse((await download("csv")).text, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.find((r) => r.claim_url?.endsWith(slug))).toMatchObject({ language: "uk", verdict_language: "uk" });
      const json = JSON.parse((await download("json")).text) as {
        claims: { slug: string; language: string; verdict: { language: string } }[];
      };
      expect(json.claims.find((c) => c.slug === slug)).toMatchObject({ language: "uk", verdict: { language: "uk" } });
    },
  );

  it("should write CSV that a CSV parser reads back, matching the data, with formulas neutralised", async () => {
    const { text } = await download("csv");
    const rows = parse(text.replace(/^\ufeff/, ""), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => [Number(r.claim_id), r.statement])).toEqual(
      (await publishedClaims()).map((c) => [c.id, c.statement]),
    );
    const lavrov = rows.find((r) => r.statement!.startsWith("Those killed"))!;
    expect(lavrov).toMatchObject({
      claimant: "Sergei Lavrov",
      quote: "those killed were not civilians",
      rating: "False",
      state: "published",
      published: "yes",
      evidence_count: "2",
    });
    expect(lavrov.claim_url).toBe(
      "http://localhost:3000/claims/those-killed-in-the-mariupol-maternity-hospital-strike-were",
    );
    expect(rows.find((r) => r.summary!.includes("HYPERLINK"))!.summary).toBe(
      '\'=HYPERLINK("http://evil.example","click")',
    );
    expect(rows.find((r) => r.claimant === "Дмитро Кулеба")!.quote).toBe("the strike hit a maternity ward");
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("-2")).toBe("'-2");
    expect(neutraliseCell("@x")).toBe("'@x");
    expect(neutraliseCell("ok")).toBe("ok");
    expect(text).not.toContain(DRAFT_MARKER);
  });

  it.skipIf(!HAS_STANDARDS)(
    "should write a W3C AnnotationCollection that meets every MUST of the W3C annotation-model tests",
    async () => {
      expect(assertionCount("annotations/annotationMusts.test")).toBe(54);
      const { res, text } = await download("w3c");
      expect(res.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
      const collection = JSON.parse(text) as Collection;
      expect(failedAssertions("collections/collectionMusts.test", collection)).toEqual([]);
      expect(failedAssertions("collections/pages/pageMusts.test", collection)).toEqual([]); // the collection with its embedded page
      const items = collection.first.items;
      expect(collection.total).toBe(items.length);
      expect(items).toHaveLength((await publishedClaims()).length);
      for (const annotation of items) {
        // An embedded annotation inherits the collection's @context.
        expect(
          failedAssertions("annotations/annotationMusts.test", { "@context": collection["@context"], ...annotation }),
        ).toEqual([]);
        expect(annotation.motivation).toBe("assessing");
        expect(annotation.body.map((b) => b.purpose)).toEqual(["describing", "identifying", "assessing", "linking"]);
      }
      // The page on its own, as its id dereferences.
      const page = JSON.parse((await download("w3c", "?page=1")).text) as { id: string; items: unknown[] };
      expect(page.id).toBe(collection.first.id);
      expect(failedAssertions("collections/pages/pageMusts.test", page)).toEqual([]);
      expect(page.items).toEqual(items);
      expect(text).not.toContain(DRAFT_MARKER);
    },
  );

  it("should give each annotation's exact the document text between start and end, in code points", async () => {
    const collection = JSON.parse((await download("w3c")).text) as Collection;
    const byId = new Map((await publishedClaims()).map((c) => [c.id, c.documentId]));
    for (const annotation of collection.first.items) {
      const claimId = Number(annotation.id.split("/").pop());
      const quote = annotation.target.selector.find((s) => s.type === "TextQuoteSelector") as { exact: string };
      const position = annotation.target.selector.find((s) => s.type === "TextPositionSelector") as {
        start: number;
        end: number;
      };
      expect(sliceCodePoints(await documentText(byId.get(claimId)!), position.start, position.end)).toBe(quote.exact);
    }
    const emoji = collection.first.items.find((a) => a.id.endsWith(`/${emojiClaimId}`))!;
    expect(emoji.target.selector[1]).toEqual({ type: "TextPositionSelector", start: 15, end: 46 }); // 18 and 49 in UTF-16 units
  });

  it.skipIf(!HAS_STANDARDS)("should serve every annotation at its id, alone and valid", async () => {
    const collection = JSON.parse((await download("w3c")).text) as Collection;
    for (const item of collection.first.items) {
      const id = item.id.split("/").pop()!;
      const res = await callRoute(annotationRoute.GET, "GET", `/api/v1/annotations/${id}`, { params: { id } });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ "@context": "http://www.w3.org/ns/anno.jsonld", ...item });
      expect(failedAssertions("annotations/annotationMusts.test", res.json)).toEqual([]);
    }
    const draftClaim = (await queryRow<{ id: number }>(
      t.db,
      sql`select claim_id as id from verdicts where state = 'draft'`,
    ))!.id;
    expect(
      (
        await callRoute(annotationRoute.GET, "GET", `/api/v1/annotations/${draftClaim}`, {
          params: { id: String(draftClaim) },
        })
      ).status,
    ).toBe(404);
    const desk = await callRoute(annotationRoute.GET, "GET", `/api/v1/annotations/${draftClaim}`, {
      params: { id: String(draftClaim) },
      token: tokens.contributor,
    });
    expect(desk.status).toBe(200);
    expect(JSON.stringify(desk.json)).toContain("unpublished draft");
  });

  it("should write the full nested record as JSON", async () => {
    const { text } = await download("json", "?claimant=sergei-lavrov");
    const file = JSON.parse(text) as {
      scope: { label: string };
      includesUnpublished: boolean;
      claims: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    expect(file.scope.label).toBe("Claimant: Sergei Lavrov");
    expect(file.includesUnpublished).toBe(false);
    expect(file.claims).toHaveLength(2);
    const claim = file.claims.find((c) => c.statement.startsWith("Those killed"));
    expect(claim).toMatchObject({
      status: "published",
      published: true,
      statement: expect.stringMatching(/^Those killed/),
      document: { slug: "mariupol-talks-2022-03-10", title: expect.any(String) },
      claimant: { slug: "sergei-lavrov", name: "Sergei Lavrov" },
      disputes: [{ slug: "mariupol-maternity-hospital-strike", label: expect.any(String) }],
      verdict: {
        state: "published",
        rating: { key: "false", label: "False" },
        authorName: expect.any(String),
        reviewerName: expect.any(String),
      },
      selectors: [
        { type: "TextQuoteSelector", exact: "those killed were not civilians" },
        { type: "TextPositionSelector" },
      ],
    });
    expect(claim!.versions).toHaveLength(1);
    expect(claim!.evidence.map((e: { stance: string }) => e.stance).sort()).toEqual(["context", "refutes"]);
    expect(text).not.toContain(DRAFT_MARKER);
  });

  it("should make a PDF report that a PDF reader opens, with every claim's statement", async () => {
    const { res, bytes } = await download("pdf");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe("Verdict report — Everything");
    expect(pdf.pages).toBeGreaterThanOrEqual(4); // cover, disputes, claims, corrections log
    for (const claim of await publishedClaims()) expect(pdf.text).toContain(folded(claim.statement));
    expect(pdf.text).toContain("Дмитро Кулеба");
    expect(pdf.text).toContain("Disputes: the accounts side by side");
    expect(pdf.text).toContain("Corrections log");
    expect(pdf.text).not.toContain(DRAFT_MARKER);
    expect(pdf.text).not.toContain("UNPUBLISHED");
  });

  it("should limit to a scope, and refuse unknown formats, scopes and bad dates clearly", async () => {
    expect(
      JSON.parse((await download("claimreview", "?dispute=mariupol-maternity-hospital-strike")).text),
    ).toHaveLength(2);
    // A record with nothing published is, to an anonymous caller, no record at all — name and existence alike.
    const draftClaim = (await queryRow<{ id: number }>(
      t.db,
      sql`select claim_id as id from verdicts where state = 'draft'`,
    ))!.id;
    for (const [query, message] of [
      ["?claimant=mariupol-city-council", "No claimant “mariupol-city-council”."],
      [`?claim=${draftClaim}`, `No claim “${draftClaim}”.`],
      ["?claim=999999", "No claim “999999”."],
    ]) {
      const res = await callRoute(exportRoute.GET, "GET", `/api/v1/exports/json${query}`, {
        params: { format: "json" },
      });
      expect(res).toMatchObject({ status: 404, json: { error: { message } } });
    }
    const desk = JSON.parse((await download("json", `?claim=${draftClaim}&includeDrafts=1`, tokens.editor)).text) as {
      scope: { label: string };
      claims: unknown[];
    };
    expect(desk.claims).toHaveLength(1);
    expect(desk.scope.label).toMatch(/^Claim: /);
    expect(
      JSON.parse((await download("claimreview", "?document=mariupol-talks-2022-03-10&from=2000-01-01")).text),
    ).toHaveLength(2);
    expect(JSON.parse((await download("claimreview", "?from=2999-01-01")).text)).toHaveLength(0);
    const unknown = await callRoute(exportRoute.GET, "GET", "/api/v1/exports/docx", { params: { format: "docx" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("No export format “docx”. Available: claimreview, w3c, csv, json, pdf.");
    const noDocument = await callRoute(exportRoute.GET, "GET", "/api/v1/exports/csv?document=no-such-article", {
      params: { format: "csv" },
    });
    expect(noDocument).toMatchObject({ status: 404, json: { error: { message: "No document “no-such-article”." } } });
    expect(
      (await callRoute(exportRoute.GET, "GET", "/api/v1/exports/csv?from=yesterday", { params: { format: "csv" } }))
        .status,
    ).toBe(422);
    expect(
      (await callRoute(exportRoute.GET, "GET", "/api/v1/exports/csv?page=1", { params: { format: "csv" } })).status,
    ).toBe(404);
    expect(
      (await callRoute(exportRoute.GET, "GET", "/api/v1/exports/w3c?page=2", { params: { format: "w3c" } })).status,
    ).toBe(404);
  });
});

describe("exports with unpublished work", () => {
  const formats = ["claimreview", "w3c", "csv", "json", "pdf"];

  it("should be for editors only: 401 without a caller, 403 for a contributor", async () => {
    for (const format of formats) {
      expect(
        (await callRoute(exportRoute.GET, "GET", `/api/v1/exports/${format}?includeDrafts=1`, { params: { format } }))
          .status,
      ).toBe(401);
      const contributor = await callRoute(exportRoute.GET, "GET", `/api/v1/exports/${format}?includeDrafts=1`, {
        params: { format },
        token: tokens.contributor,
      });
      expect(contributor.status).toBe(403);
      expect(contributor.json.error.message).toMatch(/may not export unpublished work/);
    }
  });

  it("should hold every claim and mark each unpublished item in every format", async () => {
    const csv = parse((await download("csv", "?includeDrafts=1", tokens.editor)).text.replace(/^\ufeff/, ""), {
      columns: true,
    }) as Record<string, string>[];
    expect(csv).toHaveLength(await claimCount());
    const draftRow = csv.find((r) => r.summary === DRAFT_MARKER)!;
    expect(draftRow).toMatchObject({ state: "unpublished draft", published: "no" });
    expect(draftRow.claim_url).toMatch(/\/editor\/claims\/\d+$/);
    expect(csv.filter((r) => r.published === "no").every((r) => r.state!.startsWith("unpublished"))).toBe(true);

    const reviews = JSON.parse((await download("claimreview", "?includeDrafts=1", tokens.editor)).text) as Record<
      string,
      unknown
    >[];
    const draftStatement = (await queryRow<{ s: string }>(
      t.db,
      sql`select c.statement as s from claims c join verdicts v on v.claim_id = c.id where v.state = 'draft'`,
    ))!.s;
    expect(reviews.find((r) => r.claimReviewed === draftStatement)).toMatchObject({
      creativeWorkStatus: "Draft",
      url: expect.stringMatching(/\/editor\/claims\/\d+$/),
    });

    const collection = JSON.parse((await download("w3c", "?includeDrafts=1", tokens.editor)).text) as Collection;
    expect(collection.total).toBe(await claimCount());
    const withoutVerdict = collection.first.items.filter((a) => a.motivation === "highlighting");
    expect(withoutVerdict.length).toBeGreaterThan(0);
    for (const a of withoutVerdict)
      expect(a.body.at(-1)).toMatchObject({ purpose: "tagging", value: "unpublished, no verdict yet" });
    if (HAS_STANDARDS)
      for (const a of collection.first.items)
        expect(
          failedAssertions("annotations/annotationMusts.test", { "@context": collection["@context"], ...a }),
        ).toEqual([]);

    const json = JSON.parse((await download("json", "?includeDrafts=1", tokens.editor)).text) as {
      includesUnpublished: boolean;
      claims: { status: string; published: boolean }[];
    };
    expect(json.includesUnpublished).toBe(true);
    expect(json.claims.filter((c) => !c.published).every((c) => c.status.startsWith("unpublished"))).toBe(true);

    const { res, bytes } = await download("pdf", "?includeDrafts=1", tokens.editor);
    expect(res.headers.get("content-disposition")).toMatch(/claimdesk-pdf-with-unpublished-/);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain("Includes unpublished work.");
    expect(pdf.text).toContain(`UNPUBLISHED — unpublished draft`);
    expect(pdf.text).toContain(DRAFT_MARKER);
  });
});

describe("exports after a correction", () => {
  it("should give the public only the published version and its note, the desk every version, and log the correction", async () => {
    const editor: Actor = { kind: "user", userId: await userId("editor@claimdesk.test") };
    const reviewer: Actor = { kind: "user", userId: await userId("reviewer@claimdesk.test") };
    const original = (await queryRow<{ id: number; summary: string; version: number }>(
      t.db,
      sql`select id, summary, version from verdicts where claim_id = ${emojiClaimId} and state = 'published'`,
    ))!;
    const draft = await transitionVerdict(editor, {
      verdictId: original.id,
      step: "correct",
      version: original.version,
    });
    await updateVerdict(editor, { verdictId: draft.id, version: draft.version, summary: "The ward was hit at noon." });
    // While the correction is in the works, the desk's export still shows the claim as published.
    const working = JSON.parse(
      (await download("json", `?claim=${emojiClaimId}&includeDrafts=1`, tokens.editor)).text,
    ) as { claims: { published: boolean; verdict: { summary: string }; versions: unknown[] }[] };
    expect(working.claims[0]).toMatchObject({ published: true, verdict: { summary: original.summary } });
    expect(working.claims[0]!.versions).toHaveLength(2);
    await transitionVerdict(editor, { verdictId: draft.id, step: "submit", version: draft.version + 1 });
    await transitionVerdict(reviewer, {
      verdictId: draft.id,
      step: "publish",
      note: "We added the hour.",
      version: draft.version + 2,
    });

    const text = (await download("json", `?claim=${emojiClaimId}`)).text;
    const [claim] = (
      JSON.parse(text) as { claims: { verdict: { seq: number; correctionNote: string }; versions: unknown[] }[] }
    ).claims;
    expect(claim!.verdict).toMatchObject({ seq: 2, correctionNote: "We added the hour." });
    expect(claim!.versions).toHaveLength(1);
    expect(text).not.toContain(original.summary); // the superseded version's body stays on the desk
    const desk = JSON.parse((await download("json", `?claim=${emojiClaimId}&includeDrafts=1`, tokens.editor)).text) as {
      claims: { versions: { state: string }[] }[];
    };
    expect(desk.claims[0]!.versions.map((v) => v.state)).toEqual(["superseded", "published"]);
    const pdf = await readPdf((await download("pdf", `?claim=${emojiClaimId}`)).bytes);
    expect(pdf.text).toContain("Correction: the strike hit a maternity ward");
    expect(pdf.text).toContain("We added the hour.");
  });

  it("should mark unpublished accounts of a dispute in the desk's report", async () => {
    const pdf = await readPdf(
      (await download("pdf", "?dispute=mariupol-maternity-hospital-strike&includeDrafts=1", tokens.editor)).bytes,
    );
    expect(pdf.text).toMatch(/No verdict yet \(UNPUBLISHED\)/);
    expect(pdf.text).toMatch(/Rating: \w+ \(UNPUBLISHED\)/);
  });

  it("should word the PDF report in the language the desk asks for (`locale=`), the data as they are", async () => {
    const { res, bytes } = await download("pdf", "?locale=uk&includeDrafts=1", tokens.editor);
    expect(res.status).toBe(200);
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe("Звіт про вердикти — Усе");
    expect(pdf.text).toContain("Суперечки: версії поруч");
    expect(pdf.text).toContain("Журнал виправлень");
    expect(pdf.text).toContain("НЕОПУБЛІКОВАНО — неопублікована чернетка");
    expect(pdf.text).toContain("Дмитро Кулеба");
    expect(pdf.text).not.toContain("Corrections log");
    // Anyone's whole-site English report is still the kept copy; a locale that is not one is English.
    expect((await readPdf((await download("pdf", "?locale=xx")).bytes)).title).toBe("Verdict report — Everything");
  });
});

describe("the export page's ClaimReview check", () => {
  it("should count each error and warning once per review, marking unpublished ones", async () => {
    const site = await exportSite();
    const published = await checkClaimReviews(site, claimsForExport({}, { includeUnpublished: false }));
    expect(published).toMatchObject({ checked: (await publishedClaims()).length, truncated: false, errors: [] });
    expect(
      published.warnings.find((w) => String(w.message).startsWith("itemReviewed.author.sameAs"))!.count,
    ).toBeGreaterThan(0);
    const all = await checkClaimReviews(site, claimsForExport({}, { includeUnpublished: true }), 2);
    expect(all).toMatchObject({ checked: 2, truncated: true });
    const withDrafts = await checkClaimReviews(site, claimsForExport({}, { includeUnpublished: true }));
    expect(withDrafts.warnings.find((w) => String(w.message).startsWith("not published yet"))).toMatchObject({
      count: 1,
    }); // the one draft
  });
});

describe("export from the command line", () => {
  it("should write each format to a file, with unpublished work on request", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main(["export", "--format", "csv", "--out", path.join(dir, "claims.csv")])).toBe(0);
    expect(
      await main([
        "export",
        "--format",
        "pdf",
        "--out",
        path.join(dir, "report.pdf"),
        "--document",
        "mariupol-talks-2022-03-10",
      ]),
    ).toBe(0);
    expect(await main(["export", "--format", "w3c", "--out", path.join(dir, "all.jsonld"), "--include-drafts"])).toBe(
      0,
    );
    expect(log.mock.calls.flat().join("\n")).toMatch(/Wrote .*report\.pdf \(PDF report, Document: .*, \d+ bytes\)/);
    log.mockRestore();
    expect(
      parse(fs.readFileSync(path.join(dir, "claims.csv"), "utf8").replace(/^\ufeff/, ""), { columns: true }),
    ).toHaveLength((await publishedClaims()).length);
    expect((await readPdf(fs.readFileSync(path.join(dir, "report.pdf")))).text).toContain(
      "Those killed in the Mariupol maternity hospital strike",
    );
    expect((JSON.parse(fs.readFileSync(path.join(dir, "all.jsonld"), "utf8")) as Collection).total).toBe(
      await claimCount(),
    );
  });
});
