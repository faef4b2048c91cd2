import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { createTestDb } from "../support/db";
import { raceWriters } from "./support/processes";

/**
 * 20 clients — separate processes, each with its own connection to the same SQLite file, as
 * 20 server processes would be — write the same record at the same moment, all from the
 * same version: exactly one write wins, the other 19 get 409, the winner's change is the
 * one stored (no update lost or half-applied), and the audit log has one event for it.
 */
const CLIENTS = 20;
let t: ReturnType<typeof createTestDb>;
let editorId = 0;
beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db);
  editorId = t.db.get<{ id: number }>(sql`select id from users where email = 'editor@claimdesk.test'`)!.id;
});
afterAll(() => t.close());

const audits = (action: string, entityId: number) =>
  t.db.get<{ n: number }>(
    sql`select count(*) as n from audit_events where action = ${action} and entity_id = ${entityId}`,
  )!.n;

/** Starts every client, and lets them all write at the same moment once all are connected. */
async function race(mode: string, args: (i: number) => Record<string, unknown>) {
  const answers = await raceWriters(mode, t.file, (i) => ({ userId: editorId, ...args(i) }), CLIENTS);
  // A real race: told to go together, they all tried within a few milliseconds.
  const wrote = answers.map((a) => a.wrote as number);
  expect(Math.max(...wrote) - Math.min(...wrote)).toBeLessThan(250);
  return answers;
}

describe("concurrent writes to one record", () => {
  it("should let exactly one of 20 verdict edits from the same version win", async () => {
    const v = t.db.get<{ id: number; version: number }>(sql`select id, version from verdicts where state = 'draft'`)!;
    const before = audits("verdict.update", v.id);
    const answers = await race("update-verdict", (i) => ({
      verdictId: v.id,
      version: v.version,
      summary: `Summary written by client ${i}`,
    }));
    const winners = answers.flatMap((a, i) => (a.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => a.status === 409)).toBe(true);
    const after = t.db.get<{ summary: string; version: number }>(
      sql`select summary, version from verdicts where id = ${v.id}`,
    )!;
    expect(after).toEqual({ summary: `Summary written by client ${winners[0]}`, version: v.version + 1 });
    expect(audits("verdict.update", v.id)).toBe(before + 1);
  });

  it("should let exactly one of 20 text edits from the same revision win", async () => {
    const doc = t.db.get<{ id: number; revision: number; text: string }>(sql`
      select d.id as id, d.current_revision as revision, r.text as text from documents d join document_revisions r on r.document_id = d.id and r.revision = d.current_revision limit 1`)!;
    const before = audits("document.update_text", doc.id);
    const answers = await race("update-text", (i) => ({
      documentId: doc.id,
      baseRevision: doc.revision,
      text: `${doc.text}\n\nA closing line added by client ${i}.`,
    }));
    const winners = answers.flatMap((a, i) => (a.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => a.status === 409)).toBe(true);
    const after = t.db.get<{ revision: number; text: string }>(sql`
      select d.current_revision as revision, r.text as text from documents d join document_revisions r on r.document_id = d.id and r.revision = d.current_revision where d.id = ${doc.id}`)!;
    expect(after.revision).toBe(doc.revision + 1);
    expect(after.text.endsWith(`client ${winners[0]}.`)).toBe(true);
    expect(
      t.db.get<{ n: number }>(sql`select count(*) as n from document_revisions where document_id = ${doc.id}`)!.n,
    ).toBe(doc.revision + 1);
    expect(audits("document.update_text", doc.id)).toBe(before + 1);
  });
});
