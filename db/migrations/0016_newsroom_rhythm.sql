-- The newsroom's rhythm: a claim's assignee, reviewer, deadline and priority; notifications and each person's
-- choice of channel; webhook endpoints; the transactional outbox with each delivery attempt; reminders sent once.
CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`status` integer,
	`response` text,
	`error` text,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_outbox_idx` ON `delivery_attempts` (`outbox_id`,`id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_preferences_kind_check" CHECK("notification_preferences"."kind" in ('assigned', 'review_requested', 'changes_requested', 'verdict_published', 'verdict_corrected', 'verdict_retracted', 'mentioned', 'due_soon', 'overdue', 'claims_returned')),
	CONSTRAINT "notification_preferences_channel_check" CHECK("notification_preferences"."channel" in ('app', 'email', 'both', 'none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_preferences_unique` ON `notification_preferences` (`user_id`,`kind`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`claim_id` integer,
	`actor_id` integer,
	`data` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" in ('assigned', 'review_requested', 'changes_requested', 'verdict_published', 'verdict_corrected', 'verdict_retracted', 'mentioned', 'due_soon', 'overdue', 'claims_returned'))
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ordering_key` text,
	`payload` text NOT NULL,
	`webhook_id` integer,
	`event` text,
	`recipient_id` integer,
	`redelivery_of` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`lock_token` text,
	`delivered_at` integer,
	`dead_at` integer,
	`last_error` text,
	`last_status` integer,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "outbox_kind_check" CHECK("outbox"."kind" in ('mail', 'webhook'))
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`next_attempt_at`) WHERE "outbox"."delivered_at" is null and "outbox"."dead_at" is null;--> statement-breakpoint
CREATE INDEX `outbox_ordering_idx` ON `outbox` (`ordering_key`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_webhook_idx` ON `outbox` (`webhook_id`,`id`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reminders_kind_check" CHECK("reminders"."kind" in ('due_soon', 'overdue'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_unique` ON `reminders` (`claim_id`,`kind`,`due_at`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`description` text,
	`disabled_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `claims` ADD `assignee_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `reviewer_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `priority` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_assignee_idx` ON `claims` (`assignee_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `claims_reviewer_idx` ON `claims` (`reviewer_id`);--> statement-breakpoint
CREATE INDEX `claims_due_idx` ON `claims` (`due_at`);