-- Full-text search over published claims (SQLite FTS5). The rowid is the claim's id; only
-- claims with a published verdict are in the index (lib/search/search-index.ts keeps it so).
CREATE VIRTUAL TABLE `claim_search` USING fts5(
	statement, quote, claimant, summary, rationale, document_title,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
INSERT INTO `claim_search` (rowid, statement, quote, claimant, summary, rationale, document_title)
SELECT c.id, c.statement, c.quote, cl.name, v.summary, v.rationale, d.title
FROM claims c
JOIN verdicts v ON v.claim_id = c.id AND v.state = 'published'
JOIN claimants cl ON cl.id = c.claimant_id
JOIN documents d ON d.id = c.document_id;
