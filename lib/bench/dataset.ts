import { inArray, max, sql } from "drizzle-orm";
import { getDatabase, type Database, type Tx } from "@/db/client";
import { DEFAULT_RATINGS } from "@/db/seed-data/demo";
import {
  claimants,
  claimEvidence,
  claims,
  disputeAccounts,
  disputes,
  documentRevisions,
  documents,
  evidence,
  ratings,
  users,
  verdicts,
  type EvidenceSnapshotItem,
  type SourceType,
  type Stance,
} from "@/db/schema";
import { execute, resetIdSequences } from "@/db/sql";
import { seedDemo } from "@/db/seed";
import { CONTEXT_LENGTH } from "@/lib/anchoring";
import { backfillPublishedRecords } from "@/lib/services/publication/published-records";
import { slugify } from "@/lib/text/slugify";
import { BODIES, EVENTS, FILLER, FIRST, LAST, PLACES, TOPICS, VERBS } from "./dataset-words";

export { TOPICS };

/**
 * A deterministic dataset for the benchmark and for tests that need volume: `claims` claims
 * over `claims / 50` documents (each claim a sentence of its document's text), claimants,
 * disputes of two or three accounts, evidence with stances, and verdicts — 85 % published,
 * 5 % in review, 5 % drafts, 5 % none. Written straight into the tables in one transaction
 * (bulk loading, not user actions: no audit events), on top of the demo data, on either engine; then the published
 * records are filled in. The same `claims` and `seed` always give the same rows.
 */
export type DatasetOptions = { claims: number; seed?: number };
/** Where the dataset goes: the process database (`setDatabase`: the demo data is seeded through it). */
export type DatasetTarget = { database: Database };
export type DatasetInfo = {
  claims: number;
  documents: number;
  claimants: number;
  disputes: number;
  evidence: number;
  published: number;
};

const STANCES: Stance[] = ["supports", "refutes", "context"];
const SOURCES: SourceType[] = [
  "news_report",
  "photo_video",
  "satellite_imagery",
  "official_statement",
  "document",
  "eyewitness",
];
const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);

/** The n-th generated evidence item, as written to its row (and cited in a snapshot). */
const evidenceItem = (n: number): Omit<EvidenceSnapshotItem, "stance" | "evidenceId"> => ({
  url: `https://evidence.example/${n}`,
  archiveUrl: null,
  title: `Footage and records ${n}`,
  publisher: "Example Archive",
  publishedAt: "2024-01-01",
  excerpt: "Images from the morning show the building in use.",
  sourceType: SOURCES[n % SOURCES.length]!,
});

/** mulberry32: a small, fast, seeded PRNG — the same seed, the same dataset. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

export async function generateDataset(
  { database }: DatasetTarget,
  { claims: total, seed = 42 }: DatasetOptions,
): Promise<DatasetInfo> {
  if (getDatabase() !== database) throw new Error("The dataset goes into the process database: setDatabase it first.");
  await seedDemo(database.db);
  const info = await database.transaction((tx) => bulkLoad(tx, total, seed));
  await database.transaction(async (tx) => {
    await backfillPublishedRecords(tx);
    await execute(tx, sql`analyze`);
  });
  return info;
}

/** Rows of several tables, written parents first in multi-row inserts of at most `CHUNK` rows. */
const CHUNK = 1000;
const LOAD_ORDER = [
  claimants,
  documents,
  documentRevisions,
  claims,
  evidence,
  claimEvidence,
  verdicts,
  disputes,
  disputeAccounts,
] as const;
type Loaded = (typeof LOAD_ORDER)[number];

function loader(tx: Tx) {
  const pending = new Map<Loaded, Record<string, unknown>[]>(LOAD_ORDER.map((t) => [t, []]));
  const flush = async () => {
    for (const table of LOAD_ORDER) {
      const rows = pending.get(table)!;
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx.insert(table).values(rows.slice(i, i + CHUNK) as (typeof table.$inferInsert)[]);
      }
      rows.length = 0;
    }
  };
  return {
    async add<T extends Loaded>(table: T, row: T["$inferInsert"]): Promise<void> {
      const rows = pending.get(table)!;
      rows.push(row);
      if (rows.length >= CHUNK) await flush();
    },
    flush,
  };
}

