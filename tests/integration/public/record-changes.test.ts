import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getPublicClaim } from "@/db/queries/public/claim";
import { getPublicClaimant, getPublicDispute, getPublicDocument } from "@/db/queries/public/records";
import { getRecordChanges, type RecordKind } from "@/db/queries/record-changes";
import { auditEvents } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRow, queryRows } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { createClaim } from "@/lib/services/claims/create-claim";
import { reattachClaim } from "@/lib/services/claims/place-claim";
import { createDispute } from "@/lib/services/disputes/create-dispute";
import { removeDisputeAccount } from "@/lib/services/disputes/change-accounts";
import { updateDispute } from "@/lib/services/disputes/update-dispute";
import { importDocument } from "@/lib/services/documents/import-document";
import { updateDocumentMetadata } from "@/lib/services/documents/update-document-metadata";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { discardRecordChanges, publishRecordChanges } from "@/lib/services/publication/record-changes";
import { updateRating } from "@/lib/services/ratings/manage-ratings";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { claimOf, DEMO, deskOf, documentText, recordOf, refusal, spanOf, step, type Desk } from "./desk";

/**
 * A claimant's, document's or dispute's public details change for readers only when an editor who made none of the
 * changes publishes them (`publishRecordChanges`), or go back as published (`discardRecordChanges`); a record becomes
 * public with the first published verdict that shows it.
 */
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

type Kind = {
  kind: RecordKind;
  slug: string;
  /** A change of one public detail, and that detail's name. */
  edit: (who: Actor, value: string) => Promise<unknown>;
  field: string;
  /** The record's public page, and the detail as it shows it. */
  page: (slug: string) => Promise<{ updates: { at: Date; note: string }[] } | null>;
  shown: (slug: string) => Promise<string | undefined>;
};

const current = (kind: RecordKind, slug: string) => recordOf(t.db, kind, slug);

const KINDS: Kind[] = [
  {
    kind: "claimant",
    slug: DEMO.claimant,
    field: "name",
    edit: async (who, name) => updateClaimant(who, { claimantId: (await current("claimant", DEMO.claimant)).id, name }),
    page: getPublicClaimant,
    shown: async (slug) => (await getPublicClaimant(slug))?.claimant.name,
  },
  {
    kind: "document",
    slug: DEMO.document,
    field: "title",
    edit: async (who, title) =>
      updateDocumentMetadata(who, { documentId: (await current("document", DEMO.document)).id, title }),
    page: getPublicDocument,
    shown: async (slug) => (await getPublicDocument(slug))?.doc.title,
  },
  {
    kind: "dispute",
    slug: DEMO.dispute,
    field: "question",
    edit: async (who, question) =>
      updateDispute(who, { disputeId: (await current("dispute", DEMO.dispute)).id, question }),
    page: getPublicDispute,
    shown: async (slug) => (await getPublicDispute(slug))?.dispute.question,
  },
];

const publish = async (who: Actor, kind: RecordKind, slug: string, extra: object = {}) =>
  publishRecordChanges(who, { kind, ...(await current(kind, slug)), ...extra });
const discard = async (who: Actor, kind: RecordKind, slug: string) =>
  discardRecordChanges(who, { kind, ...(await current(kind, slug)) });
const changesOf = async (kind: RecordKind, slug: string) =>
  (await getRecordChanges(kind, (await current(kind, slug)).id, t.db))!;
const audited = async (kind: RecordKind, slug: string, action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, kind),
        eq(auditEvents.entityId, (await current(kind, slug)).id),
        eq(auditEvents.action, action),
      ),
    );

