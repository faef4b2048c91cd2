import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as matchRejectionsRoute from "@/app/api/v1/claims/[id]/match-rejections/route";
import * as repeatOfRoute from "@/app/api/v1/claims/[id]/repeat-of/route";
import { getPublicClaim } from "@/db/queries/public/claim";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import { getEnv } from "@/lib/config/env";
import { claimReviewFor } from "@/lib/exports/public-claim-review";
import { validateClaimReview } from "@/lib/exports/validate-claim-review";
import { createClaim } from "@/lib/services/claims/create-claim";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { linkRepeat, rejectMatch, unlinkRepeat } from "@/lib/services/claims/repeats";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { importDocument } from "@/lib/services/documents/import-document";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { importFactChecks } from "@/lib/services/fact-checks/import-fact-checks";
import { findMatches } from "@/lib/services/matching/find-matches";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { createTestDb, type TestDb } from "../../support/db";
import { callRoute } from "../../support/http";
import {
  claimOf,
  DEMO,
  documentText,
  deskOf,
  publishCorrection,
  refusal,
  spanOf,
  startCorrection,
  submitCorrection,
  type Desk,
} from "./desk";
import { readEverythingPublic } from "./public-surfaces";

// A claim said again elsewhere is linked as a repeat: one claim, several appearances, one verdict. Readers see the
// appearances a second editor published with a verdict version, and nothing linked since.

let t: TestDb;
let desk: Desk;
beforeEach(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  desk = await deskOf(t.db);
});
afterEach(async () => {
  await t.close();
});

const EMBASSY_TEXT =
  "LONDON, 14 March 2022. In a statement on Sunday the Russian embassy repeated that the people who died at the " +
  "Mariupol maternity ward were not civilians, and called the photographs of the wounded women staged.\n\n" +
  "The embassy gave no evidence for either claim.";
const EMBASSY_QUOTE = "the people who died at the Mariupol maternity ward were not civilians";

/** A second article repeating Lavrov's claim in other words, and the highlight of the repeat's words in it. */
async function embassyArticle() {
  const doc = await importDocument(desk.contributor, {
    title: "Embassy repeats denial over maternity hospital",
    text: EMBASSY_TEXT,
    sourceUrl: "https://news.example.org/embassy-repeats-denial",
    publisher: "Example News",
    publishedAt: "2022-03-14",
  });
  return { doc, span: spanOf(EMBASSY_TEXT, EMBASSY_QUOTE) };
}

const lavrov = () => claimOf(t.db, DEMO.claim);
const repeatOfColumn = async (id: number) =>
  (await queryRow<{ r: number | null }>(t.db, sql`select repeat_of as r from claims where id = ${id}`))!.r;

async function highlightRepeat(of?: number) {
  const { doc, span } = await embassyArticle();
  return createClaim(desk.contributor, {
    documentId: doc.id,
    revision: 1,
    ...span,
    claimant: { name: "Russian embassy in London" },
    ...(of ? { repeatOf: of } : {}),
  });
}

describe("matching a highlight against the desk's claims", () => {
  it("should suggest the fixture article's claim first for its rewording in another article", async () => {
    const { matches } = await findMatches(desk.contributor, { text: EMBASSY_QUOTE });
    expect(matches[0]).toMatchObject({ kind: "claim", id: (await lavrov()).id });
  });
});

