-- Public search ranks with the claim matcher's BM25 in each server's memory (lib/search/public-search-index.ts); the
-- database's full-text index is no longer read.
DROP TABLE IF EXISTS `claim_search`;
