// Full-text search over every name and alias (index entity_names, CJK analyzer).
// $lucene: a query built from the user's text with every Lucene operator escaped (src/api/analyst/lucene.ts);
// $exact: the text in every script, lower-cased: a hit whose name or alias equals one of them ranks
// first, then one whose name or alias starts with it (a name being typed).
// $kinds: labels to keep, or null for all. $candidates bounds the index read before kind filtering.
// Unless $includeDrafts, entities the extractor drafted that no person accepted (draft = true) are left out.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS kind
WHERE ($kinds IS NULL OR kind IN $kinds) AND ($includeDrafts OR NOT coalesce(node.draft, false))
WITH node, kind,
     score
       + CASE WHEN any(n IN node.searchNames WHERE toLower(n) IN $exact) THEN 100.0 ELSE 0.0 END
       + CASE WHEN any(n IN node.searchNames WHERE any(e IN $exact WHERE toLower(n) STARTS WITH e)) THEN 10.0 ELSE 0.0 END AS ranked
RETURN node.id AS id, kind, node.name AS name, node.names AS names, ranked AS score
ORDER BY score DESC, size(node.name), id
LIMIT $limit
