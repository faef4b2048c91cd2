CREATE TABLE `cache_invalidations` (
	`tag` text PRIMARY KEY NOT NULL,
	`invalidated_at` integer NOT NULL
);
