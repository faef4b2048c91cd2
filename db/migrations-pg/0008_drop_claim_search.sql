-- Public search ranks with the claim matcher's BM25 in each server's memory (lib/search/public-search-index.ts); the
-- database's full-text index is no longer read. The unaccent extension stays: other databases' objects may use it.
DROP TABLE IF EXISTS "claim_search";
--> statement-breakpoint
DROP TEXT SEARCH CONFIGURATION IF EXISTS claimdesk_search;
