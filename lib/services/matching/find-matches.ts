import { z } from "zod";
import { getDatabase, getDb, type Database } from "@/db/client";
import { factChecksChangedSince } from "@/db/queries/fact-checks";
import { changeStamps, claimMatchInfo, type ChangeStamp, claimsChangedSince, rejectedFor } from "@/db/queries/matching";
import type { FactCheck } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { claimPageUrl } from "@/lib/exports/public-claim-review";
import { Matcher } from "@/lib/matching/matcher";
import { loadWordVectors, type WordVectors } from "@/lib/matching/word-vectors";
import { parseInput } from "@/lib/validation/parse";
import { issueMessage } from "@/lib/i18n/text";

export const findMatchesInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, issueMessage("validation.required"))
    .max(5_000, issueMessage("validation.maxCharsGrouped", { max: 5_000 })),
  limit: z.coerce
    .number()
    .int()
    .min(1, issueMessage("validation.atLeast", { min: 1 }))
    .max(50, issueMessage("validation.atMost", { max: 50 }))
    .default(5),
  /**
   * The claim whose matches are asked for: it and the claims linked with it as repeats are left out, and so is what
   * the desk said is not the same claim (`match_rejections`).
   */
  claim: z.coerce.number().int().positive().optional(),
});

export type MatchView = {
  kind: "claim" | "fact-check";
  id: number;
  score: number;
  text: string;
  /** The rating's words: a fact-check's, or a claim's published verdict's (null while none is published). */
  rating: string | null;
  /** The review, or the claim: its public page once published, else its page on the desk. */
  url: string;
  /** The fact-checker; for the desk's claims, the desk (ORG_NAME). */
  publisher: string;
  /** When the review or the claim's verdict was published (YYYY-MM-DD); null when not. */
  publishedAt: string | null;
  /** For the desk's claims: the document it was highlighted in, and who made it. */
  document?: string;
  claimant?: { id: number; name: string };
  /** The index terms the text and the match share (lib/matching/terms.ts), to show why they match. */
  terms: string[];
};

/** A little before the last change seen: a write stamped earlier may have committed after it (re-read: harmless). */
const REREAD_MS = 5 * 60_000;

type Stamp = ChangeStamp;
const same = (a: Stamp, b: Stamp) => a.at === b.at && a.rows === b.rows;
/** The matcher's documents: known fact-checks (`f<id>`) and the desk's claims (`c<id>`). */
type Library = {
  database: Database;
  matcher: Matcher<string>;
  factChecks: Map<number, FactCheck>;
  /** Each of the desk's claims, and the claim it repeats (null for none). */
  repeatOf: Map<number, number | null>;
  stamps: { factChecks: Stamp; claims: Stamp };
};

// On globalThis, as the process's database is: a development server's reloads keep one index.
const holder = globalThis as unknown as {
  __claimdeskMatchLibrary?: Promise<Library>;
  __claimdeskVectors?: WordVectors;
};

const vectors = () => (holder.__claimdeskVectors ??= loadWordVectors());
/**
 * The known fact-checks and the desk's claims in this process's matcher, brought up to date with the database first:
 * one small query (each table's latest `updatedAt`, read from an index) tells whether anything changed; what changed
 * since (and a few minutes before) is read and put in again. A deleted claim is dropped when a search finds it gone.
 */
async function library(): Promise<Library> {
  const database = getDatabase();
  let current = holder.__claimdeskMatchLibrary ? await holder.__claimdeskMatchLibrary : undefined;
  if (current?.database !== database) current = undefined;
  const stamps = await changeStamps();
  if (current && same(stamps.factChecks, current.stamps.factChecks) && same(stamps.claims, current.stamps.claims))
    return current;
  const refreshed = refresh(database, current, stamps);
  holder.__claimdeskMatchLibrary = refreshed;
  refreshed.catch(() => holder.__claimdeskMatchLibrary === refreshed && delete holder.__claimdeskMatchLibrary);
  return refreshed;
}

