// Which of the plan's ids the database already holds (and entities under which kind labels).
// The importer CREATEs everything that is new, which is about twice as fast as MERGE, and
// MERGEs only rows that touch something already stored. Runs in the import's own transaction.
// $entityIds, $articleIds, $measureIds: [string].
UNWIND $entityIds AS id
MATCH (n:Entity {id: id})
RETURN 'Entity' AS label, id, [l IN labels(n) WHERE l <> 'Entity'] AS kinds
UNION ALL
UNWIND $articleIds AS id
MATCH (:Article {id: id})
RETURN 'Article' AS label, id, [] AS kinds
UNION ALL
UNWIND $measureIds AS id
MATCH (:Measure {id: id})
RETURN 'Measure' AS label, id, [] AS kinds
