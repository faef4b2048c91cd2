/**
 * The whole Claimdesk data model as SQLite tables (the README's data model). `db/tables/pg.ts` mirrors it for
 * PostgreSQL with the same column names, storage and TypeScript types; `db/schema.ts` exports the engine's set.
 *
 * Conventions:
 * - integer primary keys; public records also carry a unique `slug`.
 * - instants are integer milliseconds (`timestamp_ms`); calendar dates (a document's
 *   publication date, the day a claim was made) are ISO `YYYY-MM-DD` text.
 * - every editable record has `version`, an optimistic-lock counter bumped on each write.
 * - text positions (`start`, `end`) count Unicode code points of the canonical text.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type SQLiteColumn } from "drizzle-orm/sqlite-core";

import {
  ANCHOR_STATUSES,
  CLAIMANT_KINDS,
  MATCH_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  OUTBOX_KINDS,
  PRIORITIES,
  REMINDER_KINDS,
  ROLES,
  TOKEN_SCOPES,
  SOURCE_TYPES,
  STANCES,
  VERDICT_STATES,
  type SourceType,
  type Stance,
} from "../enums";

/** A CHECK that a text column holds one of a fixed vocabulary. */
const inList = (column: SQLiteColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;

/** One evidence item as cited by a published verdict version. */
export type EvidenceSnapshotItem = {
  evidenceId: number;
  stance: Stance;
  url: string;
  archiveUrl: string | null;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  excerpt: string | null;
  sourceType: SourceType;
};

/** One more place a claim was made (a repeat), as a published verdict version lists it. */
export type AppearanceSnapshotItem = {
  claimId: number;
  documentId: number;
  documentTitle: string;
  /** The article's own address, if the desk recorded one. */
  sourceUrl: string | null;
  publisher: string | null;
  documentPublishedAt: string | null;
  claimant: { name: string; sameAs: string | null };
  claimedAt: string | null;
  quote: string;
};

/** A rating's label and description in interface languages other than the one they were written in, by locale. */
export type RatingTranslations = Record<string, { label: string; description: string }>;

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const version = () => integer("version").notNull().default(1);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    /** The interface language the account chose (a locale of lib/i18n/locales.json); null: the browser's. */
    locale: text("locale"),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    /**
     * No longer read (sessions are rows of `sessions`). Kept for one release, so that servers of the previous one,
     * still running during a rolling upgrade, can read it; dropped in a later release.
     */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), check("users_role_check", inList(t.role, ROLES))],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token, to recognise it in a list. */
    tokenPrefix: text("token_prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    /** After this instant the token no longer works (older tokens got 90 days from the upgrade that added it). */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** `read`: GET requests only; `write`: anything its owner may do (TOKEN_SCOPES). */
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull().default("read"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_unique").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
    check("api_tokens_scope_check", inList(t.scope, TOKEN_SCOPES)),
  ],
);

/**
 * Signed-in sessions, one per sign-in. The session cookie (a JWT sealed with AUTH_SECRET) names its row by a random
 * id; a request is signed in only while that row is live: not ended, and younger than a session's lifetime. Signing
 * out ends the row; a password change or disabling the account ends all of the account's rows.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the session id, hex: the id itself is only in the cookie. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** When it was signed out or ended with the account's other sessions; null while live. */
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_created_idx").on(t.createdAt)],
);

/**
 * Failed sign-ins, by normalised email (whether or not the account exists) and the client address they came from.
 * Each attempt is written as a failure before its password is checked, and removed if it succeeds.
 */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    /** The client address (lib/http/client-address.ts); empty when not known (the command line, tests). */
    address: text("address").notNull().default(""),
    attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("login_failures_email_at_idx").on(t.email, t.attemptedAt),
    index("login_failures_address_at_idx").on(t.address, t.attemptedAt),
    index("login_failures_at_idx").on(t.attemptedAt),
  ],
);

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    /** Null when the change came from the command line (see `actorLabel`). */
    actorId: integer("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_at_idx").on(t.at),
  ],
);

export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    sourceUrl: text("source_url"),
    publisher: text("publisher"),
    author: text("author"),
    publishedAt: text("published_at"),
    language: text("language"),
    /** Number of the latest revision in `document_revisions`. */
    currentRevision: integer("current_revision").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("documents_slug_unique").on(t.slug), index("documents_created_idx").on(t.createdAt)],
);

