import { expect } from "vitest";
import { getRecordChanges, type RecordKind } from "@/db/queries/record-changes";
import type { Actor } from "@/lib/auth/actor";
import { createClaimant } from "@/lib/services/claimants/create-claimant";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { createClaim } from "@/lib/services/claims/create-claim";
import { createDispute } from "@/lib/services/disputes/create-dispute";
import { updateDispute } from "@/lib/services/disputes/update-dispute";
import { importDocument } from "@/lib/services/documents/import-document";
import { updateDocumentMetadata } from "@/lib/services/documents/update-document-metadata";
import { addEvidence } from "@/lib/services/evidence/add-evidence";
import { createVerdict } from "@/lib/services/verdicts/create-verdict";

// Claimants, documents and disputes that readers see, and changes to their working copies waiting for publication
// (lib/services/publication/record-changes.ts): the targets of POST …/{id}/publish and …/{id}/discard-changes.

export type { RecordKind };
export const KINDS: RecordKind[] = ["claimant", "document", "dispute"];
/** The URL segment of each kind: `/api/v1/{segment}/{id}/publish`. */
export const SEGMENT: Record<RecordKind, string> = {
  claimant: "claimants",
  document: "documents",
  dispute: "disputes",
};

const TEXT =
  "The minister said on Monday that the bridge would reopen in spring. " +
  "Engineers told the council it needed another two years of work.";
const QUOTE = "the bridge would reopen in spring";
const RATIONALE =
  "The engineers' report to the council, published on Tuesday, puts the end of the repairs two years away. ".repeat(3);

let n = 0;

/**
 * A claimant, a document and a dispute made public together: `writer` highlights a claim by that claimant in that
 * document, makes it an account of that dispute and submits a verdict on it, which `publish` (a callback taking the
 * verdict to publication with a second editor) publishes. Nothing has changed since: each has nothing to publish.
 */
export async function publicRecords(
  writer: Actor,
  publish: (verdictId: number) => Promise<unknown>,
): Promise<Record<RecordKind, number> & { claimId: number }> {
  const claimant = await createClaimant(writer, { name: `Minister ${++n}` });
  const document = await importDocument(writer, { title: `Bridge report ${++n}`, text: TEXT });
  const start = TEXT.indexOf(QUOTE); // the text is ASCII: code units are code points
  const claim = await createClaim(writer, {
    documentId: document.id,
    revision: 1,
    start,
    end: start + QUOTE.length,
    claimant: { id: claimant.id },
    statement: `The bridge reopens in spring (${++n}).`,
  });
  const dispute = await createDispute(writer, {
    question: `When does bridge ${++n} reopen?`,
    accounts: [{ claimId: claim.id, label: "The minister" }],
  });
  await addEvidence(writer, {
    claimId: claim.id,
    url: `https://example.org/engineers/${++n}`,
    title: "Engineers' report to the council",
    sourceType: "official_statement",
    stance: "refutes",
  });
  const verdict = await createVerdict(writer, {
    claimId: claim.id,
    rating: "false",
    summary: "The engineers expect two more years of work.",
    rationale: RATIONALE,
  });
  await publish(verdict.id);
  const records = { claimant: claimant.id, document: document.id, dispute: dispute.id, claimId: claim.id };
  for (const kind of KINDS) {
    // The fixture itself, not the call under test: public, and nothing waiting.
    const changes = await getRecordChanges(kind, records[kind]);
    expect([kind, changes?.published?.seq, changes?.changes]).toEqual([kind, 1, []]);
  }
  return records;
}

/** The working copy's version now (what the desk's page shows, and what publish and discard-changes send). */
export async function recordVersion(kind: RecordKind, id: number): Promise<number> {
  const changes = await getRecordChanges(kind, id);
  if (!changes) throw new Error(`no ${kind} ${id}`);
  return changes.version;
}

/**
 * `by` edits the working copy of a public record as the PATCH routes do, so that its changes wait for publication and
 * `by` is one of those who changed it (who may not publish it).
 */
export async function changeRecord(by: Actor, kind: RecordKind, id: number): Promise<void> {
  const version = await recordVersion(kind, id);
  const words = `Changed by the desk (${++n}).`;
  if (kind === "claimant") await updateClaimant(by, { claimantId: id, version, description: words });
  else if (kind === "document") await updateDocumentMetadata(by, { documentId: id, version, title: words });
  else await updateDispute(by, { disputeId: id, version, description: words });
  const changes = await getRecordChanges(kind, id);
  expect(changes?.changes.length, `${kind} ${id} has changes waiting`).toBeGreaterThan(0);
  if (by.kind === "user") {
    expect(
      changes?.editors.map((e) => e.id),
      `${kind} ${id} lists its editor (an edit in the very millisecond of its publication would not be listed)`,
    ).toContain(by.userId);
  }
}
