import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { queryRow, queryRows } from "@/db/sql";
import { systemActor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/services/claims/create-claim";
import { importDocument } from "@/lib/services/documents/import-document";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";

export type ReanchorResult = {
  characters: number;
  claims: number;
  /** Median of the runs: the whole `updateDocumentText` service (new revision, re-anchoring, writes, audit). */
  ms: number;
  /** The same run's baseline: a bare `indexOf` of every quote in the edited text. */
  indexOfMs: number;
  statuses: Record<string, number>;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Re-anchoring 1,000 claims on a 200,000-character document after an edit, in process on an
 * empty database (`url`, of this process's engine): the fixture article repeated (each copy headed "Part N"), 1,000
 * claims on sentences spread through it, then a paragraph inserted at the top. Timed
 * through the real service, three times (a fresh document each), median reported.
 */
export async function benchReanchor(
  url: string,
  { runs = 3, claims = 1000, characters = 200_000 } = {},
): Promise<ReanchorResult> {
  const database = openDatabase(url);
  try {
    await database.migrate();
    setDatabase(database);
    await seedDemo(database.db);
    const article = fs
      .readFileSync(path.join(process.cwd(), "db", "seed-data", "mariupol-talks-2022-03-10.txt"), "utf8")
      .replace(/^\s*date \S+\s*/, "");
    const parts: string[] = [];
    for (let n = 1, length = 0; length < characters; n++) {
      const part = `Part ${n}\n\n${article.trim()}`;
      parts.push(part);
      length += part.length + 2;
    }
    const text = parts.join("\n\n");
    const actor = systemActor("bench");
    const times: number[] = [];
    const baselines: number[] = [];
    let statuses: Record<string, number> = {};
    for (let run = 0; run < runs; run++) {
      const doc = await importDocument(actor, { title: `Re-anchoring ${run}`, text });
      const stored = (await queryRow<{ text: string }>(
        database.db,
        sql`select text from document_revisions where document_id = ${doc.id}`,
      ))!;
      // Sentences spread evenly through the text (ASCII text: units are code points).
      const sentences = [...stored.text.matchAll(/[A-Z][^.!?\n]{20,160}[.!?]/g)];
      const step = sentences.length / claims;
      for (let i = 0; i < claims; i++) {
        const m = sentences[Math.floor(i * step)]!;
        await createClaim(actor, {
          documentId: doc.id,
          revision: 1,
          start: m.index,
          end: m.index + m[0].length,
          claimant: { name: "Bench claimant" },
        });
      }
      const edited = `An editor's note added at the top of the article, before everything else.\n\n${stored.text}`;
      const t0 = performance.now();
      const result = await updateDocumentText(actor, { documentId: doc.id, text: edited, baseRevision: 1 });
      times.push(performance.now() - t0);
      const quotes = (
        await queryRows<{ quote: string }>(database.db, sql`select quote from claims where document_id = ${doc.id}`)
      ).map((q) => q.quote);
      const b0 = performance.now();
      let found = 0;
      for (const q of quotes) if (edited.indexOf(q) >= 0) found++;
      baselines.push(performance.now() - b0);
      if (found !== quotes.length) throw new Error("a quote is missing from the edited text");
      statuses = {};
      for (const c of result.claims) statuses[c.anchorStatus] = (statuses[c.anchorStatus] ?? 0) + 1;
    }
    return { characters: text.length, claims, ms: median(times), indexOfMs: median(baselines), statuses };
  } finally {
    setDatabase(undefined);
    await database.close();
  }
}