export const documentRevisions = sqliteTable(
  "document_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    /** Canonical plain text: `\n` line ends, NFC, paragraphs separated by a blank line. */
    text: text("text").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_revisions_doc_rev_unique").on(t.documentId, t.revision)],
);

export const claimants = sqliteTable(
  "claimants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Role or affiliation, e.g. "Russia's foreign minister". */
    description: text("description"),
    /** An identifying URL such as a Wikidata item. */
    sameAs: text("same_as"),
    /**
     * Person or organisation; null when not known (ClaimReview then guesses from the name).
     * The column's CHECK is in migration 0005 (added by ALTER TABLE: a table check would
     * make drizzle-kit rebuild the table, which its migrator cannot do under claims' keys).
     */
    kind: text("kind", { enum: CLAIMANT_KINDS }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("claimants_slug_unique").on(t.slug), index("claimants_name_idx").on(t.name)],
);

export const claims = sqliteTable(
  "claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    /** The document revision the selectors below refer to. */
    revision: integer("revision").notNull(),
    claimantId: integer("claimant_id")
      .notNull()
      .references(() => claimants.id),
    statement: text("statement").notNull(),
    /** The language the claim was made in (BCP 47); null: its document's. */
    language: text("language"),
    claimedAt: text("claimed_at"),
    // W3C TextQuoteSelector
    quote: text("quote").notNull(),
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    // W3C TextPositionSelector, in code points
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    anchorStatus: text("anchor_status", { enum: ANCHOR_STATUSES }).notNull().default("anchored"),
    /**
     * Set when this highlight is a repeat of another claim: one more appearance of that claim (its own document,
     * quote, claimant and date), which has the verdict. Always a claim that is not itself a repeat.
     */
    repeatOf: integer("repeat_of").references((): SQLiteColumn => claims.id),
    /** Who is working on the claim; null: it is in the unassigned queue. Never public. */
    assigneeId: integer("assignee_id").references(() => users.id),
    /** Who should review its verdict; null: any editor. Never public. */
    reviewerId: integer("reviewer_id").references(() => users.id),
    /** When the work is due (an instant; a date given alone is due at the end of that day, UTC). */
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    /** One of PRIORITIES, checked by the services (no CHECK: SQLite would rebuild the table and the rows citing it). */
    priority: text("priority", { enum: PRIORITIES }).notNull().default("normal"),
    /**
     * When its work ended: the first publication of a verdict on it (a database trigger sets it, whatever writes the
     * verdict). Null while it is open work, which the work queue lists.
     */
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("claims_slug_unique").on(t.slug),
    // Partial: finding a claim's repeats (`repeat_of = ?`) uses it, and the planner never takes it for the claims
    // that are not repeats (nearly all of them) over the work queue's partial indexes.
    index("claims_repeat_of_idx")
      .on(t.repeatOf)
      .where(sql`${t.repeatOf} is not null`),
    // The matcher's check for changed claims reads the latest one (db/queries/matching.ts).
    index("claims_updated_idx").on(t.updatedAt),
    index("claims_document_idx").on(t.documentId, t.start),
    index("claims_claimant_idx").on(t.claimantId),
    index("claims_anchor_status_idx").on(t.anchorStatus),
    // The work queue: open claims that are not repeats, by assignee and by deadline.
    index("claims_open_assignee_idx")
      .on(t.assigneeId, t.dueAt)
      .where(sql`${t.closedAt} is null and ${t.repeatOf} is null`),
    index("claims_open_due_idx")
      .on(t.dueAt)
      .where(sql`${t.closedAt} is null and ${t.repeatOf} is null`),
    index("claims_reviewer_idx").on(t.reviewerId),
    check("claims_span_check", sql`${t.start} >= 0 and ${t.end} > ${t.start}`),
    check("claims_anchor_status_check", inList(t.anchorStatus, ANCHOR_STATUSES)),
  ],
);

export const disputes = sqliteTable(
  "disputes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    question: text("question").notNull(),
    description: text("description"),
    eventDate: text("event_date"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("disputes_slug_unique").on(t.slug),
    // The public lists of disputes, most recently changed first, stop after a page.
    index("disputes_updated_idx").on(t.updatedAt),
  ],
);

