// Which of the plan's ids the database already holds, with each one's content hash (and entities'
// kind labels). The importer CREATEs everything that is new, which is about twice as fast as
// MERGE, skips stored rows whose hash is unchanged, and MERGEs the rest.
// $entityIds, $articleIds, $measureIds: [string].
UNWIND $entityIds AS id
MATCH (n:Entity {id: id})
RETURN 'Entity' AS label, id, n.importHash AS hash, [l IN labels(n) WHERE l <> 'Entity'] AS kinds
UNION ALL
UNWIND $articleIds AS id
MATCH (a:Article {id: id})
RETURN 'Article' AS label, id, a.importHash AS hash, [] AS kinds
UNION ALL
UNWIND $measureIds AS id
MATCH (m:Measure {id: id})
RETURN 'Measure' AS label, id, m.importHash AS hash, [] AS kinds