describe("a repeat", () => {
  it("should share the claim's verdict, and reach readers only with the next version a second editor publishes", async () => {
    const original = await lavrov();
    const repeat = await highlightRepeat(original.id);
    expect(Number(await repeatOfColumn(repeat.id))).toBe(original.id);
    // One verdict: the repeat has none of its own.
    expect((await refusal(() => createVerdict(desk.contributor, { claimId: repeat.id }))).message).toMatch(
      /repeat of claim \d+, whose verdict it shares/,
    );

    // Linked on the desk, not yet published: readers see no trace of it anywhere.
    const before = await readEverythingPublic(["embassy"]);
    expect(before.all).not.toContain("Russian embassy in London");
    expect(before.all).not.toContain("news.example.org");
    expect((await getPublicClaim(DEMO.claim))!.verdict!.appearances).toEqual([]);

    // A correction reviewed and published by a second editor lists it.
    await startCorrection(t.db, desk.editor, DEMO.claim);
    await submitCorrection(t.db, desk.editor, DEMO.claim);
    await publishCorrection(t.db, desk.reviewer, DEMO.claim, "Added the Russian embassy's repetition of the claim.");
    const claim = (await getPublicClaim(DEMO.claim))!;
    expect(claim.verdict!.appearances).toEqual([
      expect.objectContaining({
        documentTitle: "Embassy repeats denial over maternity hospital",
        sourceUrl: "https://news.example.org/embassy-repeats-denial",
        claimant: { name: "Russian embassy in London", sameAs: null },
        claimedAt: "2022-03-14",
        quote: EMBASSY_QUOTE,
      }),
    ]);

    // The desk's ids of the repeat and its document are not public.
    expect(claim.verdict!.appearances[0]).not.toHaveProperty("claimId");
    expect(claim.verdict!.appearances[0]).not.toHaveProperty("documentId");

    // ClaimReview lists every appearance with an address, and passes the validator.
    const review = claimReviewFor(claim, getEnv(), null)!;
    const { appearance } = review.itemReviewed as { appearance: { url: string } | { url: string }[] };
    expect([appearance].flat().map((a) => a.url)).toEqual(
      [claim.document.sourceUrl, "https://news.example.org/embassy-repeats-denial"].filter(Boolean),
    );
    expect(validateClaimReview(review, getEnv().publicBaseUrl).errors).toEqual([]);
    const after = await readEverythingPublic([]);
    for (const surface of ["claim page", "api claim", "claimreview", "json"] as const)
      expect(after[surface], surface).toContain("news.example.org/embassy-repeats-denial");

    // Unlinked: the desk's claim stands alone again; readers keep the published list until the next version.
    await unlinkRepeat(desk.contributor, { claimId: repeat.id });
    expect(await repeatOfColumn(repeat.id)).toBeNull();
    expect((await getPublicClaim(DEMO.claim))!.verdict!.appearances).toHaveLength(1);
    await startCorrection(t.db, desk.editor, DEMO.claim);
    await submitCorrection(t.db, desk.editor, DEMO.claim);
    await publishCorrection(t.db, desk.reviewer, DEMO.claim, "Removed an appearance.");
    expect((await getPublicClaim(DEMO.claim))!.verdict!.appearances).toEqual([]);
  });

  it("should link an existing highlight, to the claim a repeat repeats, and refuse what would break one verdict", async () => {
    const original = await lavrov();
    const first = await highlightRepeat(original.id);
    const { doc } = await embassyArticle();
    const second = await createClaim(desk.contributor, {
      documentId: doc.id,
      revision: 1,
      ...spanOf(EMBASSY_TEXT, "called the photographs of the wounded women staged"),
      claimant: { name: "Russian embassy in London" },
    });
    // Linked to a repeat: it joins the claim that repeat repeats.
    await linkRepeat(desk.contributor, { claimId: second.id, of: first.id });
    expect(Number(await repeatOfColumn(second.id))).toBe(original.id);

    // A claim with a verdict, or with repeats of its own, cannot become a repeat; a claim cannot repeat itself.
    const third = await highlightRepeat();
    expect((await refusal(() => linkRepeat(desk.contributor, { claimId: original.id, of: third.id }))).message).toMatch(
      /verdict of its own/,
    );
    expect((await refusal(() => linkRepeat(desk.contributor, { claimId: third.id, of: third.id }))).status).toBe(422);
    await unlinkRepeat(desk.contributor, { claimId: second.id });
    await linkRepeat(desk.contributor, { claimId: first.id, of: second.id });
    expect((await refusal(() => linkRepeat(desk.contributor, { claimId: second.id, of: third.id }))).message).toMatch(
      /unlink its repeats/,
    );
    // Nor can a claim with repeats be deleted from under them.
    expect((await refusal(() => deleteClaim(desk.contributor, { claimId: second.id }))).message).toMatch(
      /unlink its repeats/,
    );
    // While a version of the verdict is in review, what it is about is frozen: no repeat joins or leaves it.
    const inReview = await claimOf(t.db, DEMO.inReview);
    expect((await refusal(() => linkRepeat(desk.contributor, { claimId: third.id, of: inReview.id }))).message).toMatch(
      /in review/,
    );
  });

  it("should link and unlink through the API, for contributors and not for anonymous callers", async () => {
    const original = await lavrov();
    const repeat = await highlightRepeat();
    const { token } = await createApiToken(desk.contributor, { scope: "write" });
    const path = `/api/v1/claims/${repeat.id}/repeat-of`;
    const anonymous = await callRoute(repeatOfRoute.POST, "POST", path, {
      params: { id: String(repeat.id) },
      body: { of: original.id },
    });
    expect(anonymous.status).toBe(401);
    const linked = await callRoute(repeatOfRoute.POST, "POST", path, {
      token,
      params: { id: String(repeat.id) },
      body: { of: original.id },
    });
    expect([linked.status, linked.json.claim.repeatOf]).toEqual([200, original.id]);
    const bad = await callRoute(repeatOfRoute.POST, "POST", path, {
      token,
      params: { id: String(repeat.id) },
      body: { of: "x" },
    });
    expect([bad.status, bad.json.error.issues[0].path]).toEqual([422, "of"]);
    const unlinked = await callRoute(repeatOfRoute.DELETE, "DELETE", path, {
      token,
      params: { id: String(repeat.id) },
    });
    expect([unlinked.status, unlinked.json.claim.repeatOf]).toEqual([200, null]);
  });

  it("should not unlink through the API a repeat linked elsewhere than the caller saw (`of`)", async () => {
    const original = await lavrov();
    const repeat = await highlightRepeat(original.id);
    const { token } = await createApiToken(desk.contributor, { scope: "write" });
    const path = `/api/v1/claims/${repeat.id}/repeat-of`;
    const params = { id: String(repeat.id) };
    const stale = await callRoute(repeatOfRoute.DELETE, "DELETE", `${path}?of=${repeat.id}`, { token, params });
    expect(stale.status).toBe(409);
    const row = await queryRow<{ repeatOf: number }>(
      t.db,
      sql`select repeat_of as "repeatOf" from claims where id = ${repeat.id}`,
    );
    expect(Number(row!.repeatOf)).toBe(original.id);
    const seen = await callRoute(repeatOfRoute.DELETE, "DELETE", `${path}?of=${original.id}`, { token, params });
    expect([seen.status, seen.json.claim.repeatOf]).toEqual([200, null]);
  });
});

