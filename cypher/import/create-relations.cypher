// Stated relations with at least one endpoint new in this import, so none can exist yet. A
// dynamic type costs nothing in CREATE (unlike MERGE, see merge-relations.cypher); it comes from
// the validated RelationType enum. $rows: [{type, from, to, props, hash}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props, r.importHash = row.hash
