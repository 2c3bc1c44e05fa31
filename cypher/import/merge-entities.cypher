// Entities: the shared :Entity label (unique id across kinds, full-text index) plus the kind
// label, which comes from the validated EntityKind enum. $rows: [{id, kind, props, hash}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:$(row.kind)
WITH n, row
WHERE n.importHash IS NULL OR n.importHash <> row.hash
SET n = row.props, n.id = row.id, n.importHash = row.hash
