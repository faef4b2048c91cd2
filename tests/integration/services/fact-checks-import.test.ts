import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import * as factCheckRoute from "@/app/api/v1/fact-checks/[id]/route";
import * as importRoute from "@/app/api/v1/fact-checks/import/route";
import * as factChecksRoute from "@/app/api/v1/fact-checks/route";
import { ENGINE } from "@/db/engine";
import { auditEvents, factChecks } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { execute, queryRow } from "@/db/sql";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { validateClaimReview } from "@/lib/exports/validate-claim-review";
import { importFactChecks } from "@/lib/services/fact-checks/import-fact-checks";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { failAuditOf, rejectionMessage } from "../../support/fixtures";
import { callRoute } from "../../support/http";

let t: TestDb;
let editor: Actor;
let contributor: Actor;
const tokens = { editor: "", contributor: "" };

const userId = async (email: string) =>
  (await queryRow<{ id: number }>(t.db, sql`select id from users where email = ${email}`))!.id;
const stored = () => t.db.select().from(factChecks).orderBy(asc(factChecks.id));
const storedByUrl = async (url: string) =>
  (await t.db.select().from(factChecks).where(eq(factChecks.url, url)).limit(1))[0];
const importEvents = () => t.db.select().from(auditEvents).where(eq(auditEvents.action, "fact_checks.import"));
const clearLibrary = () =>
  t.database.transaction(async (tx) => {
    await tx.delete(factChecks);
    await tx.delete(auditEvents).where(eq(auditEvents.action, "fact_checks.import"));
  });

/** A ClaimReview as fact-checkers publish it in their pages' JSON-LD. */
const claimReview = (n: number, extra: Record<string, unknown> = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://factcheck.example/reviews/${n}`,
  claimReviewed: `The bridge was closed for ${n} days.`,
  datePublished: "2024-03-02",
  name: `Was the bridge closed for ${n} days?`,
  inLanguage: "en",
  author: { "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example" },
  itemReviewed: {
    "@type": "Claim",
    author: { "@type": "Person", name: "A. Minister" },
    datePublished: "2024-02-28",
  },
  reviewRating: { "@type": "Rating", alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 },
  ...extra,
});

/** Google Fact Check Tools' `claims:search` answer. */
const searchApiAnswer = {
  claims: [
    {
      text: "Vaccines contain microchips.",
      claimant: "Social media posts",
      claimDate: "2021-05-01T00:00:00Z",
      claimReview: [
        {
          publisher: { name: "Checker One", site: "checkerone.example" },
          url: "https://checkerone.example/2021/05/microchips",
          title: "No, vaccines do not contain microchips",
          reviewDate: "2021-05-03T12:00:00Z",
          textualRating: "False",
          languageCode: "en",
        },
        {
          publisher: { name: "Verificador Dos", site: "verificadordos.example" },
          url: "https://verificadordos.example/vacunas-microchips",
          title: "Las vacunas no contienen microchips",
          reviewDate: "2021-05-04T00:00:00Z",
          textualRating: "Falso",
          languageCode: "es",
        },
      ],
    },
    {
      text: "The river rose two metres overnight.",
      claimDate: "2022-11-12",
      claimReview: [
        {
          publisher: { name: "Checker One" },
          url: "https://checkerone.example/2022/11/river",
          reviewDate: "2022-11-13",
          textualRating: "Mostly true: it rose 1.8 m",
        },
      ],
    },
  ],
  nextPageToken: "CAE",
};

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  editor = { kind: "user", userId: await userId("editor@claimdesk.test") };
  contributor = { kind: "user", userId: await userId("contributor@claimdesk.test") };
  tokens.editor = (await createApiToken(systemActor(), { forEmail: "editor@claimdesk.test", scope: "write" })).token;
  tokens.contributor = (
    await createApiToken(systemActor(), { forEmail: "contributor@claimdesk.test", scope: "write" })
  ).token;
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await clearLibrary();
});

