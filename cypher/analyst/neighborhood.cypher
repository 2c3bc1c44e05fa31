// Entities within $depth hops of $id (any direction, entities only: no articles or measures),
// at most $limit of them, breadth first, and every stated relationship among them.
MATCH (start:Entity {id: $id})
CALL apoc.path.subgraphNodes(start, {maxLevel: $depth, limit: $limit, labelFilter: '+Entity', bfs: true}) YIELD node
WITH collect(node) AS nodes
WITH nodes, apoc.coll.toSet([n IN nodes | elementId(n)]) AS inside
UNWIND nodes AS a
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE elementId(b) IN inside
WITH nodes, collect(r) AS rels
RETURN [n IN nodes | {id: n.id, labels: labels(n), name: n.name, names: n.names}] AS nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                     articleIds: r.articleIds, quotes: r.quotes}] AS edges
