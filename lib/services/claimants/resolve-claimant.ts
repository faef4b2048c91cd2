import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { claimants } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { uniqueSlug } from "@/lib/services/slugs";
import type { claimantFields, claimantRefInput } from "./claimant-input";
import { text } from "@/lib/i18n/text";

type NewClaimant = z.output<z.ZodObject<typeof claimantFields>>;

/** Inserts a claimant and its audit event. */
export async function insertClaimant(tx: Tx, who: ActingUser, input: NewClaimant) {
  const slug = await uniqueSlug(tx, claimants, claimants.slug, input.name);
  const [row] = await tx
    .insert(claimants)
    .values({ ...input, slug, createdBy: who.id })
    .returning();
  await recordAudit(tx, who, { action: "claimant.create", entityType: "claimant", entityId: row!.id, after: row });
  return row!;
}

/**
 * The claimant a claim names: an existing one by id (404 if missing), or one given by
 * name. A name that matches an existing claimant exactly (ignoring case) with no
 * conflicting `sameAs` reuses it, so attributing inline does not create duplicates.
 */
export async function resolveClaimant(
  tx: Tx,
  who: ActingUser,
  ref: z.output<typeof claimantRefInput>,
): Promise<number> {
  if ("id" in ref) {
    const [found] = await tx.select({ id: claimants.id }).from(claimants).where(eq(claimants.id, ref.id)).limit(1);
    if (!found)
      throw new ServiceError("not_found", text("errors.claimants.notFound", { id: ref.id }), [
        fieldIssue("claimant.id", text("validation.notExists")),
      ]);
    return found.id;
  }
  const named = await tx
    .select({ id: claimants.id, sameAs: claimants.sameAs })
    .from(claimants)
    .where(and(sql`lower(${claimants.name}) = lower(${ref.name})`));
  const same = named.find((c) => !ref.sameAs || !c.sameAs || c.sameAs === ref.sameAs);
  return same ? same.id : (await insertClaimant(tx, who, ref)).id;
}
