/** The fixed vocabularies of the data model; safe to import from client components. */
export const ROLES = ["admin", "editor", "contributor"] as const;
export type Role = (typeof ROLES)[number];

export const ANCHOR_STATUSES = ["anchored", "fuzzy", "orphaned"] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const SOURCE_TYPES = [
  "official_statement",
  "news_report",
  "photo_video",
  "satellite_imagery",
  "document",
  "expert",
  "dataset",
  "eyewitness",
  "other",
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** `superseded`: a published version replaced by a published correction. */
export const VERDICT_STATES = ["draft", "in_review", "published", "superseded", "retracted"] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

/** A claimant is a person or an organisation (ClaimReview's `itemReviewed.author` type); unset when not known. */
export const CLAIMANT_KINDS = ["person", "organization"] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

/** What an API token may do: `read` only GET (HEAD, OPTIONS) requests; `write` may change what its owner may. */
export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What a suggested match is: one of the desk's claims, or a known fact-check of another fact-checker. */
export const MATCH_KINDS = ["claim", "fact-check"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** How urgent a claim's work is, lowest first (the work queue sorts by it). */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What a person is told of (lib/notifications); each may be chosen per channel. */
export const NOTIFICATION_KINDS = [
  "assigned",
  "review_requested",
  "changes_requested",
  "verdict_published",
  "verdict_corrected",
  "verdict_retracted",
  "mentioned",
  "due_soon",
  "overdue",
  "claims_returned",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a person wants one kind of notification: in the app, by email, both, or not at all. */
export const NOTIFICATION_CHANNELS = ["app", "email", "both", "none"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What the outbox sends: a mail, or a webhook delivery. */
export const OUTBOX_KINDS = ["mail", "webhook"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** The events a webhook endpoint may subscribe to. */
export const WEBHOOK_EVENTS = [
  "claim.created",
  "claim.assigned",
  "verdict.submitted",
  "verdict.published",
  "verdict.corrected",
  "verdict.retracted",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The reminders sent once per claim and deadline. */
export const REMINDER_KINDS = ["due_soon", "overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
