// MENTIONS of a rejected entity from the article under review. $rows: [{articleId, entityId}].
UNWIND $rows AS row
MATCH (:Article {id: row.articleId})-[m:MENTIONS]->(:Entity {id: row.entityId})
DELETE m
