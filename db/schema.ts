/**
 * The tables of this process's engine (`db/engine.ts`): services and queries import them from here and never know
 * which engine they run on. Both sets have the same names, columns and TypeScript types; the SQLite set is the
 * reference the types are read from, and the check below fails the build when the PostgreSQL set drifts from it.
 */
import { ENGINE } from "./engine";
import * as pg from "./tables/pg";
import * as sqlite from "./tables/sqlite";

export * from "./enums";
export type {
  ApiToken,
  AuditEvent,
  Claim,
  Claimant,
  ClaimantVersion,
  ClaimVersion,
  Dispute,
  DisputeVersion,
  Document,
  DocumentRevision,
  DocumentVersion,
  Evidence,
  AppearanceSnapshotItem,
  EvidenceSnapshotItem,
  RatingTranslations,
  FactCheck,
  MatchRejection,
  DeliveryAttempt,
  Notification,
  NotificationData,
  OutboxRow,
  Webhook,
  Rating,
  Session,
  User,
  Verdict,
} from "./tables/sqlite";

const tables = (ENGINE === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  users,
  apiTokens,
  sessions,
  loginFailures,
  auditEvents,
  documents,
  documentRevisions,
  claimants,
  claims,
  disputes,
  disputeAccounts,
  evidence,
  claimEvidence,
  ratings,
  verdicts,
  claimVersions,
  ratingVersions,
  claimantVersions,
  documentVersions,
  disputeVersions,
  disputeVersionAccounts,
  comments,
  cacheInvalidations,
  rateLimits,
  factChecks,
  matchRejections,
  notifications,
  notificationPreferences,
  webhooks,
  outbox,
  deliveryAttempts,
  reminders,
} = tables;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Sqlite = Omit<typeof sqlite, "EvidenceSnapshotItem" | "AppearanceSnapshotItem" | "RatingTranslations">;
type Pg = typeof pg;
/** The tables whose PostgreSQL row or insert type differs from SQLite's, or that one engine lacks. */
type Drifted = {
  [K in keyof Sqlite | keyof Pg]: K extends keyof Sqlite
    ? K extends keyof Pg
      ? Same<Sqlite[K]["$inferSelect"], Pg[K]["$inferSelect"]> extends true
        ? Same<Sqlite[K]["$inferInsert"], Pg[K]["$inferInsert"]> extends true
          ? never
          : K
        : K
      : K
    : K;
}[keyof Sqlite | keyof Pg];
// A type error here names the table that drifted.
const noDrift: [Drifted] extends [never] ? true : `${Drifted & string} differs between the engines` = true;
void noDrift;
