import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { setDatabase, type DB } from "@/db/client";
import { claimsForExport, countClaimsForExport } from "@/db/queries/exports";
import { queryRow, queryRows } from "@/db/sql";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { generateDataset, type DatasetInfo } from "@/lib/bench/dataset";
import { csvChunks } from "@/lib/exports/formats";
import { exportSite } from "@/lib/exports/run-export";
import { LOCALES } from "@/lib/i18n/locales";
import { collect } from "../../support/collect";
import { createTestDb, type TestDb } from "../../support/db";

// 2,500 generated claims: more than two of the export's batches of 1,000.
let t: TestDb;
let info: DatasetInfo;
beforeAll(async () => {
  t = await createTestDb();
  info = await generateDataset(t, { claims: 2500 });
});
afterAll(async () => {
  await t.close();
});

const count = async (q: SQL) => (await queryRow<{ n: number }>(t.db, q))!.n;

describe("exports across batches", () => {
  it("should read every published claim once, in id order, across batches", async () => {
    const published = await count(sql`select count(*) as n from verdicts where state = 'published'`);
    expect(published).toBe(info.published + 2); // and the demo's two
    const ids = (await collect(claimsForExport({}, { includeUnpublished: false }))).map((r) => r.id);
    expect(ids).toHaveLength(published);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(await countClaimsForExport({}, { includeUnpublished: false })).toBe(published);
    expect(await collect(claimsForExport({}, { includeUnpublished: true }))).toHaveLength(2500 + 9);
  });

  it("should write one CSV row per claim and keep each generated quote where its offsets say", async () => {
    const rows = await collect(csvChunks(await exportSite(), claimsForExport({}, { includeUnpublished: false })));
    expect(rows).toHaveLength(1 + info.published + 2);
    const text = async (documentId: number) =>
      (await queryRow<{ text: string }>(
        t.db,
        sql`select text from document_revisions where document_id = ${documentId} and revision = 1`,
      ))!.text;
    const seventh = await queryRow<{ id: number }>(t.db, sql`select id from documents where slug like 'bench-7-%'`);
    const claims = await collect(claimsForExport({ document: String(seventh!.id) }, { includeUnpublished: true }));
    expect(claims).toHaveLength(50);
    for (const r of claims) expect(sliceCodePoints(await text(r.document.id), r.start, r.end)).toBe(r.quote);
  });
});

describe("the sitemap at volume", () => {
  it("should list every public page once in each locale: the fixed ones, each published claim, and each dispute, claimant and document with one", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const xml = await (await GET()).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const published = sql`join verdicts v on v.claim_id = c.id and v.state = 'published'`;
    const pages =
      4 +
      (await count(sql`select count(*) as n from claims c ${published}`)) +
      (await count(
        sql`select count(distinct da.dispute_id) as n from dispute_accounts da join claims c on c.id = da.claim_id ${published}`,
      )) +
      (await count(sql`select count(distinct c.claimant_id) as n from claims c ${published}`)) +
      (await count(sql`select count(distinct c.document_id) as n from claims c ${published}`));
    expect(locs).toHaveLength(pages * LOCALES.length);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.filter((p) => p.startsWith("/disputes/")).length).toBeGreaterThan(800);
    expect(locs.filter((p) => p.startsWith("/uk/disputes/")).length).toBeGreaterThan(800);
    // Each page names itself and its versions in the other locales, and the default one for any other language.
    const first = xml.slice(xml.indexOf("<url>"), xml.indexOf("</url>"));
    expect([...first.matchAll(/hreflang="([^"]+)"/g)].map((m) => m[1])).toEqual([...LOCALES, "x-default"]);
  });
});

describe("the generator", () => {
  it("should make the same dataset from the same seed", async () => {
    const digest = (db: DB) =>
      queryRows(db, sql`select id, slug, statement, start, "end", claimant_id from claims order by id`);
    // createTestDb installs each database as the process's (the generator writes through it).
    const other = await createTestDb();
    try {
      await generateDataset(other, { claims: 300 });
      const again = await createTestDb();
      try {
        await generateDataset(again, { claims: 300 });
        expect(await digest(again.db)).toEqual(await digest(other.db));
      } finally {
        await again.close();
      }
    } finally {
      await other.close();
      // Put the shared one back.
      setDatabase(t.database);
    }
  });
});
