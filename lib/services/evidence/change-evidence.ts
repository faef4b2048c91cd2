import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { claimEvidence, evidence } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, optionalText, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { assertItemEditable, assertSubjectEditable } from "@/lib/services/verdicts/subject-guard";
import { evidenceFields, stanceSchema } from "./evidence-input";
import { text } from "@/lib/i18n/text";

export const updateEvidenceInput = z.strictObject({
  evidenceId: idSchema,
  version: versionSchema,
  url: evidenceFields.url.optional(),
  title: evidenceFields.title.optional(),
  sourceType: evidenceFields.sourceType.optional(),
  publisher: evidenceFields.publisher,
  publishedAt: evidenceFields.publishedAt,
  excerpt: evidenceFields.excerpt,
  archiveUrl: evidenceFields.archiveUrl,
  note: evidenceFields.note,
});

export const changeLinkInput = z.strictObject({
  claimId: idSchema,
  evidenceId: idSchema,
  stance: stanceSchema,
  note: optionalText(1000),
});
export const unlinkEvidenceInput = z.strictObject({ claimId: idSchema, evidenceId: idSchema });

const FIELDS = ["url", "title", "sourceType", "publisher", "publishedAt", "excerpt", "archiveUrl", "note"] as const;

/**
 * Edits an evidence item (contributor+). Verdicts already published keep the item as they
 * cited it; readers see the change with the next published version.
 */
export async function updateEvidence(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(updateEvidenceInput, raw);
    const [before] = await tx.select().from(evidence).where(eq(evidence.id, input.evidenceId)).limit(1);
    if (!before) throw new ServiceError("not_found", text("errors.evidence.notFound", { id: input.evidenceId }));
    await assertVersion(tx, before, input.version, { type: "evidence", id: before.id });
    await assertItemEditable(tx, before.id);
    const [after] = await tx
      .update(evidence)
      .set({ ...sentFields(raw, input, FIELDS), updatedAt: new Date(), version: sql`${evidence.version} + 1` })
      .where(eq(evidence.id, before.id))
      .returning();
    await recordAudit(tx, who, {
      action: "evidence.update",
      entityType: "evidence",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Changes the stance (or note) of one claim↔evidence link (contributor+). */
export async function changeEvidenceLink(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(changeLinkInput, raw);
    await assertSubjectEditable(tx, input.claimId, "changeStance");
    const where = and(eq(claimEvidence.claimId, input.claimId), eq(claimEvidence.evidenceId, input.evidenceId));
    const [before] = await tx.select().from(claimEvidence).where(where).limit(1);
    if (!before) throw new ServiceError("not_found", text("errors.evidence.notLinked"));
    const [after] = await tx
      .update(claimEvidence)
      .set({ stance: input.stance, ...sentFields(raw, input, ["note"]) })
      .where(where)
      .returning();
    await recordAudit(tx, who, {
      action: "evidence.change_stance",
      entityType: "claim",
      entityId: input.claimId,
      before,
      after,
    });
    return after!;
  });
}

/**
 * Unlinks evidence from a claim (contributor+). The item itself stays (other claims may
 * cite it). Evidence a published verdict cites is unlinked only within a correction, so the
 * published version keeps it.
 */
export async function unlinkEvidence(actor: Actor | null, raw: unknown): Promise<void> {
  await writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(unlinkEvidenceInput, raw);
    await assertSubjectEditable(tx, input.claimId, "unlinkEvidence");
    const [removed] = await tx
      .delete(claimEvidence)
      .where(and(eq(claimEvidence.claimId, input.claimId), eq(claimEvidence.evidenceId, input.evidenceId)))
      .returning();
    if (!removed) throw new ServiceError("not_found", text("errors.evidence.notLinked"));
    await recordAudit(tx, who, {
      action: "evidence.unlink",
      entityType: "claim",
      entityId: input.claimId,
      before: removed,
    });
  });
}
