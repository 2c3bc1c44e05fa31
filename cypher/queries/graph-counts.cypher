// Node counts by label and relationship counts by type, for the import summary and README. The
// product's bookkeeping nodes are not data and are left out: schema migrations, import part marks
// (a run's own are cleared when it ends, a dead run's a day later) and the review lock.
CALL () {
  MATCH (n) WHERE NOT (n:SchemaMigration OR n:ImportPart OR n:ReviewLock)
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
  RETURN 'node' AS what, label AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS what, type(r) AS name, count(*) AS count
}
RETURN what, name, count
ORDER BY what, name
