// Node counts by label (schema bookkeeping excluded) and relationship counts by type, for the import summary and README.
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
  RETURN 'node' AS what, label AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS what, type(r) AS name, count(*) AS count
}
RETURN what, name, count
ORDER BY what, name
