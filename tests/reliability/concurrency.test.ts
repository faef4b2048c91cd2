import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import { createTestDb, type TestDb } from "../support/db";
import { raceWriters } from "./support/processes";

/**
 * 20 clients — separate processes, each with its own connection to the same database, as
 * 20 server processes would be — write the same record at the same moment, all from the
 * same version: exactly one write wins, the other 19 get 409, the winner's change is the
 * one stored (no update lost or half-applied), and the audit log has one event for it.
 */
const CLIENTS = 20;
let t: TestDb;
let editorId = 0;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  editorId = (await queryRow<{ id: number }>(t.db, sql`select id from users where email = 'editor@claimdesk.test'`))!
    .id;
});
afterAll(async () => {
  await t.close();
});

const audits = async (action: string, entityId: number) =>
  (await queryRow<{ n: number }>(
    t.db,
    sql`select count(*) as n from audit_events where action = ${action} and entity_id = ${entityId}`,
  ))!.n;

/** Starts every client, and lets them all write at the same moment once all are connected. */
async function race(mode: string, args: (i: number) => Record<string, unknown>) {
  const answers = await raceWriters(mode, t.url, (i) => ({ userId: editorId, ...args(i) }), CLIENTS);
  // A real race: told to go together, they all tried within a few milliseconds.
  const wrote = answers.map((a) => a.wrote as number);
  expect(Math.max(...wrote) - Math.min(...wrote)).toBeLessThan(250);
  return answers;
}

describe("concurrent writes to one record", () => {
  it("should let exactly one of 20 verdict edits from the same version win", async () => {
    const v = (await queryRow<{ id: number; version: number }>(
      t.db,
      sql`select id, version from verdicts where state = 'draft'`,
    ))!;
    const before = await audits("verdict.update", v.id);
    const answers = await race("update-verdict", (i) => ({
      verdictId: v.id,
      version: v.version,
      summary: `Summary written by client ${i}`,
    }));
    const winners = answers.flatMap((a, i) => (a.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => a.status === 409)).toBe(true);
    const after = await queryRow<{ summary: string; version: number }>(
      t.db,
      sql`select summary, version from verdicts where id = ${v.id}`,
    );
    expect(after).toEqual({ summary: `Summary written by client ${winners[0]}`, version: v.version + 1 });
    expect(await audits("verdict.update", v.id)).toBe(before + 1);
  });

  it("should let exactly one of 20 text edits from the same revision win", async () => {
    const doc = (await queryRow<{ id: number; revision: number; text: string }>(
      t.db,
      sql`
      select d.id as id, d.current_revision as revision, r.text as text from documents d join document_revisions r on r.document_id = d.id and r.revision = d.current_revision limit 1`,
    ))!;
    const before = await audits("document.update_text", doc.id);
    const answers = await race("update-text", (i) => ({
      documentId: doc.id,
      baseRevision: doc.revision,
      text: `${doc.text}\n\nA closing line added by client ${i}.`,
    }));
    const winners = answers.flatMap((a, i) => (a.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => a.status === 409)).toBe(true);
    const after = (await queryRow<{ revision: number; text: string }>(
      t.db,
      sql`
      select d.current_revision as revision, r.text as text from documents d join document_revisions r on r.document_id = d.id and r.revision = d.current_revision where d.id = ${doc.id}`,
    ))!;
    expect(after.revision).toBe(doc.revision + 1);
    expect(after.text.endsWith(`client ${winners[0]}.`)).toBe(true);
    const revisions = await queryRow<{ n: number }>(
      t.db,
      sql`select count(*) as n from document_revisions where document_id = ${doc.id}`,
    );
    expect(revisions!.n).toBe(doc.revision + 1);
    expect(await audits("document.update_text", doc.id)).toBe(before + 1);
  });
});
