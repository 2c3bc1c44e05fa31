// Entities within $depth hops of $id (any direction, entities only: no articles or measures),
// at most $limit of them, nearest first, and every stated relationship among them; `truncated`
// says more were within reach (one more is read to know, not all of them: a hub has thousands).
// Unless $includeDrafts, drafts awaiting review (relationships and entities with draft = true) are
// neither walked nor shown, so an entity reached only through a draft is left out too; a missing
// draft property reads as curated.
// The walk is Neo4j's breadth-first pruning expand (one branch per depth, since a variable-length
// bound must be a literal), which visits each node once and streams nearest first, so the LIMIT
// stops it early on hubs; depth 1 is a plain expand, which streams where the pruning one would
// first read all of a hub's relationships.
MATCH (start:Entity {id: $id})
WHERE $includeDrafts OR NOT coalesce(start.draft, false)
CALL (start) {
  WITH start WHERE $depth <= 1
  RETURN start AS n
  UNION ALL
  WITH start WHERE $depth = 1
  MATCH (start)-[r]-(n:Entity)
  WHERE n <> start AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(n.draft, false)))
  RETURN DISTINCT n
  UNION ALL
  WITH start WHERE $depth = 2
  MATCH (start) (()-[r]-(b:Entity) WHERE $includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(b.draft, false))){0,2} (n)
  RETURN DISTINCT n
  UNION ALL
  WITH start WHERE $depth >= 3
  MATCH (start) (()-[r]-(b:Entity) WHERE $includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(b.draft, false))){0,3} (n)
  RETURN DISTINCT n
}
WITH n LIMIT $limit + 1
WITH collect(n) AS found
WITH found[0..$limit] AS nodes, size(found) > $limit AS truncated
WITH nodes, truncated, apoc.coll.toSet([n IN nodes | elementId(n)]) AS inside
UNWIND nodes AS a
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE elementId(b) IN inside AND ($includeDrafts OR NOT coalesce(r.draft, false))
WITH nodes, truncated, collect(r) AS rels
RETURN [n IN nodes | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                      draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                     articleIds: r.articleIds, quotes: r.quotes, draftArticleIds: r.draftArticleIds,
                     draft: r.draft, confidence: r.confidence, rule: r.rule}] AS edges,
       truncated
