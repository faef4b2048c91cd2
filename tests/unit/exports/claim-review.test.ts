import { describe, expect, it } from "vitest";
import { buildClaimReview, type ClaimReviewInput } from "@/lib/exports/claim-review";
import { validateClaimReview } from "@/lib/exports/validate-claim-review";
import { HAS_STANDARDS, readStandard } from "../../support/standards";

const INPUT: ClaimReviewInput = {
  claimUrl: "https://checks.example.org/claims/those-killed-were-not-civilians",
  org: { name: "Example Fact Desk", url: "https://checks.example.org" },
  statement: "Those killed in the Mariupol maternity hospital strike were not civilians.",
  claimedAt: "2022-03-10",
  claimant: { name: "Sergei Lavrov", sameAs: "https://www.wikidata.org/wiki/Q187596" },
  document: {
    sourceUrl: "https://news.example/mariupol",
    title: "Talks fail",
    publisher: "Wire",
    publishedAt: "2022-03-10",
  },
  rating: { label: "False", ordinal: 1 },
  bounds: { worst: 1, best: 6 },
  firstPublishedAt: new Date("2022-03-12T10:00:00Z"),
  publishedAt: new Date("2022-03-12T10:00:00Z"),
};

describe("buildClaimReview", () => {
  it("should build markup with every required and recommended property, and no errors", () => {
    const cr = buildClaimReview(INPUT);
    expect(cr).toMatchObject({
      "@type": "ClaimReview",
      url: INPUT.claimUrl,
      author: { "@type": "Organization", name: "Example Fact Desk" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Sergei Lavrov", sameAs: INPUT.claimant.sameAs },
        datePublished: "2022-03-10",
        appearance: { url: "https://news.example/mariupol" },
      },
      reviewRating: { "@type": "Rating", alternateName: "False", ratingValue: 1, bestRating: 6, worstRating: 1 },
      datePublished: "2022-03-12",
    });
    const report = validateClaimReview(cr, "https://checks.example.org");
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    const long = buildClaimReview({ ...INPUT, statement: "x".repeat(90) });
    expect(validateClaimReview(long).warnings.map(String)).toEqual([
      "claimReviewed is longer than the 75 characters Google suggests",
    ]);
  });

  it("should list every appearance with an address, the claim's document first, each address once", () => {
    const repeat = (sourceUrl: string | null, title: string) => ({
      sourceUrl,
      title,
      publisher: null,
      publishedAt: null,
    });
    const cr = buildClaimReview({
      ...INPUT,
      appearances: [
        repeat("https://embassy.example/statement", "Embassy statement"),
        repeat(null, "A speech with no address"),
        repeat("https://news.example/mariupol", "Talks fail"),
      ],
    });
    expect((cr.itemReviewed as { appearance: unknown }).appearance).toEqual([
      expect.objectContaining({
        "@type": "CreativeWork",
        url: "https://news.example/mariupol",
        headline: "Talks fail",
      }),
      { "@type": "CreativeWork", url: "https://embassy.example/statement", headline: "Embassy statement" },
    ]);
    expect(validateClaimReview(cr).errors).toEqual([]);
    // Without any address, no appearance is claimed.
    const none = buildClaimReview({ ...INPUT, document: { ...INPUT.document, sourceUrl: null }, appearances: [] });
    expect(none.itemReviewed).not.toHaveProperty("appearance");
    // The validator refuses an appearance that is not a URL, and notes one without an address.
    const bad = {
      ...cr,
      itemReviewed: { ...(cr.itemReviewed as object), appearance: [{ headline: "x" }, "not a url"] },
    };
    const report = validateClaimReview(bad);
    expect(report.errors.map(String)).toEqual([
      "itemReviewed.appearance must be an absolute http(s) URL or a CreativeWork",
    ]);
    expect(report.warnings.map(String)).toEqual([
      "itemReviewed.appearance.url (where the claim appeared) is recommended",
    ]);
  });

  it("should leave out numbers for a rating outside the true–false order, and call councils organisations", () => {
    const cr = buildClaimReview({
      ...INPUT,
      rating: { label: "Unverifiable", ordinal: null },
      claimant: { name: "Mariupol city council", sameAs: null },
    });
    expect(cr.reviewRating).toEqual({ "@type": "Rating", alternateName: "Unverifiable" });
    expect((cr.itemReviewed as { author: { "@type": string } }).author["@type"]).toBe("Organization");
    expect(validateClaimReview(cr).errors).toEqual([]);
  });

  it("should refuse markup on another site, and bad rating numbers", () => {
    expect(validateClaimReview(buildClaimReview(INPUT), "https://other.example").errors.map(String)).toEqual([
      "url must be on other.example (the page that carries the markup)",
    ]);
    const cr = buildClaimReview(INPUT);
    (cr.reviewRating as Record<string, unknown>).worstRating = 0;
    expect(validateClaimReview(cr).errors.map(String)).toContain("reviewRating.worstRating must be at least 1");
  });
});

describe.skipIf(!HAS_STANDARDS)("validateClaimReview against Google's examples", () => {
  it("should accept Google's Claim example and refuse the negative one", () => {
    expect(validateClaimReview(readStandard("claimreview/examples/google/worldisflat-claim.json")).errors).toEqual([]);
    expect(
      validateClaimReview(readStandard("claimreview/examples/google/worldisflat-creativework-legacy.json")).errors,
    ).toEqual([]);
    expect(
      validateClaimReview(readStandard("claimreview/examples/negative/missing-required.json")).errors.map(String),
    ).toEqual([
      "claimReviewed is required",
      "url is required and must be an absolute http(s) URL",
      "reviewRating.alternateName is required",
      "reviewRating.worstRating must be at least 1",
    ]);
  });
});

describe("the claimant's type", () => {
  it("should follow the kind the desk recorded, and guess from the name only when there is none", () => {
    const type = (claimant: ClaimReviewInput["claimant"]) =>
      (buildClaimReview({ ...INPUT, claimant }).itemReviewed as { author: { "@type": string } }).author["@type"];
    expect(type({ name: "Mariupol city council", sameAs: null })).toBe("Organization");
    expect(type({ name: "Sergei Lavrov", sameAs: null, kind: null })).toBe("Person");
    expect(type({ name: "Mariupol city council", sameAs: null, kind: "person" })).toBe("Person");
    expect(type({ name: "Azovstal", sameAs: null, kind: "organization" })).toBe("Organization");
  });
});
