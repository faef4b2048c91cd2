-- Full-text search over published claims (PostgreSQL), the counterpart of SQLite's FTS5 table: one row per claim
-- with a published verdict (lib/search keeps it so), its texts, and their tsvector weighted statement first, then the
-- quote, the claimant, the summary, the rationale and the document's title. The configuration lowercases and drops
-- accents (unaccent), as FTS5's unicode61 tokenizer with remove_diacritics does, and stems nothing.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION claimdesk_search (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION claimdesk_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
CREATE TABLE "claim_search" (
	"claim_id" integer PRIMARY KEY NOT NULL REFERENCES "claims"("id") ON DELETE CASCADE,
	"statement" text NOT NULL,
	"quote" text NOT NULL,
	"claimant" text NOT NULL,
	"summary" text NOT NULL,
	"rationale" text NOT NULL,
	"document_title" text NOT NULL,
	"document" tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX "claim_search_document_idx" ON "claim_search" USING gin ("document");