describe.each(KINDS)("the $kind's working copy", ({ kind, slug, field, edit, page, shown }) => {
  it("should be published only by an editor who did not change it, with a public note and an audit event", async () => {
    const before = await shown(slug);
    await edit(desk.editor, "A detail changed on the desk");
    const changes = await changesOf(kind, slug);
    expect(changes.changes.map((c) => [c.field, c.live, c.pending])).toEqual([
      [field, before, "A detail changed on the desk"],
    ]);
    expect(changes.editors.map((e) => e.name)).toEqual(["Esther Editor"]);

    const unchanged = await tableSnapshot(t.db);
    expect(await refusal(() => publish(desk.editor, kind, slug))).toMatchObject({
      code: "forbidden",
      message: `You changed this ${kind} since it was last published: a second editor must publish it.`,
    });
    expect(await refusal(() => publish(desk.contributor, kind, slug))).toMatchObject({ code: "forbidden" });
    expect(await tableSnapshot(t.db)).toEqual(unchanged);
    expect(await shown(slug)).toBe(before);

    const note = "We corrected this record.";
    expect(await publish(desk.reviewer, kind, slug, { note })).toMatchObject({ kind, seq: 2, changed: [field] });
    expect(await shown(slug)).toBe("A detail changed on the desk");
    expect((await page(slug))!.updates).toEqual([{ at: expect.any(Date), note }]);
    expect((await changesOf(kind, slug)).changes).toEqual([]);
    expect((await changesOf(kind, slug)).published).toMatchObject({ seq: 2, by: "Rafael Reviewer", note });
    const [event] = await audited(kind, slug, `${kind}.publish`);
    expect(event).toMatchObject({
      actorId: desk.reviewer.userId,
      before: { [field]: before },
      after: { [field]: "A detail changed on the desk", seq: 2, note },
    });
  });

  it("should count an edit made in the very millisecond the last version was published", async () => {
    await edit(desk.contributor, "A first change");
    await publish(desk.reviewer, kind, slug);
    const { at } = (await changesOf(kind, slug)).published!;
    vi.useFakeTimers({ toFake: ["Date"], now: at });
    try {
      await edit(desk.editor, "A change right after");
    } finally {
      vi.useRealTimers();
    }
    expect((await changesOf(kind, slug)).editors.map((e) => e.name)).toEqual(["Esther Editor"]);
    expect((await refusal(() => publish(desk.editor, kind, slug))).code).toBe("forbidden");
  });

  it("should refuse to publish nothing, a version since changed, and again what was just published", async () => {
    expect(await refusal(() => publish(desk.reviewer, kind, slug))).toMatchObject({
      code: "conflict",
      message: `Nothing to publish: readers already see this ${kind} as the desk has it.`,
    });
    await edit(desk.contributor, "A first change");
    const seen = await current(kind, slug);
    await edit(desk.contributor, "A second change");
    const e = await refusal(() => publishRecordChanges(desk.reviewer, { kind, ...seen }));
    expect(e.code).toBe("conflict");
    expect(await shown(slug)).not.toMatch(/change/);
    expect(await refusal(() => discardRecordChanges(desk.reviewer, { kind, ...seen }))).toMatchObject({
      code: "conflict",
    });

    await publish(desk.editor, kind, slug);
    expect(await shown(slug)).toBe("A second change");
    expect((await refusal(() => publish(desk.reviewer, kind, slug))).code).toBe("conflict");
  });

  it("should be put back as readers see it by a discard, without a note", async () => {
    const before = await shown(slug);
    await edit(desk.contributor, "A change to throw away");
    const anonymous = { kind, ...(await current(kind, slug)) };
    expect((await refusal(() => discardRecordChanges(null, anonymous))).code).toBe("unauthenticated");
    expect(await discard(desk.contributor, kind, slug)).toMatchObject({ kind, discarded: [field] });
    const changes = await changesOf(kind, slug);
    expect(changes.changes).toEqual([]);
    expect(changes.fields.find((f) => f.field === field)).toMatchObject({ live: before, pending: before });
    expect(changes.published?.seq).toBe(1);
    expect((await page(slug))!.updates).toEqual([]);
    expect(await audited(kind, slug, `${kind}.discard_changes`)).toEqual([
      expect.objectContaining({
        actorId: desk.contributor.userId,
        before: { [field]: "A change to throw away" },
        after: { [field]: before },
      }),
    ]);
    expect((await refusal(() => discard(desk.contributor, kind, slug))).code).toBe("conflict");
  });
});

