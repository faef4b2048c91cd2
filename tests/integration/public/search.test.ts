import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as claimsRoute from "@/app/api/v1/claims/route";
import { openDatabase, setDatabase } from "@/db/client";
import { MATCH_END, MATCH_START, type PublicClaimFilters } from "@/db/queries/public/search-claims";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import { createClaim } from "@/lib/services/claims/create-claim";
import { importDocument } from "@/lib/services/documents/import-document";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { searchPublishedClaims, searchTermsOf } from "@/lib/search/search-published-claims";
import { escapeHtml } from "@/lib/text/html";
import { createTestDb, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";
import { claimOf, DEMO, deskOf, step, verdictOf, type Desk } from "./desk";

let t: TestDb;
let desk: Desk;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  desk = await deskOf(t.db);
});
afterAll(async () => {
  await t.close();
});

const search = (f: PublicClaimFilters) => searchPublishedClaims(f);
const countOf = async (f: PublicClaimFilters) => (await search(f)).total;
const slugsOf = async (f: PublicClaimFilters) => (await search(f)).items.map((i) => i.slug);

const RATIONALE = "The agency's own archive shows otherwise, as the linked records and photographs make clear. ".repeat(
  3,
);

/** A new document with one claim on all of its text, published by the desk (an editor writes, a reviewer publishes). */
async function publishClaim(
  statement: string,
  opts: { claimant?: string; rating?: string; title?: string; publish?: boolean } = {},
): Promise<{ id: number; slug: string; verdictId: number }> {
  const { editor, reviewer } = desk;
  const document = await importDocument(editor, { title: opts.title ?? "Wire copy", text: statement });
  const claim = await createClaim(editor, {
    documentId: document.id,
    revision: 1,
    start: 0,
    end: [...statement].length,
    claimant: { name: opts.claimant ?? "Agency spokesperson" },
    statement,
  });
  await addEvidence(editor, {
    claimId: claim.id,
    url: `https://example.org/records/${claim.id}`,
    title: "Agency records",
    sourceType: "document",
    stance: "refutes",
  });
  const verdict = await createVerdict(editor, {
    claimId: claim.id,
    rating: opts.rating ?? "false",
    summary: "The records show otherwise.",
    rationale: RATIONALE,
  });
  await step(t.db, editor, verdict.id, "submit");
  if (opts.publish !== false) await step(t.db, reviewer, verdict.id, "publish");
  return { id: claim.id, slug: claim.slug, verdictId: verdict.id };
}

