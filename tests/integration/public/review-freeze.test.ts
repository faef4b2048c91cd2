import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { confirmAnchor, reattachClaim } from "@/lib/services/claims/place-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { changeEvidenceLink, unlinkEvidence, updateEvidence } from "@/lib/services/evidence/change-evidence";
import { createTestDb, tableSnapshot, type TestDb } from "../../support/db";
import {
  claimOf,
  DEMO,
  deskOf,
  documentText,
  publishCorrection,
  refusal,
  spanOf,
  startCorrection,
  step,
  submitCorrection,
  verdictOf,
  type Desk,
} from "./desk";

/**
 * What a verdict is about — the claim's statement, claimant, date and quote, its evidence and their stances — is frozen
 * while a version of the verdict is in review (the reviewer publishes what they reviewed), and changes on a published
 * verdict only within a correction (readers see it when a second editor publishes the correction).
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

/** The words of the claim's quote changed a little in the text: the claim is re-found nearby, to be confirmed. */
async function blurQuote(who: Actor, slug: string) {
  const claim = await claimOf(t.db, slug);
  const { text, revision } = await documentText(t.db, claim.documentId);
  const { quote } = (await queryRow<{ quote: string }>(t.db, sql`select quote from claims where id = ${claim.id}`))!;
  const blurred = quote.replace(/s$/, "");
  await updateDocumentText(who, {
    documentId: claim.documentId,
    text: text.replace(quote, blurred),
    baseRevision: revision,
  });
  const { status } = (await queryRow<{ status: string }>(
    t.db,
    sql`select anchor_status as status from claims where id = ${claim.id}`,
  ))!;
  expect(status).toBe("fuzzy");
}

/** The first evidence item linked to the claim that no other public or reviewed verdict cites. */
const itemOf = async (claimId: number) =>
  (await queryRow<{ id: number; version: number }>(
    t.db,
    sql`select e.id as id, e.version as version from claim_evidence ce join evidence e on e.id = ce.evidence_id
      where ce.claim_id = ${claimId} and not exists (
        select 1 from claim_evidence other join verdicts v on v.claim_id = other.claim_id
        where other.evidence_id = ce.evidence_id and other.claim_id <> ${claimId} and v.state in ('published', 'in_review'))
      order by ce.id limit 1`,
  ))!;

type Edit = {
  what: string;
  /** Puts the claim where the edit can be asked for (before the verdict is frozen). */
  prepare?: (slug: string) => Promise<void>;
  edit: (who: Actor, slug: string) => Promise<unknown>;
};

const EDITS: Edit[] = [
  {
    what: "statement",
    edit: async (who, slug) => {
      const c = await claimOf(t.db, slug);
      return updateClaim(who, { claimId: c.id, version: c.version, statement: "A statement reworded." });
    },
  },
  {
    what: "claimant",
    edit: async (who, slug) => {
      const c = await claimOf(t.db, slug);
      return updateClaim(who, { claimId: c.id, version: c.version, claimant: { name: "Someone Else" } });
    },
  },
  {
    what: "claim date",
    edit: async (who, slug) => {
      const c = await claimOf(t.db, slug);
      return updateClaim(who, { claimId: c.id, version: c.version, claimedAt: "2022-03-11" });
    },
  },
  {
    what: "quote (reattach)",
    edit: async (who, slug) => {
      const c = await claimOf(t.db, slug);
      const { text, revision } = await documentText(t.db, c.documentId);
      return reattachClaim(who, { claimId: c.id, version: c.version, revision, ...spanOf(text, "Both made clear") });
    },
  },
  {
    what: "quote (confirm the place re-found)",
    prepare: (slug) => blurQuote(desk.contributor, slug),
    edit: async (who, slug) => {
      const c = await claimOf(t.db, slug);
      const { revision } = await documentText(t.db, c.documentId);
      return confirmAnchor(who, { claimId: c.id, version: c.version, revision });
    },
  },
  {
    what: "evidence added",
    edit: async (who, slug) =>
      addEvidence(who, {
        claimId: (await claimOf(t.db, slug)).id,
        url: "https://example.org/new-evidence",
        title: "New evidence",
        sourceType: "other",
        stance: "context",
      }),
  },
  {
    what: "evidence stance",
    edit: async (who, slug) => {
      const { id } = await claimOf(t.db, slug);
      return changeEvidenceLink(who, { claimId: id, evidenceId: (await itemOf(id)).id, stance: "supports" });
    },
  },
  {
    what: "evidence unlinked",
    edit: async (who, slug) => {
      const { id } = await claimOf(t.db, slug);
      return unlinkEvidence(who, { claimId: id, evidenceId: (await itemOf(id)).id });
    },
  },
  {
    what: "evidence item edited",
    edit: async (who, slug) => {
      const item = await itemOf((await claimOf(t.db, slug)).id);
      return updateEvidence(who, { evidenceId: item.id, version: item.version, title: "A retitled item" });
    },
  },
];

