import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { getRecordChanges, RECORD_KINDS, type RecordChanges, type RecordKind } from "@/db/queries/record-changes";
import {
  claimants,
  claimantVersions,
  disputeAccounts,
  disputes,
  disputeVersionAccounts,
  disputeVersions,
  documentRevisions,
  documents,
  documentVersions,
} from "@/db/schema";
import { authorize, type ActingUser, type Actor } from "@/lib/auth/actor";
import { reportPublicChange } from "@/lib/cache/public-invalidation";
import { recordAudit } from "@/lib/services/audit";
import { saveRevision } from "@/lib/services/documents/update-document-text";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, optionalText, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { issueMessage, text } from "@/lib/i18n/text";

// A claimant's, document's or dispute's public details change for readers only through review: anyone on the desk
// edits the working copy, and an editor who made none of the changes publishes them as a new version (with a public
// note when readers' understanding changes), or anyone discards them, putting the working copy back as published.

const recordRef = {
  kind: z.enum(RECORD_KINDS, { error: issueMessage("validation.oneOf", { options: RECORD_KINDS.join(", ") }) }),
  id: idSchema,
  /** The working copy's version the caller saw: changes made since are not published or discarded unseen (409). */
  version: versionSchema,
};

export const publishRecordInput = z.strictObject({
  ...recordRef,
  /** A public note on what changed, shown on the record's page; for when readers' understanding changes. */
  note: optionalText(2000),
});

export const discardRecordInput = z.strictObject(recordRef);

async function changesOrThrow(
  tx: Tx,
  kind: RecordKind,
  id: number,
  version: number,
  step: "publish" | "discard",
): Promise<RecordChanges> {
  const changes = await getRecordChanges(kind, id, tx);
  if (!changes) throw new ServiceError("not_found", text("errors.publication.notFound", { kind, id }));
  await assertVersion(tx, changes, version, { type: kind, id });
  if (changes.changes.length === 0) {
    throw new ServiceError(
      "conflict",
      text(step === "publish" ? "errors.publication.nothingToPublish" : "errors.publication.nothingToDiscard", {
        kind,
      }),
    );
  }
  return changes;
}

/** Publishes a claimant's, document's or dispute's changes as its new version: readers see them from then on. */
export async function publishRecordChanges(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "verdicts:review");
    const input = parseInput(publishRecordInput, raw);
    const changes = await changesOrThrow(tx, input.kind, input.id, input.version, "publish");
    if (changes.editors.some((e) => e.id === who.id)) {
      throw new ServiceError("forbidden", text("errors.publication.secondEditor", { kind: input.kind }));
    }
    const change = {
      claimant: { claimantId: input.id },
      document: { documentId: input.id },
      dispute: { disputeId: input.id },
    };
    await reportPublicChange(tx, change[input.kind]);
    const version = { seq: (changes.published?.seq ?? 0) + 1, note: input.note, createdBy: who.id };
    await PUBLISH[input.kind](tx, input.id, version, changes);
    await recordAudit(tx, who, {
      action: `${input.kind}.publish`,
      entityType: input.kind,
      entityId: input.id,
      before: Object.fromEntries(changes.changes.map((c) => [c.field, c.live])),
      after: {
        ...Object.fromEntries(changes.changes.map((c) => [c.field, c.pending])),
        seq: version.seq,
        note: input.note,
      },
    });
    return { kind: input.kind, id: input.id, seq: version.seq, changed: changes.changes.map((c) => c.field) };
  });
}

type NewVersion = { seq: number; note: string | null; createdBy: number | null };

/** Marks a record's current version superseded: the version inserted next is current. */
const supersede = async (
  tx: Tx,
  table: typeof claimantVersions | typeof documentVersions | typeof disputeVersions,
  where: ReturnType<typeof eq>,
) =>
  tx
    .update(table)
    .set({ supersededAt: new Date() })
    .where(and(where, isNull(table.supersededAt)));

