// One article for review: its text, metadata and, for an article ingested through the API, its
// stored annotation (null for a curated seed article, whose annotation is in seed/annotations).
// $id: string.
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.text AS text, a.annotation AS annotation