describe("importing known fact-checks: the shapes a file may have", () => {
  it("should import one ClaimReview with its context, every field read and normalised", async () => {
    const result = await importFactChecks(
      editor,
      claimReview(1, {
        url: "  HTTPS://FactCheck.Example:443/reviews/1?lang=en#verdict ",
        datePublished: "2024-03-02T23:30:00-05:00",
        inLanguage: "EN-gb",
      }),
    );
    expect(result).toEqual({
      reviews: 1,
      counts: { added: 1, updated: 0, unchanged: 0, skipped: 0, duplicates: 0 },
      problems: [],
      duplicates: [],
      notListed: { problems: 0, duplicates: 0 },
    });
    const [row] = await stored();
    expect(row).toMatchObject({
      url: "https://factcheck.example/reviews/1?lang=en",
      claimReviewed: "The bridge was closed for 1 days.",
      rating: "False",
      publisherName: "Example Fact Check",
      publisherUrl: "https://factcheck.example/",
      claimant: "A. Minister",
      claimDate: "2024-02-28",
      // The date as the publisher wrote it, in their time zone.
      reviewDate: "2024-03-02",
      language: "en-GB",
      title: "Was the bridge closed for 1 days?",
      importedBy: (editor as { userId: number }).userId,
    });
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.updatedAt.getTime()).toBe(row!.createdAt.getTime());
  });

  it("should import a list of ClaimReviews, and a JSON-LD @graph passing over its other nodes", async () => {
    expect((await importFactChecks(editor, [claimReview(1), claimReview(2), claimReview(3)])).counts.added).toBe(3);
    const graph = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebPage", "@id": "https://factcheck.example/reviews/4", name: "A page" },
        { "@type": "Organization", "@id": "https://factcheck.example/#org", name: "Checker by reference" },
        { "@type": "Person", "@id": "https://factcheck.example/#minister", name: "Minister by reference" },
        {
          ...claimReview(4),
          "@context": undefined,
          author: { "@id": "https://factcheck.example/#org" },
          itemReviewed: { "@type": "Claim", author: { "@id": "https://factcheck.example/#minister" } },
        },
        { ...claimReview(5), "@type": ["ClaimReview", "CreativeWork"] },
      ],
    };
    const result = await importFactChecks(editor, graph);
    expect(result.reviews).toBe(2);
    expect(result.counts).toMatchObject({ added: 2, skipped: 0 });
    expect((await stored()).map((r) => r.url)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `https://factcheck.example/reviews/${n}`),
    );
    // A node named by its @id is read where it stands.
    expect(await storedByUrl("https://factcheck.example/reviews/4")).toMatchObject({
      publisherName: "Checker by reference",
      publisherUrl: null,
      claimant: "Minister by reference",
      claimDate: null,
    });
  });

  it("should import a DataFeed of ClaimReviews and one of DataFeedItems (one item or a list)", async () => {
    const ofReviews = {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      dataFeedElement: [claimReview(1), claimReview(2)],
    };
    expect((await importFactChecks(editor, ofReviews)).counts.added).toBe(2);
    const ofItems = {
      "@context": ["https://schema.org", { "@language": "en" }],
      "@type": "DataFeed",
      name: "Example Fact Check's reviews",
      dateModified: "2024-03-05T10:00:00Z",
      dataFeedElement: [
        { "@type": "DataFeedItem", dateCreated: "2024-03-02", item: claimReview(3) },
        { "@type": "DataFeedItem", item: [claimReview(4), claimReview(5)] },
      ],
    };
    const result = await importFactChecks(editor, ofItems);
    expect(result).toMatchObject({ reviews: 3, counts: { added: 3, skipped: 0 } });
    expect(await stored()).toHaveLength(5);
  });

  it("should import a fact-check search API's JSON: each claimReview entry one fact-check with its claim", async () => {
    const result = await importFactChecks(editor, searchApiAnswer);
    expect(result).toMatchObject({ reviews: 3, counts: { added: 3, skipped: 0 }, problems: [] });
    const rows = await stored();
    // What a review keeps, without the row's bookkeeping.
    expect(rows.map(({ id: _id, importedBy: _by, createdAt: _c, updatedAt: _u, ...review }) => review)).toEqual([
      {
        url: "https://checkerone.example/2021/05/microchips",
        claimReviewed: "Vaccines contain microchips.",
        rating: "False",
        publisherName: "Checker One",
        publisherUrl: "https://checkerone.example/",
        claimant: "Social media posts",
        claimDate: "2021-05-01",
        reviewDate: "2021-05-03",
        language: "en",
        title: "No, vaccines do not contain microchips",
      },
      {
        url: "https://verificadordos.example/vacunas-microchips",
        claimReviewed: "Vaccines contain microchips.",
        rating: "Falso",
        publisherName: "Verificador Dos",
        publisherUrl: "https://verificadordos.example/",
        claimant: "Social media posts",
        claimDate: "2021-05-01",
        reviewDate: "2021-05-04",
        language: "es",
        title: "Las vacunas no contienen microchips",
      },
      {
        url: "https://checkerone.example/2022/11/river",
        claimReviewed: "The river rose two metres overnight.",
        rating: "Mostly true: it rose 1.8 m",
        publisherName: "Checker One",
        publisherUrl: null,
        claimant: null,
        claimDate: "2022-11-12",
        reviewDate: "2022-11-13",
        language: null,
        title: null,
      },
    ]);
  });

  it("should read the rating from alternateName, else name, else ratingValue/bestRating", async () => {
    await importFactChecks(editor, [
      claimReview(1, { reviewRating: { "@type": "Rating", name: "Pants on fire" } }),
      claimReview(2, { reviewRating: { "@type": "Rating", alternateName: " ", ratingValue: "2", bestRating: 5 } }),
      claimReview(3, { reviewRating: { "@type": "Rating", ratingValue: 3 } }),
      claimReview(4, { reviewRating: undefined }),
      claimReview(5, {
        name: undefined,
        headline: "The headline",
        author: [{ name: "First Checker" }, { name: "Second" }],
      }),
      claimReview(6, {
        author: "Plain Name Checker",
        inLanguage: { "@type": "Language", name: "French", alternateName: "fr" },
      }),
    ]);
    expect((await stored()).map((r) => [r.rating, r.title, r.publisherName, r.publisherUrl, r.language])).toEqual([
      ["Pants on fire", "Was the bridge closed for 1 days?", "Example Fact Check", "https://factcheck.example/", "en"],
      ["2/5", "Was the bridge closed for 2 days?", "Example Fact Check", "https://factcheck.example/", "en"],
      ["3", "Was the bridge closed for 3 days?", "Example Fact Check", "https://factcheck.example/", "en"],
      [null, "Was the bridge closed for 4 days?", "Example Fact Check", "https://factcheck.example/", "en"],
      ["False", "The headline", "First Checker", null, "en"],
      ["False", "Was the bridge closed for 6 days?", "Plain Name Checker", null, "fr"],
    ]);
  });

  it("should import the desk's own ClaimReview export (the demo data's), published and unpublished", async () => {
    const download = async (query: string, token?: string) => {
      const res = await exportRoute.GET(
        new Request(`http://localhost/api/v1/exports/claimreview${query}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
        { params: Promise.resolve({ format: "claimreview" }) },
      );
      expect(res.status).toBe(200);
      return JSON.parse(await res.text()) as Record<string, unknown>[];
    };
    const published = await download("");
    expect(published.length).toBeGreaterThan(0);
    for (const review of published) expect(validateClaimReview(review).errors).toEqual([]);
    const result = await importFactChecks(editor, published);
    expect(result).toMatchObject({ reviews: published.length, counts: { added: published.length, skipped: 0 } });
    for (const review of published) {
      const row = await storedByUrl(new URL(review.url as string).href);
      const item = review.itemReviewed as { author: { name: string }; datePublished?: string };
      expect(row).toMatchObject({
        claimReviewed: review.claimReviewed,
        rating: (review.reviewRating as { alternateName: string }).alternateName,
        publisherName: (review.author as { name: string }).name,
        publisherUrl: new URL((review.author as { url: string }).url).href,
        claimant: item.author.name,
        claimDate: item.datePublished ?? null,
        reviewDate: review.datePublished,
      });
    }

    // With the desk's unpublished verdicts too (a draft with no rating yet has an empty alternateName): the published
    // ones are already there, unchanged.
    const everything = await download("?includeDrafts=1", tokens.editor);
    expect(everything.length).toBeGreaterThan(published.length);
    const again = await importFactChecks(editor, everything);
    expect(again.counts).toEqual({
      added: everything.length - published.length,
      updated: 0,
      unchanged: published.length,
      skipped: 0,
      duplicates: 0,
    });
  });
});

describe("importing known fact-checks again", () => {
  it("should find a second import of the same file all unchanged, and update a changed rating without duplicating", async () => {
    const file = { "@type": "DataFeed", dataFeedElement: [1, 2, 3].map((n) => claimReview(n)) };
    await importFactChecks(editor, file);
    const first = await stored();

    const again = await importFactChecks(systemActor(), file);
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 3, skipped: 0, duplicates: 0 });
    expect(await stored()).toEqual(first); // not even updatedAt or importedBy moved

    const changed = structuredClone(file);
    changed.dataFeedElement[1]!.reviewRating.alternateName = "Misleading";
    // The same review however its URL is written: scheme and host case, a fragment.
    changed.dataFeedElement[1]!.url = "HTTPS://FACTCHECK.EXAMPLE/reviews/2#rating";
    const third = await importFactChecks(systemActor(), changed);
    expect(third.counts).toEqual({ added: 0, updated: 1, unchanged: 2, skipped: 0, duplicates: 0 });
    const rows = await stored();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.rating)).toEqual(["False", "Misleading", "False"]);
    expect(rows[1]).toMatchObject({ id: first[1]!.id, createdAt: first[1]!.createdAt, importedBy: null });
    expect(rows[1]!.updatedAt.getTime()).toBeGreaterThanOrEqual(first[1]!.updatedAt.getTime());
    expect([rows[0], rows[2]]).toEqual([first[0], first[2]]);

    // One audit event per import, with its counts.
    const events = await importEvents();
    expect(events).toHaveLength(3);
    expect(events.map((e) => [e.actorLabel, e.entityType, e.after])).toEqual([
      [
        "editor@claimdesk.test",
        "fact_check_import",
        { reviews: 3, added: 3, updated: 0, unchanged: 0, skipped: 0, duplicates: 0 },
      ],
      ["cli", "fact_check_import", { reviews: 3, added: 0, updated: 0, unchanged: 3, skipped: 0, duplicates: 0 }],
      ["cli", "fact_check_import", { reviews: 3, added: 0, updated: 1, unchanged: 2, skipped: 0, duplicates: 0 }],
    ]);
  });

  it("should store text as it reads back, so that odd text and addresses are unchanged on a second import", async () => {
    const odd = [
      claimReview(1, {
        url: "https://Bücher.example/faktencheck/Straße?q=ä#oben",
        claimReviewed: "  A lone surrogate \uD800 in a claim, and an emoji 🙂.\n",
      }),
    ];
    await importFactChecks(editor, odd);
    expect(await stored()).toMatchObject([
      {
        url: "https://xn--bcher-kva.example/faktencheck/Stra%C3%9Fe?q=%C3%A4",
        claimReviewed: "A lone surrogate \uFFFD in a claim, and an emoji 🙂.",
      },
    ]);
    expect((await importFactChecks(editor, odd)).counts).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });

  it("should take the last of two reviews with the same URL in one file, and report the earlier", async () => {
    const result = await importFactChecks(editor, [
      claimReview(1),
      claimReview(2, { reviewRating: { alternateName: "Half true" } }),
      claimReview(3),
      claimReview(2, { url: "https://FactCheck.example/reviews/2#again", reviewRating: { alternateName: "True" } }),
    ]);
    expect(result.counts).toEqual({ added: 3, updated: 0, unchanged: 0, skipped: 0, duplicates: 1 });
    expect(result.duplicates).toEqual([{ path: "1", url: "https://factcheck.example/reviews/2", replacedBy: "3" }]);
    expect((await stored()).map((r) => r.rating)).toEqual(["False", "True", "False"]);
  });
});

describe("invalid reviews", () => {
  it("should be listed by their path and left out, while the valid ones are imported", async () => {
    const feed = {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      dataFeedElement: [
        { "@type": "DataFeedItem", item: [claimReview(1)] },
        { "@type": "DataFeedItem", item: [claimReview(2, { url: "ftp://factcheck.example/2" })] },
        { "@type": "DataFeedItem", item: claimReview(3, { claimReviewed: "x".repeat(2001) }) },
        {
          "@type": "DataFeedItem",
          item: [claimReview(4), claimReview(5, { author: { name: " " }, datePublished: "2024-02-30" })],
        },
        { "@type": "DataFeedItem", item: { "@type": "Claim", text: "not a review" } },
        { "@type": "DataFeedItem" },
        claimReview(6, { claimReviewed: undefined, name: "x".repeat(501), inLanguage: "not a language!" }),
        claimReview(7, {
          url: `https://factcheck.example/${"a".repeat(2000)}`,
          itemReviewed: { author: { name: "Nul\u0000" } },
        }),
        claimReview(8),
      ],
    };
    const before = await tableSnapshot(t.db);
    const result = await importFactChecks(editor, feed);
    expect(result.reviews).toBe(10);
    expect(result.counts).toEqual({ added: 3, updated: 0, unchanged: 0, skipped: 7, duplicates: 0 });
    expect(result.problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: "dataFeedElement.1.item.0.url", message: "must be an http(s) URL" },
      { path: "dataFeedElement.2.item.claimReviewed", message: "must be at most 2,000 characters" },
      { path: "dataFeedElement.3.item.1.author.name", message: "is required: the fact-checker's name" },
      {
        path: "dataFeedElement.3.item.1.datePublished",
        message: "must be a date as YYYY-MM-DD or an ISO 8601 date and time",
      },
      { path: "dataFeedElement.4.item", message: "is not a ClaimReview (its @type is Claim)" },
      { path: "dataFeedElement.5.item", message: "is required: the ClaimReview" },
      { path: "dataFeedElement.6.claimReviewed", message: "is required: the claim reviewed" },
      { path: "dataFeedElement.6.inLanguage", message: "must be a language code such as en or pt-BR" },
      { path: "dataFeedElement.6.name", message: "must be at most 500 characters" },
      { path: "dataFeedElement.7.url", message: "must be at most 2,000 characters" },
      { path: "dataFeedElement.7.itemReviewed.author.name", message: "must not contain a NUL character" },
    ]);
    expect((await stored()).map((r) => r.url)).toEqual([1, 4, 8].map((n) => `https://factcheck.example/reviews/${n}`));
    expect(before).not.toEqual(await tableSnapshot(t.db));
  });

  it("should refuse a file with no valid review (422, every problem listed) and write nothing", async () => {
    const before = await tableSnapshot(t.db);
    const e = await importFactChecks(editor, {
      claims: [{ text: "", claimReview: [{ url: "not a url" }] }, { text: "A claim" }],
    }).catch((e: unknown) => e);
    expect(e).toMatchObject({
      code: "validation_failed",
      issues: [
        { path: "claims.0.claimReview.0.url", message: "must be an http(s) URL" },
        { path: "claims.0.text", message: "is required: the claim reviewed" },
        { path: "claims.0.claimReview.0.publisher.name", message: "is required: the fact-checker's name" },
        { path: "claims.1.claimReview", message: "holds no review of the claim" },
      ],
    });
    expect((e as Error).message).toMatch(
      /^Nothing was imported: all 2 reviews in the file are invalid — claims\.0\.claimReview\.0\.url: must be an http\(s\) URL;/,
    );
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should refuse what is not a file of reviews, an empty one, and one of more than 50,000 reviews", async () => {
    const refusal = (file: unknown) => importFactChecks(editor, file).catch((e: unknown) => e);
    expect(await refusal({ "@type": "Article", headline: "Not a review" })).toMatchObject({
      code: "validation_failed",
      issues: [{ path: "(file)", message: expect.stringMatching(/^is not a ClaimReview, a list or @graph of them/) }],
    });
    expect(await refusal("ClaimReview")).toMatchObject({ code: "validation_failed" });
    expect(await refusal({ claims: "none" })).toMatchObject({
      issues: [{ path: "claims", message: "must be a list of claims" }],
    });
    for (const empty of [
      [],
      { claims: [] },
      { "@type": "DataFeed", dataFeedElement: [] },
      { "@graph": [{ "@type": "WebPage" }] },
    ])
      expect(await refusal(empty)).toMatchObject({ issues: [{ path: "(file)", message: "holds no reviews" }] });
    const tooMany = await refusal(Array.from({ length: 50_001 }, () => ({ "@type": "ClaimReview" })));
    expect(tooMany).toMatchObject({
      code: "payload_too_large",
      message: "The file holds 50,001 reviews; at most 50,000 can be imported at a time: split it.",
    });
    expect(await stored()).toEqual([]);
  });
});

