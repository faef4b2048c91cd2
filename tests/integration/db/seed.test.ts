import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { claims, documentRevisions, documents, verdicts } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed-data/demo";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { authenticate } from "@/lib/services/auth/authenticate";
import { setDatabase } from "@/db/client";
import { listFeedVerdicts } from "@/db/queries/public/pages";
import { getPublicClaim } from "@/db/queries/public/claim";
import { ratingIn } from "@/db/queries/shapes";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("demo seed", () => {
  it("should load the fixture article with its metadata and without the date marker", async () => {
    const [doc] = await t.db.select().from(documents).limit(1);
    expect(doc).toMatchObject({ slug: "mariupol-talks-2022-03-10", publishedAt: "2022-03-10", language: "en" });
    const [rev] = await t.db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc!.id)).limit(1);
    expect(rev!.text.startsWith("The foreign ministers of Ukraine and Russia")).toBe(true);
    expect(rev!.text).toContain("Kremlin’s “genocide.”");
  });

  it("should anchor every claim with selectors that match the text in code points", async () => {
    const rows = await t.db.select().from(claims);
    expect(rows).toHaveLength(9);
    for (const c of rows) {
      const [revision] = await t.db
        .select()
        .from(documentRevisions)
        .where(eq(documentRevisions.documentId, c.documentId))
        .limit(1);
      const text = revision!.text;
      expect(sliceCodePoints(text, c.start, c.end)).toBe(c.quote);
      expect(sliceCodePoints(text, c.start - [...c.prefix].length, c.start)).toBe(c.prefix);
      expect(sliceCodePoints(text, c.end, c.end + [...c.suffix].length)).toBe(c.suffix);
      expect(c.anchorStatus).toBe("anchored");
    }
    expect(rows.map((c) => c.quote)).toContain("Putin would be open to meeting Zelesnky");
  });

  it("should have, in English, one verdict published, one in review, one draft; in Ukrainian, one published", async () => {
    const rows = await t.db.select({ s: verdicts.state, language: verdicts.language }).from(verdicts);
    expect(
      rows
        .filter((r) => r.language === null)
        .map((r) => r.s)
        .sort(),
    ).toEqual(["draft", "in_review", "published"]);
    expect(rows.filter((r) => r.language === "uk").map((r) => r.s)).toEqual(["published"]);
  });

  it("should load the Ukrainian article, its claim in its language, and the scale's words in Ukrainian", async () => {
    const [doc] = await t.db.select().from(documents).where(eq(documents.slug, "mariupol-photos-2022-03-11"));
    expect(doc).toMatchObject({ language: "uk", publishedAt: "2022-03-11" });
    const claim = await getPublicClaim("fotografiyi-poranenikh-vagitnikh-zhinok-iz-mariupolskogo");
    expect(claim).toMatchObject({ language: "uk", verdict: { language: "uk", rating: { key: "false" } } });
    expect(ratingIn(claim!.verdict!.rating!, "uk")).toEqual({
      label: "Неправда",
      description: "Твердження не відповідає дійсності.",
    });
  });

  it("should let every demo account sign in", async () => {
    for (const email of ["admin", "editor", "reviewer", "contributor"]) {
      expect((await authenticate(`${email}@claimdesk.test`, DEMO_PASSWORD)).ok).toBe(true);
    }
  });

  it("should not duplicate anything when run again", async () => {
    const before = await tableSnapshot(t.db);
    expect(await seedDemo(t.db)).toEqual({ usersAdded: 0, ratingsAdded: 0, documentAdded: false });
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should list only the published verdict publicly", async () => {
    const latest = await listFeedVerdicts();
    expect(latest.map((v) => v.rating?.label)).toEqual(["False", "False"]);
    expect(JSON.stringify(latest)).not.toContain("emptied of patients"); // the verdict in review
    expect(JSON.stringify(latest)).not.toContain("17 injured"); // the draft
  });
});

describe("demo seed on a real deployment", () => {
  it("should refuse to add demo accounts to a database with real accounts, unless forced", async () => {
    const real = await createTestDb(); // now the process database
    try {
      await addUser(real.database, "chief@newsroom.example", "admin");
      const before = await tableSnapshot(real.db);
      await expect(seedDemo(real.db)).rejects.toThrow(/real accounts/);
      expect(await tableSnapshot(real.db)).toEqual(before);
      expect((await seedDemo(real.db, { force: true })).usersAdded).toBe(4);
    } finally {
      await real.close();
      setDatabase(t.database);
    }
  });
});
