import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvents, claims, comments, ratings, verdicts } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { Actor } from "@/lib/auth/actor";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { changeEvidenceLink, unlinkEvidence } from "@/lib/services/evidence/change-evidence";
import { isServiceError, type ServiceError } from "@/lib/services/errors";
import { createRating, deleteRating, reorderRatings, updateRating } from "@/lib/services/ratings/manage-ratings";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdict as takeStep } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdict } from "@/lib/services/verdicts/update-verdict";
import { createTestDb, tableSnapshot } from "../../support/db";

let t: ReturnType<typeof createTestDb>;
const as = {} as Record<"admin" | "editor" | "reviewer" | "contributor", Actor>;
const RATIONALE = "Lavrov said Putin would be open to a meeting. ".repeat(6);

beforeEach(async () => {
  t = createTestDb();
  await seedDemo(t.db);
  for (const name of ["admin", "editor", "reviewer", "contributor"] as const) {
    const row = t.db.get<{ id: number }>(sql`select id from users where email = ${`${name}@claimdesk.test`}`)!;
    as[name] = { kind: "user", userId: row.id };
  }
});
afterEach(() => t.close());

/** A workflow step as the UI sends it: with the version the caller sees now. */
function transitionVerdict(who: Actor, input: { verdictId: number; step: string; [k: string]: unknown }) {
  const current = t.db
    .select({ version: verdicts.version })
    .from(verdicts)
    .where(eq(verdicts.id, input.verdictId))
    .get();
  return takeStep(who, { version: current?.version ?? 1, ...input });
}

const claimId = (statementStart: string) =>
  t.db
    .select()
    .from(claims)
    .all()
    .find((c) => c.statement.startsWith(statementStart))!.id;
const verdictOf = (cid: number) => t.db.select().from(verdicts).where(eq(verdicts.claimId, cid)).all();