/** A claim taking part in a dispute, with the label of its account ("Russian account"). */
export const disputeAccounts = sqliteTable(
  "dispute_accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    disputeId: integer("dispute_id")
      .notNull()
      .references(() => disputes.id, { onDelete: "cascade" }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("dispute_accounts_unique").on(t.disputeId, t.claimId),
    index("dispute_accounts_claim_idx").on(t.claimId),
  ],
);

export const evidence = sqliteTable(
  "evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url").notNull(),
    archiveUrl: text("archive_url"),
    title: text("title").notNull(),
    publisher: text("publisher"),
    publishedAt: text("published_at"),
    excerpt: text("excerpt"),
    sourceType: text("source_type", { enum: SOURCE_TYPES }).notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index("evidence_url_idx").on(t.url), check("evidence_source_type_check", inList(t.sourceType, SOURCE_TYPES))],
);

/** The claim↔evidence link: one evidence item may support one account and refute another. */
export const claimEvidence = sqliteTable(
  "claim_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    evidenceId: integer("evidence_id")
      .notNull()
      .references(() => evidence.id),
    stance: text("stance", { enum: STANCES }).notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("claim_evidence_unique").on(t.claimId, t.evidenceId),
    index("claim_evidence_evidence_idx").on(t.evidenceId),
    check("claim_evidence_stance_check", inList(t.stance, STANCES)),
  ],
);

export const ratings = sqliteTable(
  "ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
    /** The label and description in other interface languages; a locale without them shows these. */
    translations: text("translations", { mode: "json" }).$type<RatingTranslations>(),
    /** CSS colour, e.g. `#1a7f37`. */
    colour: text("colour").notNull(),
    /** Display order on the scale. */
    position: integer("position").notNull(),
    /** ClaimReview `ratingValue` (1 = worst); null for ratings outside the true–false order. */
    ordinal: integer("ordinal"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("ratings_key_unique").on(t.key), index("ratings_position_idx").on(t.position)],
);

/**
 * One version of the verdict on a claim. A correction adds a row with the next `seq`;
 * publishing it marks the previous published row `superseded`. Nothing is overwritten.
 */
