import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, claims, documentRevisions } from "@/db/schema";
import { getEditorDocument } from "@/db/queries/documents";
import { getDisputeWithAccounts } from "@/db/queries/disputes";
import { CodePointIndex } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/services/claims/create-claim";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { confirmAnchor, reattachClaim } from "@/lib/services/claims/place-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateDispute } from "@/lib/services/disputes/update-dispute";
import { importDocument } from "@/lib/services/documents/import-document";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { isServiceError } from "@/lib/services/errors";
import { ARTICLE, RAW_ARTICLE } from "../../support/article";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { addUser } from "../../support/fixtures";

let t: TestDb;
let contributor: Actor & { userId: number };

beforeEach(async () => {
  t = await createTestDb();
  contributor = await addUser(t.database, "c@example.org", "contributor");
});
afterEach(async () => {
  await t.close();
});

/** Code point offsets of `quote` in the text (after `after`, when the quote repeats). */
function span(text: string, quote: string, after = "") {
  const unit = text.indexOf(after + quote) + after.length;
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(unit), end: index.toCodePoint(unit + quote.length) };
}

async function importArticle() {
  return importDocument(contributor, { text: RAW_ARTICLE, title: "Talks fail as Mariupol is bombed" });
}

async function errorOf(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (e) {
    if (isServiceError(e)) return e;
    throw e;
  }
  throw new Error("expected a ServiceError");
}

describe("importDocument", () => {
  it("should store the fixture article as canonical text, revision 1, with its date and an audit event", async () => {
    const doc = await importArticle();
    expect(doc).toMatchObject({ revision: 1, slug: "talks-fail-as-mariupol-is-bombed" });
    const editor = (await getEditorDocument(doc.id))!;
    expect(editor.text).toBe(ARTICLE);
    expect(editor.doc.publishedAt).toBe("2022-03-10");
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "document.import"))).toHaveLength(1);
    // A second import of the same title gets its own slug.
    expect((await importArticle()).slug).toBe("talks-fail-as-mariupol-is-bombed-2");
  });

  it.each([
    [{ text: "   \n\n  " }, "text", /no text to import/],
    [{ text: "x", url: "https://example.org/" }, "text", /either text or url/],
    [{ url: "http://127.0.0.1/article" }, "url", /private or local address/],
    [{ url: "http://example.org:9/article" }, "url", /uses port 9: only the web ports 80 and 443 may be fetched/],
    [{ text: "x", format: "pdf" }, "format", /text, markdown or html/],
    [{ text: "x", publishedAt: "2022-02-30" }, "publishedAt", /not a real date/],
    [{ text: "x", sourceUrl: "javascript:alert(1)" }, "sourceUrl", /http/],
  ])("should refuse %j naming %s, storing nothing", async (input, path, message) => {
    const before = await tableSnapshot(t.db);
    const err = await importDocument(contributor, input).catch((e) => e);
    expect(err.status).toBe(422);
    expect(err.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(err.message + JSON.stringify(err.issues)).toMatch(message);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });
});

