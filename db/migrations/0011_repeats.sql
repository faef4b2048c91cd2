CREATE TABLE `match_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`kind` text NOT NULL,
	`candidate_id` integer NOT NULL,
	`rejected_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rejected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "match_rejections_kind_check" CHECK("match_rejections"."kind" in ('claim', 'fact-check'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_rejections_unique` ON `match_rejections` (`claim_id`,`kind`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `match_rejections_candidate_idx` ON `match_rejections` (`kind`,`candidate_id`);--> statement-breakpoint
ALTER TABLE `claims` ADD `repeat_of` integer REFERENCES claims(id);--> statement-breakpoint
CREATE INDEX `claims_repeat_of_idx` ON `claims` (`repeat_of`);--> statement-breakpoint
ALTER TABLE `verdicts` ADD `appearances_snapshot` text;