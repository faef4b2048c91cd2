import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { documents } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, requiredString, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { DOCUMENT_METADATA_KEYS } from "@/lib/documents/prepare-document";
import { documentMetadataInput } from "./import-document";
import { issueMessage, text } from "@/lib/i18n/text";

export const updateDocumentMetadataInput = z.strictObject({
  documentId: idSchema,
  version: versionSchema.optional(),
  ...documentMetadataInput,
  title: requiredString()
    .trim()
    .min(1, issueMessage("validation.required"))
    .max(300, issueMessage("validation.maxChars", { max: 300 }))
    .optional(),
});

const FIELDS = DOCUMENT_METADATA_KEYS.filter((k) => k !== "title");

/** Edits a document's title, source URL, publisher, author, date and language (contributor+). */
export async function updateDocumentMetadata(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(updateDocumentMetadataInput, raw);
    const [before] = await tx.select().from(documents).where(eq(documents.id, input.documentId)).limit(1);
    if (!before) throw new ServiceError("not_found", text("errors.documents.notFound", { id: input.documentId }));
    await assertVersion(tx, before, input.version, { type: "document", id: before.id });
    const [after] = await tx
      .update(documents)
      .set({
        ...sentFields(raw, input, FIELDS),
        title: input.title ?? before.title,
        updatedAt: new Date(),
        version: sql`${documents.version} + 1`,
      })
      .where(eq(documents.id, before.id))
      .returning();
    await recordAudit(tx, who, {
      action: "document.update",
      entityType: "document",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}
