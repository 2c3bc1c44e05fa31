// New :Measure nodes and their HAS_MEASURE edge. $rows: [{id, entityId, props, hash}].
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
CREATE (e)-[:HAS_MEASURE]->(m:Measure)
SET m = row.props, m.id = row.id, m.importHash = row.hash
