// Entities within $depth hops of $id (entities only: no articles or measures), at most $limit of
// them, nearest first, and every relationship among them that the walk may use; `truncated` says
// more were within reach, and `total` how many were (the start counted), read up to $countCeiling
// + 1 (`totalCapped`: more than $countCeiling; a hub has hundreds of thousands).
// What the walk may use:
// - $types: relation types (['*']: any; never null or [], so the parameter keeps one type and
//   Neo4j one plan);
// - $direction: 'OUT' follows relationships from the entity reached so far to the next, 'IN'
//   against, 'BOTH' either way (the edges shown among the entities found may point either way);
// - with $window, only facts dated in [$since, $until] (fragments/fact-in-window.cypher, written
//   in where /*@…*/ marks it by src/api/analyst/queries.ts; gazetteer containment is timeless);
// - unless $includeDrafts, no draft awaiting review (relationship or entity with draft = true): an
//   entity reached only through a draft is left out too; a missing draft property reads as curated.
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
    AND ('*' IN $types OR type(r) IN $types)
    AND ($direction = 'BOTH' OR (startNode(r) = start) = ($direction = 'OUT'))
    AND /*@factInWindow(r)*/ true
  RETURN DISTINCT n
  UNION ALL
  WITH start WHERE $depth = 2
  MATCH (start) ((a)-[r]-(b:Entity) WHERE ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(b.draft, false)))
                                     AND ('*' IN $types OR type(r) IN $types)
                                     AND ($direction = 'BOTH' OR (startNode(r) = a) = ($direction = 'OUT'))
                                     AND /*@factInWindow(r)*/ true){0,2} (n)
  RETURN DISTINCT n
  UNION ALL
  WITH start WHERE $depth >= 3
  MATCH (start) ((a)-[r]-(b:Entity) WHERE ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(b.draft, false)))
                                     AND ('*' IN $types OR type(r) IN $types)
                                     AND ($direction = 'BOTH' OR (startNode(r) = a) = ($direction = 'OUT'))
                                     AND /*@factInWindow(r)*/ true){0,3} (n)
  RETURN DISTINCT n
}
WITH n LIMIT $countCeiling + 1
WITH collect(n) AS found
WITH found[0..$limit] AS nodes, size(found) > $limit AS truncated, size(found) AS reached
WITH nodes, truncated, reached, apoc.coll.toSet([n IN nodes | elementId(n)]) AS inside
UNWIND nodes AS a
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE elementId(b) IN inside AND ($includeDrafts OR NOT coalesce(r.draft, false))
  AND ('*' IN $types OR type(r) IN $types)
  AND /*@factInWindow(r)*/ true
WITH nodes, truncated, reached, collect(r) AS rels
RETURN [n IN nodes | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                      draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                     articleIds: r.articleIds, quotes: r.quotes, draftArticleIds: r.draftArticleIds,
                     draft: r.draft, confidence: r.confidence, rule: r.rule}] AS edges,
       truncated,
       CASE WHEN reached > $countCeiling THEN $countCeiling ELSE reached END AS total,
       reached > $countCeiling AS totalCapped
