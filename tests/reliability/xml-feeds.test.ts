import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as atomRoute from "@/app/feed.xml/route";
import * as jsonFeedRoute from "@/app/feed.json/route";
import * as sitemapRoute from "@/app/sitemap.xml/route";
import * as sitemapPartRoute from "@/app/sitemaps/[part]/route";
import { sitemapEntries } from "@/app/_lib/sitemap-entries";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { renderAtom } from "@/lib/feeds/feed-entries";
import { sitemapIndex, sitemapPart, sitemapResponseBody, urlset } from "@/lib/public/sitemap-xml";
import { createClaim } from "@/lib/services/claims/create-claim";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { importDocument } from "@/lib/services/documents/import-document";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";
import { createTestDb, type TestDb } from "../support/db";

/**
 * The Atom feed and the sitemaps are XML 1.0, which has no way to write some characters at all — C0 controls other than
 * TAB, LF and CR, lone surrogates, U+FFFE and U+FFFF — not even escaped. Texts the desk publishes may hold them (pasted
 * from a PDF or a word processor: U+000B is Word's line break); every XML writer drops them, so that one published
 * statement cannot make the feed unreadable for every reader. Each body, as a reader receives it (UTF-8 bytes), goes
 * through a strict XML parser (jsdom's DOMParser, already a dependency: saxes, which refuses every character XML 1.0
 * forbids but lone surrogates, checked apart). The JSON feed escapes what it must and stays valid JSON.
 */

// NUL is refused at input (lib/validation/parse.ts); every other character XML cannot hold is accepted.
const FORBIDDEN = "\u000b\u0001\u001f\u000c\ufffe\uffff\ud800";
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const TEXT = "The mayor said: the new bridge opens on Monday. The engineers say it needs two more years.";
const QUOTE = "the new bridge opens on Monday";

let t: TestDb;
let editor: Actor;
let reviewer: Actor;
const userId = async (email: string) =>
  (await queryRow<{ id: number }>(t.db, sql`select id from users where email = ${email}`))!.id;

async function step(by: Actor, verdictId: number, name: string, extra: object = {}) {
  const row = await queryRow<{ version: number }>(t.db, sql`select version from verdicts where id = ${verdictId}`);
  return transitionVerdict(by, { verdictId, step: name, version: row!.version, ...extra });
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  editor = { kind: "user", userId: await userId("editor@claimdesk.test") };
  reviewer = { kind: "user", userId: await userId("reviewer@claimdesk.test") };

  // An editor highlights a claim whose statement, claimant and summary hold every character XML cannot write…
  const document = await importDocument(editor, { title: `Bridge${FORBIDDEN}report`, text: TEXT });
  const start = TEXT.indexOf(QUOTE);
  const claim = await createClaim(editor, {
    documentId: document.id,
    revision: 1,
    start,
    end: start + QUOTE.length,
    claimant: { name: `The${FORBIDDEN}mayor` },
    statement: `The bridge${FORBIDDEN}opens on Monday.`,
  });
  const verdict = await createVerdict(editor, {
    claimId: claim.id,
    rating: "false",
    summary: `Two more${FORBIDDEN}years of work.`,
    rationale: `The engineers' report${FORBIDDEN}puts the end of the repairs two years away. `.repeat(3),
  });
  await addEvidence(editor, {
    claimId: claim.id,
    url: "https://example.org/engineers",
    title: `Engineers'${FORBIDDEN}report`,
    sourceType: "official_statement",
    stance: "refutes",
  });
  // …a second editor publishes it, then a correction with a public note holding them too.
  await step(editor, verdict.id, "submit");
  await step(reviewer, verdict.id, "publish");
  await step(editor, verdict.id, "correct");
  const draft = (await queryRow<{ id: number }>(
    t.db,
    sql`select id from verdicts where claim_id = ${claim.id} and state = 'draft'`,
  ))!.id;
  await step(editor, draft, "submit");
  await step(reviewer, draft, "publish", { note: `We corrected${FORBIDDEN}the date.` });
});
afterAll(async () => {
  await t.close();
});

const { DOMParser } = new JSDOM("").window;

/** The body as a reader gets it: UTF-8 that decodes without replacement, parsed as strict XML 1.0. */
async function xmlOf(res: Response): Promise<Document> {
  expect(res.status).toBe(200);
  const body = new TextDecoder("utf-8", { fatal: true }).decode(await res.arrayBuffer());
  return parseXml(body);
}