describe("createClaim", () => {
  it("should store selectors in code points, attribute to a new claimant, and default statement and date", async () => {
    const doc = await importArticle();
    const created = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "those killed were not civilians"),
      claimant: {
        name: "Sergei Lavrov",
        description: "Foreign minister of Russia",
        sameAs: "https://www.wikidata.org/wiki/Q187596",
      },
    });
    expect(created.selectors).toMatchObject({
      exact: "those killed were not civilians",
      prefix: "ks Thursday.\n\nLavrov instead insisted that ".slice(-32),
    });
    const [row] = await t.db.select().from(claims).where(eq(claims.id, created.id)).limit(1);
    expect(row).toMatchObject({
      statement: "those killed were not civilians",
      claimedAt: "2022-03-10",
      anchorStatus: "anchored",
      revision: 1,
    });
    // Attributing again by the same name reuses the claimant.
    const again = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "Putin would be open to meeting Zelesnky"),
      claimant: { name: "sergei lavrov" },
    });
    expect(again.claimantId).toBe(created.claimantId);
  });

  it("should trim whitespace a double-click took, and allow overlapping and nested claims", async () => {
    const doc = await importArticle();
    const outer = span(ARTICLE, "insisted that those killed were not civilians, even though one was a child");
    const first = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      start: outer.start - 1,
      end: outer.end + 1,
      claimant: { name: "Sergei Lavrov" },
    });
    expect(first.selectors.exact).toBe("insisted that those killed were not civilians, even though one was a child");
    const inner = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "those killed were not civilians"),
      claimant: { id: first.claimantId },
    });
    expect(inner.selectors.start).toBeGreaterThan(first.selectors.start);
    expect((await getEditorDocument(doc.id))!.claims.map((c) => c.id)).toEqual([first.id, inner.id]);
  });

  it("should count an emoji as one character", async () => {
    const doc = await importDocument(contributor, {
      text: "🇺🇦 Zelensky: “He will [negotiate]. We need some time.” 😀 End.",
      title: "Emoji",
    });
    const text = (await getEditorDocument(doc.id))!.text;
    const s = span(text, "We need some time.");
    expect(s.start).toBe(text.indexOf("We need") - 2); // the flag is 2 code points, 4 UTF-16 units
    expect(
      (
        await createClaim(contributor, {
          documentId: doc.id,
          revision: 1,
          ...s,
          claimant: { name: "Volodymyr Zelensky" },
        })
      ).selectors.exact,
    ).toBe("We need some time.");
  });

  it("should refuse a stale revision with 409, and bad spans with 422, changing nothing", async () => {
    const doc = await importArticle();
    await updateDocumentText(contributor, {
      documentId: doc.id,
      baseRevision: 1,
      text: "New first paragraph.\n\n" + ARTICLE,
    });
    const before = await tableSnapshot(t.db);
    const base = { documentId: doc.id, claimant: { name: "Sergei Lavrov" } };
    expect((await errorOf(() => createClaim(contributor, { ...base, revision: 1, start: 0, end: 5 }))).status).toBe(
      409,
    );
    expect(
      (await errorOf(() => createClaim(contributor, { ...base, revision: 2, start: 0, end: 999_999 }))).issues?.[0]
        ?.path,
    ).toBe("end");
    expect(
      (await errorOf(() => createClaim(contributor, { ...base, revision: 2, start: 5, end: 5 }))).issues?.[0]?.path,
    ).toBe("end");
    expect(
      (await errorOf(() => createClaim(contributor, { ...base, revision: 2, start: 20, end: 22 }))).message,
    ).toMatch(/no words/);
    expect(
      (await errorOf(() => createClaim(contributor, { ...base, documentId: 999, revision: 1, start: 0, end: 5 })))
        .status,
    ).toBe(404);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });
});

