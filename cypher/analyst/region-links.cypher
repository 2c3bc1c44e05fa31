// Direct links between what lies in region $a and what lies in region $b. "Lies in" follows
// LOCATED_IN and PART_OF transitively (a Zibo company is in Shandong, an event at a Zibo hotel
// too); the containment edges themselves are not links and are left out.
MATCH (ra:Region {id: $a}), (rb:Region {id: $b})
CALL (rb) {
  MATCH (y:Entity)-[:LOCATED_IN|PART_OF]->{0,8}(rb)
  RETURN apoc.coll.toSet(collect(elementId(y))) AS inB
}
MATCH (x:Entity)-[:LOCATED_IN|PART_OF]->{0,8}(ra)
WITH DISTINCT x, inB
MATCH (x)-[r]-(y:Entity)
WHERE elementId(y) IN inB AND NOT type(r) IN ['LOCATED_IN', 'PART_OF'] AND x <> y
WITH DISTINCT r
ORDER BY type(r), startNode(r).id, endNode(r).id
LIMIT $limit
RETURN {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes} AS edge
