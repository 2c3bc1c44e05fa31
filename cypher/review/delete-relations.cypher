// Relations no annotation states any more (their only statement was a rejected draft): the import
// only adds and updates, so the review removes them. The type is compared, not spliced.
// $rows: [{from, type, to}].
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to})
WHERE type(r) = row.type
DELETE r
