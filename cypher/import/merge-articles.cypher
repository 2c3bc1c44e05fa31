// Articles the database already holds: rewritten only when the row's content hash differs, so a
// second import of unchanged data sets nothing and reports zero changes. $rows: [{id, props, hash}].
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
WITH a, row
WHERE a.importHash IS NULL OR a.importHash <> row.hash
SET a = row.props, a.id = row.id, a.importHash = row.hash
