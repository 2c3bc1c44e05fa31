// The MENTIONS relationships the database holds from the given articles, each with its content
// hash (see stored-relations.cypher). $ids: [string].
UNWIND $ids AS id
MATCH (:Article {id: id})-[m:MENTIONS]->(e:Entity)
RETURN id AS articleId, e.id AS entityId, m.importHash AS hash