function parseXml(body: string): Document {
  // saxes works on UTF-16 code units and lets a lone surrogate through: it is checked here.
  expect(body).not.toMatch(/\p{Cs}/u);
  const doc = new DOMParser().parseFromString(body, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

const texts = (doc: Document, tag: string) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent ?? "");
const withoutNotXml = (s: string) => s.replace(new RegExp(NOT_XML.source, "gu"), "");

/** The JSON feed's items, as a reader gets them: valid JSON in valid UTF-8. */
async function jsonFeedItems(): Promise<{ title: string; content_text: string }[]> {
  const res = await jsonFeedRoute.GET();
  expect(res.status).toBe(200);
  const body = new TextDecoder("utf-8", { fatal: true }).decode(await res.arrayBuffer());
  return (JSON.parse(body) as { items: { title: string; content_text: string }[] }).items;
}

describe("the feeds", () => {
  it("should give valid JSON in the JSON feed, with the texts as published (JSON escapes every control)", async () => {
    const items = await jsonFeedItems();
    const ours = items.filter((i) => i.title.includes("opens on Monday."));
    expect(ours.map((i) => i.title.slice(0, i.title.indexOf(":")))).toEqual(["False", "Correction"]);
    // The database keeps every control but NUL (a lone surrogate comes back as U+FFFD: UTF-8 cannot hold it).
    for (const item of ours) expect(item.title).toContain("\u000b\u0001\u001f\u000c\ufffe\uffff");
  });

  it("should give well-formed XML in the Atom feed, with the same texts less the characters XML cannot hold", async () => {
    const doc = await xmlOf(await atomRoute.GET());
    const items = await jsonFeedItems();
    // The feed's own title, then each entry's.
    expect(texts(doc, "title").slice(1)).toEqual(items.map((i) => withoutNotXml(i.title)));
    expect(texts(doc, "summary")).toEqual(items.map((i) => withoutNotXml(i.content_text)));
    expect(texts(doc, "title")).toContainEqual(expect.stringMatching(/^False: The bridge\ufffd*opens on Monday\.$/u));
    expect(texts(doc, "summary")).toContainEqual(expect.stringMatching(/^The\ufffd*mayor\. Two more\ufffd*years/u));
    for (const text of [...texts(doc, "title"), ...texts(doc, "summary")]) expect(text).not.toMatch(NOT_XML);
  });

  it("should drop lone surrogates too (the database never returns one; the writer never writes one)", () => {
    const at = new Date(Date.UTC(2024, 0, 1));
    const site = { publicBaseUrl: `https://checks.example`, orgName: `Checks${FORBIDDEN}Desk` };
    const entry = {
      id: "https://checks.example/claims/a#1",
      url: "https://checks.example/claims/a",
      published: at,
      language: null,
    };
    const doc = parseXml(
      renderAtom(site, [{ ...entry, title: `A\ud800B\udc00C\ud83d\ude00`, text: `x${FORBIDDEN}y`, updated: at }]),
    );
    expect(texts(doc, "title")).toEqual(["ChecksDesk: fact-checks", "ABC\u{1f600}"]);
    expect(texts(doc, "summary")).toEqual(["xy"]);
    expect(texts(doc, "name")).toEqual(["ChecksDesk"]);
  });
});

describe("the sitemaps", () => {
  it("should be well-formed XML listing the published claim, its claimant and document", async () => {
    const doc = await xmlOf(await sitemapRoute.GET());
    const locs = texts(doc, "loc").map((l) => new URL(l).pathname);
    expect(locs).toContain("/claims/the-bridge-opens-on-monday");
    expect(locs.some((l) => l.startsWith("/claimants/"))).toBe(true);
    expect(locs.some((l) => l.startsWith("/documents/"))).toBe(true);
    // Not split at this size: there is no part 1.
    const part = await sitemapPartRoute.GET(new Request("http://localhost/sitemaps/1.xml"), {
      params: Promise.resolve({ part: "1.xml" }),
    });
    expect(part.status).toBe(404);
  });

  it("should write every URL as XML can hold it, in a sitemap, a sitemap index and each part", async () => {
    const { base, entries } = await sitemapEntries();
    const odd = [...entries, { url: `${base}/claims/odd${FORBIDDEN}slug?a=1&b=<2>` }];
    const size = 2;
    parseXml(urlset(odd));
    parseXml(sitemapIndex(odd));
    const index = parseXml(sitemapResponseBody(odd, base, size));
    const parts = texts(index, "loc").map((_, i) => parseXml(sitemapPart(odd, i + 1, size)!));
    const locs = parts.flatMap((p) => texts(p, "loc"));
    expect(locs).toHaveLength(odd.length);
    expect(locs.at(-1)).toBe(`${base}/claims/oddslug?a=1&b=<2>`);
  });
});
