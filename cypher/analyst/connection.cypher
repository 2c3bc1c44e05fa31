// The shortest path between two entities, ignoring direction, through entities only (never
// through an article or a measure). With $statedOnly, only relationships an article states
// (basis 'article') may be used, so every step has a quote; the resolver asks that first and
// falls back to gazetteer containment edges ("both lie in Hong Kong") only when it finds nothing.
// 8 is the server's ceiling; $maxHops (<= 8) is checked on the result, which is equivalent
// because the path found is a shortest one.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-(:Entity) WHERE NOT $statedOnly OR r.basis = 'article'){1,8} (b)
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), name: n.name, names: n.names}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                                 articleIds: r.articleIds, quotes: r.quotes}] AS edges