async function refresh(database: Database, from: Library | undefined, stamps: Library["stamps"]): Promise<Library> {
  const lib: Library = from ?? {
    database,
    matcher: new Matcher(vectors()),
    factChecks: new Map(),
    repeatOf: new Map(),
    stamps: { factChecks: { at: 0, rows: 0 }, claims: { at: 0, rows: 0 } },
  };
  const since = (s: Stamp) => (from ? s.at - REREAD_MS : 0);
  for (const row of await factChecksChangedSince(since(lib.stamps.factChecks))) {
    lib.matcher.set(`f${row.id}`, `${row.claimReviewed} ${row.title ?? ""}`);
    lib.factChecks.set(row.id, row);
  }
  for (const row of await claimsChangedSince(since(lib.stamps.claims))) {
    lib.matcher.set(`c${row.id}`, `${row.statement} ${row.quote}`);
    lib.repeatOf.set(row.id, row.repeatOf === null ? null : Number(row.repeatOf));
  }
  lib.stamps = stamps;
  return lib;
}

/** What is not suggested for a claim: its repeat group (the claim it repeats and every repeat of that), rejections. */
async function leftOut(claimId: number, rootOf: (id: number) => number): Promise<Set<string>> {
  const root = rootOf(claimId);
  const left = new Set([`c${claimId}`, `c${root}`]);
  for (const key of await rejectedFor(claimId)) left.add(key);
  return left;
}

const day = (at: number | null) => (at === null ? null : new Date(Number(at)).toISOString().slice(0, 10));

/**
 * What was checked before that is closest to a text (a highlighted statement, a claim): the desk's own claims, in any
 * document, with their published verdicts, and the known fact-checks of other fact-checkers — best first, with the
 * words they share (contributor or above: the desk's unpublished work is among them). Ranked by the matcher of
 * lib/matching (BM25 re-ranked with word vectors).
 */
export async function findMatches(actor: Actor | null, raw: unknown): Promise<{ matches: MatchView[] }> {
  await authorize(getDb(), actor, "content:read-internal");
  const input = parseInput(findMatchesInput, raw);
  const lib = await library();
  // A repeat stands for the claim it repeats (which has the verdict): its words find that claim too.
  const rootOf = (id: number) => lib.repeatOf.get(id) ?? id;
  const left = input.claim === undefined ? new Set<string>() : await leftOut(input.claim, rootOf);
  const wanted = (key: string) =>
    !left.has(key) && !(key.startsWith("c") && left.has(`c${rootOf(Number(key.slice(1)))}`));
  // Room for repeats folded into their claim.
  const found = lib.matcher.search(input.text, input.limit * 3, wanted);
  const claimIds = found.filter((h) => h.key.startsWith("c")).map((h) => Number(h.key.slice(1)));
  const claims = await claimMatchInfo([...new Set([...claimIds, ...claimIds.map(rootOf)])]);
  const seen = new Set<string>();
  const hits = found
    .filter((h) => {
      if (h.key.startsWith("f") || claims.has(Number(h.key.slice(1)))) return true;
      // Deleted since the index read it.
      lib.matcher.delete(h.key);
      lib.repeatOf.delete(Number(h.key.slice(1)));
      return false;
    })
    .map((h) => (h.key.startsWith("c") ? { ...h, key: `c${rootOf(Number(h.key.slice(1)))}` } : h))
    .filter((h) => !seen.has(h.key) && seen.add(h.key))
    .slice(0, input.limit);
  const env = getEnv();
  const matches: MatchView[] = [];
  for (const hit of hits) {
    const id = Number(hit.key.slice(1));
    const score = Math.round(hit.score * 1000) / 1000;
    if (hit.key.startsWith("f")) {
      const row = lib.factChecks.get(id)!;
      matches.push({
        kind: "fact-check",
        id,
        score,
        text: row.claimReviewed,
        rating: row.rating,
        url: row.url,
        publisher: row.publisherName,
        publishedAt: row.reviewDate,
        terms: hit.terms,
      });
      continue;
    }
    const claim = claims.get(id);
    if (!claim) continue; // a repeat's claim, deleted since the index read it
    matches.push({
      kind: "claim",
      id,
      score,
      text: claim.statement,
      rating: claim.rating,
      url: claim.publishedAt === null ? `${env.publicBaseUrl}/editor/claims/${id}` : claimPageUrl(env, claim.slug),
      publisher: env.orgName,
      publishedAt: day(claim.publishedAt),
      document: claim.documentTitle,
      claimant: { id: Number(claim.claimantId), name: claim.claimantName },
      terms: hit.terms,
    });
  }
  return { matches };
}
