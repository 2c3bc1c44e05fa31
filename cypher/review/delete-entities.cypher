// Entities a rejected draft defined that no annotation defines or mentions any more. One that
// still has a relationship (made through the generated API, say) is kept: the review removes only
// what the import wrote. Returns the ids kept. $ids: [string].
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, e, COUNT { (e)--() } AS degree
FOREACH (_ IN CASE WHEN degree = 0 THEN [1] ELSE [] END | DELETE e)
WITH id, degree
WHERE degree > 0
RETURN id AS kept
