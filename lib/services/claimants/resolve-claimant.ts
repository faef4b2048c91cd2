import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { claimants } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { uniqueSlug } from "@/lib/services/slugs";
import type { claimantFields, claimantRefInput } from "./claimant-input";

type NewClaimant = z.output<z.ZodObject<typeof claimantFields>>;

/** Inserts a claimant and its audit event. */
export function insertClaimant(tx: Tx, who: ActingUser, input: NewClaimant) {
  const row = tx
    .insert(claimants)
    .values({ ...input, slug: uniqueSlug(tx, claimants, claimants.slug, input.name), createdBy: who.id })
    .returning()
    .get();
  recordAudit(tx, who, { action: "claimant.create", entityType: "claimant", entityId: row.id, after: row });
  return row;
}

/**
 * The claimant a claim names: an existing one by id (404 if missing), or one given by
 * name. A name that matches an existing claimant exactly (ignoring case) with no
 * conflicting `sameAs` reuses it, so attributing inline does not create duplicates.
 */
export function resolveClaimant(tx: Tx, who: ActingUser, ref: z.output<typeof claimantRefInput>): number {
  if ("id" in ref) {
    const found = tx.select({ id: claimants.id }).from(claimants).where(eq(claimants.id, ref.id)).get();
    if (!found)
      throw new ServiceError("not_found", `No claimant with id ${ref.id}.`, [
        { path: "claimant.id", message: "does not exist" },
      ]);
    return found.id;
  }
  const same = tx
    .select({ id: claimants.id, sameAs: claimants.sameAs })
    .from(claimants)
    .where(and(sql`lower(${claimants.name}) = lower(${ref.name})`))
    .all()
    .find((c) => !ref.sameAs || !c.sameAs || c.sameAs === ref.sameAs);
  return same ? same.id : insertClaimant(tx, who, ref).id;
}