describe("a repeat and the verdict it shares", () => {
  /** A correction of Lavrov's verdict started by the editor, a repeat linked, the correction sent to review. */
  async function correctionWithRepeat(linkedBy: Desk[keyof Desk]) {
    await startCorrection(t.db, desk.editor, DEMO.claim);
    const { doc, span } = await embassyArticle();
    const repeat = await createClaim(linkedBy, {
      documentId: doc.id,
      revision: 1,
      ...span,
      claimant: { name: "Sergei Lavrov" },
      repeatOf: (await lavrov()).id,
    });
    await submitCorrection(t.db, desk.editor, DEMO.claim);
    return repeat;
  }

  it("should not let the editor who linked a repeat publish the version that lists it", async () => {
    await correctionWithRepeat(desk.reviewer);
    const refused = await refusal(() => publishCorrection(t.db, desk.reviewer, DEMO.claim));
    expect([refused.status, refused.message]).toEqual([403, expect.stringMatching(/second editor/)]);
    await publishCorrection(t.db, desk.admin, DEMO.claim);
    expect((await getPublicClaim(DEMO.claim))!.verdict!.appearances).toHaveLength(1);
  });

  it("should freeze a repeat while the verdict it shares is in review", async () => {
    const repeat = await correctionWithRepeat(desk.contributor);
    for (const call of [
      () => updateClaim(desk.contributor, { claimId: repeat.id, claimedAt: "2022-03-15" }),
      () => deleteClaim(desk.contributor, { claimId: repeat.id }),
      () => unlinkRepeat(desk.contributor, { claimId: repeat.id }),
    ])
      expect((await refusal(call)).message).toMatch(/in review/);
  });

  it("should show readers the published claimant and document, never the desk's unpublished edits", async () => {
    const repeat = await correctionWithRepeat(desk.contributor);
    const claimant = (await queryRow<{ id: number; version: number }>(
      t.db,
      sql`select id, version from claimants where slug = ${DEMO.claimant}`,
    ))!;
    await updateClaimant(desk.contributor, {
      claimantId: claimant.id,
      version: claimant.version,
      name: "UNPUBLISHED NAME",
    });
    await publishCorrection(t.db, desk.reviewer, DEMO.claim);
    const [appearance] = (await getPublicClaim(DEMO.claim))!.verdict!.appearances;
    expect(appearance!.claimant.name).toBe("Sergei Lavrov");
    expect(appearance!.quote).toBe(EMBASSY_QUOTE);
    // The desk's page says readers see it; the audit trail of the claim it repeats records the link.
    const events = await queryRow<{ n: number }>(
      t.db,
      sql`select count(*) as n from audit_events where entity_type = 'claim' and action = 'claim.repeat_joined'
        and entity_id = ${(await lavrov()).id}`,
    );
    expect(Number(events!.n)).toBe(1);
    expect(Number(await repeatOfColumn(repeat.id))).toBe((await lavrov()).id);
  });

  it("should refuse to publish a repeat whose quote lost its place", async () => {
    await startCorrection(t.db, desk.editor, DEMO.claim);
    const repeat = await highlightRepeat((await lavrov()).id);
    const { text, revision } = await documentText(t.db, (await claimOf(t.db, repeat.slug)).documentId);
    await updateDocumentText(desk.contributor, {
      documentId: (await claimOf(t.db, repeat.slug)).documentId,
      text: text.replace(/In a statement[^\n]*\n/, "Nothing more was said.\n"),
      baseRevision: revision,
    });
    await submitCorrection(t.db, desk.editor, DEMO.claim);
    expect((await refusal(() => publishCorrection(t.db, desk.reviewer, DEMO.claim))).message).toMatch(
      /repeat in .* is orphaned in its text/,
    );
  });
});