export const verdicts = sqliteTable(
  "verdicts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    seq: integer("seq").notNull(),
    state: text("state", { enum: VERDICT_STATES }).notNull().default("draft"),
    ratingId: integer("rating_id").references(() => ratings.id),
    summary: text("summary").notNull().default(""),
    rationale: text("rationale").notNull().default(""),
    /** The language the summary, rationale and notes are written in (BCP 47); null: the claim's. */
    language: text("language"),
    /** Public note published with a correction (seq > 1). */
    correctionNote: text("correction_note"),
    /**
     * The evidence as it stood when this version was published: what the public sees. Later
     * edits to the claim's evidence reach readers only with a published correction.
     */
    evidenceSnapshot: text("evidence_snapshot", { mode: "json" }).$type<EvidenceSnapshotItem[]>(),
    /** The claim's repeats (other appearances) as they stood when this version was published. Set at publication. */
    appearancesSnapshot: text("appearances_snapshot", { mode: "json" }).$type<AppearanceSnapshotItem[]>(),
    /**
     * What this version was about when it was published (statement, claimant, date, quote): readers see that, never
     * the claim's working copy, until a correction is published. Set at publication.
     */
    claimVersionId: integer("claim_version_id").references(() => claimVersions.id),
    /** The rating's label, colour and description as this version was published with them. Set at publication. */
    ratingVersionId: integer("rating_version_id").references(() => ratingVersions.id),
    retractionReason: text("retraction_reason"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    reviewerId: integer("reviewer_id").references(() => users.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    retractedAt: integer("retracted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("verdicts_claim_seq_unique").on(t.claimId, t.seq),
    index("verdicts_state_published_idx").on(t.state, t.publishedAt),
    index("verdicts_author_state_idx").on(t.authorId, t.state),
    index("verdicts_rating_idx").on(t.ratingId),
    index("verdicts_claim_version_idx").on(t.claimVersionId),
    check("verdicts_state_check", inList(t.state, VERDICT_STATES)),
    // At most one published version and one version in the works per claim.
    uniqueIndex("verdicts_one_published")
      .on(t.claimId)
      .where(sql`state = 'published'`),
    uniqueIndex("verdicts_one_open")
      .on(t.claimId)
      .where(sql`state in ('draft', 'in_review')`),
    // The public search filtered by rating, newest first.
    index("verdicts_published_rating_idx")
      .on(t.ratingId, t.publishedAt)
      .where(sql`state = 'published'`),
  ],
);

/**
 * A claim as a published verdict version presents it: its statement, claimant, date and quote with its place. Written
 * when a verdict version is published (a correction that changes none of them reuses the row) and never changed.
 */
export const claimVersions = sqliteTable(
  "claim_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    statement: text("statement").notNull(),
    language: text("language"),
    claimantId: integer("claimant_id")
      .notNull()
      .references(() => claimants.id),
    claimedAt: text("claimed_at"),
    quote: text("quote").notNull(),
    prefix: text("prefix").notNull(),
    suffix: text("suffix").notNull(),
    /** The document revision the place below refers to. */
    revision: integer("revision").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("claim_versions_claim_idx").on(t.claimId), index("claim_versions_claimant_idx").on(t.claimantId)],
);

/** A rating's words and colour as verdicts were published with them (a new row when they change). */
export const ratingVersions = sqliteTable(
  "rating_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ratingId: integer("rating_id")
      .notNull()
      .references(() => ratings.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull(),
    translations: text("translations", { mode: "json" }).$type<RatingTranslations>(),
    colour: text("colour").notNull(),
    ordinal: integer("ordinal"),
    createdAt: createdAt(),
  },
  (t) => [index("rating_versions_rating_idx").on(t.ratingId)],
);

// The published versions of claimants, documents and disputes: what readers see of them. The row in `claimants`,
// `documents` or `disputes` is the desk's working copy; a change to it reaches readers when a second editor publishes
// it as a new version (the one whose `superseded_at` is null is current). A record's first version is published with
// the first verdict that shows it.
const publishedVersion = () => ({
  id: integer("id").primaryKey({ autoIncrement: true }),
  seq: integer("seq").notNull(),
  /** The public note on what changed, if readers' understanding changes (none on a first version). */
  note: text("note"),
  /** Who published it: null for a first version (published with a verdict) and for those from before versions. */
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
  supersededAt: integer("superseded_at", { mode: "timestamp_ms" }),
});

/** Every published-version table's indexes: one row per `seq`, one current version, the current found by slug. */
const versionIndexes = (kind: string, owner: SQLiteColumn, t: { seq: SQLiteColumn; slug: SQLiteColumn }) => [
  uniqueIndex(`${kind}_versions_seq_unique`).on(owner, t.seq),
  uniqueIndex(`${kind}_versions_current`)
    .on(owner)
    .where(sql`superseded_at is null`),
  // Public pages find the current version by slug.
  index(`${kind}_versions_slug_idx`).on(t.slug),
];

export const claimantVersions = sqliteTable(
  "claimant_versions",
  {
    ...publishedVersion(),
    claimantId: integer("claimant_id")
      .notNull()
      .references(() => claimants.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    sameAs: text("same_as"),
    kind: text("kind", { enum: CLAIMANT_KINDS }),
  },
  (t) => versionIndexes("claimant", t.claimantId, t),
);

export const documentVersions = sqliteTable(
  "document_versions",
  {
    ...publishedVersion(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    sourceUrl: text("source_url"),
    publisher: text("publisher"),
    author: text("author"),
    /** The article's date (`YYYY-MM-DD`), as in `documents`. */
    publishedAt: text("published_at"),
    language: text("language"),
    /** The text revision readers see. */
    revision: integer("revision").notNull(),
  },
  (t) => versionIndexes("document", t.documentId, t),
);

export const disputeVersions = sqliteTable(
  "dispute_versions",
  {
    ...publishedVersion(),
    disputeId: integer("dispute_id")
      .notNull()
      .references(() => disputes.id),
    slug: text("slug").notNull(),
    question: text("question").notNull(),
    description: text("description"),
    eventDate: text("event_date"),
  },
  (t) => [
    ...versionIndexes("dispute", t.disputeId, t),
    // The public list of disputes, most recently published first.
    index("dispute_versions_created_idx").on(t.createdAt),
  ],
);

/** The accounts of a published dispute version, with their labels, in order. */
export const disputeVersionAccounts = sqliteTable(
  "dispute_version_accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    disputeVersionId: integer("dispute_version_id")
      .notNull()
      .references(() => disputeVersions.id, { onDelete: "cascade" }),
    /** A claim deleted from the desk (only one never published can be) leaves the account: readers never saw it. */
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("dispute_version_accounts_unique").on(t.disputeVersionId, t.claimId),
    index("dispute_version_accounts_claim_idx").on(t.claimId),
  ],
);

/** Internal review conversation on a claim; never public. */
export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    verdictId: integer("verdict_id").references(() => verdicts.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    /** `changes_requested` comments are written by the request-changes workflow step. */
    kind: text("kind", { enum: ["comment", "changes_requested"] })
      .notNull()
      .default("comment"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_claim_idx").on(t.claimId, t.createdAt),
    check("comments_kind_check", sql`${t.kind} in ('comment', 'changes_requested')`),
  ],
);

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type DocumentRevision = typeof documentRevisions.$inferSelect;
export type Claimant = typeof claimants.$inferSelect;
export type Claim = typeof claims.$inferSelect;
export type Dispute = typeof disputes.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
export type Verdict = typeof verdicts.$inferSelect;
export type ClaimVersion = typeof claimVersions.$inferSelect;
export type ClaimantVersion = typeof claimantVersions.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type DisputeVersion = typeof disputeVersions.$inferSelect;

/** When each cache tag was last invalidated (ms): kept public pages older than that are not served. */
export const cacheInvalidations = sqliteTable("cache_invalidations", {
  tag: text("tag").primaryKey(),
  invalidatedAt: integer("invalidated_at").notNull(),
});

/**
 * Requests counted against a rate limit (lib/services/rate-limit.ts): per key, such as anonymous exports from one
 * client address, the requests of the current window and when it ends. Every server counts in the same rows.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    /** When the window ends and the count starts again. */
    resetAt: integer("reset_at", { mode: "timestamp_ms" }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [index("rate_limits_reset_idx").on(t.resetAt)],
);

/**
 * Other fact-checkers' published reviews (ClaimReview), imported by editors so that new claims can be matched against
 * them (lib/services/fact-checks/import-fact-checks.ts). A review is identified by its URL, normalised (scheme and host
 * in lower case, no fragment): importing it again updates the row. Dates are ISO `YYYY-MM-DD` text.
 */
export const factChecks = sqliteTable(
  "fact_checks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The review's address, normalised. */
    url: text("url").notNull(),
    claimReviewed: text("claim_reviewed").notNull(),
    /** The rating's words (`alternateName`, else `name`, else "value/best"); null when the review gives none. */
    rating: text("rating"),
    /** The fact-checker. */
    publisherName: text("publisher_name").notNull(),
    publisherUrl: text("publisher_url"),
    /** Who made the claim. */
    claimant: text("claimant"),
    /** When the claim was made, and when the review was published. */
    claimDate: text("claim_date"),
    reviewDate: text("review_date"),
    /** BCP 47, e.g. `en` or `pt-BR`. */
    language: text("language"),
    /** The review's headline. */
    title: text("title"),
    /** Who imported the review or its last change; null for the command line. */
    importedBy: integer("imported_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("fact_checks_url_unique").on(t.url),
    index("fact_checks_review_date_idx").on(t.reviewDate),
    index("fact_checks_updated_idx").on(t.updatedAt),
  ],
);

export type FactCheck = typeof factChecks.$inferSelect;

/**
 * A suggested match someone on the desk said is not the same claim: it is not suggested again for that claim. For a
 * pair of the desk's claims the refusal holds both ways.
 */
export const matchRejections = sqliteTable(
  "match_rejections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MATCH_KINDS }).notNull(),
    /** A claim's id or a known fact-check's id, by `kind`. */
    candidateId: integer("candidate_id").notNull(),
    rejectedBy: integer("rejected_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("match_rejections_unique").on(t.claimId, t.kind, t.candidateId),
    index("match_rejections_candidate_idx").on(t.kind, t.candidateId),
    check("match_rejections_kind_check", inList(t.kind, MATCH_KINDS)),
  ],
);

export type MatchRejection = typeof matchRejections.$inferSelect;

/**
 * What a person was told of, in the app (lib/notifications). The words are made when it is read, in the reader's
 * language, from `kind` and `data` (the claim's statement as it was, who did it, the due instant…).
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    claimId: integer("claim_id").references(() => claims.id, { onDelete: "cascade" }),
    /** Who caused it; null: the desk itself (a reminder) or the command line. */
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    data: text("data", { mode: "json" }).$type<NotificationData>().notNull(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    check("notifications_kind_check", inList(t.kind, NOTIFICATION_KINDS)),
  ],
);

/** What a notification remembers of its moment, to be worded when it is read. */
export type NotificationData = {
  statement?: string;
  actor?: string;
  dueAt?: string;
  count?: number;
  /** For `assigned`: whether the person was made the claim's assignee or its reviewer. */
  role?: "assignee" | "reviewer";
  /** For `mentioned`: the start of the comment. */
  excerpt?: string;
  /** For `claims_returned`: whose account was disabled. */
  person?: string;
};

/** Where a person wants each kind of notification; a kind without a row goes to both the app and email. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
  },
  (t) => [
    uniqueIndex("notification_preferences_unique").on(t.userId, t.kind),
    check("notification_preferences_kind_check", inList(t.kind, NOTIFICATION_KINDS)),
    check("notification_preferences_channel_check", inList(t.channel, NOTIFICATION_CHANNELS)),
  ],
);

/** An endpoint an admin registered to hear of the desk's events by signed HTTP POSTs (lib/webhooks). */
export const webhooks = sqliteTable("webhooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  /** The events it hears of (db/enums.ts WEBHOOK_EVENTS). */
  events: text("events", { mode: "json" }).$type<string[]>().notNull(),
  /** The HMAC-SHA256 key its deliveries are signed with; never shown again after it is set. */
  secret: text("secret").notNull(),
  description: text("description"),
  /** Set when an admin paused it: no new deliveries are made for it. */
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export type Webhook = typeof webhooks.$inferSelect;

/**
 * The transactional outbox (lib/outbox): a mail or a webhook delivery, written in the transaction that made the change
 * it tells of, and sent after the commit by whichever server claims it first. Rows with the same `orderingKey` go out
 * one at a time in `id` order; a failed send is tried again at `nextAttemptAt` until `deadAt`.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
    orderingKey: text("ordering_key"),
    payload: text("payload", { mode: "json" }).$type<unknown>().notNull(),
    webhookId: integer("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event"),
    /** For a mail: the person it is for (its address is in the payload). */
    recipientId: integer("recipient_id").references(() => users.id, { onDelete: "set null" }),
    /** For a delivery sent again by hand: the one it repeats. */
    redeliveryOf: integer("redelivery_of"),
    createdAt: createdAt(),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** A sender's claim on the row: others leave it alone until `lockedUntil`. */
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    lockToken: text("lock_token"),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    /** Set when the retries ran out (or the receiver refused for good): it is not tried again by itself. */
    deadAt: integer("dead_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    lastStatus: integer("last_status"),
  },
  (t) => [
    index("outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.deadAt} is null`),
    index("outbox_ordering_idx").on(t.orderingKey, t.id),
    index("outbox_webhook_idx").on(t.webhookId, t.id),
    check("outbox_kind_check", inList(t.kind, OUTBOX_KINDS)),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;

/** Each try at sending an outbox row: what the receiver answered, or why it could not be reached. */
export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboxId: integer("outbox_id")
      .notNull()
      .references(() => outbox.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    /** The HTTP status, or the SMTP reply code; null when nothing answered. */
    status: integer("status"),
    /** The start of the response body (webhooks) or the server's reply (mail). */
    response: text("response"),
    error: text("error"),
  },
  (t) => [index("delivery_attempts_outbox_idx").on(t.outboxId, t.id)],
);

export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;

/** A due-soon or overdue reminder, made once per claim and deadline whichever server's sweep finds it first. */
export const reminders = sqliteTable(
  "reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reminders_unique").on(t.claimId, t.kind, t.dueAt),
    check("reminders_kind_check", inList(t.kind, REMINDER_KINDS)),
  ],
);

export type Notification = typeof notifications.$inferSelect;