/** The next free id of each table: rows are written with their ids, so children can name their parents at once. */
async function nextIds(tx: Tx) {
  const next = async (table: Loaded) => ((await tx.select({ n: max(table.id) }).from(table))[0]?.n ?? 0) + 1;
  return {
    claimant: await next(claimants),
    document: await next(documents),
    revision: await next(documentRevisions),
    claim: await next(claims),
    evidence: await next(evidence),
    link: await next(claimEvidence),
    verdict: await next(verdicts),
    dispute: await next(disputes),
    account: await next(disputeAccounts),
  };
}

async function bulkLoad(tx: Tx, total: number, seed: number): Promise<DatasetInfo> {
  const r = prng(seed);
  const accounts = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) => accounts.find((u) => u.email === email)!.id;
  const [contributor, editor, reviewer] = [
    "contributor@claimdesk.test",
    "editor@claimdesk.test",
    "reviewer@claimdesk.test",
  ].map(userId) as [number, number, number];
  const scale = await tx
    .select({ id: ratings.id, key: ratings.key })
    .from(ratings)
    .where(
      inArray(
        ratings.key,
        DEFAULT_RATINGS.map((x) => x.key),
      ),
    )
    .orderBy(ratings.id);
  const ids = await nextIds(tx);
  const load = loader(tx);
  const at = (ms: number) => new Date(ms);

  const perDocument = 50;
  const documentCount = Math.max(1, Math.ceil(total / perDocument));
  const claimantCount = Math.max(10, Math.ceil(total / 200));
  const info: DatasetInfo = {
    claims: total,
    documents: documentCount,
    claimants: claimantCount,
    disputes: 0,
    evidence: 0,
    published: 0,
  };

  const claimantIds: { id: number; name: string }[] = [];
  for (let i = 0; i < claimantCount; i++) {
    const name = i % 5 === 4 ? `${r.pick(PLACES)} ${r.pick(BODIES)} ${i}` : `${r.pick(FIRST)} ${r.pick(LAST)} ${i}`;
    const when = at(EPOCH + r.int(30) * DAY);
    const id = ids.claimant++;
    await load.add(claimants, {
      id,
      slug: `bench-${slugify(name)}`,
      name,
      description: "Spokesperson",
      createdBy: editor,
      createdAt: when,
      updatedAt: when,
    });
    claimantIds.push({ id, name });
  }

  let claimNo = 0;
  const evidenceIds: number[] = [];
  for (let d = 0; d < documentCount && claimNo < total; d++) {
    const place = r.pick(PLACES);
    const day = EPOCH + (d % 700) * DAY;
    const published = new Date(day).toISOString().slice(0, 10);
    // Sentences first, then the text; each claim's offsets are those of its sentence.
    const sentences: { text: string; claim?: { statement: string; claimant: { id: number; name: string } } }[] = [];
    const inThisDocument = Math.min(perDocument, total - claimNo);
    for (let k = 0; k < inThisDocument; k++) {
      const claimant = r.pick(claimantIds);
      const topic = r.pick(TOPICS);
      const statement = `The ${topic} in ${r.pick(PLACES)} ${r.pick(VERBS)} ${r.pick(EVENTS)} on day ${d * perDocument + k}.`;
      sentences.push({ text: r.pick(FILLER) });
      sentences.push({
        text: `${claimant.name} said that the ${statement.slice(4, -1)}.`,
        claim: { statement, claimant },
      });
    }
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; k += 4) {
      paragraphs.push(
        sentences
          .slice(k, k + 4)
          .map((s) => s.text)
          .join(" "),
      );
    }
    const text = paragraphs.join("\n\n");
    const loaded = day + DAY;
    const documentId = ids.document++;
    await load.add(documents, {
      id: documentId,
      slug: `bench-${d + 1}-${slugify(place)}`,
      title: `${place} dispatch ${d + 1}: claims and counter-claims`,
      sourceUrl: `https://news.example/${d + 1}`,
      publisher: "Example Wire",
      publishedAt: published,
      language: "en",
      currentRevision: 1,
      createdBy: contributor,
      createdAt: at(loaded),
      updatedAt: at(loaded),
    });
    await load.add(documentRevisions, {
      id: ids.revision++,
      documentId,
      revision: 1,
      text,
      createdBy: contributor,
      createdAt: at(loaded),
    });

    const disputeClaims: number[] = [];
    let offset = 0;
    for (const [k, s] of sentences.entries()) {
      const start = offset;
      offset += s.text.length + (k % 4 === 3 ? 2 : 1); // a space, or the blank line between paragraphs
      if (!s.claim) continue;
      // ASCII text: code units are code points.
      const quote = s.text;
      const created = loaded + claimNo * 1000;
      const claimId = ids.claim++;
      await load.add(claims, {
        id: claimId,
        slug: `${slugify(s.claim.statement).slice(0, 60)}-${claimNo + 1}`,
        documentId,
        revision: 1,
        claimantId: s.claim.claimant.id,
        statement: s.claim.statement,
        claimedAt: published,
        quote,
        prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: text.slice(start + quote.length, start + quote.length + CONTEXT_LENGTH),
        start,
        end: start + quote.length,
        anchorStatus: "anchored",
        createdBy: contributor,
        createdAt: at(created),
        updatedAt: at(created),
      });
      claimNo++;
      disputeClaims.push(claimId);

      // Evidence: a new item for every fifth claim; each claim cites the newest and, every
      // other claim, one earlier item too.
      if (claimNo % 5 === 1) {
        const item = evidenceItem(evidenceIds.length + 1);
        const id = ids.evidence++;
        await load.add(evidence, {
          id,
          ...item,
          createdBy: contributor,
          createdAt: at(created),
          updatedAt: at(created),
        });
        evidenceIds.push(id);
      }
      const cited = new Set([
        evidenceIds.length,
        claimNo % 2 === 0 ? 1 + r.int(evidenceIds.length) : evidenceIds.length,
      ]);
      const links: EvidenceSnapshotItem[] = [...cited].map((n) => ({
        evidenceId: evidenceIds[n - 1]!,
        ...evidenceItem(n),
        stance: r.pick(STANCES),
      }));
      for (const link of links) {
        await load.add(claimEvidence, {
          id: ids.link++,
          claimId,
          evidenceId: link.evidenceId,
          stance: link.stance,
          createdBy: contributor,
          createdAt: at(created),
        });
      }

      const roll = r.next();
      if (roll < 0.95) {
        const state = roll < 0.85 ? "published" : roll < 0.9 ? "in_review" : "draft";
        const rating = r.pick(scale);
        const publishedAt = state === "published" ? created + DAY : null;
        await load.add(verdicts, {
          id: ids.verdict++,
          claimId,
          seq: 1,
          state,
          ratingId: rating.id,
          summary: `The record shows otherwise: ${s.claim.statement.slice(0, 60).toLowerCase()}`,
          rationale:
            `What ${s.claim.claimant.name} said does not match the evidence. `.repeat(4) + "Sources are linked below.",
          evidenceSnapshot: state === "published" ? links : null,
          authorId: contributor,
          reviewerId: state === "published" ? reviewer : null,
          submittedAt: state === "draft" ? null : at(created + DAY / 2),
          publishedAt: publishedAt === null ? null : at(publishedAt),
          createdAt: at(created),
          updatedAt: at(publishedAt ?? created),
        });
        if (state === "published") info.published++;
      }
    }
    // Disputes: every group of three claims in a document is one event's competing accounts.
    for (let k = 0; k + 1 < disputeClaims.length; k += 3) {
      const disputeId = ids.dispute++;
      await load.add(disputes, {
        id: disputeId,
        slug: `bench-${d + 1}-${k}-${slugify(place)}`,
        question: `What happened in ${place} on day ${d * perDocument + k}?`,
        eventDate: published,
        createdBy: editor,
        createdAt: at(loaded),
        updatedAt: at(loaded),
      });
      for (const [position, claimId] of disputeClaims.slice(k, k + 3).entries()) {
        await load.add(disputeAccounts, {
          id: ids.account++,
          disputeId,
          claimId,
          label: `Account ${position + 1}`,
          position,
        });
      }
      info.disputes++;
    }
  }
  await load.flush();
  // PostgreSQL's identity columns do not follow ids written by hand.
  await resetIdSequences(
    tx,
    LOAD_ORDER.map((table) => table),
  );
  info.evidence = evidenceIds.length;
  return info;
}
