import { and, asc, eq, gt, gte, inArray, isNull, max, notInArray, or, sql, type SQL } from "drizzle-orm";
import { instantOf } from "@/db/queries/shapes";
import { queryRows } from "@/db/sql";
import type { DB } from "@/db/client";
import { getDb } from "@/db/client";
import {
  auditEvents,
  claimants,
  claimantVersions,
  claims,
  disputeAccounts,
  disputes,
  disputeVersionAccounts,
  disputeVersions,
  documentRevisions,
  documents,
  documentVersions,
  users,
} from "@/db/schema";

/**
 * The records whose public details change only when a second editor publishes the change: claimants, documents and
 * disputes. The desk edits a working copy (the row in `claimants`, `documents`, `disputes`); readers see the current
 * published version. These read both side by side.
 */
export const RECORD_KINDS = ["claimant", "document", "dispute"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One public detail whose working copy differs from what readers see. */
export type FieldChange = { field: string; label: string; live: string | null; pending: string | null };

export type RecordChanges = {
  kind: RecordKind;
  id: number;
  /** The working copy's version (an optimistic lock for publishing or discarding). */
  version: number;
  /** The current published version, or null while the record is not public (it goes public with its first verdict). */
  published: { seq: number; at: Date; by: string | null; note: string | null } | null;
  /** Every public detail, as readers see it and as the desk has it. */
  fields: FieldChange[];
  /** The details that differ (all that are set, for a record never published): what publishing would show readers. */
  changes: FieldChange[];
  /** Who changed the record since it was last published (none of them may publish it). */
  editors: { id: number; name: string }[];
};

type Details = Record<string, string | null>;
type Published = { seq: number; createdAt: Date; createdBy: number | null; note: string | null };
type Loaded = { version: number; working: Details; live: Details | null; published: Published | null };

const LABELS: Record<RecordKind, Record<string, string>> = {
  claimant: { name: "Name", description: "Role or affiliation", sameAs: "Identifying link (sameAs)", kind: "Kind" },
  document: {
    title: "Title",
    publisher: "Publisher",
    author: "Author",
    publishedAt: "Date",
    sourceUrl: "Source URL",
    language: "Language",
    revision: "Text",
  },
  dispute: { question: "Question", description: "Description", eventDate: "Event date", accounts: "Accounts" },
};

/** The accounts of a dispute as one comparable text: a line per account, "label — statement", in order. */
async function accountLines(db: DB, rows: { claimId: number; label: string }[]): Promise<string | null> {
  if (rows.length === 0) return null;
  const found = await db
    .select({ id: claims.id, statement: claims.statement })
    .from(claims)
    .where(
      inArray(
        claims.id,
        rows.map((r) => r.claimId),
      ),
    );
  const statements = new Map(found.map((c) => [c.id, c.statement]));
  return rows.map((r) => `${r.label} — ${statements.get(r.claimId) ?? `claim ${r.claimId}`}`).join("\n");
}

async function loadClaimant(db: DB, id: number): Promise<Loaded | null> {
  const [w] = await db.select().from(claimants).where(eq(claimants.id, id)).limit(1);
  if (!w) return null;
  const [p] = await db
    .select()
    .from(claimantVersions)
    .where(and(eq(claimantVersions.claimantId, id), isNull(claimantVersions.supersededAt)))
    .limit(1);
  const details = (r: Pick<typeof w, "name" | "description" | "sameAs" | "kind">) => ({
    name: r.name,
    description: r.description,
    sameAs: r.sameAs,
    kind: r.kind,
  });
  return { version: w.version, working: details(w), live: p ? details(p) : null, published: p ?? null };
}

async function loadDocument(db: DB, id: number): Promise<Loaded | null> {
  const [w] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  if (!w) return null;
  const [p] = await db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, id), isNull(documentVersions.supersededAt)))
    .limit(1);
  type Fields = Pick<typeof w, "title" | "publisher" | "author" | "publishedAt" | "sourceUrl" | "language">;
  const details = (r: Fields, revision: number) => ({
    title: r.title,
    publisher: r.publisher,
    author: r.author,
    publishedAt: r.publishedAt,
    sourceUrl: r.sourceUrl,
    language: r.language,
    revision: `revision ${revision}`,
  });
  // The text is compared by its words: a text put back as it was published is no change, whatever its revision.
  const sameText =
    p !== undefined &&
    (p.revision === w.currentRevision ||
      (
        await db
          .select({ revision: documentRevisions.revision })
          .from(documentRevisions)
          .where(
            and(
              eq(documentRevisions.documentId, id),
              eq(documentRevisions.revision, w.currentRevision),
              eq(
                documentRevisions.text,
                db
                  .select({ text: documentRevisions.text })
                  .from(documentRevisions)
                  .where(and(eq(documentRevisions.documentId, id), eq(documentRevisions.revision, p.revision))),
              ),
            ),
          )
      ).length > 0);
  return {
    version: w.version,
    working: details(w, sameText ? p.revision : w.currentRevision),
    live: p ? details(p, p.revision) : null,
    published: p ?? null,
  };
}

