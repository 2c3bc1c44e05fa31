// Stated relations with their provenance: articleIds[i] states the fact in quotes[i].
// The type comes from the validated RelationType enum. One relationship per (from, type, to):
// several articles stating the same fact add evidence to it, not duplicates.
// $rows: [{type, from, to, props, hash}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row
WHERE r.importHash IS NULL OR r.importHash <> row.hash
SET r = row.props, r.importHash = row.hash