describe("disputes", () => {
  it("should group the competing accounts of the hospital strike, from a new dispute and an existing one", async () => {
    const doc = await importArticle();
    const claim = (quote: string, claimant: string, extra: object = {}) =>
      createClaim(contributor, {
        documentId: doc.id,
        revision: 1,
        ...span(ARTICLE, quote),
        claimant: { name: claimant },
        ...extra,
      });
    const lavrov = await claim("those killed were not civilians", "Sergei Lavrov", {
      newDispute: {
        question: "Was the Mariupol maternity hospital a civilian site when it was struck?",
        eventDate: "2022-03-09",
      },
      accountLabel: "Russian foreign ministry",
    });
    const disputeId = lavrov.disputeId!;
    const base = await claim("patients and nurses had been moved out of the hospital", "Sergei Lavrov", {
      disputeId,
      accountLabel: "Russian foreign ministry (base)",
    });
    const council = await claim(
      "killing three, including a 6-year-old girl, and injuring 17 others",
      "Mariupol city council",
      { disputeId },
    );
    const dispute = (await getDisputeWithAccounts(disputeId))!;
    expect(dispute.dispute.eventDate).toBe("2022-03-09");
    expect(dispute.accounts.map((a) => [a.claimId, a.label])).toEqual([
      [lavrov.id, "Russian foreign ministry"],
      [base.id, "Russian foreign ministry (base)"],
      [council.id, "Mariupol city council"],
    ]);

    // Replacing the accounts from a stale copy (version 1, before two accounts joined) is refused.
    const replace = (version: number) =>
      updateDispute(contributor, {
        disputeId,
        version,
        accounts: [
          { claimId: council.id, label: "Mariupol city council" },
          { claimId: lavrov.id, label: "Lavrov" },
        ],
      });
    expect((await errorOf(() => replace(1))).status).toBe(409);
    expect((await errorOf(() => updateDispute(contributor, { disputeId, accounts: [] }))).issues?.[0]?.path).toBe(
      "version",
    );
    await replace(dispute.dispute.version);
    expect((await getDisputeWithAccounts(disputeId))!.accounts.map((a) => a.label)).toEqual([
      "Mariupol city council",
      "Lavrov",
    ]);
    expect(
      (await errorOf(() => updateDispute(contributor, { disputeId, version: 1, question: "Stale edit?" }))).status,
    ).toBe(409);
  });
});

describe("updateDocumentText", () => {
  const LAVROV =
    "Lavrov instead insisted that those killed were not civilians, even though one was a child and horrifying images captured heavily pregnant women covered in blood and being stretchered out of the carnage.\n\n";

  async function annotated() {
    const doc = await importArticle();
    const notCivilians = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "those killed were not civilians"),
      claimant: { name: "Sergei Lavrov" },
    });
    const council = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "killing three, including a 6-year-old girl"),
      claimant: { name: "Mariupol city council" },
    });
    return { doc, notCivilians, council };
  }

  it("should keep the old revision and carry claims past a paragraph inserted above", async () => {
    const { doc, notCivilians, council } = await annotated();
    const inserted = "Editor's note: updated with the council's figures.\n\n";
    const result = await updateDocumentText(contributor, {
      documentId: doc.id,
      baseRevision: 1,
      text: inserted + ARTICLE,
    });
    expect(result.revision).toBe(2);
    expect(result.claims).toEqual([
      {
        id: council.id,
        anchorStatus: "anchored",
        start: council.selectors.start + inserted.length,
        end: council.selectors.end + inserted.length,
      },
      {
        id: notCivilians.id,
        anchorStatus: "anchored",
        start: notCivilians.selectors.start + inserted.length,
        end: notCivilians.selectors.end + inserted.length,
      },
    ]);
    expect(
      (
        await t.db
          .select()
          .from(documentRevisions)
          .where(eq(documentRevisions.documentId, doc.id))
          .orderBy(documentRevisions.revision)
      ).map((r) => r.revision),
    ).toEqual([1, 2]);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "claim.reanchor"))).toHaveLength(2);
  });

  it("should orphan the claim whose sentence was deleted, keep its quote, and let an editor re-attach it", async () => {
    const { doc, notCivilians, council } = await annotated();
    const edited = ARTICLE.replace(LAVROV, "");
    const result = await updateDocumentText(contributor, { documentId: doc.id, baseRevision: 1, text: edited });
    expect(result.claims.find((c) => c.id === notCivilians.id)).toEqual({
      id: notCivilians.id,
      anchorStatus: "orphaned",
      start: null,
      end: null,
    });
    expect(result.claims.find((c) => c.id === council.id)?.anchorStatus).toBe("anchored");
    const [orphan] = await t.db.select().from(claims).where(eq(claims.id, notCivilians.id)).limit(1);
    expect(orphan).toMatchObject({ anchorStatus: "orphaned", quote: "those killed were not civilians", revision: 1 });

    const target = span(edited, "a day after the devastating blast");
    const moved = await reattachClaim(contributor, {
      claimId: orphan!.id,
      version: orphan!.version,
      revision: 2,
      ...target,
    });
    expect(moved).toMatchObject({ anchorStatus: "anchored", quote: "a day after the devastating blast", revision: 2 });
  });

  it("should mark a re-found quote fuzzy until an editor confirms it", async () => {
    const { doc, notCivilians } = await annotated();
    await updateDocumentText(contributor, {
      documentId: doc.id,
      baseRevision: 1,
      text: ARTICLE.replace("not civilians", "not civillians"),
    });
    const [fuzzy] = await t.db.select().from(claims).where(eq(claims.id, notCivilians.id)).limit(1);
    expect(fuzzy).toMatchObject({ anchorStatus: "fuzzy", quote: "those killed were not civilians", revision: 2 });
    const confirmed = await confirmAnchor(contributor, { claimId: fuzzy!.id, version: fuzzy!.version, revision: 2 });
    expect(confirmed).toMatchObject({ anchorStatus: "anchored", quote: "those killed were not civillians" });
    expect((await errorOf(() => confirmAnchor(contributor, { claimId: fuzzy!.id, revision: 2 }))).status).toBe(409);
  });

  it("should refuse a stale base revision with 409 and change nothing", async () => {
    const { doc } = await annotated();
    await updateDocumentText(contributor, { documentId: doc.id, baseRevision: 1, text: "One.\n\n" + ARTICLE });
    const before = await tableSnapshot(t.db);
    const err = await errorOf(() =>
      updateDocumentText(contributor, { documentId: doc.id, baseRevision: 1, text: "Two.\n\n" + ARTICLE }),
    );
    expect(err.status).toBe(409);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should not make a revision when the text did not change", async () => {
    const { doc } = await annotated();
    expect(
      (await updateDocumentText(contributor, { documentId: doc.id, baseRevision: 1, text: ARTICLE + "\n\n" })).revision,
    ).toBe(1);
  });
});