function refusal(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (e) {
    if (isServiceError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("a verdict from draft to published", () => {
  it("should go through submit, changes requested, resubmit, the gate and a second editor", () => {
    const cid = claimId("Vladimir Putin would be open");
    const v = createVerdict(as.contributor, {
      claimId: cid,
      rating: "unverifiable",
      summary: "No sign of a meeting yet.",
    });
    const step = (who: Actor, step: string, extra: object = {}) =>
      transitionVerdict(who, { verdictId: v.id, step, ...extra });

    let e = refusal(() => step(as.editor, "submit"));
    expect(e).toMatchObject({ code: "forbidden", message: "Only the verdict's author may submit it for review." });
    step(as.contributor, "submit");

    // Contributors cannot publish; nor without a rationale and evidence.
    expect(refusal(() => step(as.contributor, "publish")).code).toBe("forbidden");
    e = refusal(() => step(as.editor, "publish"));
    expect(e.code).toBe("validation_failed");
    expect(e.message).toBe(
      "Not ready to publish. Missing: a rationale of at least 200 characters (now 0); at least one evidence item with a URL.",
    );
    // Evidence does not change under a reviewer's eyes.
    expect(
      refusal(() =>
        addEvidence(as.contributor, {
          claimId: cid,
          url: "https://example.org/x",
          title: "x",
          sourceType: "other",
          stance: "context",
        }),
      ).message,
    ).toMatch(/in review/);

    e = refusal(() => step(as.editor, "request_changes"));
    expect(e.issues).toEqual([{ path: "comment", message: "say what the author should change" }]);
    step(as.editor, "request_changes", { comment: "Cite the Kremlin's own statement." });
    expect(t.db.select().from(comments).where(eq(comments.kind, "changes_requested")).all()).toHaveLength(1);

    const current = verdictOf(cid)[0]!;
    updateVerdict(as.contributor, { verdictId: v.id, version: current.version, rationale: RATIONALE });
    addEvidence(as.contributor, {
      claimId: cid,
      url: "https://www.kremlin.ru/events/president/news",
      title: "Kremlin statement",
      sourceType: "official_statement",
      stance: "context",
    });
    step(as.contributor, "submit");

    const published = step(as.reviewer, "publish");
    expect(published).toMatchObject({ state: "published", reviewerId: (as.reviewer as { userId: number }).userId });
    expect(published.evidenceSnapshot).toEqual([
      expect.objectContaining({ title: "Kremlin statement", stance: "context" }),
    ]);
    expect(
      t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, "verdict"), eq(auditEvents.entityId, v.id)))
        .all()
        .map((a) => a.action),
    ).toEqual([
      "verdict.create",
      "verdict.submit",
      "verdict.request_changes",
      "verdict.update",
      "verdict.submit",
      "verdict.publish",
    ]);
  });

  it("should refuse an author publishing their own verdict, even an editor", () => {
    const cid = claimId("Vladimir Putin would be open");
    const v = createVerdict(as.editor, { claimId: cid, rating: "unverifiable", summary: "x", rationale: RATIONALE });
    addEvidence(as.editor, {
      claimId: cid,
      url: "https://example.org/a",
      title: "A",
      sourceType: "other",
      stance: "context",
    });
    transitionVerdict(as.editor, { verdictId: v.id, step: "submit" });
    const before = tableSnapshot(t.db);
    expect(refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "publish" }))).toMatchObject({
      code: "forbidden",
      message: "A second editor must publish it: you wrote this verdict.",
    });
    expect(tableSnapshot(t.db)).toEqual(before);
  });

  it("should list everything the gate misses", () => {
    const cid = claimId("Vladimir Putin would be open");
    const v = createVerdict(as.contributor, { claimId: cid });
    transitionVerdict(as.contributor, { verdictId: v.id, step: "submit" });
    expect(
      refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "publish" })).issues?.map((i) => i.message),
    ).toEqual([
      "a rating",
      "a one-line summary",
      "a rationale of at least 200 characters (now 0)",
      "at least one evidence item with a URL",
    ]);
  });

  it("should never let two editors silently overwrite each other's draft", () => {
    const draft = verdictOf(claimId("The strike destroyed"))[0]!;
    updateVerdict(as.editor, { verdictId: draft.id, version: draft.version, summary: "Editor's wording." });
    const e = refusal(() =>
      updateVerdict(as.reviewer, { verdictId: draft.id, version: draft.version, summary: "Reviewer's wording." }),
    );
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/changed by Esther Editor at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(verdictOf(claimId("The strike destroyed"))[0]!.summary).toBe("Editor's wording.");
    // A contributor who did not write the draft may not edit it.
    expect(
      refusal(() => updateVerdict(as.contributor, { verdictId: draft.id, version: draft.version + 1, summary: "x" }))
        .code,
    ).toBe("forbidden");
  });
});

