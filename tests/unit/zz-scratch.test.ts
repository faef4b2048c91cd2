import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { createTestDb } from "../support/db";
import { searchPublishedClaims } from "@/db/queries/public/search-claims";
import { listCorrections, listPublicClaimants, listPublicDisputes, listSitemapEntries, listFeedVerdicts } from "@/db/queries/public/pages";
import { rebuildSearchIndex } from "@/lib/search/search-index";

let t: ReturnType<typeof createTestDb>;
beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db);
  const c = t.db.$client;
  const doc = c.prepare("select id, current_revision r from documents limit 1").get() as any;
  const author = (c.prepare("select id from users limit 1").get() as any).id;
  c.exec(`insert into claimants (slug, name) with recursive g(value) as (select 1 union all select value+1 from g where value < 5000) select 'cl-'||value, 'Claimant '||value from g`);
  const t0 = Date.now();
  c.exec(`with recursive s(n) as (select 1 union all select n+1 from s where n < 100000)
    insert into claims (slug, document_id, revision, claimant_id, statement, quote, start, end)
    select 'bulk-'||n, ${doc.id}, ${doc.r}, (select min(id) from claimants) + (n % 5000), 'Statement number '||n||' about civilians', 'quote '||n, 0, 5 from s`);
  c.exec(`insert into verdicts (claim_id, seq, state, rating_id, summary, rationale, author_id, published_at, correction_note)
    select id, 1, 'published', (select id from ratings order by random() limit 1), 'Summary '||id, 'Rationale '||id, ${author}, 1600000000000 + id*1000, null from claims where slug like 'bulk-%'`);
  c.exec(`insert into disputes (slug, question) with recursive g(value) as (select 1 union all select value+1 from g where value < 2000) select 'd-'||value, 'Q '||value from g`);
  c.exec(`insert into dispute_accounts (dispute_id, claim_id, label) select (select min(id) from disputes) + (c.id % 2000), c.id, 'acc' from claims c where slug like 'bulk-%' and c.id % 3 = 0`);
  console.log("gen ms", Date.now() - t0);
}, 600_000);
afterAll(() => t.close());

function plan(q: any) {
  return t.db.all<{ detail: string }>(sql`explain query plan ${q}`).map((r) => r.detail).join(" | ");
}
function time<T>(label: string, f: () => T): T { const s = performance.now(); const r = f(); console.log(label, (performance.now() - s).toFixed(1), "ms"); return r; }

describe("scratch", () => {
  it("bulk reindex", () => {
    try { time("rebuild", () => rebuildSearchIndex(t.db)); console.log("rebuild ok"); } catch (e) { console.log("rebuild failed:", (e as Error).message.slice(0,60), String((e as any).cause).slice(0,80)); }
    t.db.$client.exec(`insert into claim_search (rowid, statement, quote, claimant, summary, rationale, document_title) select c.id, c.statement, c.quote, cl.name, v.summary, v.rationale, 'x' from claims c join verdicts v on v.claim_id=c.id and v.state='published' join claimants cl on cl.id=c.claimant_id where c.id not in (select rowid from claim_search)`);
  });
  it("timings", () => {
    time("search none", () => searchPublishedClaims({}));
    time("search page 4000", () => searchPublishedClaims({ page: 4000 }));
    time("search rating", () => searchPublishedClaims({ rating: "false" }));
    time("search claimant", () => searchPublishedClaims({ claimant: "cl-17" }));
    time("search dispute", () => searchPublishedClaims({ dispute: "d-17" }));
    time("search date", () => searchPublishedClaims({ from: "2020-09-14", to: "2020-09-14" }));
    time("search q civil", () => searchPublishedClaims({ q: "civil" }));
    time("search q civil newest", () => searchPublishedClaims({ q: "civil", sort: "newest" }));
    time("search q number", () => searchPublishedClaims({ q: "number 77" }));
    time("listPublicClaimants", () => listPublicClaimants());
    time("listPublicDisputes100", () => listPublicDisputes(100));
    time("listCorrections", () => listCorrections(50));
    time("listFeedVerdicts", () => listFeedVerdicts());
    const sm = time("sitemap", () => listSitemapEntries());
    console.log("sitemap entries", sm.length);
    console.log("PLAN dispute", plan(sql`select count(*) from verdicts v join claims c on c.id = v.claim_id join claimants cl on cl.id = c.claimant_id left join ratings r on r.id = v.rating_id where v.state='published' and exists (select 1 from dispute_accounts da join disputes d on d.id = da.dispute_id where da.claim_id = c.id and d.slug = 'd-17')`));
    console.log("PLAN corrections", plan(sql`select 'correction' as kind, v.published_at as at from verdicts v join claims c on c.id = v.claim_id where v.seq > 1 and v.correction_note is not null and v.state in ('published', 'superseded') and v.published_at is not null union all select 'r', v.retracted_at from verdicts v join claims c on c.id = v.claim_id where v.state = 'retracted' and v.retracted_at is not null and v.published_at is not null order by 2 desc limit 50`));
    console.log("PLAN rating", plan(sql`select c.slug from verdicts v join claims c on c.id = v.claim_id join claimants cl on cl.id = c.claimant_id left join ratings r on r.id = v.rating_id where v.state='published' and r.key='false' order by v.published_at desc limit 20`));
    console.log("PLAN claimants", plan(sql`select distinct cl.slug, cl.name from claimants cl join claims c on c.claimant_id = cl.id join verdicts v on v.claim_id = c.id and v.state = 'published' left join ratings r on r.id = v.rating_id order by cl.name`));
    console.log("PLAN claimant", plan(sql`select count(*) from verdicts v join claims c on c.id = v.claim_id join claimants cl on cl.id = c.claimant_id left join ratings r on r.id = v.rating_id where v.state='published' and cl.slug='cl-17'`));
    console.log("PLAN disputes", plan(sql`select d.slug from disputes d join dispute_accounts da on da.dispute_id = d.id join claims c on c.id = da.claim_id join verdicts v on v.claim_id = c.id and v.state = 'published' left join ratings r on r.id = v.rating_id group by d.id order by max(v.published_at) desc limit 100`));
    console.log("PLAN claimant items", plan(sql`select c.slug from verdicts v join claims c on c.id = v.claim_id join claimants cl on cl.id = c.claimant_id left join ratings r on r.id = v.rating_id where v.state='published' and cl.slug='cl-17' order by v.published_at desc limit 20 offset 0`));
    time("claimant items", () => t.db.all(sql`select c.slug from verdicts v join claims c on c.id = v.claim_id join claimants cl on cl.id = c.claimant_id left join ratings r on r.id = v.rating_id where v.state='published' and cl.slug='cl-17' order by v.published_at desc limit 20 offset 0`));
    time("count none", () => t.db.all(sql`select count(*) from verdicts v join claims c on c.id = v.claim_id join claimants cl on cl.id = c.claimant_id left join ratings r on r.id = v.rating_id where v.state='published'`));
    time("count v only", () => t.db.all(sql`select count(*) from verdicts v where v.state='published'`));
    console.log("NaN from", JSON.stringify(searchPublishedClaims({ from: "2024-13-45" }).total));
    console.log("maxvar", t.db.$client.prepare("select sqlite_version() v").get());
  });
});
