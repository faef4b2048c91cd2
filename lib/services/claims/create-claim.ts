import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claimants, claims, type AnchorStatus, type Claim, type Document } from "@/db/schema";
import type { SpanSelectors } from "@/lib/anchoring";
import { authorize, type ActingUser, type Actor } from "@/lib/auth/actor";
import { recordAudit, recordAudits } from "@/lib/services/audit";
import { claimantRefInput } from "@/lib/services/claimants/claimant-input";
import { resolveClaimant } from "@/lib/services/claimants/resolve-claimant";
import { addAccount } from "@/lib/services/disputes/accounts";
import { insertDispute } from "@/lib/services/disputes/create-dispute";
import { accountLabelSchema, disputeFields } from "@/lib/services/disputes/dispute-input";
import { assertCurrentRevision, getDocumentText } from "@/lib/services/documents/current-text";
import { uniqueSlug, uniqueSlugs } from "@/lib/services/slugs";
import { writeTransaction } from "@/lib/services/transaction";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { idSchema, optionalDateSchema, optionalLanguageSchema, optionalText } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { recordRepeatLink, repeatTarget } from "./repeats";
import { selectionSelectors } from "./selection";
import { issueMessage } from "@/lib/i18n/text";

const offset = z
  .number({ error: issueMessage("validation.wholeChars") })
  .int(issueMessage("validation.whole"))
  .min(0, issueMessage("validation.nonNegative"));

export const createClaimInput = z
  .strictObject({
    documentId: idSchema,
    /** The revision the offsets were taken from; a stale one is refused with 409. */
    revision: z
      .number({ error: issueMessage("validation.documentRevision") })
      .int()
      .positive(),
    /** Code point offsets of the canonical text. */
    start: offset,
    end: offset,
    claimant: claimantRefInput,
    /** Normalised statement; defaults to the quote. */
    statement: optionalText(500),
    /** The day the claim was made; defaults to the document's date. */
    claimedAt: optionalDateSchema,
    /** The language the claim was made in (BCP 47); defaults to the document's (stored as none: it follows it). */
    language: optionalLanguageSchema,
    /** Join an existing dispute as an account… */
    disputeId: idSchema.optional(),
    /** …or open a new one. */
    newDispute: z.strictObject(disputeFields).optional(),
    /** The account's label in the dispute; defaults to the claimant's name. */
    accountLabel: accountLabelSchema.optional(),
    /**
     * A claim this highlight repeats: the new claim becomes one more appearance of it (of the claim it repeats, if it
     * is itself a repeat), sharing its verdict. The statement then defaults to that claim's.
     */
    repeatOf: idSchema.optional(),
  })
  .refine((v) => v.end > v.start, { message: issueMessage("validation.afterStart"), path: ["end"] })
  .refine((v) => !(v.disputeId && v.newDispute), {
    message: issueMessage("validation.disputeChoice"),
    path: ["newDispute"],
  });

export type CreatedClaim = {
  id: number;
  slug: string;
  selectors: SpanSelectors;
  claimantId: number;
  disputeId: number | null;
};

/** Highlights a span of a document as a claim, attributed to a claimant (contributor+). */
export async function createClaim(actor: Actor | null, raw: unknown): Promise<CreatedClaim> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(createClaimInput, raw);
    const { doc, text } = await getDocumentText(tx, input.documentId);
    await assertCurrentRevision(tx, doc, input.revision);
    const selectors = selectionSelectors(text, input.start, input.end);
    const repeated = input.repeatOf === undefined ? null : await repeatTarget(tx, input.repeatOf);
    const claimantId = await resolveClaimant(tx, who, input.claimant);
    const statement = input.statement ?? repeated?.statement ?? selectors.exact.replace(/\s+/g, " ").slice(0, 500);

    const row = await insertClaim(tx, who, doc, {
      selectors,
      anchorStatus: "anchored",
      claimantId,
      statement,
      claimedAt: input.claimedAt ?? doc.publishedAt,
      language: input.language,
      repeatOf: repeated?.id ?? null,
    });
    if (repeated) await recordRepeatLink(tx, who, row.id, null, repeated.id);

    const disputeId = input.newDispute
      ? (await insertDispute(tx, who, input.newDispute)).id
      : (input.disputeId ?? null);
    if (disputeId !== null) {
      let label = input.accountLabel;
      if (label === undefined) {
        const [claimant] = await tx
          .select({ name: claimants.name })
          .from(claimants)
          .where(eq(claimants.id, claimantId))
          .limit(1);
        label = claimant!.name;
      }
      await addAccount(tx, who, disputeId, row.id, label);
    }
    await emitWebhookEvent(tx, "claim.created", { who, claimId: row.id });
    return { id: row.id, slug: row.slug, selectors, claimantId, disputeId };
  });
}

/** A claim to insert: where its quote stands (an `orphaned` claim keeps the selectors it came with), what it says. */
export type NewClaim = {
  selectors: SpanSelectors;
  anchorStatus: AnchorStatus;
  claimantId: number;
  statement: string;
  claimedAt: string | null;
  /** The language it was made in; none (the default): its document's. */
  language?: string | null;
  /** The claim this one repeats (`repeats.ts`); none when not given. */
  repeatOf?: number | null;
};

const claimRow = (who: ActingUser, doc: Document, c: NewClaim, slug: string) => ({
  slug,
  documentId: doc.id,
  revision: doc.currentRevision,
  claimantId: c.claimantId,
  statement: c.statement,
  language: c.language ?? null,
  claimedAt: c.claimedAt,
  quote: c.selectors.exact,
  prefix: c.selectors.prefix,
  suffix: c.selectors.suffix,
  start: c.selectors.start,
  end: c.selectors.end,
  anchorStatus: c.anchorStatus,
  repeatOf: c.repeatOf ?? null,
  createdBy: who.id,
});

/** Inserts a claim of the document's current revision, and its audit event. */
export async function insertClaim(tx: Tx, who: ActingUser, doc: Document, c: NewClaim): Promise<Claim> {
  const slug = await uniqueSlug(tx, claims, claims.slug, c.statement);
  const [row] = await tx
    .insert(claims)
    .values(claimRow(who, doc, c, slug))
    .returning();
  await recordAudit(tx, who, { action: "claim.create", entityType: "claim", entityId: row!.id, after: row });
  return row!;
}

/**
 * Inserts many claims of the document's current revision, and their audit events, as `insertClaim` does one: a
 * statement for all of them (the caller keeps the list short: a few hundred). The rows come back in the order given.
 */
export async function insertClaims(tx: Tx, who: ActingUser, doc: Document, list: NewClaim[]): Promise<Claim[]> {
  if (list.length === 0) return [];
  const slugs = await uniqueSlugs(
    tx,
    claims,
    claims.slug,
    list.map((c) => c.statement),
  );
  const rows = await tx
    .insert(claims)
    .values(list.map((c, i) => claimRow(who, doc, c, slugs[i]!)))
    .returning();
  // Neither engine promises RETURNING's order for a multi-row insert: each slug is unique.
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const inserted = slugs.map((slug) => bySlug.get(slug)!);
  await recordAudits(
    tx,
    who,
    inserted.map((row) => ({ action: "claim.create", entityType: "claim", entityId: row.id, after: row })),
  );
  return inserted;
}