const PUBLISH: Record<RecordKind, (tx: Tx, id: number, v: NewVersion, changes: RecordChanges) => Promise<void>> = {
  claimant: async (tx, id, v) => {
    const [w] = await tx.select().from(claimants).where(eq(claimants.id, id));
    await supersede(tx, claimantVersions, eq(claimantVersions.claimantId, id));
    await tx.insert(claimantVersions).values({
      ...v,
      claimantId: id,
      slug: w!.slug,
      name: w!.name,
      description: w!.description,
      sameAs: w!.sameAs,
      kind: w!.kind,
    });
  },
  document: async (tx, id, v, changes) => {
    const [w] = await tx.select().from(documents).where(eq(documents.id, id));
    const [p] = await tx
      .select({ revision: documentVersions.revision })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, id), isNull(documentVersions.supersededAt)));
    await supersede(tx, documentVersions, eq(documentVersions.documentId, id));
    await tx.insert(documentVersions).values({
      ...v,
      documentId: id,
      slug: w!.slug,
      title: w!.title,
      sourceUrl: w!.sourceUrl,
      publisher: w!.publisher,
      author: w!.author,
      publishedAt: w!.publishedAt,
      language: w!.language,
      // A text put back as published keeps its published revision.
      revision: changes.changes.some((c) => c.field === "revision") ? w!.currentRevision : p!.revision,
    });
  },
  dispute: async (tx, id, v) => {
    const [w] = await tx.select().from(disputes).where(eq(disputes.id, id));
    await supersede(tx, disputeVersions, eq(disputeVersions.disputeId, id));
    const [row] = await tx
      .insert(disputeVersions)
      .values({
        ...v,
        disputeId: id,
        slug: w!.slug,
        question: w!.question,
        description: w!.description,
        eventDate: w!.eventDate,
      })
      .returning({ id: disputeVersions.id });
    const accounts = await tx
      .select()
      .from(disputeAccounts)
      .where(eq(disputeAccounts.disputeId, id))
      .orderBy(asc(disputeAccounts.position), asc(disputeAccounts.id));
    if (accounts.length > 0) {
      await tx
        .insert(disputeVersionAccounts)
        .values(
          accounts.map((a, position) => ({ disputeVersionId: row!.id, claimId: a.claimId, label: a.label, position })),
        );
    }
  },
};

/** Puts a claimant's, document's or dispute's working copy back as readers see it (contributor+). */
export async function discardRecordChanges(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(discardRecordInput, raw);
    const changes = await changesOrThrow(tx, input.kind, input.id, input.version, "discard");
    if (!changes.published) {
      throw new ServiceError("conflict", text("errors.publication.neverPublished", { kind: input.kind }));
    }
    await REVERT[input.kind](tx, who, input.id);
    await recordAudit(tx, who, {
      action: `${input.kind}.discard_changes`,
      entityType: input.kind,
      entityId: input.id,
      before: Object.fromEntries(changes.changes.map((c) => [c.field, c.pending])),
      after: Object.fromEntries(changes.changes.map((c) => [c.field, c.live])),
    });
    return { kind: input.kind, id: input.id, discarded: changes.changes.map((c) => c.field) };
  });
}

const bump = () => ({ updatedAt: new Date(), version: sql`version + 1` });

const REVERT: Record<RecordKind, (tx: Tx, who: ActingUser, id: number) => Promise<void>> = {
  claimant: async (tx, _who, id) => {
    const [p] = await tx
      .select()
      .from(claimantVersions)
      .where(and(eq(claimantVersions.claimantId, id), isNull(claimantVersions.supersededAt)));
    await tx
      .update(claimants)
      .set({ name: p!.name, description: p!.description, sameAs: p!.sameAs, kind: p!.kind, ...bump() })
      .where(eq(claimants.id, id));
  },
  document: async (tx, who, id) => {
    const [p] = await tx
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, id), isNull(documentVersions.supersededAt)));
    const [w] = await tx.select().from(documents).where(eq(documents.id, id));
    const text = async (revision: number) =>
      (
        await tx
          .select({ text: documentRevisions.text })
          .from(documentRevisions)
          .where(and(eq(documentRevisions.documentId, id), eq(documentRevisions.revision, revision)))
      )[0]!.text;
    const [published, current] = [await text(p!.revision), await text(w!.currentRevision)];
    // The text goes back as a new revision, the claims re-anchored in it: the edited one stays in the history.
    if (published !== current) await saveRevision(tx, who, w!, current, published, "document.discard_changes");
    await tx
      .update(documents)
      .set({
        title: p!.title,
        sourceUrl: p!.sourceUrl,
        publisher: p!.publisher,
        author: p!.author,
        publishedAt: p!.publishedAt,
        language: p!.language,
        ...bump(),
      })
      .where(eq(documents.id, id));
  },
  dispute: async (tx, _who, id) => {
    const [p] = await tx
      .select()
      .from(disputeVersions)
      .where(and(eq(disputeVersions.disputeId, id), isNull(disputeVersions.supersededAt)));
    await tx
      .update(disputes)
      .set({ question: p!.question, description: p!.description, eventDate: p!.eventDate, ...bump() })
      .where(eq(disputes.id, id));
    const accounts = await tx
      .select()
      .from(disputeVersionAccounts)
      .where(eq(disputeVersionAccounts.disputeVersionId, p!.id));
    await tx.delete(disputeAccounts).where(eq(disputeAccounts.disputeId, id));
    if (accounts.length > 0) {
      await tx
        .insert(disputeAccounts)
        .values(accounts.map((a) => ({ disputeId: id, claimId: a.claimId, label: a.label, position: a.position })));
    }
  },
};