describe("the public search, by the claim matcher's terms", () => {
  it("should find the Lavrov claim by any form of a word, with the word as written marked", async () => {
    for (const q of ["civilian", "CIVILIANS", "Civilians’"]) {
      const { items, total } = await search({ q });
      expect(total, q).toBe(1);
      expect(items[0]).toMatchObject({ slug: DEMO.claim, claimantName: "Sergei Lavrov", rating: { label: "False" } });
      expect(items[0]!.snippet).toContain(`${MATCH_START}civilians${MATCH_END}`);
    }
    // Every word is required; stop words are no terms.
    expect(await countOf({ q: "the civilians of Mariupol" })).toBe(1);
    expect(await countOf({ q: "civilians bread" })).toBe(0);
    // A stem, not a prefix: "injuring" finds the "17 injured" of its rationale; "civil" is not "civilians".
    expect(await slugsOf({ q: "injuring" })).toEqual([DEMO.claim]);
    expect(await countOf({ q: "civil" })).toBe(0);
  });

  it("should never return claims whose verdict is in review or a draft", async () => {
    expect(await countOf({ q: "fighters" })).toBe(0); // in review
    expect(await countOf({ q: "independent" })).toBe(0); // the draft's rationale
    expect(await countOf({ q: "hospital" })).toBe(1); // of four claims about the hospital, one is published
  });

  it("should treat query syntax as text, and a query of stop words alone as one that finds nothing", async () => {
    expect(await countOf({ q: '"civilians*" OR (killed) NEAR/2' })).toBe(0); // "near" is a word, and not in the claim
    expect(await countOf({ q: '"civilians*" OR (killed)' })).toBe(1);
    expect(searchTermsOf("  — ")).toBeNull();
    expect(searchTermsOf("The who?")).toEqual([]);
    expect(await countOf({ q: "The who?" })).toBe(0);
    expect(searchTermsOf("Zelensky's genocide, genocides")).toEqual(["zelenski", "genocid"]);
  });

  it("should match words in Cyrillic and Latin alike, whatever their case and accents", async () => {
    const cyrillic = await publishClaim("Маріуполь був заблокований у березні, заявив мер.", {
      claimant: "Вадим Бойченко",
    });
    const spanish = await publishClaim("La vacuna contra la gripe provoca autismo, según el vídeo viral.");
    // The demo's Ukrainian article is headed "Маріуполь: …" too; ranked after the claim that says it.
    expect(await slugsOf({ q: "маріуполь" })).toEqual([
      cyrillic.slug,
      "fotografiyi-poranenikh-vagitnikh-zhinok-iz-mariupolskogo",
    ]);
    expect(await slugsOf({ q: "МАРІУПОЛЬ заявив" })).toEqual([cyrillic.slug]);
    expect(await slugsOf({ q: "бойченко" })).toEqual([cyrillic.slug]);
    expect(await slugsOf({ q: "Vacuna" })).toEqual([spanish.slug]);
    expect(await slugsOf({ q: "vacuná VIDEO" })).toEqual([spanish.slug]);
    const [hit] = (await search({ q: "video vacuna" })).items;
    expect(hit!.snippet).toContain(`${MATCH_START}vacuna${MATCH_END}`);
    expect(hit!.snippet).toContain(`${MATCH_START}vídeo${MATCH_END}`);
  });

  it("should keep every filter, the order and the pages working together with words", async () => {
    const a = await publishClaim("The grain convoy reached Odesa harbour on Monday.", { rating: "true" });
    const b = await publishClaim("No grain convoy ever reached Odesa, the ministry said.", {
      claimant: "Ministry of Defence",
    });
    const c = await publishClaim("A grain convoy was turned back at the border.", { rating: "misleading" });
    const [first, second, third] = [a, b, c].map((x) => x.slug);
    expect((await search({ q: "grain convoy" })).total).toBe(3);
    expect(await slugsOf({ q: "grain convoy", sort: "newest" })).toEqual([third, second, first]);
    expect(await slugsOf({ q: "grain convoy", sort: "oldest" })).toEqual([first, second, third]);
    expect(await slugsOf({ q: "grain convoy odesa" })).toEqual(expect.arrayContaining([first, second]));
    expect(await slugsOf({ q: "grain", rating: "true" })).toEqual([first]);
    expect(await slugsOf({ q: "grain", rating: "no-such-rating" })).toEqual([]);
    expect(await slugsOf({ q: "grain", claimant: "ministry-of-defence" })).toEqual([second]);
    expect(await slugsOf({ q: "grain", claimant: "sergei-lavrov" })).toEqual([]);
    expect(await countOf({ q: "civilians", dispute: DEMO.dispute })).toBe(1);
    expect(await countOf({ q: "grain", dispute: DEMO.dispute })).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(await countOf({ q: "grain", from: today, to: today })).toBe(3);
    expect(await countOf({ q: "grain", to: "2000-01-01" })).toBe(0);
    expect(await countOf({ q: "civilians", from: today })).toBe(0); // published by the demo seed, before today
    expect(await countOf({ q: "civilians", to: today })).toBe(1);
    // Pages of a search: twenty a page, the last page for one beyond.
    for (let i = 0; i < 19; i++) await publishClaim(`Grain silo number ${i} burned down.`);
    const pageTwo = await search({ q: "grain", page: 2 });
    expect(pageTwo).toMatchObject({ total: 22, page: 2, pages: 2 });
    expect(pageTwo.items).toHaveLength(2);
    expect((await search({ q: "grain", page: 9 })).page).toBe(2);
    const all = [...(await slugsOf({ q: "grain" })), ...pageTwo.items.map((i) => i.slug)];
    expect(new Set(all).size).toBe(22);
  });

  it("should rank the claim that holds the words in its statement above one that holds them in its rationale", async () => {
    const inRationale = await publishClaim("Fuel prices rose in the spring, the minister said.");
    const inStatement = await publishClaim("The photographs of the refinery were staged.");
    // Every claim published here has photographs in its rationale.
    expect((await search({ q: "photographs" })).items[0]!.slug).toBe(inStatement.slug);
    expect(await slugsOf({ q: "photographs spring" })).toEqual([inRationale.slug]);
  });

  it("should add a claim when its verdict is published, and drop it on retraction", async () => {
    const lavrov = await claimOf(t.db, DEMO.claim);
    const inReview = (await queryRow<{ id: number }>(t.db, sql`select id from verdicts where state = 'in_review'`))!.id;
    await step(t.db, desk.editor, inReview, "publish");
    expect(await countOf({ q: "fighters" })).toBe(1);
    await step(t.db, desk.editor, inReview, "retract", { reason: "Wrong hospital." });
    expect(await countOf({ q: "fighters" })).toBe(0);
    // A correction in the works changes nothing readers find until it is published.
    await step(t.db, desk.editor, (await verdictOf(t.db, lavrov.id, "published")).id, "correct");
    expect(await countOf({ q: "civilians" })).toBe(1);
  });

  it("should see a publication made through another connection to the database (another server)", async () => {
    const waiting = await publishClaim("The reservoir dam at Kakhovka was mined in April.", { publish: false });
    expect(await countOf({ q: "kakhovka" })).toBe(0);
    const other = openDatabase(t.url);
    setDatabase(other);
    try {
      await step(other.db, desk.reviewer, waiting.verdictId, "publish");
    } finally {
      setDatabase(t.database);
      await other.close();
    }
    expect(await slugsOf({ q: "kakhovka" })).toEqual([waiting.slug]);
  });

  it("should give the API the same results as the page, with the snippet as HTML", async () => {
    const queries: PublicClaimFilters[] = [
      { q: "grain" },
      { q: "grain", page: 2 },
      { q: "grain convoy", sort: "oldest" },
      { q: "маріуполь" },
      { q: "grain", rating: "true" },
      { q: "civilians", dispute: DEMO.dispute },
    ];
    for (const f of queries) {
      const params = new URLSearchParams(Object.entries(f).map(([k, v]) => [k, String(v)]));
      const api = await callRoute(claimsRoute.GET, "GET", `/api/v1/claims?${params}`);
      const page = await search(f);
      expect(api.status).toBe(200);
      expect({ total: api.json.total, page: api.json.page, pages: api.json.pages }).toEqual({
        total: page.total,
        page: page.page,
        pages: page.pages,
      });
      expect(api.json.items.map((i: { slug: string }) => i.slug)).toEqual(page.items.map((i) => i.slug));
      const html = page.items.map((i) =>
        escapeHtml(i.snippet!).replaceAll(MATCH_START, "<mark>").replaceAll(MATCH_END, "</mark>"),
      );
      expect(api.json.items.map((i: { snippetHtml: string }) => i.snippetHtml)).toEqual(html);
    }
  });
});
