import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { execute } from "@/db/sql";
import { claims, documentRevisions, documents, type AnchorStatus, type Claim } from "@/db/schema";
import { anchorSelectors, CodePointIndex, positionMapper } from "@/lib/anchoring";
import { authorize, type ActingUser, type Actor } from "@/lib/auth/actor";
import { toCanonicalText } from "@/lib/documents/canonical-text";
import { recordAudit, recordAudits } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { assertCurrentRevision, getDocumentText } from "./current-text";
import { issueMessage, text as words } from "@/lib/i18n/text";

export const updateDocumentTextInput = z.strictObject({
  documentId: idSchema,
  text: z.string({ error: issueMessage("validation.text") }).max(5 * 1024 * 1024, issueMessage("validation.maxFiveMb")),
  /** The revision the edit was made on; a stale one is refused with 409 and nothing changes. */
  baseRevision: z
    .number({ error: issueMessage("validation.editedRevision") })
    .int()
    .positive(),
});

export type ReanchoredClaim = { id: number; anchorStatus: AnchorStatus; start: number | null; end: number | null };

/**
 * Saves an edited text as a new revision (the old one is kept) and re-anchors every claim
 * of the document with `lib/anchoring`: anchored claims follow their quote, approximate
 * ones become `fuzzy` until a person confirms them, and lost ones become `orphaned` with
 * their old quote and offsets kept. Saving the same text again changes nothing.
 */
export async function updateDocumentText(
  actor: Actor | null,
  raw: unknown,
): Promise<{ revision: number; claims: ReanchoredClaim[] }> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(updateDocumentTextInput, raw);
    const { doc, text: oldText } = await getDocumentText(tx, input.documentId);
    await assertCurrentRevision(tx, doc, input.baseRevision);
    const text = toCanonicalText(input.text);
    if (!text)
      throw new ServiceError("validation_failed", words("errors.documents.emptyText"), [
        fieldIssue("text", words("validation.empty")),
      ]);
    if (text === oldText) return { revision: doc.currentRevision, claims: await listAnchors(tx, doc.id) };

    return saveRevision(tx, who, doc, oldText, text);
  });
}

/**
 * Saves `text` as the document's next revision and re-anchors its claims (inside the caller's transaction): an edit,
 * or the text going back to its published revision.
 */
export async function saveRevision(
  tx: Tx,
  who: ActingUser,
  doc: { id: number; currentRevision: number },
  oldText: string,
  text: string,
  action = "document.update_text",
): Promise<{ revision: number; claims: ReanchoredClaim[] }> {
  const revision = doc.currentRevision + 1;
  await tx.insert(documentRevisions).values({ documentId: doc.id, revision, text, createdBy: who.id });
  await tx
    .update(documents)
    .set({ currentRevision: revision, updatedAt: new Date(), version: sql`${documents.version} + 1` })
    .where(eq(documents.id, doc.id));
  const results = await reanchorClaims(tx, who, doc.id, revision, oldText, text);
  await recordAudit(tx, who, {
    action,
    entityType: "document",
    entityId: doc.id,
    before: { revision: doc.currentRevision },
    after: { revision, characters: text.length, ...countStatuses(results) },
  });
  return { revision, claims: results };
}

