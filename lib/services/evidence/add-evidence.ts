import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { claimEvidence, evidence } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema, optionalText } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { assertSubjectEditable } from "@/lib/services/verdicts/subject-guard";
import { evidenceFields, stanceSchema } from "./evidence-input";
import { issueMessage, text } from "@/lib/i18n/text";

export const addEvidenceInput = z.union(
  [
    z.strictObject({ claimId: idSchema, evidenceId: idSchema, stance: stanceSchema, note: optionalText(1000) }),
    z.strictObject({ claimId: idSchema, stance: stanceSchema, ...evidenceFields }),
  ],
  { error: issueMessage("validation.evidenceRef") },
);

/**
 * Adds evidence to a claim with a stance (contributor+): a new item, or an existing one
 * linked with its own stance — in a dispute one photo can refute one account and support
 * another. Linking the same item twice to one claim is a 409.
 */
export async function addEvidence(
  actor: Actor | null,
  raw: unknown,
): Promise<{ evidenceId: number; claimId: number; stance: string }> {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(addEvidenceInput, raw);
    await getClaimOrThrow(tx, input.claimId);
    await assertSubjectEditable(tx, input.claimId, "addEvidence");

    let evidenceId: number;
    let note: string | null = null;
    if ("evidenceId" in input) {
      const [item] = await tx
        .select({ id: evidence.id })
        .from(evidence)
        .where(eq(evidence.id, input.evidenceId))
        .limit(1);
      if (!item) {
        throw new ServiceError("not_found", text("errors.evidence.notFound", { id: input.evidenceId }), [
          fieldIssue("evidenceId", text("validation.notExists")),
        ]);
      }
      evidenceId = input.evidenceId;
      note = input.note;
    } else {
      const { claimId: _c, stance: _s, note: itemNote, ...fields } = input;
      const [row] = await tx
        .insert(evidence)
        .values({ ...fields, note: itemNote, createdBy: who.id })
        .returning();
      await recordAudit(tx, who, { action: "evidence.create", entityType: "evidence", entityId: row!.id, after: row });
      evidenceId = row!.id;
    }
    const [existing] = await tx
      .select({ id: claimEvidence.id })
      .from(claimEvidence)
      .where(and(eq(claimEvidence.claimId, input.claimId), eq(claimEvidence.evidenceId, evidenceId)))
      .limit(1);
    if (existing) throw new ServiceError("conflict", text("errors.evidence.alreadyLinked"));
    await tx
      .insert(claimEvidence)
      .values({ claimId: input.claimId, evidenceId, stance: input.stance, note, createdBy: who.id });
    await recordAudit(tx, who, {
      action: "evidence.link",
      entityType: "claim",
      entityId: input.claimId,
      after: { evidenceId, stance: input.stance },
    });
    return { evidenceId, claimId: input.claimId, stance: input.stance };
  });
}
