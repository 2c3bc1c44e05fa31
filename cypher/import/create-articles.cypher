// New :Article nodes (ids the database does not hold yet). $rows: [{id, props, hash}].
UNWIND $rows AS row
CREATE (a:Article)
SET a = row.props, a.id = row.id, a.importHash = row.hash
