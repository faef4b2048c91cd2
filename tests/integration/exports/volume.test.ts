import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { claimsForExport, countClaimsForExport } from "@/db/queries/exports";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { generateDataset, type DatasetInfo } from "@/lib/bench/dataset";
import { csvChunks } from "@/lib/exports/formats";
import { exportSite } from "@/lib/exports/run-export";
import { createTestDb } from "../../support/db";

// 2,500 generated claims: more than two of the export's batches of 1,000.
let t: ReturnType<typeof createTestDb>;
let info: DatasetInfo;
beforeAll(async () => {
  t = createTestDb();
  info = await generateDataset(t.db, { claims: 2500 });
});
afterAll(() => t.close());

describe("exports across batches", () => {
  it("should read every published claim once, in id order, across batches", () => {
    const published = t.db.get<{ n: number }>(sql`select count(*) as n from verdicts where state = 'published'`)!.n;
    expect(published).toBe(info.published + 1); // and the demo's one
    const ids = [...claimsForExport({}, { includeUnpublished: false })].map((r) => r.id);
    expect(ids).toHaveLength(published);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(countClaimsForExport({}, { includeUnpublished: false })).toBe(published);
    expect([...claimsForExport({}, { includeUnpublished: true })]).toHaveLength(2500 + 8);
  });

  it("should write one CSV row per claim and keep each generated quote where its offsets say", () => {
    const rows = [...csvChunks(exportSite(), claimsForExport({}, { includeUnpublished: false }))];
    expect(rows).toHaveLength(1 + info.published + 1);
    const text = (documentId: number) =>
      t.db.get<{ text: string }>(
        sql`select text from document_revisions where document_id = ${documentId} and revision = 1`,
      )!.text;
    const seventh = String(t.db.get<{ id: number }>(sql`select id from documents where slug like 'bench-7-%'`)!.id);
    const claims = [...claimsForExport({ document: seventh }, { includeUnpublished: true })];
    expect(claims).toHaveLength(50);
    for (const r of claims) expect(sliceCodePoints(text(r.document.id), r.start, r.end)).toBe(r.quote);
  });
});

describe("the sitemap at volume", () => {
  it("should list every public page once: the fixed ones, each published claim, and each dispute, claimant and document with one", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const xml = await GET().text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const count = (q: ReturnType<typeof sql>) => t.db.get<{ n: number }>(q)!.n;
    const published = sql`join verdicts v on v.claim_id = c.id and v.state = 'published'`;
    const expected =
      4 +
      count(sql`select count(*) as n from claims c ${published}`) +
      count(
        sql`select count(distinct da.dispute_id) as n from dispute_accounts da join claims c on c.id = da.claim_id ${published}`,
      ) +
      count(sql`select count(distinct c.claimant_id) as n from claims c ${published}`) +
      count(sql`select count(distinct c.document_id) as n from claims c ${published}`);
    expect(locs).toHaveLength(expected);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.filter((p) => p.startsWith("/disputes/")).length).toBeGreaterThan(800);
  });
});

describe("the generator", () => {
  it("should make the same dataset from the same seed", async () => {
    const other = createTestDb();
    try {
      await generateDataset(other.db, { claims: 300 });
      const again = createTestDb();
      try {
        await generateDataset(again.db, { claims: 300 });
        const digest = (db: typeof other.db) =>
          db.all(sql`select id, slug, statement, start, "end", claimant_id from claims order by id`);
        expect(digest(again.db)).toEqual(digest(other.db));
      } finally {
        again.close();
        other.close();
      }
    } finally {
      // createTestDb installs each database as the process's; put the shared one back.
      const { setDb } = await import("@/db/client");
      setDb(t.db);
    }
  });
});
