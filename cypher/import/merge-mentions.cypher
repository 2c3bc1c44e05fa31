// (:Article)-[:MENTIONS {surfaces}]->(:Entity): which names the article uses for the entity.
// $rows: [{articleId, entityId, surfaces, hash}].
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
MERGE (a)-[m:MENTIONS]->(e)
WITH m, row
WHERE m.importHash IS NULL OR m.importHash <> row.hash
SET m.surfaces = row.surfaces, m.importHash = row.hash
