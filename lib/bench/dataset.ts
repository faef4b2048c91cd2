import BetterSqlite3 from "better-sqlite3";
import { getDatabase, type Database } from "@/db/client";
import { DEFAULT_RATINGS } from "@/db/seed-data/demo";
import { users, type EvidenceSnapshotItem, type SourceType, type Stance } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { CONTEXT_LENGTH } from "@/lib/anchoring";
import { rebuildSearchIndex } from "@/lib/search/search-index";
import { slugify } from "@/lib/text/slugify";

/**
 * A deterministic dataset for the benchmark and for tests that need volume: `claims` claims
 * over `claims / 50` documents (each claim a sentence of its document's text), claimants,
 * disputes of two or three accounts, evidence with stances, and verdicts — 85 % published,
 * 5 % in review, 5 % drafts, 5 % none. Written straight into the tables in one transaction
 * (bulk loading, not user actions: no audit events), on top of the demo data; then the
 * full-text index is rebuilt. The same `claims` and `seed` always give the same rows.
 */
export type DatasetOptions = { claims: number; seed?: number };
/**
 * Where the dataset goes: the process database (`setDatabase`: the demo data is seeded through it) and its SQLite
 * file, which the bulk load writes through a connection of its own. SQLite only for now.
 */
export type DatasetTarget = { database: Database; file: string | null };
export type DatasetInfo = {
  claims: number;
  documents: number;
  claimants: number;
  disputes: number;
  evidence: number;
  published: number;
};

/** Words that the benchmark searches for: each appears in about one claim in 30. */
export const TOPICS = [
  "hospital",
  "ceasefire",
  "convoy",
  "bridge",
  "grain",
  "election",
  "vaccine",
  "refinery",
  "border",
  "pipeline",
  "reservoir",
  "airport",
  "school",
  "power plant",
  "harbour",
];
const VERBS = [
  "was struck by",
  "was never targeted by",
  "was emptied before",
  "was closed after",
  "reopened despite",
  "was damaged during",
  "stayed open through",
  "was evacuated ahead of",
];
const EVENTS = [
  "shelling",
  "an air raid",
  "the flooding",
  "the blockade",
  "the talks",
  "a drone attack",
  "the storm",
  "the strike",
];
const PLACES = [
  "Mariupol",
  "Kherson",
  "Odesa",
  "Kharkiv",
  "Izium",
  "Mykolaiv",
  "Sumy",
  "Chernihiv",
  "Bucha",
  "Irpin",
  "Zaporizhzhia",
  "Dnipro",
  "Lviv",
  "Poltava",
];
const FIRST = [
  "Anna",
  "Oleh",
  "Maria",
  "Ivan",
  "Sofia",
  "Dmytro",
  "Elena",
  "Sergei",
  "Olga",
  "Pavlo",
  "Irina",
  "Mykola",
  "Nadia",
  "Viktor",
  "Yulia",
  "Andriy",
];
const LAST = [
  "Kovalenko",
  "Petrova",
  "Shevchenko",
  "Ivanov",
  "Bondarenko",
  "Melnyk",
  "Tkachenko",
  "Sokolova",
  "Kravchenko",
  "Morozov",
  "Lysenko",
  "Popova",
];
const BODIES = [
  "Ministry of Defence",
  "City Council",
  "Regional Administration",
  "Emergency Service",
  "Foreign Ministry",
  "Border Guard",
];
const FILLER = [
  "Reporters at the scene could not confirm the account independently.",
  "The statement was repeated at a briefing the next morning.",
  "Local residents described the day in interviews with the agency.",
  "Officials declined to give further details when asked.",
  "Satellite images from the same week were published later.",
  "The figures were disputed by both sides within hours.",
];
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
function prng(seed: number) {
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
  { database, file }: DatasetTarget,
  { claims: total, seed = 42 }: DatasetOptions,
): Promise<DatasetInfo> {
  if (!file) throw new Error("The dataset generator loads a SQLite database; PostgreSQL is not supported yet.");
  if (getDatabase() !== database) throw new Error("The dataset goes into the process database: setDatabase it first.");
  await seedDemo(database.db);
  const c = new BetterSqlite3(file);
  try {
    c.pragma("foreign_keys = ON");
    c.pragma("busy_timeout = 5000");
    const accounts = await database.db.select({ id: users.id, email: users.email }).from(users);
    const info = bulkLoad(c, accounts, total, seed);
    await database.transaction((tx) => rebuildSearchIndex(tx));
    c.exec("analyze");
    return info;
  } finally {
    c.close();
  }
}

