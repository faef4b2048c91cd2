import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { execute } from "@/db/sql";
import { claimVersions, documentRevisions, documentVersions, ratings, ratingVersions, type Claim } from "@/db/schema";
import { anchorExactly } from "@/lib/anchoring";
import { ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

// What readers see is the published record: a verdict version points at the claim and rating as they were published
// (`claim_versions`, `rating_versions`), and claimants, documents and disputes have published versions of their own.
// These write those records; nothing else does.

const CLAIM_FACTS = [
  "statement",
  // null: the document's language, as published (readers' queries coalesce the two).
  "language",
  "claimantId",
  "claimedAt",
  "quote",
  "prefix",
  "suffix",
  "revision",
  "start",
  "end",
] as const;
type ClaimFacts = Pick<Claim, (typeof CLAIM_FACTS)[number]>;

type Place = { exact: string; prefix: string; suffix: string; start: number; end: number; revision: number };

/**
 * Where a claim's quote stands in the text readers see of its document: the desk's place when that text is the one
 * published (or none is yet), else the quote found exactly in the published text — null when it is not there.
 */
export async function placeInPublishedText(tx: Tx, claim: Claim): Promise<Place | null> {
  const [published] = await tx
    .select({ revision: documentVersions.revision, text: documentRevisions.text })
    .from(documentVersions)
    .innerJoin(
      documentRevisions,
      and(
        eq(documentRevisions.documentId, documentVersions.documentId),
        eq(documentRevisions.revision, documentVersions.revision),
      ),
    )
    .where(and(eq(documentVersions.documentId, claim.documentId), isNull(documentVersions.supersededAt)));
  const sel = { exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix, start: claim.start, end: claim.end };
  if (!published || published.revision === claim.revision) return { ...sel, revision: claim.revision };
  const place = anchorExactly(published.text, sel);
  return place && { ...place, revision: published.revision };
}

/**
 * The claim as a verdict version being published presents it: its words, claimant and date as the desk has them (frozen
 * since the version went to review), its quote placed in the document's published text. Reuses the latest record when
 * nothing changed. Refuses (409) a quote that is not in the published text: its document's text is published first.
 */
export async function snapshotClaim(tx: Tx, claim: Claim): Promise<number> {
  // The desk's text may have moved on since it was last published: the quote is placed in the text readers see.
  const place = await placeInPublishedText(tx, claim);
  if (!place) {
    throw new ServiceError("conflict", text("errors.publication.quoteNotPublished"));
  }
  const facts: ClaimFacts = {
    statement: claim.statement,
    language: claim.language,
    claimantId: claim.claimantId,
    claimedAt: claim.claimedAt,
    quote: place.exact,
    prefix: place.prefix,
    suffix: place.suffix,
    revision: place.revision,
    start: place.start,
    end: place.end,
  };
  const [latest] = await tx
    .select()
    .from(claimVersions)
    .where(eq(claimVersions.claimId, claim.id))
    .orderBy(desc(claimVersions.id))
    .limit(1);
  if (latest && CLAIM_FACTS.every((f) => latest[f] === facts[f])) return latest.id;
  const [row] = await tx
    .insert(claimVersions)
    .values({ claimId: claim.id, ...facts })
    .returning({ id: claimVersions.id });
  return row!.id;
}

const RATING_WORDS = ["key", "label", "description", "colour", "ordinal", "translations"] as const;
/** Equal words: values, or translations (JSON) with the same content. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The rating as a verdict version being published shows it: its latest record if unchanged, else a new one. */
export async function snapshotRating(tx: Tx, ratingId: number | null): Promise<number | null> {
  if (ratingId === null) return null;
  const [rating] = await tx.select().from(ratings).where(eq(ratings.id, ratingId)).limit(1);
  const [latest] = await tx
    .select()
    .from(ratingVersions)
    .where(eq(ratingVersions.ratingId, ratingId))
    .orderBy(desc(ratingVersions.id))
    .limit(1);
  if (latest && RATING_WORDS.every((f) => same(latest[f], rating![f]))) return latest.id;
  const words = Object.fromEntries(RATING_WORDS.map((f) => [f, rating![f]])) as Pick<
    typeof rating & object,
    (typeof RATING_WORDS)[number]
  >;
  const [row] = await tx
    .insert(ratingVersions)
    .values({ ratingId, ...words })
    .returning({ id: ratingVersions.id });
  return row!.id;
}

/**
 * Gives the claimant, document and disputes of these published claims (all published claims without `claimIds`)
 * their first published version where they have none: a record becomes public with the first verdict that shows it,
 * reviewed with that verdict. Later changes to it are published on their own (`record-changes.ts`).
 */
export async function publishFirstVersions(tx: Tx | DB, claimIds?: number[]): Promise<void> {
  if (claimIds?.length === 0) return;
  const ids =
    claimIds &&
    sql.join(
      claimIds.map((id) => sql`${id}`),
      sql`, `,
    );
  const of = (column: SQL): SQL => (ids ? sql`and ${column} in (${ids})` : sql``);
  const published = sql`select 1 from claim_versions cv join verdicts v on v.claim_version_id = cv.id and v.published_at is not null`;
  await execute(
    tx,
    sql`insert into claimant_versions (seq, claimant_id, slug, name, description, same_as, kind)
      select 1, k.id, k.slug, k.name, k.description, k.same_as, k.kind from claimants k
      where exists (${published} where cv.claimant_id = k.id ${of(sql`cv.claim_id`)})
        and not exists (select 1 from claimant_versions kv where kv.claimant_id = k.id)`,
  );
  await execute(
    tx,
    sql`insert into document_versions (seq, document_id, slug, title, source_url, publisher, author, published_at, language, revision)
      select 1, d.id, d.slug, d.title, d.source_url, d.publisher, d.author, d.published_at, d.language, d.current_revision
      from documents d
      where exists (${published} join claims c on c.id = cv.claim_id where c.document_id = d.id ${of(sql`c.id`)})
        and not exists (select 1 from document_versions dv where dv.document_id = d.id)`,
  );
  await execute(
    tx,
    sql`insert into dispute_versions (seq, dispute_id, slug, question, description, event_date)
      select 1, d.id, d.slug, d.question, d.description, d.event_date from disputes d
      where exists (${published} join dispute_accounts da on da.claim_id = cv.claim_id where da.dispute_id = d.id ${of(sql`da.claim_id`)})
        and not exists (select 1 from dispute_versions dv where dv.dispute_id = d.id)`,
  );
  await execute(
    tx,
    sql`insert into dispute_version_accounts (dispute_version_id, claim_id, label, position)
      select dv.id, da.claim_id, da.label, da.position from dispute_versions dv
      join dispute_accounts da on da.dispute_id = dv.dispute_id
      where dv.seq = 1 and dv.superseded_at is null ${ids ? sql`and dv.dispute_id in (select dispute_id from dispute_accounts where claim_id in (${ids}))` : sql``}
        and not exists (select 1 from dispute_version_accounts dva where dva.dispute_version_id = dv.id)`,
  );
}

/**
 * Gives verdicts loaded in bulk as published (the demo, the benchmark's data set) the published records a publication
 * would have written: their claim and rating as they stand, and first versions of what they show.
 */
export async function backfillPublishedRecords(tx: Tx | DB): Promise<void> {
  await execute(
    tx,
    sql`insert into rating_versions (rating_id, key, label, description, translations, colour, ordinal)
      select r.id, r.key, r.label, r.description, r.translations, r.colour, r.ordinal from ratings r
      where exists (select 1 from verdicts v where v.rating_id = r.id and v.published_at is not null and v.rating_version_id is null)
        and not exists (select 1 from rating_versions rv where rv.rating_id = r.id)`,
  );
  await execute(
    tx,
    sql`update verdicts set rating_version_id = (select max(rv.id) from rating_versions rv where rv.rating_id = verdicts.rating_id)
      where published_at is not null and rating_id is not null and rating_version_id is null`,
  );
  await execute(
    tx,
    sql`insert into claim_versions (claim_id, statement, language, claimant_id, claimed_at, quote, prefix, suffix, revision, start, "end")
      select c.id, c.statement, c.language, c.claimant_id, c.claimed_at, c.quote, c.prefix, c.suffix, c.revision, c.start, c."end" from claims c
      where exists (select 1 from verdicts v where v.claim_id = c.id and v.published_at is not null and v.claim_version_id is null)`,
  );
  await execute(
    tx,
    sql`update verdicts set claim_version_id = (select max(cv.id) from claim_versions cv where cv.claim_id = verdicts.claim_id)
      where published_at is not null and claim_version_id is null`,
  );
  await publishFirstVersions(tx);
}
