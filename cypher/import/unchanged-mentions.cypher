// Of the mention rows between stored nodes, those already stored with the same content hash: the
// importer leaves them out, so re-importing an unchanged corpus reads instead of MERGEs.
// $rows: [{i, articleId, entityId, hash}]; returns the unchanged rows' i.
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
MATCH (a)-[m:MENTIONS]->(e)
WHERE m.importHash = row.hash
RETURN row.i AS i
