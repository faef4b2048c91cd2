import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvents, claims, comments, ratings, verdicts } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { changeEvidenceLink, unlinkEvidence } from "@/lib/services/evidence/change-evidence";
import { createRating, deleteRating, reorderRatings, updateRating } from "@/lib/services/ratings/manage-ratings";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict as takeStep } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import { failAuditOf, rejectionMessage, refusal } from "../../support/fixtures";

let t: TestDb;
const as = {} as Record<"admin" | "editor" | "reviewer" | "contributor", Actor>;
const RATIONALE = "Lavrov said Putin would be open to a meeting. ".repeat(6);

beforeEach(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  for (const name of ["admin", "editor", "reviewer", "contributor"] as const) {
    const row = await queryRow<{ id: number }>(
      t.db,
      sql`select id from users where email = ${`${name}@claimdesk.test`}`,
    );
    as[name] = { kind: "user", userId: row!.id };
  }
});
afterEach(async () => {
  await t.close();
});

/** A workflow step as the UI sends it: with the version the caller sees now. */
async function transitionVerdict(who: Actor, input: { verdictId: number; step: string; [k: string]: unknown }) {
  const [current] = await t.db
    .select({ version: verdicts.version })
    .from(verdicts)
    .where(eq(verdicts.id, input.verdictId))
    .limit(1);
  return takeStep(who, { version: current?.version ?? 1, ...input });
}

const claimId = async (statementStart: string) =>
  (await t.db.select().from(claims)).find((c) => c.statement.startsWith(statementStart))!.id;
const verdictOf = (cid: number) => t.db.select().from(verdicts).where(eq(verdicts.claimId, cid)).orderBy(verdicts.id);

