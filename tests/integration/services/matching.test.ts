import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as matchesRoute from "@/app/api/v1/matches/route";
import { seedDemo } from "@/db/seed";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { importFactChecks } from "@/lib/services/fact-checks/import-fact-checks";
import { findMatches } from "@/lib/services/matching/find-matches";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createTestDb, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";
import { callRoute } from "../../support/http";

let t: TestDb;
let contributor: Actor;
let token = "";

const review = (slug: string, claimReviewed: string, rating: string, name?: string) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://checks.example.org/${slug}`,
  claimReviewed,
  ...(name ? { name } : {}),
  datePublished: "2022-03-11",
  author: { "@type": "Organization", name: "Example Checks" },
  reviewRating: { "@type": "Rating", alternateName: rating },
});

beforeAll(async () => {
  t = await createTestDb();
  contributor = await addUser(t.database, "contributor@example.org", "contributor");
  token = (await createApiToken(contributor, {})).token;
  await importFactChecks(systemActor(), [
    review(
      "mariupol-hospital-base",
      "The Mariupol maternity hospital had been turned into a base for Ukrainian radical fighters and held no patients.",
      "False",
      "No, the Mariupol maternity hospital was not a military base",
    ),
    review("bread-prices", "Bread prices in Kyiv doubled in March 2022.", "Misleading"),
    review("lavrov-attack", "Sergei Lavrov said Russia did not attack Ukraine.", "False"),
  ]);
}, 60_000);
afterAll(() => t.close());

describe("findMatches", () => {
  it("should put the known fact-check of a claim first when the article words it otherwise", async () => {
    const { matches } = await findMatches(contributor, {
      text: "Lavrov insisted patients and nurses had been moved out of the hospital which was instead a base for Ukrainian far-right radical fighters.",
    });
    expect(matches[0]).toMatchObject({
      kind: "fact-check",
      url: "https://checks.example.org/mariupol-hospital-base",
      rating: "False",
      publisher: "Example Checks",
      publishedAt: "2022-03-11",
    });
    expect(matches[0]!.terms).toEqual(expect.arrayContaining(["hospit", "base", "radic", "fighter"]));
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
  });

  it("should see fact-checks imported or changed after its index was built", async () => {
    await findMatches(contributor, { text: "bread" });
    await importFactChecks(systemActor(), [
      review("bread-prices", "Bread prices in Kyiv doubled in March 2022.", "False"),
      review("sunflower-oil", "Ukraine stopped exporting sunflower oil in 2022.", "True"),
    ]);
    expect((await findMatches(contributor, { text: "sunflower oil exports" })).matches[0]).toMatchObject({
      url: "https://checks.example.org/sunflower-oil",
    });
    expect((await findMatches(contributor, { text: "price of bread in Kyiv" })).matches[0]).toMatchObject({
      url: "https://checks.example.org/bread-prices",
      rating: "False",
    });
  });
});

describe("findMatches on the desk's own claims", () => {
  it("should put the desk's earlier claim first when another article words it otherwise, with its verdict", async () => {
    await seedDemo(t.db, { force: true });
    const { matches } = await findMatches(contributor, {
      text: "The Russian minister claimed that the people who died at the Mariupol maternity ward were not civilians",
    });
    expect(matches[0]).toMatchObject({
      kind: "claim",
      text: "Those killed in the Mariupol maternity hospital strike were not civilians.",
      document: expect.stringContaining("Mariupol"),
      publisher: "Claimdesk",
    });
    expect(matches[0]!.url).toMatch(/\/(claims\/[\w-]+|editor\/claims\/\d+)$/);
    // Asked from that claim's own page, it is left out.
    const again = await findMatches(contributor, { text: matches[0]!.text, claim: matches[0]!.id });
    expect(again.matches.map((m) => `${m.kind}${m.id}`)).not.toContain(`claim${matches[0]!.id}`);
  });
});

describe("GET /api/v1/matches", () => {
  it("should answer the desk, best first, and refuse anonymous callers and bad input", async () => {
    const ok = await callRoute(
      matchesRoute.GET,
      "GET",
      "/api/v1/matches?text=a%20maternity%20hospital%20base%20in%20Kyiv&limit=2",
      {
        token,
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.json.matches).toHaveLength(2);
    expect(ok.json.matches[0].url).toBe("https://checks.example.org/mariupol-hospital-base");
    expect((await callRoute(matchesRoute.GET, "GET", "/api/v1/matches?text=hospital")).status).toBe(401);
    const missing = await callRoute(matchesRoute.GET, "GET", "/api/v1/matches", { token });
    expect([missing.status, missing.json.error.issues[0].path]).toEqual([422, "text"]);
    expect((await callRoute(matchesRoute.GET, "GET", "/api/v1/matches?text=x&limit=500", { token })).status).toBe(422);
  });
});
