CREATE INDEX `claims_updated_idx` ON `claims` (`updated_at`);--> statement-breakpoint
CREATE INDEX `fact_checks_updated_idx` ON `fact_checks` (`updated_at`);