describe("corrections and retractions", () => {
  const published = () => verdictOf(claimId("Those killed in the Mariupol"))[0]!;

  it("should publish a correction with its public note and keep the old version as superseded", () => {
    const original = published();
    expect(refusal(() => transitionVerdict(as.contributor, { verdictId: original.id, step: "correct" })).code).toBe(
      "forbidden",
    );
    const draft = transitionVerdict(as.editor, { verdictId: original.id, step: "correct" });
    expect(draft).toMatchObject({ seq: 2, state: "draft", summary: original.summary });
    expect(refusal(() => transitionVerdict(as.reviewer, { verdictId: original.id, step: "correct" })).code).toBe(
      "conflict",
    );

    updateVerdict(as.editor, {
      verdictId: draft.id,
      version: draft.version,
      summary: "Three civilians, including a girl of six, were killed.",
    });
    transitionVerdict(as.editor, { verdictId: draft.id, step: "submit" });
    expect(refusal(() => transitionVerdict(as.editor, { verdictId: draft.id, step: "publish" })).code).toBe(
      "forbidden",
    );
    expect(refusal(() => transitionVerdict(as.reviewer, { verdictId: draft.id, step: "publish" })).message).toMatch(
      /a correction note/,
    );
    const corrected = transitionVerdict(as.reviewer, {
      verdictId: draft.id,
      step: "publish",
      note: "We corrected the girl's age.",
    });
    expect(corrected).toMatchObject({ state: "published", correctionNote: "We corrected the girl's age.", seq: 2 });
    const versions = verdictOf(original.claimId).sort((a, b) => a.seq - b.seq);
    expect(versions.map((v) => [v.seq, v.state])).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);
    expect(versions[0]!.summary).toBe(original.summary);
  });

  it("should retract only with a public reason", () => {
    const v = published();
    expect(refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "retract" })).issues?.[0]?.path).toBe(
      "reason",
    );
    expect(
      refusal(() => transitionVerdict(as.contributor, { verdictId: v.id, step: "retract", reason: "x" })).code,
    ).toBe("forbidden");
    expect(
      transitionVerdict(as.editor, { verdictId: v.id, step: "retract", reason: "The video was misdated." }),
    ).toMatchObject({
      state: "retracted",
      retractionReason: "The video was misdated.",
    });
  });

  it("should keep the published verdict's evidence until a correction changes it", () => {
    const v = published();
    const links = v.evidenceSnapshot!;
    expect(links.length).toBeGreaterThan(0);
    const target = { claimId: v.claimId, evidenceId: links[0]!.evidenceId };
    expect(refusal(() => unlinkEvidence(as.editor, target)).message).toMatch(/start a correction to unlink evidence/);
    expect(refusal(() => changeEvidenceLink(as.editor, { ...target, stance: "supports" })).code).toBe("conflict");
    transitionVerdict(as.editor, { verdictId: v.id, step: "correct" });
    unlinkEvidence(as.contributor, target);
    expect(published().evidenceSnapshot).toEqual(links);
  });
});

describe("evidence", () => {
  it("should link one item to two accounts with opposite stances", () => {
    const council = claimId("The strike destroyed");
    const lavrov = claimId("The strike on the Mariupol maternity hospital was an atrocity"); // Zelensky's account; no verdict yet
    const { evidenceId } = addEvidence(as.contributor, {
      claimId: council,
      url: "https://example.org/photo",
      title: "Photo of the evacuation",
      sourceType: "photo_video",
      stance: "supports",
    });
    addEvidence(as.contributor, { claimId: lavrov, evidenceId, stance: "refutes" });
    expect(refusal(() => addEvidence(as.contributor, { claimId: lavrov, evidenceId, stance: "context" })).code).toBe(
      "conflict",
    );
    expect(
      refusal(() =>
        addEvidence(as.contributor, {
          claimId: lavrov,
          url: "ftp://x",
          title: "x",
          sourceType: "other",
          stance: "context",
        }),
      ).issues?.[0]?.path,
    ).toBe("url");
  });
});

describe("the rating scale", () => {
  it("should add, rename, reorder, and refuse to delete a rating in use, naming the verdicts", () => {
    const added = createRating(as.admin, { label: "Needs context", description: "", colour: "#8250DF", ordinal: null });
    expect(added).toMatchObject({ key: "needs-context", colour: "#8250df" });
    updateRating(as.admin, { ratingId: added.id, version: 1, label: "Lacks context" });
    const order = t.db
      .select({ id: ratings.id })
      .from(ratings)
      .orderBy(ratings.position)
      .all()
      .map((r) => r.id)
      .reverse();
    reorderRatings(as.admin, { order });
    expect(
      t.db
        .select({ id: ratings.id })
        .from(ratings)
        .orderBy(ratings.position)
        .all()
        .map((r) => r.id),
    ).toEqual(order);
    deleteRating(as.admin, { ratingId: added.id });

    const falseRating = t.db.select().from(ratings).where(eq(ratings.key, "false")).get()!;
    const e = refusal(() => deleteRating(as.admin, { ratingId: falseRating.id }));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(
      /“False” is used by 2 verdicts: “Those killed in the Mariupol maternity hospital strike were not civilians\.” \(version 1, published\)/,
    );
    expect(refusal(() => createRating(as.editor, { label: "X", colour: "#000000", ordinal: 1 })).code).toBe(
      "forbidden",
    );
    const remaining = t.db
      .select({ id: ratings.id })
      .from(ratings)
      .all()
      .map((r) => r.id);
    expect(refusal(() => reorderRatings(as.admin, { order: remaining.slice(1) })).issues?.[0]?.path).toBe("order");
  });
});

