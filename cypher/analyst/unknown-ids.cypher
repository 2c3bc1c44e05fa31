// The ids among $ids that no entity has (drafts count as entities: a hidden draft is not unknown).
// Every analyst query answers NOT_FOUND for an unknown id rather than an empty answer.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
WITH id, e
WHERE e IS NULL
RETURN collect(DISTINCT id) AS unknown