describe("matches and repeats", () => {
  it("should fold a repeat into the claim it repeats, and forget a deleted repeat's words", async () => {
    const original = await lavrov();
    const repeat = await highlightRepeat(original.id);
    const words = "photographs of the wounded women staged embassy";
    const claimsFor = async (text: string) =>
      (await findMatches(desk.contributor, { text })).matches.filter((m) => m.kind === "claim").map((m) => m.id);
    // The repeat's own words find the claim it repeats, once, never the repeat itself.
    await updateClaim(desk.contributor, { claimId: repeat.id, statement: `The embassy says the ${words}.` });
    const found = await claimsFor(words);
    expect(found.filter((id) => id === original.id)).toHaveLength(1);
    expect(found).not.toContain(repeat.id);
    // Deleted, its words no longer find anything through it.
    await unlinkRepeat(desk.contributor, { claimId: repeat.id });
    await deleteClaim(desk.contributor, { claimId: repeat.id });
    expect(await claimsFor(words)).not.toContain(repeat.id);
    expect(await claimsFor(words)).not.toContain(original.id);
  });

  it("should refuse to call two repeats of one claim different", async () => {
    const original = await lavrov();
    const a = await highlightRepeat(original.id);
    const b = await highlightRepeat(original.id);
    expect(
      (await refusal(() => rejectMatch(desk.contributor, { claimId: a.id, kind: "claim", id: b.id }))).status,
    ).toBe(409);
  });
});

describe("a rejected suggestion", () => {
  it("should not be suggested again for that pair, either way, until the two are linked", async () => {
    const original = await lavrov();
    const repeat = await highlightRepeat();
    const keys = async (claim: number) =>
      (await findMatches(desk.contributor, { text: EMBASSY_QUOTE, claim })).matches.map((m) => `${m.kind}${m.id}`);
    expect(await keys(repeat.id)).toContain(`claim${original.id}`);

    const { token } = await createApiToken(desk.contributor, { scope: "write" });
    const path = `/api/v1/claims/${repeat.id}/match-rejections`;
    const body = { kind: "claim", id: original.id };
    const first = await callRoute(matchRejectionsRoute.POST, "POST", path, {
      token,
      params: { id: String(repeat.id) },
      body,
    });
    expect(first.status).toBe(201);
    const again = await callRoute(matchRejectionsRoute.POST, "POST", path, {
      token,
      params: { id: String(repeat.id) },
      body,
    });
    expect(again.status).toBe(200);
    expect(await keys(repeat.id)).not.toContain(`claim${original.id}`);
    expect(await keys(original.id)).not.toContain(`claim${repeat.id}`);

    // Linking them after all withdraws the rejection.
    await linkRepeat(desk.contributor, { claimId: repeat.id, of: original.id });
    const rejections = await queryRow<{ n: number }>(t.db, sql`select count(*) as n from match_rejections`);
    expect(Number(rejections!.n)).toBe(0);
  });

  it("should leave a rejected known fact-check out, and refuse unknown candidates", async () => {
    await importFactChecks(desk.editor, [
      {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: "https://checks.example.org/maternity-ward-civilians",
        claimReviewed: "Those who died at the Mariupol maternity ward were not civilians.",
        author: { "@type": "Organization", name: "Example Checks" },
        reviewRating: { "@type": "Rating", alternateName: "False" },
      },
    ]);
    const repeat = await highlightRepeat();
    const suggested = async () =>
      (await findMatches(desk.contributor, { text: EMBASSY_QUOTE, claim: repeat.id })).matches.filter(
        (m) => m.kind === "fact-check",
      );
    const [factCheck] = await suggested();
    expect(factCheck).toMatchObject({ url: "https://checks.example.org/maternity-ward-civilians" });
    await rejectMatch(desk.contributor, { claimId: repeat.id, kind: "fact-check", id: factCheck!.id });
    expect(await suggested()).toEqual([]);
    expect(
      (await refusal(() => rejectMatch(desk.contributor, { claimId: repeat.id, kind: "fact-check", id: 9999 }))).status,
    ).toBe(404);
    expect(
      (await refusal(() => rejectMatch(desk.contributor, { claimId: repeat.id, kind: "tweet", id: 1 }))).status,
    ).toBe(422);
  });
});
