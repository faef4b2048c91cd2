import { asc, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { claims, ratings, verdicts } from "@/db/schema";
import { reportPublicChange } from "@/lib/cache/public-invalidation";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { uniqueSlug } from "@/lib/services/slugs";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { ratingFields, ratingTranslations } from "./rating-input";
import { issueMessage, joinedText, text } from "@/lib/i18n/text";

export const createRatingInput = z.strictObject({ ...ratingFields, translations: ratingTranslations.optional() });
export const updateRatingInput = z.strictObject({
  ratingId: idSchema,
  version: versionSchema.optional(),
  label: ratingFields.label.optional(),
  description: ratingFields.description.optional(),
  colour: ratingFields.colour.optional(),
  ordinal: ratingFields.ordinal.optional(),
  translations: ratingTranslations.optional(),
});
export const reorderRatingsInput = z.strictObject({
  order: z.array(idSchema, { error: issueMessage("validation.ratingOrder") }).min(1),
});
export const deleteRatingInput = z.strictObject({ ratingId: idSchema });

/** Adds a rating at the end of the scale (admin). */
export async function createRating(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "ratings:manage");
    await reportPublicChange(tx, { ratingScale: true });
    const input = parseInput(createRatingInput, raw);
    const [last] = await tx.select({ n: max(ratings.position) }).from(ratings);
    const key = await uniqueSlug(tx, ratings, ratings.key, input.label);
    const [row] = await tx
      .insert(ratings)
      .values({ ...input, key, position: (last?.n ?? -1) + 1 })
      .returning();
    await recordAudit(tx, who, { action: "rating.create", entityType: "rating", entityId: row!.id, after: row });
    return row!;
  });
}

/** Renames, describes, recolours or re-values a rating (admin); its key stays, so links keep working. */
export async function updateRating(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "ratings:manage");
    await reportPublicChange(tx, { ratingScale: true });
    const input = parseInput(updateRatingInput, raw);
    const [before] = await tx.select().from(ratings).where(eq(ratings.id, input.ratingId)).limit(1);
    if (!before) throw new ServiceError("not_found", text("errors.ratings.notFound", { id: input.ratingId }));
    await assertVersion(tx, before, input.version, { type: "rating", id: before.id });
    const [after] = await tx
      .update(ratings)
      .set({
        ...sentFields(raw, input, ["label", "description", "colour", "ordinal", "translations"]),
        updatedAt: new Date(),
        version: sql`${ratings.version} + 1`,
      })
      .where(eq(ratings.id, before.id))
      .returning();
    await recordAudit(tx, who, { action: "rating.update", entityType: "rating", entityId: before.id, before, after });
    return after!;
  });
}

/** Puts the scale in a new order (admin): `order` lists every rating id once. */
export async function reorderRatings(actor: Actor | null, raw: unknown) {
  await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "ratings:manage");
    await reportPublicChange(tx, { ratingScale: true });
    const { order } = parseInput(reorderRatingsInput, raw);
    const current = (await tx.select({ id: ratings.id }).from(ratings).orderBy(asc(ratings.position))).map((r) => r.id);
    if (
      order.length !== current.length ||
      new Set(order).size !== order.length ||
      !order.every((id) => current.includes(id))
    ) {
      throw new ServiceError("validation_failed", text("errors.ratings.orderEveryOnce"), [
        fieldIssue("order", text("validation.everyRatingOnce")),
      ]);
    }
    for (const [position, id] of order.entries()) {
      await tx.update(ratings).set({ position, updatedAt: new Date() }).where(eq(ratings.id, id));
    }
    await recordAudit(tx, who, {
      action: "rating.reorder",
      entityType: "rating",
      entityId: order[0]!,
      before: current,
      after: order,
    });
  });
}

/** Deletes a rating no verdict uses (admin); a rating in use is refused, naming the verdicts. */
export async function deleteRating(actor: Actor | null, raw: unknown) {
  await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "ratings:manage");
    await reportPublicChange(tx, { ratingScale: true });
    const { ratingId } = parseInput(deleteRatingInput, raw);
    const [rating] = await tx.select().from(ratings).where(eq(ratings.id, ratingId)).limit(1);
    if (!rating) throw new ServiceError("not_found", text("errors.ratings.notFound", { id: ratingId }));
    const uses = await tx
      .select({ statement: claims.statement, state: verdicts.state, seq: verdicts.seq })
      .from(verdicts)
      .innerJoin(claims, eq(claims.id, verdicts.claimId))
      .where(eq(verdicts.ratingId, ratingId))
      .orderBy(asc(verdicts.id));
    if (uses.length > 0) {
      const list = uses.slice(0, 5).map((u) => text("errors.ratings.use", u));
      if (uses.length > 5) list.push(text("errors.ratings.more"));
      throw new ServiceError(
        "conflict",
        joinedText("errors.ratings.inUse", list, { label: rating.label, n: uses.length }),
      );
    }
    await tx.delete(ratings).where(eq(ratings.id, ratingId));
    await recordAudit(tx, who, { action: "rating.delete", entityType: "rating", entityId: ratingId, before: rating });
  });
}
