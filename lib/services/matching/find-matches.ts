import { z } from "zod";
import { getDatabase, getDb, type Database } from "@/db/client";
import { factCheckStamp, factChecksChangedSince } from "@/db/queries/fact-checks";
import type { FactCheck } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { Matcher } from "@/lib/matching/matcher";
import { loadWordVectors, type WordVectors } from "@/lib/matching/word-vectors";
import { parseInput } from "@/lib/validation/parse";

export const findMatchesInput = z.strictObject({
  text: z.string().trim().min(1, "is required").max(5_000, "must be at most 5,000 characters"),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(5),
});

export type MatchView = {
  kind: "fact-check";
  id: number;
  score: number;
  text: string;
  rating: string | null;
  url: string;
  publisher: string;
  publishedAt: string | null;
  /** The index terms the text and the match share (lib/matching/terms.ts), to show why they match. */
  terms: string[];
};

const REREAD_MS = 5 * 60_000;

type Library = {
  database: Database;
  matcher: Matcher<number>;
  rows: Map<number, FactCheck>;
  /** The library as last read: its count and latest change. */
  count: number;
  updatedAt: number;
};

// On globalThis, as the process's database is: a development server's reloads keep one index.
const holder = globalThis as unknown as {
  __claimdeskMatchLibrary?: Promise<Library>;
  __claimdeskVectors?: WordVectors;
};

const vectors = () => (holder.__claimdeskVectors ??= loadWordVectors());

/**
 * The known fact-checks in this process's matcher, brought up to date with the database first: one small query tells
 * whether anything changed (the count and the latest `updatedAt`); what changed since is read and put in again. A
 * library with fewer rows than read before (none are deleted today) is read whole again.
 */
async function library(): Promise<Library> {
  const database = getDatabase();
  let current = holder.__claimdeskMatchLibrary ? await holder.__claimdeskMatchLibrary : undefined;
  if (current?.database !== database) current = undefined;
  const stamp = await factCheckStamp();
  if (current && stamp.count === current.count && stamp.updatedAt === current.updatedAt) return current;
  const refreshed = refresh(database, current && stamp.count >= current.count ? current : undefined, stamp);
  holder.__claimdeskMatchLibrary = refreshed;
  refreshed.catch(() => holder.__claimdeskMatchLibrary === refreshed && delete holder.__claimdeskMatchLibrary);
  return refreshed;
}

async function refresh(
  database: Database,
  from: Library | undefined,
  stamp: { count: number; updatedAt: number },
): Promise<Library> {
  const lib: Library = from ?? { database, matcher: new Matcher(vectors()), rows: new Map(), count: 0, updatedAt: 0 };
  // A little before the last change seen: a write stamped earlier may have committed after it (re-reading is harmless).
  for (const row of await factChecksChangedSince(from ? from.updatedAt - REREAD_MS : 0)) {
    lib.matcher.set(row.id, `${row.claimReviewed} ${row.title ?? ""}`);
    lib.rows.set(row.id, row);
  }
  lib.count = stamp.count;
  lib.updatedAt = stamp.updatedAt;
  return lib;
}

/**
 * The known fact-checks closest to a text (a highlighted statement, a claim), best first, with the words they share
 * (contributor or above). Ranked by the matcher of lib/matching (BM25 re-ranked with word vectors). The desk's own
 * earlier claims are not matched yet.
 */
export async function findMatches(actor: Actor | null, raw: unknown): Promise<{ matches: MatchView[] }> {
  await authorize(getDb(), actor, "content:read-internal");
  const input = parseInput(findMatchesInput, raw);
  const lib = await library();
  const matches = lib.matcher.search(input.text, input.limit).map((hit) => {
    const row = lib.rows.get(hit.key)!;
    return {
      kind: "fact-check" as const,
      id: row.id,
      score: Math.round(hit.score * 1000) / 1000,
      text: row.claimReviewed,
      rating: row.rating,
      url: row.url,
      publisher: row.publisherName,
      publishedAt: row.reviewDate,
      terms: hit.terms,
    };
  });
  return { matches };
}
