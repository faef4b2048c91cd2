import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { claims, type Claim } from "@/db/schema";
import type { SpanSelectors } from "@/lib/anchoring";
import { authorize, type ActingUser, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { assertCurrentRevision, getDocumentText } from "@/lib/services/documents/current-text";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getClaimOrThrow } from "./get-claim";
import { assertSubjectEditable } from "@/lib/services/verdicts/subject-guard";
import { selectionSelectors } from "./selection";
import { issueMessage, text as words } from "@/lib/i18n/text";

export const confirmAnchorInput = z.strictObject({
  claimId: idSchema,
  version: versionSchema.optional(),
  /** The revision the person saw the new place in: a later edit may have moved it again. */
  revision: z
    .number({ error: issueMessage("validation.confirmedRevision") })
    .int()
    .positive(),
});

export const reattachClaimInput = z
  .strictObject({
    claimId: idSchema,
    version: versionSchema.optional(),
    revision: z.number().int().positive(),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((v) => v.end > v.start, { message: issueMessage("validation.afterStart"), path: ["end"] });

/**
 * Accepts the place a fuzzy claim was re-found at after an edit (contributor+): its quote
 * becomes the text now there, and it is anchored again.
 */
export async function confirmAnchor(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(confirmAnchorInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id });
    if (claim.anchorStatus !== "fuzzy")
      throw new ServiceError("conflict", words("errors.claims.notFuzzy", { status: claim.anchorStatus }));
    const { doc, text } = await getDocumentText(tx, claim.documentId);
    await assertCurrentRevision(tx, doc, input.revision);
    await assertSubjectEditable(tx, claim.id, "moveQuote");
    return place(
      tx,
      who,
      claim,
      doc.currentRevision,
      selectionSelectors(text, claim.start, claim.end),
      "claim.confirm_anchor",
    );
  });
}

/** Attaches a claim to newly selected text of the current revision (an orphan, or to move it). */
export async function reattachClaim(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(reattachClaimInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id });
    const { doc, text } = await getDocumentText(tx, claim.documentId);
    await assertCurrentRevision(tx, doc, input.revision);
    await assertSubjectEditable(tx, claim.id, "moveQuote");
    return place(
      tx,
      who,
      claim,
      doc.currentRevision,
      selectionSelectors(text, input.start, input.end),
      "claim.reattach",
    );
  });
}

async function place(tx: Tx, who: ActingUser, claim: Claim, revision: number, sel: SpanSelectors, action: string) {
  const [after] = await tx
    .update(claims)
    .set({
      quote: sel.exact,
      prefix: sel.prefix,
      suffix: sel.suffix,
      start: sel.start,
      end: sel.end,
      revision,
      anchorStatus: "anchored",
      updatedAt: new Date(),
      version: sql`${claims.version} + 1`,
    })
    .where(eq(claims.id, claim.id))
    .returning();
  await recordAudit(tx, who, {
    action,
    entityType: "claim",
    entityId: claim.id,
    before: { anchorStatus: claim.anchorStatus, quote: claim.quote, start: claim.start, end: claim.end },
    after: { anchorStatus: "anchored", quote: sel.exact, start: sel.start, end: sel.end },
  });
  return after!;
}
