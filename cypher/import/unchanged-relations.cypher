// Of the stated-relation rows between stored entities, those already stored with the same content
// hash: the importer leaves them out (see unchanged-mentions.cypher). Both ends are bound first,
// so the planner expands between them (Expand(Into), from the end with fewer relationships)
// instead of walking a hub's relationships. $rows: [{i, type, from, to, hash}]; returns the
// unchanged rows' i.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MATCH (a)-[r]->(b)
WHERE type(r) = row.type AND r.importHash = row.hash
RETURN row.i AS i