describe("a verdict version in review", () => {
  it.each(EDITS)(
    "should freeze the claim's $what, naming the review, until it is withdrawn",
    async ({ prepare, edit }) => {
      await prepare?.(DEMO.inReview);
      const before = await tableSnapshot(t.db);
      for (const who of [desk.contributor, desk.editor, desk.admin]) {
        const e = await refusal(() => edit(who, DEMO.inReview));
        expect(e.code).toBe("conflict");
        expect(e.message).toMatch(
          /^Version 1 of this claim's verdict is in review \(submitted by Chloe Contributor on \d{4}-\d\d-\d\d\)/,
        );
        expect(e.message).toMatch(/Withdraw it, or ask the reviewer to request changes/);
      }
      expect(await tableSnapshot(t.db)).toEqual(before);

      const inReview = await verdictOf(t.db, (await claimOf(t.db, DEMO.inReview)).id, "in_review");
      await step(t.db, desk.contributor, inReview.id, "withdraw");
      await edit(desk.contributor, DEMO.inReview);
    },
  );

  it("should let the change through once the reviewer has sent the version back", async () => {
    const inReview = await verdictOf(t.db, (await claimOf(t.db, DEMO.inReview)).id, "in_review");
    await step(t.db, desk.reviewer, inReview.id, "request_changes", { comment: "Cite the OSCE report's page." });
    await EDITS[0]!.edit(desk.contributor, DEMO.inReview);
  });
});

describe("a published verdict", () => {
  it.each(EDITS)("should keep the claim's $what until a correction is started", async ({ prepare, edit }) => {
    await prepare?.(DEMO.claim);
    const before = await tableSnapshot(t.db);
    const e = await refusal(() => edit(desk.editor, DEMO.claim));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/^This claim's verdict is published: start a correction to /);
    expect(e.message).toMatch(/Readers see the change when a second editor publishes the correction\./);
    expect(await tableSnapshot(t.db)).toEqual(before);

    await startCorrection(t.db, desk.editor, DEMO.claim);
    await edit(desk.contributor, DEMO.claim);
  });

  it("should freeze the claim again while its correction is in review, naming who submitted it", async () => {
    await startCorrection(t.db, desk.editor, DEMO.claim);
    await submitCorrection(t.db, desk.editor, DEMO.claim);
    expect((await refusal(() => EDITS[0]!.edit(desk.contributor, DEMO.claim))).message).toMatch(
      /^Version 2 of this claim's verdict is in review \(submitted by Esther Editor on \d{4}-\d\d-\d\d\)/,
    );
  });

  /** A correction in which `edit` was made by the reviewer: they may not publish it, another editor may. */
  async function correctedAfter({ prepare, edit }: Edit) {
    await prepare?.(DEMO.claim);
    await startCorrection(t.db, desk.editor, DEMO.claim);
    await edit(desk.reviewer, DEMO.claim);
    await submitCorrection(t.db, desk.editor, DEMO.claim);
    expect(await refusal(() => publishCorrection(t.db, desk.reviewer, DEMO.claim))).toMatchObject({
      code: "forbidden",
      message: "You edited this version: a second editor must publish it.",
    });
    expect((await publishCorrection(t.db, desk.admin, DEMO.claim)).state).toBe("published");
  }

  it.each(EDITS)(
    "should not be corrected by an editor who changed the claim's $what in that correction",
    correctedAfter,
  );
});