describe("discarding", () => {
  it("should put a document's text back as a new revision holding the published text, its claims re-anchored", async () => {
    const doc = await current("document", DEMO.document);
    const published = await documentText(t.db, doc.id);
    await updateDocumentText(desk.contributor, {
      documentId: doc.id,
      text: published.text.replace("those killed were not civilians", "those who died were not civilians"),
      baseRevision: published.revision,
    });
    const claim = await claimOf(t.db, DEMO.claim);
    const edited = (await queryRow<{ status: string }>(
      t.db,
      sql`select anchor_status as status from claims where id = ${claim.id}`,
    ))!;
    expect(edited.status).not.toBe("anchored");
    expect((await changesOf("document", DEMO.document)).changes.map((c) => c.field)).toEqual(["revision"]);

    await discard(desk.editor, "document", DEMO.document);
    const restored = await documentText(t.db, doc.id);
    expect(restored).toEqual({ text: published.text, revision: published.revision + 2 });
    // The edited revision stays in the history.
    const revisions = await queryRows<{ revision: number }>(
      t.db,
      sql`select revision from document_revisions where document_id = ${doc.id} order by revision`,
    );
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect((await changesOf("document", DEMO.document)).changes).toEqual([]);
    const anchored = (await queryRow<{ status: string; revision: number; quote: string }>(
      t.db,
      sql`select anchor_status as status, revision, quote from claims where id = ${claim.id}`,
    ))!;
    expect(anchored).toEqual({ status: "anchored", revision: 3, quote: "those killed were not civilians" });
    expect((await getPublicDocument(DEMO.document))!.doc).toMatchObject({ revision: 1, text: published.text });
  });

  it("should put a dispute's accounts back: labels, order and accounts taken out", async () => {
    const dispute = await current("dispute", DEMO.dispute);
    const accounts = () =>
      queryRows<{ claimId: number; label: string; position: number }>(
        t.db,
        sql`select claim_id as "claimId", label, position from dispute_accounts where dispute_id = ${dispute.id} order by position`,
      );
    const before = await accounts();
    await updateDispute(desk.contributor, {
      disputeId: dispute.id,
      version: dispute.version,
      accounts: before.slice(1).map((a) => ({ claimId: a.claimId, label: `${a.label} (relabelled)` })),
    });
    await removeDisputeAccount(desk.contributor, { disputeId: dispute.id, claimId: before[1]!.claimId });
    expect((await changesOf("dispute", DEMO.dispute)).changes.map((c) => c.field)).toEqual(["accounts"]);
    await discard(desk.contributor, "dispute", DEMO.dispute);
    expect(await accounts()).toEqual(before);
    expect((await changesOf("dispute", DEMO.dispute)).changes).toEqual([]);
  });
});