/** The generated rows, written through one raw connection in one transaction (prepared statements: fast). */
function bulkLoad(
  c: BetterSqlite3.Database,
  accounts: { id: number; email: string }[],
  total: number,
  seed: number,
): DatasetInfo {
  const r = prng(seed);
  const userId = (email: string) => accounts.find((u) => u.email === email)!.id;
  const [contributor, editor, reviewer] = [
    "contributor@claimdesk.test",
    "editor@claimdesk.test",
    "reviewer@claimdesk.test",
  ].map(userId) as [number, number, number];
  const ratings = c
    .prepare("select id, key, ordinal from ratings where key in (" + DEFAULT_RATINGS.map(() => "?").join(",") + ")")
    .all(...DEFAULT_RATINGS.map((x) => x.key)) as { id: number; key: string }[];

  const perDocument = 50;
  const documents = Math.max(1, Math.ceil(total / perDocument));
  const claimantCount = Math.max(10, Math.ceil(total / 200));
  const info: DatasetInfo = {
    claims: total,
    documents,
    claimants: claimantCount,
    disputes: 0,
    evidence: 0,
    published: 0,
  };

  const insertClaimant = c.prepare(
    "insert into claimants (slug, name, description, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertDocument = c.prepare(
    "insert into documents (slug, title, source_url, publisher, published_at, language, current_revision, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, 'en', 1, ?, ?, ?)",
  );
  const insertRevision = c.prepare(
    "insert into document_revisions (document_id, revision, text, created_by, created_at) values (?, 1, ?, ?, ?)",
  );
  const insertClaim = c.prepare(
    "insert into claims (slug, document_id, revision, claimant_id, statement, claimed_at, quote, prefix, suffix, start, \"end\", anchor_status, created_by, created_at, updated_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?)",
  );
  const insertEvidence = c.prepare(
    "insert into evidence (url, title, publisher, published_at, excerpt, source_type, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertLink = c.prepare(
    "insert into claim_evidence (claim_id, evidence_id, stance, created_by, created_at) values (?, ?, ?, ?, ?)",
  );
  const insertVerdict = c.prepare(
    "insert into verdicts (claim_id, seq, state, rating_id, summary, rationale, evidence_snapshot, author_id, reviewer_id, submitted_at, published_at, created_at, updated_at) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertDispute = c.prepare(
    "insert into disputes (slug, question, event_date, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertAccount = c.prepare(
    "insert into dispute_accounts (dispute_id, claim_id, label, position) values (?, ?, ?, ?)",
  );

  c.transaction(() => {
    const claimantIds: { id: number; name: string }[] = [];
    for (let i = 0; i < claimantCount; i++) {
      const name = i % 5 === 4 ? `${r.pick(PLACES)} ${r.pick(BODIES)} ${i}` : `${r.pick(FIRST)} ${r.pick(LAST)} ${i}`;
      const at = EPOCH + r.int(30) * DAY;
      claimantIds.push({
        id: Number(insertClaimant.run(`bench-${slugify(name)}`, name, "Spokesperson", editor, at, at).lastInsertRowid),
        name,
      });
    }

    let claimNo = 0;
    const evidenceIds: number[] = [];
    for (let d = 0; d < documents && claimNo < total; d++) {
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
      for (let k = 0; k < sentences.length; k += 4)
        paragraphs.push(
          sentences
            .slice(k, k + 4)
            .map((s) => s.text)
            .join(" "),
        );
      const text = paragraphs.join("\n\n");
      const title = `${place} dispatch ${d + 1}: claims and counter-claims`;
      const at = day + DAY;
      const documentId = Number(
        insertDocument.run(
          `bench-${d + 1}-${slugify(place)}`,
          title,
          `https://news.example/${d + 1}`,
          "Example Wire",
          published,
          contributor,
          at,
          at,
        ).lastInsertRowid,
      );
      insertRevision.run(documentId, text, contributor, at);

      const disputeClaims: number[] = [];
      let offset = 0;
      for (const [k, s] of sentences.entries()) {
        const start = offset;
        offset += s.text.length + (k % 4 === 3 ? 2 : 1); // a space, or the blank line between paragraphs
        if (!s.claim) continue;
        // ASCII text: code units are code points.
        const quote = s.text;
        const created = at + claimNo * 1000;
        const claimId = Number(
          insertClaim.run(
            `${slugify(s.claim.statement).slice(0, 60)}-${claimNo + 1}`,
            documentId,
            s.claim.claimant.id,
            s.claim.statement,
            published,
            quote,
            text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
            text.slice(start + quote.length, start + quote.length + CONTEXT_LENGTH),
            start,
            start + quote.length,
            contributor,
            created,
            created,
          ).lastInsertRowid,
        );
        claimNo++;
        disputeClaims.push(claimId);

        // Evidence: a new item for every fifth claim; each claim cites the newest and, every
        // other claim, one earlier item too.
        if (claimNo % 5 === 1) {
          const item = evidenceItem(evidenceIds.length + 1);
          evidenceIds.push(
            Number(
              insertEvidence.run(
                item.url,
                item.title,
                item.publisher,
                item.publishedAt,
                item.excerpt,
                item.sourceType,
                contributor,
                created,
                created,
              ).lastInsertRowid,
            ),
          );
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
        for (const link of links) insertLink.run(claimId, link.evidenceId, link.stance, contributor, created);

        const roll = r.next();
        if (roll < 0.95) {
          const state = roll < 0.85 ? "published" : roll < 0.9 ? "in_review" : "draft";
          const rating = r.pick(ratings);
          const publishedAt = state === "published" ? created + DAY : null;
          insertVerdict.run(
            claimId,
            state,
            rating.id,
            `The record shows otherwise: ${s.claim.statement.slice(0, 60).toLowerCase()}`,
            `What ${s.claim.claimant.name} said does not match the evidence. `.repeat(4) + "Sources are linked below.",
            state === "published" ? JSON.stringify(links) : null,
            contributor,
            state === "published" ? reviewer : null,
            state === "draft" ? null : created + DAY / 2,
            publishedAt,
            created,
            publishedAt ?? created,
          );
          if (state === "published") info.published++;
        }
      }
      // Disputes: every group of three claims in a document is one event's competing accounts.
      for (let k = 0; k + 1 < disputeClaims.length; k += 3) {
        const question = `What happened in ${place} on day ${d * perDocument + k}?`;
        const disputeId = Number(
          insertDispute.run(`bench-${d + 1}-${k}-${slugify(place)}`, question, published, editor, at, at)
            .lastInsertRowid,
        );
        disputeClaims
          .slice(k, k + 3)
          .forEach((claimId, position) => insertAccount.run(disputeId, claimId, `Account ${position + 1}`, position));
        info.disputes++;
      }
    }
    info.evidence = evidenceIds.length;
  })();
  return info;
}
