// Entities already stored under another kind than the data now gives them. $rows: [{id, kind}].
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE NOT row.kind IN labels(n)
RETURN n.id AS id, row.kind AS wanted, [l IN labels(n) WHERE l <> 'Entity'] AS stored