describe("a write that fails", () => {
  it("should leave nothing: no fact-check, no audit event, the library as it was", async () => {
    await importFactChecks(editor, [claimReview(1)]);
    const before = await tableSnapshot(t.db);
    await failAuditOf(t.database, "fact_checks.import");
    try {
      const changed = [claimReview(1, { reviewRating: { alternateName: "True" } }), claimReview(2), claimReview(3)];
      expect(await rejectionMessage(importFactChecks(editor, changed))).toMatch(/audit store unavailable/);
      expect(await tableSnapshot(t.db)).toEqual(before);
    } finally {
      await t.database.transaction(async (tx) => {
        await execute(
          tx,
          sql.raw(ENGINE === "postgres" ? "drop trigger fail_audit on audit_events" : "drop trigger fail_audit"),
        );
        if (ENGINE === "postgres") await execute(tx, sql.raw("drop function fail_audit()"));
      });
    }
  });
});

describe("who may import", () => {
  it("should refuse a contributor (403) and an anonymous caller (401), and let an editor and the operator in", async () => {
    const before = await tableSnapshot(t.db);
    await expect(importFactChecks(contributor, [claimReview(1)])).rejects.toMatchObject({
      code: "forbidden",
      message: "Your role (contributor) may not import known fact-checks.",
    });
    await expect(importFactChecks(null, [claimReview(1)])).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await tableSnapshot(t.db)).toEqual(before);
    expect((await importFactChecks(systemActor(), [claimReview(1)])).counts.added).toBe(1);
  });
});

