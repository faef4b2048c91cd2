-- Tokens made before expiries existed keep working for 90 days from this upgrade (7,776,000,000 ms), with the write
-- scope they had; new tokens are read-only unless made otherwise.
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`reset_at` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_reset_idx` ON `rate_limits` (`reset_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_prefix` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`expires_at` integer NOT NULL,
	`scope` text DEFAULT 'read' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_tokens_scope_check" CHECK("__new_api_tokens"."scope" in ('read', 'write'))
);
--> statement-breakpoint
INSERT INTO `__new_api_tokens`("id", "user_id", "name", "token_hash", "token_prefix", "created_at", "last_used_at", "revoked_at", "expires_at", "scope") SELECT "id", "user_id", "name", "token_hash", "token_prefix", "created_at", "last_used_at", "revoked_at", CAST(unixepoch('subsec') * 1000 AS integer) + 7776000000, 'write' FROM `api_tokens`;--> statement-breakpoint
DROP TABLE `api_tokens`;--> statement-breakpoint
ALTER TABLE `__new_api_tokens` RENAME TO `api_tokens`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
ALTER TABLE `login_failures` ADD `address` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `login_failures_address_at_idx` ON `login_failures` (`address`,`attempted_at`);--> statement-breakpoint
CREATE INDEX `login_failures_at_idx` ON `login_failures` (`attempted_at`);