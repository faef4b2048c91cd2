import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { parseId } from "@/db/ids";
import { queryRow } from "@/db/sql";
import { PUBLISHED, PUBLISHED_ACCOUNTS, PUBLISHED_CLAIMANT, PUBLISHED_DOCUMENT } from "./public/published";

// What an export covers: its scope as SQL on the claims, on what readers see of them or on the desk's working copy.

/** What to export: everything, or one document, dispute or claimant (id or slug), and a date range. */
export type ExportScope = {
  claim?: string;
  document?: string;
  dispute?: string;
  claimant?: string;
  from?: string;
  to?: string;
};

/**
 * Published work only (anyone), or the desk's view (editors): every claim in scope, with
 * its published verdict or else its latest version, every version, and its evidence as it
 * stands now.
 */
export type ExportMode = { includeUnpublished: boolean };

// All digits is an id (0, matching nothing, when beyond any id); anything else a slug.
const byIdOrSlug = (table: string, value: string) =>
  /^\d+$/.test(value)
    ? sql`(select id from ${sql.raw(table)} where id = ${parseId(value) ?? 0})`
    : sql`(select id from ${sql.raw(table)} where slug = ${value})`;

/**
 * The scope as conditions on a claim `c` (document, claimant, dispute): on what readers see of it (the claim as
 * published `pc`, the disputes' published accounts), or, with unpublished work, on the desk's working copy.
 */
export function claimScope(s: ExportScope, mode: ExportMode = { includeUnpublished: false }): SQL[] {
  const where: SQL[] = [];
  if (s.claim) where.push(sql`c.id = ${byIdOrSlug("claims", s.claim)}`);
  if (s.document) where.push(sql`c.document_id = ${byIdOrSlug("documents", s.document)}`);
  if (s.claimant) {
    const claimant = byIdOrSlug("claimants", s.claimant);
    where.push(mode.includeUnpublished ? sql`c.claimant_id = ${claimant}` : sql`pc.claimant_id = ${claimant}`);
  }
  if (s.dispute) {
    const dispute = byIdOrSlug("disputes", s.dispute);
    where.push(
      mode.includeUnpublished
        ? sql`c.id in (select claim_id from dispute_accounts where dispute_id = ${dispute})`
        : sql`c.id in (select da.claim_id from ${PUBLISHED_ACCOUNTS} where dv.dispute_id = ${dispute})`,
    );
  }
  return where;
}

/**
 * The verdict `v` each claim `c` is exported with, the claim as that version published it `pc`, and the conditions of
 * the scope: the published version; or, with unpublished work, the latest version (none for a claim without one),
 * dated by publication, else its last change, else the claim's creation (`pc` is then null: the working copy).
 */
export function scoped(scope: ExportScope, mode: ExportMode): { join: SQL; where: SQL[] } {
  return mode.includeUnpublished
    ? {
        // A claim whose verdict is published is exported with it (a correction in the works
        // shows among the versions); any other, with its latest version.
        join: sql`left join verdicts v on v.id = coalesce(
          (select v1.id from verdicts v1 where v1.claim_id = c.id and v1.state = 'published'),
          (select v2.id from verdicts v2 where v2.claim_id = c.id order by v2.seq desc limit 1))
          left join claim_versions pc on pc.id = v.claim_version_id and v.state = 'published'`,
        where: [
          ...claimScope(scope, mode),
          ...dateRange(scope, sql`coalesce(v.published_at, v.updated_at, c.created_at)`),
        ],
      }
    : {
        join: sql`join verdicts v on v.claim_id = c.id and v.state = 'published'
          join claim_versions pc on pc.id = v.claim_version_id`,
        where: [...claimScope(scope, mode), ...dateRange(scope, sql`v.published_at`)],
      };
}

/** The date range, on a day column: `to` includes the whole day. */
export function dateRange(s: ExportScope, column: SQL): SQL[] {
  const where: SQL[] = [];
  if (s.from) where.push(sql`${column} >= ${Date.parse(s.from)}`);
  if (s.to) where.push(sql`${column} < ${Date.parse(s.to) + 86_400_000}`);
  return where;
}

/**
 * The names of the scope's claim, document, dispute and claimant — null where the id or
 * slug matches nothing, or (published work only) nothing published: an export must not tell
 * an anonymous caller that an unpublished record exists, let alone its name.
 */
export async function scopeNames(
  scope: ExportScope,
  mode: ExportMode,
): Promise<{ claim?: string | null; document?: string | null; dispute?: string | null; claimant?: string | null }> {
  const db = getDb();
  const named = async (table: string, nameColumn: string, value: string, published: SQL) =>
    (
      await queryRow<{ name: string }>(
        db,
        mode.includeUnpublished
          ? sql`select ${sql.raw(nameColumn)} as name from ${sql.raw(table)} t where t.id = ${byIdOrSlug(table, value)}`
          : sql`${published} = ${byIdOrSlug(table, value)}`,
      )
    )?.name ?? null;
  // Anonymous callers get the published names of published records only.
  const of = (select: string, from: SQL, key: string) =>
    sql`select ${sql.raw(select)} as name from claims c ${PUBLISHED} ${from} where ${sql.raw(key)}`;
  return {
    ...(scope.claim
      ? { claim: await named("claims", "statement", scope.claim, of("pc.statement", sql``, "c.id")) }
      : {}),
    ...(scope.document
      ? {
          document: await named(
            "documents",
            "title",
            scope.document,
            of("d.title", PUBLISHED_DOCUMENT, "d.document_id"),
          ),
        }
      : {}),
    ...(scope.dispute
      ? {
          dispute: await named(
            "disputes",
            "question",
            scope.dispute,
            sql`select dv.question as name from ${PUBLISHED_ACCOUNTS} join verdicts v on v.claim_id = da.claim_id and v.state = 'published' where dv.dispute_id`,
          ),
        }
      : {}),
    ...(scope.claimant
      ? {
          claimant: await named(
            "claimants",
            "name",
            scope.claimant,
            of("cl.name", PUBLISHED_CLAIMANT, "cl.claimant_id"),
          ),
        }
      : {}),
  };
}