describe("the API", () => {
  it("should import through POST /api/v1/fact-checks/import, refusing contributors and anonymous callers", async () => {
    const post = (token: string | undefined, body: unknown) =>
      callRoute(importRoute.POST, "POST", "/api/v1/fact-checks/import", { token, body });
    expect((await post(undefined, searchApiAnswer)).status).toBe(401);
    expect(await post(tokens.contributor, searchApiAnswer)).toMatchObject({
      status: 403,
      json: { error: { code: "forbidden" } },
    });
    const ok = await post(tokens.editor, searchApiAnswer);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ reviews: 3, counts: { added: 3 } });
    const bad = await post(tokens.editor, { claims: [{ text: "x" }] });
    expect(bad).toMatchObject({
      status: 422,
      json: { error: { code: "validation_failed", issues: [{ path: "claims.0.claimReview" }] } },
    });
  });

  it("should list the library newest review first, a page at a time, and show one fact-check", async () => {
    await importFactChecks(editor, [
      claimReview(1, { datePublished: "2024-01-01" }),
      claimReview(2, { datePublished: undefined }),
      claimReview(3, { datePublished: "2024-06-01" }),
      claimReview(4, { datePublished: "2023-06-01" }),
    ]);
    const list = (query: string, token: string | undefined = tokens.contributor) =>
      callRoute(factChecksRoute.GET, "GET", `/api/v1/fact-checks${query}`, { token });
    const all = await list("");
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ total: 4, limit: 50, offset: 0 });
    expect(all.json.factChecks.map((f: { reviewDate: string | null }) => f.reviewDate)).toEqual([
      "2024-06-01",
      "2024-01-01",
      "2023-06-01",
      null,
    ]);
    const page = await list("?limit=2&offset=1");
    expect(page.json).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.json.factChecks.map((f: { url: string }) => f.url)).toEqual(
      [1, 4].map((n) => `https://factcheck.example/reviews/${n}`),
    );
    expect((await list("?limit=0")).status).toBe(422);
    expect((await list("?limit=501")).status).toBe(422);
    expect((await list("?offset=-1")).status).toBe(422);
    expect((await list("?limit=abc")).status).toBe(422);
    expect((await callRoute(factChecksRoute.GET, "GET", "/api/v1/fact-checks")).status).toBe(401);

    const id = all.json.factChecks[0].id as number;
    const one = await callRoute(factCheckRoute.GET, "GET", `/api/v1/fact-checks/${id}`, {
      token: tokens.contributor,
      params: { id: String(id) },
    });
    expect(one).toMatchObject({
      status: 200,
      json: {
        factCheck: { id, url: "https://factcheck.example/reviews/3", rating: "False", reviewDate: "2024-06-01" },
      },
    });
    expect(typeof one.json.factCheck.createdAt).toBe("string");
    for (const missing of ["999999", "abc", "0"])
      expect(
        (
          await callRoute(factCheckRoute.GET, "GET", `/api/v1/fact-checks/${missing}`, {
            token: tokens.contributor,
            params: { id: missing },
          })
        ).status,
      ).toBe(404);
    expect(
      (await callRoute(factCheckRoute.GET, "GET", `/api/v1/fact-checks/${id}`, { params: { id: String(id) } })).status,
    ).toBe(401);
  });
});