describe("a verdict from draft to published", () => {
  it("should go through submit, changes requested, resubmit, the gate and a second editor", async () => {
    const cid = await claimId("Vladimir Putin would be open");
    const v = await createVerdict(as.contributor, {
      claimId: cid,
      rating: "unverifiable",
      summary: "No sign of a meeting yet.",
    });
    const step = (who: Actor, step: string, extra: object = {}) =>
      transitionVerdict(who, { verdictId: v.id, step, ...extra });

    let e = await refusal(() => step(as.editor, "submit"));
    expect(e).toMatchObject({ code: "forbidden", message: "Only the verdict's author may submit it for review." });
    await step(as.contributor, "submit");

    // Contributors cannot publish; nor without a rationale and evidence.
    expect((await refusal(() => step(as.contributor, "publish"))).code).toBe("forbidden");
    e = await refusal(() => step(as.editor, "publish"));
    expect(e.code).toBe("validation_failed");
    expect(e.message).toBe(
      "Not ready to publish. Missing: a rationale of at least 200 characters (now 0); at least one evidence item with a URL.",
    );
    // Evidence does not change under a reviewer's eyes.
    expect(
      (
        await refusal(() =>
          addEvidence(as.contributor, {
            claimId: cid,
            url: "https://example.org/x",
            title: "x",
            sourceType: "other",
            stance: "context",
          }),
        )
      ).message,
    ).toMatch(/in review/);

    e = await refusal(() => step(as.editor, "request_changes"));
    expect(e.toJSON().error.issues).toEqual([{ path: "comment", message: "say what the author should change" }]);
    await step(as.editor, "request_changes", { comment: "Cite the Kremlin's own statement." });
    expect(await t.db.select().from(comments).where(eq(comments.kind, "changes_requested"))).toHaveLength(1);

    const current = (await verdictOf(cid))[0]!;
    await updateVerdict(as.contributor, { verdictId: v.id, version: current.version, rationale: RATIONALE });
    await addEvidence(as.contributor, {
      claimId: cid,
      url: "https://www.kremlin.ru/events/president/news",
      title: "Kremlin statement",
      sourceType: "official_statement",
      stance: "context",
    });
    await step(as.contributor, "submit");

    const published = await step(as.reviewer, "publish");
    expect(published).toMatchObject({ state: "published", reviewerId: (as.reviewer as { userId: number }).userId });
    expect(published.evidenceSnapshot).toEqual([
      expect.objectContaining({ title: "Kremlin statement", stance: "context" }),
    ]);
    expect(
      (
        await t.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entityType, "verdict"), eq(auditEvents.entityId, v.id)))
          .orderBy(auditEvents.id)
      ).map((a) => a.action),
    ).toEqual([
      "verdict.create",
      "verdict.submit",
      "verdict.request_changes",
      "verdict.update",
      "verdict.submit",
      "verdict.publish",
    ]);
  });

  it("should refuse an author publishing their own verdict, even an editor", async () => {
    const cid = await claimId("Vladimir Putin would be open");
    const v = await createVerdict(as.editor, {
      claimId: cid,
      rating: "unverifiable",
      summary: "x",
      rationale: RATIONALE,
    });
    await addEvidence(as.editor, {
      claimId: cid,
      url: "https://example.org/a",
      title: "A",
      sourceType: "other",
      stance: "context",
    });
    await transitionVerdict(as.editor, { verdictId: v.id, step: "submit" });
    const before = await tableSnapshot(t.db);
    expect(await refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "publish" }))).toMatchObject({
      code: "forbidden",
      message: "A second editor must publish it: you wrote this verdict.",
    });
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("should list everything the gate misses", async () => {
    const cid = await claimId("Vladimir Putin would be open");
    const v = await createVerdict(as.contributor, { claimId: cid });
    await transitionVerdict(as.contributor, { verdictId: v.id, step: "submit" });
    expect(
      (await refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "publish" }))).issues?.map(
        (i) => i.message,
      ),
    ).toEqual([
      "a rating",
      "a one-line summary",
      "a rationale of at least 200 characters (now 0)",
      "at least one evidence item with a URL",
    ]);
  });

  it("should never let two editors silently overwrite each other's draft", async () => {
    const draft = (await verdictOf(await claimId("The strike destroyed")))[0]!;
    await updateVerdict(as.editor, { verdictId: draft.id, version: draft.version, summary: "Editor's wording." });
    const e = await refusal(() =>
      updateVerdict(as.reviewer, { verdictId: draft.id, version: draft.version, summary: "Reviewer's wording." }),
    );
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/changed by Esther Editor at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect((await verdictOf(await claimId("The strike destroyed")))[0]!.summary).toBe("Editor's wording.");
    // A contributor who did not write the draft may not edit it.
    expect(
      (
        await refusal(() =>
          updateVerdict(as.contributor, { verdictId: draft.id, version: draft.version + 1, summary: "x" }),
        )
      ).code,
    ).toBe("forbidden");
  });
});

