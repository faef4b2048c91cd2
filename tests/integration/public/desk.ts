import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import type { RecordKind } from "@/db/queries/record-changes";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { transitionVerdict } from "@/lib/services/verdicts/transition-verdict";

// The demo desk (`seedDemo`) as the tests of what readers see use it: its people, its records, and the workflow steps
// that publish a change. Reads go through the test's read handle; writes through the services.

/** The demo's one published claim (Lavrov's), its claimant, document and dispute. */
export const DEMO = {
  claim: "those-killed-in-the-mariupol-maternity-hospital-strike-were",
  inReview: "the-mariupol-maternity-hospital-had-been-emptied-of",
  claimant: "sergei-lavrov",
  document: "mariupol-talks-2022-03-10",
  dispute: "mariupol-maternity-hospital-strike",
} as const;

export type Person = "admin" | "editor" | "reviewer" | "contributor";
export type Desk = Record<Person, Actor & { kind: "user"; userId: number }>;

/** The demo's accounts: Ada Admin, Esther Editor, Rafael Reviewer (an editor too) and Chloe Contributor. */
export async function deskOf(db: DB): Promise<Desk> {
  const desk = {} as Desk;
  for (const person of ["admin", "editor", "reviewer", "contributor"] as const) {
    const row = await queryRow<{ id: number }>(
      db,
      sql`select id from users where email = ${`${person}@claimdesk.test`}`,
    );
    desk[person] = { kind: "user", userId: row!.id };
  }
  return desk;
}

/** The refusal a service call ends with (it fails the test if the call succeeds or fails otherwise). */
export { refusal } from "../../support/fixtures";

/** A claim's id and version (the optimistic lock its forms send). */
export const claimOf = async (db: DB, slug: string) =>
  (await queryRow<{ id: number; version: number; documentId: number }>(
    db,
    sql`select id, version, document_id as "documentId" from claims where slug = ${slug}`,
  ))!;

/** A claimant's, document's or dispute's id and working-copy version. */
export const recordOf = async (db: DB, kind: RecordKind, slug: string) =>
  (await queryRow<{ id: number; version: number }>(
    db,
    sql`select id, version from ${sql.raw(`${kind}s`)} where slug = ${slug}`,
  ))!;

/** The claim's open or published verdict version of this state (the latest). */
export const verdictOf = async (db: DB, claimId: number, state: string) =>
  (await queryRow<{ id: number; version: number; seq: number }>(
    db,
    sql`select id, version, seq from verdicts where claim_id = ${claimId} and state = ${state} order by seq desc limit 1`,
  ))!;

/** A workflow step on a verdict as the UI sends it: with the version the caller sees now. */
export async function step(db: DB, who: Actor, verdictId: number, name: string, extra: object = {}) {
  const row = await queryRow<{ version: number }>(db, sql`select version from verdicts where id = ${verdictId}`);
  return transitionVerdict(who, { verdictId, step: name, version: row!.version, ...extra });
}

/** Starts a correction of the claim's published verdict: the draft version in which its facts may change. */
export async function startCorrection(db: DB, who: Actor, claimSlug: string) {
  const claim = await claimOf(db, claimSlug);
  return step(db, who, (await verdictOf(db, claim.id, "published")).id, "correct");
}

/** The claim's correction draft goes to review, submitted by its author. */
export async function submitCorrection(db: DB, author: Actor, claimSlug: string) {
  const claim = await claimOf(db, claimSlug);
  return step(db, author, (await verdictOf(db, claim.id, "draft")).id, "submit");
}

/** A second editor publishes the claim's correction under review, with its public note. */
export async function publishCorrection(db: DB, publisher: Actor, claimSlug: string, note = "We corrected this.") {
  const claim = await claimOf(db, claimSlug);
  return step(db, publisher, (await verdictOf(db, claim.id, "in_review")).id, "publish", { note });
}

/** The document's current text and revision (the desk's working copy). */
export const documentText = async (db: DB, documentId: number) =>
  (await queryRow<{ text: string; revision: number }>(
    db,
    sql`select r.text as text, r.revision as revision from documents d
      join document_revisions r on r.document_id = d.id and r.revision = d.current_revision where d.id = ${documentId}`,
  ))!;

/** The code point offsets of `words` in `text` (as selections are sent). */
export function spanOf(text: string, words: string): { start: number; end: number } {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`“${words}” is not in the text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...words].length };
}
