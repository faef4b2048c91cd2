CREATE TABLE `claim_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`statement` text NOT NULL,
	`claimant_id` integer NOT NULL,
	`claimed_at` text,
	`quote` text NOT NULL,
	`prefix` text NOT NULL,
	`suffix` text NOT NULL,
	`revision` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimant_id`) REFERENCES `claimants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_versions_claim_idx` ON `claim_versions` (`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_versions_claimant_idx` ON `claim_versions` (`claimant_id`);--> statement-breakpoint
CREATE TABLE `claimant_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`superseded_at` integer,
	`claimant_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`same_as` text,
	`kind` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimant_id`) REFERENCES `claimants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claimant_versions_seq_unique` ON `claimant_versions` (`claimant_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `claimant_versions_current` ON `claimant_versions` (`claimant_id`) WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX `claimant_versions_slug_idx` ON `claimant_versions` (`slug`);--> statement-breakpoint
CREATE TABLE `dispute_version_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dispute_version_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`dispute_version_id`) REFERENCES `dispute_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_version_accounts_unique` ON `dispute_version_accounts` (`dispute_version_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `dispute_version_accounts_claim_idx` ON `dispute_version_accounts` (`claim_id`);--> statement-breakpoint
CREATE TABLE `dispute_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`superseded_at` integer,
	`dispute_id` integer NOT NULL,
	`slug` text NOT NULL,
	`question` text NOT NULL,
	`description` text,
	`event_date` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_versions_seq_unique` ON `dispute_versions` (`dispute_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_versions_current` ON `dispute_versions` (`dispute_id`) WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX `dispute_versions_slug_idx` ON `dispute_versions` (`slug`);--> statement-breakpoint
CREATE INDEX `dispute_versions_created_idx` ON `dispute_versions` (`created_at`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`superseded_at` integer,
	`document_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`source_url` text,
	`publisher` text,
	`author` text,
	`published_at` text,
	`language` text,
	`revision` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_seq_unique` ON `document_versions` (`document_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_current` ON `document_versions` (`document_id`) WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX `document_versions_slug_idx` ON `document_versions` (`slug`);--> statement-breakpoint
CREATE TABLE `rating_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rating_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`description` text NOT NULL,
	`colour` text NOT NULL,
	`ordinal` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rating_versions_rating_idx` ON `rating_versions` (`rating_id`);--> statement-breakpoint
ALTER TABLE `verdicts` ADD `claim_version_id` integer REFERENCES claim_versions(id);--> statement-breakpoint
ALTER TABLE `verdicts` ADD `rating_version_id` integer REFERENCES rating_versions(id);--> statement-breakpoint
CREATE INDEX `verdicts_claim_version_idx` ON `verdicts` (`claim_version_id`);--> statement-breakpoint
-- What readers saw until now becomes the first published version of each record: the claim, rating, claimant,
-- document and dispute of every verdict ever published, as they stand (dated by their last change).
INSERT INTO rating_versions (rating_id, key, label, description, colour, ordinal)
  SELECT r.id, r.key, r.label, r.description, r.colour, r.ordinal FROM ratings r
  WHERE EXISTS (SELECT 1 FROM verdicts v WHERE v.rating_id = r.id AND v.published_at IS NOT NULL);--> statement-breakpoint
UPDATE verdicts SET rating_version_id = (SELECT rv.id FROM rating_versions rv WHERE rv.rating_id = verdicts.rating_id)
  WHERE published_at IS NOT NULL AND rating_id IS NOT NULL;--> statement-breakpoint
INSERT INTO claim_versions (claim_id, statement, claimant_id, claimed_at, quote, prefix, suffix, revision, start, "end")
  SELECT c.id, c.statement, c.claimant_id, c.claimed_at, c.quote, c.prefix, c.suffix, c.revision, c.start, c."end" FROM claims c
  WHERE EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.published_at IS NOT NULL);--> statement-breakpoint
UPDATE verdicts SET claim_version_id = (SELECT cv.id FROM claim_versions cv WHERE cv.claim_id = verdicts.claim_id)
  WHERE published_at IS NOT NULL;--> statement-breakpoint
INSERT INTO claimant_versions (seq, claimant_id, slug, name, description, same_as, kind, created_at)
  SELECT 1, k.id, k.slug, k.name, k.description, k.same_as, k.kind, k.updated_at FROM claimants k
  WHERE EXISTS (SELECT 1 FROM claim_versions cv WHERE cv.claimant_id = k.id);--> statement-breakpoint
INSERT INTO document_versions (seq, document_id, slug, title, source_url, publisher, author, published_at, language, revision, created_at)
  SELECT 1, d.id, d.slug, d.title, d.source_url, d.publisher, d.author, d.published_at, d.language, d.current_revision, d.updated_at FROM documents d
  WHERE EXISTS (SELECT 1 FROM claim_versions cv JOIN claims c ON c.id = cv.claim_id WHERE c.document_id = d.id);--> statement-breakpoint
INSERT INTO dispute_versions (seq, dispute_id, slug, question, description, event_date, created_at)
  SELECT 1, d.id, d.slug, d.question, d.description, d.event_date, d.updated_at FROM disputes d
  WHERE EXISTS (SELECT 1 FROM dispute_accounts da JOIN claim_versions cv ON cv.claim_id = da.claim_id WHERE da.dispute_id = d.id);--> statement-breakpoint
INSERT INTO dispute_version_accounts (dispute_version_id, claim_id, label, position)
  SELECT dv.id, da.claim_id, da.label, da.position FROM dispute_accounts da JOIN dispute_versions dv ON dv.dispute_id = da.dispute_id;