describe("corrections and retractions", () => {
  const published = async () => (await verdictOf(await claimId("Those killed in the Mariupol")))[0]!;

  it("should publish a correction with its public note and keep the old version as superseded", async () => {
    const original = await published();
    expect(
      (await refusal(() => transitionVerdict(as.contributor, { verdictId: original.id, step: "correct" }))).code,
    ).toBe("forbidden");
    const draft = await transitionVerdict(as.editor, { verdictId: original.id, step: "correct" });
    expect(draft).toMatchObject({ seq: 2, state: "draft", summary: original.summary });
    expect(
      (await refusal(() => transitionVerdict(as.reviewer, { verdictId: original.id, step: "correct" }))).code,
    ).toBe("conflict");

    await updateVerdict(as.editor, {
      verdictId: draft.id,
      version: draft.version,
      summary: "Three civilians, including a girl of six, were killed.",
    });
    await transitionVerdict(as.editor, { verdictId: draft.id, step: "submit" });
    expect((await refusal(() => transitionVerdict(as.editor, { verdictId: draft.id, step: "publish" }))).code).toBe(
      "forbidden",
    );
    expect(
      (await refusal(() => transitionVerdict(as.reviewer, { verdictId: draft.id, step: "publish" }))).message,
    ).toMatch(/a correction note/);
    const corrected = await transitionVerdict(as.reviewer, {
      verdictId: draft.id,
      step: "publish",
      note: "We corrected the girl's age.",
    });
    expect(corrected).toMatchObject({ state: "published", correctionNote: "We corrected the girl's age.", seq: 2 });
    const versions = (await verdictOf(original.claimId)).sort((a, b) => a.seq - b.seq);
    expect(versions.map((v) => [v.seq, v.state])).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);
    expect(versions[0]!.summary).toBe(original.summary);
  });

  it("should retract only with a public reason", async () => {
    const v = await published();
    expect(
      (await refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "retract" }))).issues?.[0]?.path,
    ).toBe("reason");
    expect(
      (await refusal(() => transitionVerdict(as.contributor, { verdictId: v.id, step: "retract", reason: "x" }))).code,
    ).toBe("forbidden");
    expect(
      await transitionVerdict(as.editor, { verdictId: v.id, step: "retract", reason: "The video was misdated." }),
    ).toMatchObject({
      state: "retracted",
      retractionReason: "The video was misdated.",
    });
  });

  it("should keep the published verdict's evidence until a correction changes it", async () => {
    const v = await published();
    const links = v.evidenceSnapshot!;
    expect(links.length).toBeGreaterThan(0);
    const target = { claimId: v.claimId, evidenceId: links[0]!.evidenceId };
    expect((await refusal(() => unlinkEvidence(as.editor, target))).message).toMatch(
      /start a correction to unlink evidence/,
    );
    expect((await refusal(() => changeEvidenceLink(as.editor, { ...target, stance: "supports" }))).code).toBe(
      "conflict",
    );
    await transitionVerdict(as.editor, { verdictId: v.id, step: "correct" });
    await unlinkEvidence(as.contributor, target);
    expect((await published()).evidenceSnapshot).toEqual(links);
  });
});

describe("evidence", () => {
  it("should link one item to two accounts with opposite stances", async () => {
    const council = await claimId("The strike destroyed");
    const lavrov = await claimId("The strike on the Mariupol maternity hospital was an atrocity"); // Zelensky's account; no verdict yet
    const { evidenceId } = await addEvidence(as.contributor, {
      claimId: council,
      url: "https://example.org/photo",
      title: "Photo of the evacuation",
      sourceType: "photo_video",
      stance: "supports",
    });
    await addEvidence(as.contributor, { claimId: lavrov, evidenceId, stance: "refutes" });
    expect(
      (await refusal(() => addEvidence(as.contributor, { claimId: lavrov, evidenceId, stance: "context" }))).code,
    ).toBe("conflict");
    expect(
      (
        await refusal(() =>
          addEvidence(as.contributor, {
            claimId: lavrov,
            url: "ftp://x",
            title: "x",
            sourceType: "other",
            stance: "context",
          }),
        )
      ).issues?.[0]?.path,
    ).toBe("url");
  });
});

describe("the rating scale", () => {
  it("should add, rename, reorder, and refuse to delete a rating in use, naming the verdicts", async () => {
    const added = await createRating(as.admin, {
      label: "Needs context",
      description: "",
      colour: "#8250DF",
      ordinal: null,
    });
    expect(added).toMatchObject({ key: "needs-context", colour: "#8250df" });
    await updateRating(as.admin, { ratingId: added.id, version: 1, label: "Lacks context" });
    const inOrder = async () =>
      (await t.db.select({ id: ratings.id }).from(ratings).orderBy(ratings.position)).map((r) => r.id);
    const order = (await inOrder()).reverse();
    await reorderRatings(as.admin, { order });
    expect(await inOrder()).toEqual(order);
    await deleteRating(as.admin, { ratingId: added.id });

    const [falseRating] = await t.db.select().from(ratings).where(eq(ratings.key, "false")).limit(1);
    const e = await refusal(() => deleteRating(as.admin, { ratingId: falseRating!.id }));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(
      /“False” is used by 3 verdicts: “Those killed in the Mariupol maternity hospital strike were not civilians\.” \(version 1, published\)/,
    );
    expect((await refusal(() => createRating(as.editor, { label: "X", colour: "#000000", ordinal: 1 }))).code).toBe(
      "forbidden",
    );
    const remaining = (await t.db.select({ id: ratings.id }).from(ratings).orderBy(ratings.id)).map((r) => r.id);
    expect((await refusal(() => reorderRatings(as.admin, { order: remaining.slice(1) }))).issues?.[0]?.path).toBe(
      "order",
    );
  });
});

