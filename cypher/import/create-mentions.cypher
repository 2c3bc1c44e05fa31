// Mentions whose article or entity is new in this import, so the relationship cannot exist yet.
// $rows: [{articleId, entityId, surfaces, hash}].
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
CREATE (a)-[:MENTIONS {surfaces: row.surfaces, importHash: row.hash}]->(e)
