// The article whose text has this SHA-256 ($textHash, see src/ingest/text-hash.ts), if any.
MATCH (a:Article {textHash: $textHash})
RETURN a.id AS id
ORDER BY id
LIMIT 1
