// (:Article)-[:MENTIONS {surfaces}]->(:Entity): which names the article uses for the entity, and
// the mention's draft marks (draft, confidence, rule; setting null removes marks no longer there).
// $rows: [{articleId, entityId, surfaces, draft, confidence, rule, hash}].
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
MERGE (a)-[m:MENTIONS]->(e)
WITH m, row
WHERE m.importHash IS NULL OR m.importHash <> row.hash
SET m.surfaces = row.surfaces, m.draft = row.draft, m.confidence = row.confidence, m.rule = row.rule, m.importHash = row.hash