describe("a record readers have never seen", () => {
  it("should be published only by a second editor, and show nowhere until one of its claims is published", async () => {
    const council = "mariupol-city-council";
    await updateClaimant(desk.contributor, { claimantId: (await current("claimant", council)).id, name: "Council" });
    expect((await changesOf("claimant", council)).changes.map((c) => [c.field, c.live, c.pending])).toContainEqual([
      "name",
      null,
      "Council",
    ]);
    expect(await refusal(() => publish(desk.contributor, "claimant", council))).toMatchObject({ code: "forbidden" });
    const e = await refusal(() => discard(desk.reviewer, "claimant", council));
    expect(e).toMatchObject({ code: "conflict", message: expect.stringContaining("never published") });
    expect(await publish(desk.reviewer, "claimant", council)).toMatchObject({ seq: 1 });
    expect(await getPublicClaimant(council)).toBeNull(); // none of its claims is published
  });

  it("should let a second editor publish a dispute of claims already published", async () => {
    const lavrov = await claimOf(t.db, DEMO.claim);
    const dispute = await createDispute(desk.contributor, {
      question: "Who was killed in the strike?",
      accounts: [{ claimId: lavrov.id, label: "Lavrov's account" }],
    });
    expect(await getPublicDispute(dispute.slug)).toBeNull();
    expect(await refusal(() => publish(desk.contributor, "dispute", dispute.slug))).toMatchObject({
      code: "forbidden",
    });
    await publish(desk.editor, "dispute", dispute.slug);
    expect((await getPublicDispute(dispute.slug))!.accounts.map((a) => a.label)).toEqual(["Lavrov's account"]);
  });

  it("should not let the publisher of a verdict publish what they changed of a record going public with it", async () => {
    const text = "The governor said the dam was repaired in May.\n\nEngineers disagreed.";
    const doc = await importDocument(desk.contributor, { title: "A dam", text });
    const claim = await createClaim(desk.contributor, {
      documentId: doc.id,
      revision: 1,
      ...spanOf(text, "the dam was repaired in May"),
      claimant: { name: "Governor Newcomer" },
    });
    await addEvidence(desk.contributor, {
      claimId: claim.id,
      url: "https://example.org/dam",
      title: "Inspection report",
      sourceType: "document",
      stance: "refutes",
    });
    const verdict = await createVerdict(desk.contributor, {
      claimId: claim.id,
      rating: "false",
      summary: "The dam was not repaired.",
      rationale: "The inspection report of June lists the breach as open. ".repeat(5),
    });
    await step(t.db, desk.contributor, verdict.id, "submit");
    // While the verdict is in review, the editor who will publish it renames the claimant readers are about to meet.
    await updateClaimant(desk.editor, {
      claimantId: (await current("claimant", "governor-newcomer")).id,
      name: "Governor Renamed",
    });
    expect(await refusal(() => step(t.db, desk.editor, verdict.id, "publish"))).toMatchObject({ code: "forbidden" });
    await step(t.db, desk.reviewer, verdict.id, "publish");
    expect((await getPublicClaimant("governor-newcomer"))!.claimant.name).toBe("Governor Renamed");
  });

  it("should get its first version — claimant, document and dispute — with the first published verdict that shows it", async () => {
    const text = "The mayor said the bridge was closed on Monday.\n\nThe ministry denied it.";
    const doc = await importDocument(desk.contributor, { title: "A new dispatch", text });
    const claim = await createClaim(desk.contributor, {
      documentId: doc.id,
      revision: 1,
      ...spanOf(text, "the bridge was closed on Monday"),
      claimant: { name: "Mayor Newcomer" },
      newDispute: { question: "Was the bridge closed on Monday?" },
      accountLabel: "The mayor's account",
    });
    const slugs = { claimant: "mayor-newcomer", document: doc.slug, dispute: "was-the-bridge-closed-on-monday" };
    const pages = async () => [
      await getPublicClaimant(slugs.claimant),
      await getPublicDocument(slugs.document),
      await getPublicDispute(slugs.dispute),
    ];
    // Changed on the desk before it is public: the change goes public with the verdict, reviewed with it.
    await updateClaimant(desk.contributor, {
      claimantId: (await current("claimant", slugs.claimant)).id,
      description: "Mayor of the town",
    });
    await addEvidence(desk.contributor, {
      claimId: claim.id,
      url: "https://example.org/bridge",
      title: "Traffic camera footage",
      sourceType: "photo_video",
      stance: "refutes",
    });
    const verdict = await createVerdict(desk.contributor, {
      claimId: claim.id,
      rating: "false",
      summary: "The bridge was open.",
      rationale: "Traffic cameras show cars crossing the bridge all of Monday. ".repeat(5),
    });
    await step(t.db, desk.contributor, verdict.id, "submit");
    expect(await pages()).toEqual([null, null, null]);
    for (const [kind, slug] of Object.entries(slugs) as [RecordKind, string][]) {
      expect((await changesOf(kind, slug)).published).toBeNull();
    }

    await step(t.db, desk.editor, verdict.id, "publish");
    const [claimant, document, dispute] = await pages();
    expect(claimant).toMatchObject({
      claimant: { name: "Mayor Newcomer", description: "Mayor of the town" },
      updates: [],
    });
    expect(document).toMatchObject({ doc: { title: "A new dispatch", revision: 1 }, updates: [] });
    expect(dispute).toMatchObject({
      dispute: { question: "Was the bridge closed on Monday?" },
      accounts: [{ label: "The mayor's account", claimantName: "Mayor Newcomer" }],
    });
    for (const [kind, slug] of Object.entries(slugs) as [RecordKind, string][]) {
      const changes = await changesOf(kind, slug);
      expect(changes.published, kind).toMatchObject({ seq: 1, by: null, note: null });
      expect(changes.changes, kind).toEqual([]);
    }
  });

  it("should show a public dispute's account when its claim's first verdict is published", async () => {
    const atrocity = (await queryRow<{ id: number }>(
      t.db,
      sql`select id from claims where statement like 'The strike on the Mariupol maternity hospital was an atrocity%'`,
    ))!;
    const accountsShown = async () =>
      (await getPublicDispute(DEMO.dispute))!.accounts.map((a) => [a.label, a.claimantName]);
    expect(await accountsShown()).toEqual([["Russian account: no civilians killed", "Sergei Lavrov"]]);
    expect(await getPublicClaimant("volodymyr-zelensky")).toBeNull();
    const verdict = await createVerdict(desk.contributor, {
      claimId: atrocity.id,
      rating: "true",
      summary: "The strike hit a working maternity hospital.",
      rationale: "The OSCE mission found the building was working as a maternity hospital when it was hit. ".repeat(3),
    });
    await step(t.db, desk.contributor, verdict.id, "submit");
    await step(t.db, desk.editor, verdict.id, "publish");
    expect(await accountsShown()).toEqual([
      ["Russian account: no civilians killed", "Sergei Lavrov"],
      ["Ukrainian account: an atrocity", "Volodymyr Zelensky"],
    ]);
    expect((await getPublicClaimant("volodymyr-zelensky"))!.claimant.name).toBe("Volodymyr Zelensky");
    expect((await changesOf("claimant", "volodymyr-zelensky")).published).toMatchObject({ seq: 1, by: null });
  });
});

