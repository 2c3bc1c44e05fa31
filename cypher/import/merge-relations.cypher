// Stated relations with their provenance: articleIds[i] states the fact in quotes[i].
// The type comes from the validated RelationType enum. One relationship per (from, type, to):
// several articles stating the same fact add evidence to it, not duplicates.
// apoc.merge.relationship rather than MERGE (a)-[:$(row.type)]->(b): Neo4j 5.26 plans a dynamic
// type in MERGE as a scan of all of a's relationships, which is quadratic on hubs (60 s per 5,000
// rows at 10k relationships, see BENCHMARKS.md); APOC looks the relationship up by type.
// A relationship the procedure creates is not in the statement's counters (Neo4j counts only
// Cypher's own writes), so it is created carrying `importCreated`, counted here, and the SET below
// (which replaces every property) removes the mark again: the importer adds `procedureCreated`
// to its relationship count.
// $rows: [{type, from, to, props, hash}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CALL apoc.merge.relationship(a, row.type, {}, {importCreated: true}, b, {}) YIELD rel
WITH rel, row, rel.importCreated IS NOT NULL AS created
WHERE rel.importHash IS NULL OR rel.importHash <> row.hash
SET rel = row.props, rel.importHash = row.hash
RETURN count(CASE WHEN created THEN 1 END) AS procedureCreated