describe("a large import", () => {
  it("should import 50,000 generated reviews in one request", { timeout: 300_000 }, async () => {
    const publishers = ["Checker One", "Verificador Dos", "Faktencheck Drei", "Vérification Quatre"];
    const feed = {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      dataFeedElement: Array.from({ length: 50_000 }, (_, i) => ({
        "@type": "DataFeedItem",
        dateCreated: "2024-03-02T10:00:00Z",
        item: [
          claimReview(i, {
            url: `https://fact-checks-${i % 4}.example/${2000 + (i % 25)}/${String(1 + (i % 12)).padStart(2, "0")}/review-of-claim-number-${i}`,
            claimReviewed: `Claim number ${i}: the ${["mayor", "minister", "senator", "governor"][i % 4]} said that ${i} households lost power for ${i % 97} hours after the storm, and that the repairs would cost ${i * 13} thousand.`,
            datePublished: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`,
            author: { "@type": "Organization", name: publishers[i % 4], url: `https://fact-checks-${i % 4}.example` },
          }),
        ],
      })),
    };
    const body = JSON.stringify(feed);
    console.log(`fact-check import: 50,000 reviews, ${(body.length / 1024 / 1024).toFixed(1)} MB of JSON (${ENGINE})`);

    let started = performance.now();
    const res = await callRoute(importRoute.POST, "POST", "/api/v1/fact-checks/import", {
      token: tokens.editor,
      rawBody: body,
    });
    const firstMs = performance.now() - started;
    expect(res.status, JSON.stringify(res.json).slice(0, 500)).toBe(200);
    expect(res.json.counts).toEqual({ added: 50_000, updated: 0, unchanged: 0, skipped: 0, duplicates: 0 });
    expect((await queryRow<{ n: number }>(t.db, sql`select count(*) as n from fact_checks`))!.n).toBe(50_000);

    started = performance.now();
    const again = await callRoute(importRoute.POST, "POST", "/api/v1/fact-checks/import", {
      token: tokens.editor,
      rawBody: body,
    });
    const againMs = performance.now() - started;
    expect(again.json.counts).toMatchObject({ added: 0, unchanged: 50_000 });
    console.log(
      `fact-check import (${ENGINE}): 50,000 new reviews in ${(firstMs / 1000).toFixed(2)} s; the same file again (all unchanged) in ${(againMs / 1000).toFixed(2)} s`,
    );
    expect(await importEvents()).toHaveLength(2);
  });
});