describe("a failure inside a workflow step", () => {
  it("should leave neither the step nor its audit event behind", async () => {
    const draft = (await verdictOf(await claimId("The Mariupol maternity hospital had been emptied")))[0]!;
    await failAuditOf(t.database, "verdict.publish");
    const before = await tableSnapshot(t.db);
    expect(await rejectionMessage(transitionVerdict(as.editor, { verdictId: draft.id, step: "publish" }))).toMatch(
      /audit store unavailable/,
    );
    expect(await tableSnapshot(t.db)).toEqual(before);
    const [row] = await t.db
      .select()
      .from(verdicts)
      .where(and(eq(verdicts.id, draft.id)))
      .limit(1);
    expect(row!.state).toBe("in_review");
  });
});

describe("the two-person rule cannot be walked around", () => {
  it("should refuse publication by an editor who edited a contributor's draft", async () => {
    const cid = await claimId("Vladimir Putin would be open");
    const v = await createVerdict(as.contributor, {
      claimId: cid,
      rating: "unverifiable",
      summary: "s",
      rationale: RATIONALE,
    });
    await addEvidence(as.contributor, {
      claimId: cid,
      url: "https://example.org/a",
      title: "A",
      sourceType: "other",
      stance: "context",
    });
    const current = (await verdictOf(cid))[0]!;
    await updateVerdict(as.editor, { verdictId: v.id, version: current.version, summary: "The editor's own words." });
    await transitionVerdict(as.contributor, { verdictId: v.id, step: "submit" });
    expect(await refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "publish" }))).toMatchObject({
      code: "forbidden",
      message: "You edited this version: a second editor must publish it.",
    });
    expect((await transitionVerdict(as.reviewer, { verdictId: v.id, step: "publish" })).state).toBe("published");
  });

  it("should refuse a step taken on a version that changed since it was seen", async () => {
    const draft = (await verdictOf(await claimId("The Mariupol maternity hospital had been emptied")))[0]!;
    expect(
      (await refusal(() => takeStep(as.editor, { verdictId: draft.id, step: "publish", version: draft.version + 5 })))
        .code,
    ).toBe("conflict");
    expect((await refusal(() => takeStep(as.editor, { verdictId: draft.id, step: "publish" }))).issues?.[0]?.path).toBe(
      "version",
    );
  });

  it("should not retract while a correction is in the works, and let a correction be discarded", async () => {
    const v = await published();
    const correction = await transitionVerdict(as.editor, { verdictId: v.id, step: "correct" });
    expect(
      (await refusal(() => transitionVerdict(as.reviewer, { verdictId: v.id, step: "retract", reason: "x" }))).message,
    ).toMatch(/Discard or finish the correction/);
    await transitionVerdict(as.editor, { verdictId: correction.id, step: "discard" });
    expect((await verdictOf(v.claimId)).map((x) => x.state)).toEqual(["published"]);
    expect(
      (await transitionVerdict(as.reviewer, { verdictId: v.id, step: "retract", reason: "Misdated video." })).state,
    ).toBe("retracted");
  });

  async function published() {
    return (await verdictOf(await claimId("Those killed in the Mariupol")))[0]!;
  }
});