async function loadDispute(db: DB, id: number): Promise<Loaded | null> {
  const [w] = await db.select().from(disputes).where(eq(disputes.id, id)).limit(1);
  if (!w) return null;
  const [p] = await db
    .select()
    .from(disputeVersions)
    .where(and(eq(disputeVersions.disputeId, id), isNull(disputeVersions.supersededAt)))
    .limit(1);
  const details = async (
    r: Pick<typeof w, "question" | "description" | "eventDate">,
    accounts: { claimId: number; label: string }[],
  ) => ({
    question: r.question,
    description: r.description,
    eventDate: r.eventDate,
    accounts: await accountLines(db, accounts),
  });
  const working = await details(
    w,
    await db
      .select({ claimId: disputeAccounts.claimId, label: disputeAccounts.label })
      .from(disputeAccounts)
      .where(eq(disputeAccounts.disputeId, id))
      .orderBy(asc(disputeAccounts.position), asc(disputeAccounts.id)),
  );
  const live = p
    ? await details(
        p,
        await db
          .select({ claimId: disputeVersionAccounts.claimId, label: disputeVersionAccounts.label })
          .from(disputeVersionAccounts)
          .where(eq(disputeVersionAccounts.disputeVersionId, p.id))
          .orderBy(asc(disputeVersionAccounts.position), asc(disputeVersionAccounts.id)),
      )
    : null;
  return { version: w.version, working, live, published: p ?? null };
}

const LOADERS: Record<RecordKind, (db: DB, id: number) => Promise<Loaded | null>> = {
  claimant: loadClaimant,
  document: loadDocument,
  dispute: loadDispute,
};

/** The actions on a record that publish or discard its changes: they are not edits of it. */
export const publicationActions = (kind: RecordKind) => [`${kind}.publish`, `${kind}.discard_changes`];

/**
 * The audit events of changes made since the record's current version was published: those from the very millisecond
 * it was made (an edit in that millisecond is no part of it, or may not be: it counts), and, whatever the app's and the
 * database's clocks say, every one recorded after the publication's own event.
 */
async function editedSince(db: DB, kind: RecordKind, id: number, publishedAt: Date): Promise<SQL> {
  const [last] = await db
    .select({ id: max(auditEvents.id) })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityType, kind), eq(auditEvents.entityId, id), eq(auditEvents.action, `${kind}.publish`)),
    );
  const byClock = gte(auditEvents.at, publishedAt);
  return last?.id ? or(byClock, gt(auditEvents.id, last.id))! : byClock;
}

/** A claimant's, document's or dispute's details as readers see them and as the desk has them; null if none such. */
export async function getRecordChanges(kind: RecordKind, id: number, db: DB = getDb()): Promise<RecordChanges | null> {
  const loaded = await LOADERS[kind](db, id);
  if (!loaded) return null;
  const labels = LABELS[kind];
  const fields: FieldChange[] = Object.entries(labels).map(([field, label]) => ({
    field,
    label,
    live: loaded.live?.[field] ?? null,
    pending: loaded.working[field] ?? null,
  }));
  const p = loaded.published;
  const editors = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entityType, kind),
        eq(auditEvents.entityId, id),
        notInArray(auditEvents.action, publicationActions(kind)),
        ...(p ? [await editedSince(db, kind, id, p.createdAt)] : []),
      ),
    )
    .orderBy(asc(users.name));
  const by = p?.createdBy
    ? ((await db.select({ name: users.name }).from(users).where(eq(users.id, p.createdBy)).limit(1))[0]?.name ?? null)
    : null;
  return {
    kind,
    id,
    version: loaded.version,
    published: p ? { seq: p.seq, at: p.createdAt, by, note: p.note } : null,
    fields,
    changes: fields.filter((f) => f.live !== f.pending),
    editors,
  };
}

/** A claimant, document or dispute with changes waiting for publication, for the work queue. */
export type PendingRecord = { kind: RecordKind; id: number; title: string; at: Date };

const differs = (columns: string[]) => sql.raw(columns.map((c) => `w.${c} is distinct from p.${c}`).join(" or "));

/** Every public claimant, document and dispute whose working copy differs from what readers see, latest first. */
export async function listPendingRecords(limit = 50): Promise<PendingRecord[]> {
  const rows = await queryRows<Omit<PendingRecord, "at"> & { at: number }>(
    getDb(),
    sql`
    select 'claimant' as kind, w.id as id, w.name as title, w.updated_at as at
    from claimants w join claimant_versions p on p.claimant_id = w.id and p.superseded_at is null
    where ${differs(["name", "description", "same_as", "kind"])}
    union all
    select 'document', w.id, w.title, w.updated_at
    from documents w join document_versions p on p.document_id = w.id and p.superseded_at is null
    where ${differs(["title", "source_url", "publisher", "author", "published_at", "language"])}
      or (w.current_revision <> p.revision
        and (select text from document_revisions r where r.document_id = w.id and r.revision = w.current_revision)
          <> (select text from document_revisions r where r.document_id = w.id and r.revision = p.revision))
    union all
    select 'dispute', w.id, w.question, w.updated_at
    from disputes w join dispute_versions p on p.dispute_id = w.id and p.superseded_at is null
    where ${differs(["question", "description", "event_date"])}
      or exists (select 1 from dispute_accounts a where a.dispute_id = w.id and not exists (
        select 1 from dispute_version_accounts pa where pa.dispute_version_id = p.id and pa.claim_id = a.claim_id and pa.label = a.label))
      or exists (select 1 from dispute_version_accounts pa where pa.dispute_version_id = p.id and not exists (
        select 1 from dispute_accounts a where a.dispute_id = w.id and a.claim_id = pa.claim_id))
    order by 4 desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, at: instantOf(r.at) }));
}