describe("a verdict published while its document's edited text waits for publication", () => {
  const QUOTE = "called Wednesday’s blast an “atrocity” and part of the Kremlin’s “genocide.”";
  const draftOn = async (statementStart: string) => {
    const claim = (await queryRow<{ id: number; slug: string }>(
      t.db,
      sql`select id, slug from claims where statement like ${`${statementStart}%`}`,
    ))!;
    const verdict = await createVerdict(desk.contributor, {
      claimId: claim.id,
      rating: "true",
      summary: "The strike hit a working maternity hospital.",
      rationale: "The OSCE mission found the building was working as a maternity hospital when it was hit. ".repeat(3),
    });
    await step(t.db, desk.contributor, verdict.id, "submit");
    return { claim, verdict };
  };

  it("should show its quote in the text readers see, with that text's context", async () => {
    const { claim, verdict } = await draftOn("The strike on the Mariupol maternity hospital was an atrocity");
    const doc = await current("document", DEMO.document);
    const { text, revision } = await documentText(t.db, doc.id);
    const at = text.indexOf(QUOTE);
    // An unpublished edit right before the quote: the desk re-anchors the claim, with the new words in its context.
    const edited = `${text.slice(0, at)}UNPUBLISHED-WORDS ${text.slice(at)}`;
    await updateDocumentText(desk.contributor, { documentId: doc.id, text: edited, baseRevision: revision });
    const working = await queryRow<{ prefix: string }>(t.db, sql`select prefix from claims where id = ${claim.id}`);
    expect(working!.prefix).toContain("UNPUBLISHED-WORDS");

    await step(t.db, desk.editor, verdict.id, "publish");
    const shown = (await getPublicClaim(claim.slug))!;
    expect(shown.quote).toBe(QUOTE);
    expect(shown.prefix).not.toContain("UNPUBLISHED");
    expect(text).toContain(`${shown.prefix}${shown.quote}${shown.suffix}`);
    const page = (await getPublicDocument(DEMO.document))!;
    expect(page.doc.text).not.toContain("UNPUBLISHED");
    expect(page.claims.map((c) => c.slug)).toContain(claim.slug);
  });

  it("should wait for the text when its quote is not in the text readers see", async () => {
    const { claim, verdict } = await draftOn("The strike on the Mariupol maternity hospital was an atrocity");
    const doc = await current("document", DEMO.document);
    const { text, revision } = await documentText(t.db, doc.id);
    const reworded = text.replace(QUOTE, QUOTE.replace("atrocity", "outrage"));
    await updateDocumentText(desk.contributor, { documentId: doc.id, text: reworded, baseRevision: revision });
    await step(t.db, desk.contributor, verdict.id, "withdraw");
    await reattachClaim(desk.contributor, {
      claimId: claim.id,
      version: (await claimOf(t.db, claim.slug)).version,
      revision: revision + 1,
      ...spanOf(reworded, QUOTE.replace("atrocity", "outrage")),
    });
    await step(t.db, desk.contributor, verdict.id, "submit");
    const e = await refusal(() => step(t.db, desk.editor, verdict.id, "publish"));
    expect(e).toMatchObject({ code: "conflict", message: expect.stringContaining("not in the text readers see") });
    // Once a second editor publishes the text, the verdict can go out.
    await publish(desk.reviewer, "document", DEMO.document);
    await step(t.db, desk.editor, verdict.id, "publish");
    expect((await getPublicClaim(claim.slug))!.quote).toContain("outrage");
  });

  it("should not be published by an admin who reworded its rating while it was in review", async () => {
    const { claim, verdict } = await draftOn("The strike on the Mariupol maternity hospital was an atrocity");
    const rating = (await queryRow<{ id: number }>(t.db, sql`select id from ratings where key = 'true'`))!;
    await updateRating(desk.admin, { ratingId: rating.id, label: "Entirely true" });
    expect(await refusal(() => step(t.db, desk.admin, verdict.id, "publish"))).toMatchObject({ code: "forbidden" });
    await step(t.db, desk.editor, verdict.id, "publish");
    expect((await getPublicClaim(claim.slug))!.verdict!.rating!.label).toBe("Entirely true");
  });
});
