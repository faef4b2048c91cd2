CREATE TABLE `fact_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`claim_reviewed` text NOT NULL,
	`rating` text,
	`publisher_name` text NOT NULL,
	`publisher_url` text,
	`claimant` text,
	`claim_date` text,
	`review_date` text,
	`language` text,
	`title` text,
	`imported_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fact_checks_url_unique` ON `fact_checks` (`url`);--> statement-breakpoint
CREATE INDEX `fact_checks_review_date_idx` ON `fact_checks` (`review_date`);