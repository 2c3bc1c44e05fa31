// Mentions whose article or entity is new in this import, so the relationship cannot exist yet.
// draft, confidence, rule: the mention's draft marks, null (so not stored) on hand-made mentions.
// $rows: [{articleId, entityId, surfaces, draft, confidence, rule, hash}].
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
CREATE (a)-[m:MENTIONS {surfaces: row.surfaces, importHash: row.hash}]->(e)
SET m.draft = row.draft, m.confidence = row.confidence, m.rule = row.rule
