import { sql } from "drizzle-orm";

// Readers see the published record, never the desk's working copy: a claim `c` as its published verdict version `v`
// presents it (`pc`, a row of `claim_versions`, and the rating `r` as published, from `rating_versions`), and
// claimants, documents and disputes as their current published versions. Every public query is written with these.

/** The published claims `c`, with their verdict `v`, the claim as published `pc` and the rating as published `r`. */
export const PUBLISHED = sql`join verdicts v on v.claim_id = c.id and v.state = 'published'
  join claim_versions pc on pc.id = v.claim_version_id
  left join rating_versions r on r.id = v.rating_version_id`;

/** The published claimant `cl` of the claim as published `pc`. */
export const PUBLISHED_CLAIMANT = sql`join claimant_versions cl on cl.claimant_id = pc.claimant_id and cl.superseded_at is null`;

/** The published document `d` of the claim `c`. */
export const PUBLISHED_DOCUMENT = sql`join document_versions d on d.document_id = c.document_id and d.superseded_at is null`;

/**
 * The language the published claim `pc` of claim `c` was made in: its own, else its document's as published. A
 * verdict's is `coalesce(v.language, <this>)`.
 */
export const PUBLISHED_CLAIM_LANGUAGE = sql`coalesce(pc.language, (select dl.language from document_versions dl
  where dl.document_id = c.document_id and dl.superseded_at is null))`;

/** The languages `PUBLISHED_LANGUAGES` reads (BCP 47, null when unknown). */
export type PublishedLanguages = { statementLanguage: string | null; language: string | null };

/** The languages of a published claim `pc`'s statement and its verdict `v`'s text: `statementLanguage`, `language`. */
export const PUBLISHED_LANGUAGES = sql`${PUBLISHED_CLAIM_LANGUAGE} as "statementLanguage",
  coalesce(v.language, ${PUBLISHED_CLAIM_LANGUAGE}) as language`;

/** The accounts `da` (claim_id, label, position) of disputes' published versions `dv` (dispute_id, slug, question…). */
export const PUBLISHED_ACCOUNTS = sql`dispute_version_accounts da
  join dispute_versions dv on dv.id = da.dispute_version_id and dv.superseded_at is null`;

/** Whether the published dispute version `dv` has an account with a published verdict. */
export const HAS_PUBLISHED_ACCOUNT = sql`exists (select 1 from dispute_version_accounts da
  join verdicts v on v.claim_id = da.claim_id and v.state = 'published' where da.dispute_version_id = dv.id)`;
