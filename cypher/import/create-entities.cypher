// New entities: the shared :Entity label plus the kind label from the validated EntityKind enum.
// $rows: [{id, kind, props, hash}].
UNWIND $rows AS row
CREATE (n:Entity:$(row.kind))
SET n = row.props, n.id = row.id, n.importHash = row.hash