async function reanchorClaims(
  tx: Tx,
  who: ActingUser,
  documentId: number,
  revision: number,
  oldText: string,
  text: string,
): Promise<ReanchoredClaim[]> {
  const index = new CodePointIndex(text);
  const mapped = positionMapper(new CodePointIndex(oldText), index);
  const rows = await tx.select().from(claims).where(eq(claims.documentId, documentId)).orderBy(claims.start);
  const now = new Date();
  const places: ClaimPlace[] = [];
  const events: Parameters<typeof recordAudits>[2] = [];
  const results: ReanchoredClaim[] = [];
  for (const claim of rows) {
    // An orphan is only looked for again word for word (its text may have been restored):
    // searching the whole text approximately for every orphan on every edit would not scale.
    const result = anchorSelectors(
      index,
      // Offsets of claims anchored in the previous revision are carried across the edit first.
      claim.revision === revision - 1 && claim.anchorStatus !== "orphaned"
        ? {
            exact: claim.quote,
            prefix: claim.prefix,
            suffix: claim.suffix,
            start: mapped(claim.start),
            end: mapped(claim.end),
          }
        : { exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix, start: claim.start, end: claim.end },
      { exactOnly: claim.anchorStatus === "orphaned" },
    );
    // Anchored claims take the new context; a fuzzy one keeps its old quote until a person
    // confirms the new place; an orphan keeps everything it had.
    const change =
      result.status === "anchored"
        ? {
            anchorStatus: result.status,
            revision,
            start: result.start,
            end: result.end,
            prefix: result.selectors.prefix,
            suffix: result.selectors.suffix,
          }
        : result.status === "fuzzy"
          ? { anchorStatus: result.status, revision, start: result.start, end: result.end }
          : { anchorStatus: result.status };
    const isMoved =
      result.status !== claim.anchorStatus ||
      (result.start !== null && (result.start !== claim.start || result.end !== claim.end));
    // A moved claim is a changed record: a form or a confirmation made on the old place is
    // stale (409). One that only follows its words to the new revision is not.
    places.push({
      ...claim,
      ...change,
      ...(isMoved ? { version: claim.version + 1, updatedAt: now } : {}),
    });
    if (isMoved) {
      events.push({
        action: "claim.reanchor",
        entityType: "claim",
        entityId: claim.id,
        before: { anchorStatus: claim.anchorStatus, revision: claim.revision, start: claim.start, end: claim.end },
        after: { ...change, score: result.score },
      });
    }
    results.push({ id: claim.id, anchorStatus: result.status, start: result.start, end: result.end });
  }
  await writePlaces(tx, places);
  await recordAudits(tx, who, events);
  return results;
}

type ClaimPlace = Pick<
  Claim,
  "id" | "anchorStatus" | "revision" | "start" | "end" | "prefix" | "suffix" | "version" | "updatedAt"
>;

/**
 * Writes the claims' new places, many a statement (one round trip per claim would cost PostgreSQL ~0.4 ms each):
 * an UPDATE from a list of rows, written as a UNION of SELECTs, which both engines read.
 */
async function writePlaces(tx: Tx, places: ClaimPlace[]): Promise<void> {
  for (let i = 0; i < places.length; i += 200) {
    const rows = sql.join(
      places.slice(i, i + 200).map(
        (p) =>
          sql`select cast(${p.id} as integer) as id, cast(${p.anchorStatus} as text) as status,
              cast(${p.revision} as integer) as revision, cast(${p.start} as integer) as start,
              cast(${p.end} as integer) as stop, cast(${p.prefix} as text) as prefix, cast(${p.suffix} as text) as suffix,
              cast(${p.version} as integer) as version, cast(${p.updatedAt.getTime()} as bigint) as updated`,
      ),
      sql` union all `,
    );
    await execute(
      tx,
      sql`update claims set anchor_status = p.status, revision = p.revision, start = p.start, "end" = p.stop,
        prefix = p.prefix, suffix = p.suffix, version = p.version, updated_at = p.updated
        from (${rows}) as p where claims.id = p.id`,
    );
  }
}

async function listAnchors(tx: Tx, documentId: number): Promise<ReanchoredClaim[]> {
  const rows = await tx
    .select({ id: claims.id, anchorStatus: claims.anchorStatus, start: claims.start, end: claims.end })
    .from(claims)
    .where(eq(claims.documentId, documentId))
    .orderBy(claims.start);
  return rows.map((c) => (c.anchorStatus === "orphaned" ? { ...c, start: null, end: null } : c));
}

function countStatuses(results: ReanchoredClaim[]) {
  const count = (s: AnchorStatus) => results.filter((r) => r.anchorStatus === s).length;
  return { anchored: count("anchored"), fuzzy: count("fuzzy"), orphaned: count("orphaned") };
}