describe("editing and deleting claims", () => {
  it("should change claimant, statement and date, with a version check", async () => {
    const doc = await importArticle();
    const c = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "those killed were not civilians"),
      claimant: { name: "Lavrov" },
    });
    const updated = await updateClaim(contributor, {
      claimId: c.id,
      version: 1,
      claimant: { name: "Sergei Lavrov" },
      statement: "Those killed were not civilians.",
      claimedAt: "2022-03-10",
    });
    expect(updated).toMatchObject({ statement: "Those killed were not civilians.", version: 2 });
    expect(updated.claimantId).not.toBe(c.claimantId);
    expect(
      (await errorOf(() => updateClaim(contributor, { claimId: c.id, version: 1, statement: "x" }))).message,
    ).toMatch(/changed by c at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  it("should delete a claim without a published verdict, with its dispute accounts", async () => {
    const doc = await importArticle();
    const c = await createClaim(contributor, {
      documentId: doc.id,
      revision: 1,
      ...span(ARTICLE, "those killed were not civilians"),
      claimant: { name: "Sergei Lavrov" },
      newDispute: { question: "Were those killed civilians?" },
    });
    await deleteClaim(contributor, { claimId: c.id });
    expect(
      await t.db
        .select()
        .from(claims)
        .where(and(eq(claims.id, c.id))),
    ).toEqual([]);
    expect((await getDisputeWithAccounts(c.disputeId!))!.accounts).toEqual([]);
  });
});

describe("metadata found by the importer", () => {
  it("should be held to the same rules as typed metadata", async () => {
    const html = `<html lang="en"><head><title>${"T".repeat(5000)}</title><meta property="article:published_time" content="2022-13-45"></head>
      <body><article><p>${"Words of the article. ".repeat(20)}</p><p>${"More words here. ".repeat(20)}</p></article></body></html>`;
    const doc = await importDocument(contributor, { text: html, format: "html" });
    const stored = (await getEditorDocument(doc.id))!.doc;
    expect(stored.title.length).toBe(300);
    expect(stored.publishedAt).toBeNull();
  });
});