describe("a failure inside a workflow step", () => {
  it("should leave neither the step nor its audit event behind", () => {
    const draft = verdictOf(claimId("The Mariupol maternity hospital had been emptied"))[0]!;
    t.db.run(
      sql`create trigger fail_audit before insert on audit_events when new.action = 'verdict.publish' begin select raise(abort, 'audit store unavailable'); end`,
    );
    const before = tableSnapshot(t.db);
    expect(() => transitionVerdict(as.editor, { verdictId: draft.id, step: "publish" })).toThrow(
      /audit store unavailable/,
    );
    expect(tableSnapshot(t.db)).toEqual(before);
    expect(
      t.db
        .select()
        .from(verdicts)
        .where(and(eq(verdicts.id, draft.id)))
        .get()!.state,
    ).toBe("in_review");
  });
});

describe("the two-person rule cannot be walked around", () => {
  it("should refuse publication by an editor who edited a contributor's draft", () => {
    const cid = claimId("Vladimir Putin would be open");
    const v = createVerdict(as.contributor, {
      claimId: cid,
      rating: "unverifiable",
      summary: "s",
      rationale: RATIONALE,
    });
    addEvidence(as.contributor, {
      claimId: cid,
      url: "https://example.org/a",
      title: "A",
      sourceType: "other",
      stance: "context",
    });
    const current = verdictOf(cid)[0]!;
    updateVerdict(as.editor, { verdictId: v.id, version: current.version, summary: "The editor's own words." });
    transitionVerdict(as.contributor, { verdictId: v.id, step: "submit" });
    expect(refusal(() => transitionVerdict(as.editor, { verdictId: v.id, step: "publish" }))).toMatchObject({
      code: "forbidden",
      message: "You edited this version: a second editor must publish it.",
    });
    expect(transitionVerdict(as.reviewer, { verdictId: v.id, step: "publish" }).state).toBe("published");
  });

  it("should refuse a step taken on a version that changed since it was seen", () => {
    const draft = verdictOf(claimId("The Mariupol maternity hospital had been emptied"))[0]!;
    expect(
      refusal(() => takeStep(as.editor, { verdictId: draft.id, step: "publish", version: draft.version + 5 })).code,
    ).toBe("conflict");
    expect(refusal(() => takeStep(as.editor, { verdictId: draft.id, step: "publish" })).issues?.[0]?.path).toBe(
      "version",
    );
  });

  it("should not retract while a correction is in the works, and let a correction be discarded", () => {
    const v = published();
    const correction = transitionVerdict(as.editor, { verdictId: v.id, step: "correct" });
    expect(
      refusal(() => transitionVerdict(as.reviewer, { verdictId: v.id, step: "retract", reason: "x" })).message,
    ).toMatch(/Discard or finish the correction/);
    transitionVerdict(as.editor, { verdictId: correction.id, step: "discard" });
    expect(verdictOf(v.claimId).map((x) => x.state)).toEqual(["published"]);
    expect(transitionVerdict(as.reviewer, { verdictId: v.id, step: "retract", reason: "Misdated video." }).state).toBe(
      "retracted",
    );
  });

  function published() {
    return verdictOf(claimId("Those killed in the Mariupol"))[0]!;
  }
});
