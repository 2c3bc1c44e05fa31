// Quantitative facts: (:Entity)-[:HAS_MEASURE]->(:Measure {metric, value, unit, qualifier,
// articleId, quote}). $rows: [{id, entityId, props, hash}].
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MERGE (m:Measure {id: row.id})
MERGE (e)-[:HAS_MEASURE]->(m)
WITH m, row
WHERE m.importHash IS NULL OR m.importHash <> row.hash
SET m = row.props, m.id = row.id, m.importHash = row.hash
