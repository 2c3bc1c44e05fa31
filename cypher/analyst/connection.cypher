// The shortest path between two entities, ignoring direction, through entities only (never
// through an article or a measure). With $statedOnly, only relationships an article states
// (basis 'article') may be used, so every step has a quote; the resolver asks that first and
// falls back to gazetteer containment edges ("both lie in Hong Kong") only when it finds nothing.
// Unless $includeDrafts, drafts awaiting review (relationships and entities with draft = true)
// are not used, nor found as an end.
// With $window, every step is a fact dated in [$since, $until] (fragments/fact-in-window.cypher,
// written in where /*@…*/ marks it by src/api/analyst/queries.ts; gazetteer containment is timeless).
// 8 is the server's ceiling; $maxHops (<= 8) is checked on the result, which is equivalent
// because the path found is a shortest one.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE $includeDrafts OR (NOT coalesce(a.draft, false) AND NOT coalesce(b.draft, false))
MATCH p = SHORTEST 1 (a) (()-[r]-(x:Entity)
  WHERE (NOT $statedOnly OR r.basis = 'article')
    AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(x.draft, false)))
    AND /*@factInWindow(r)*/ true){1,8} (b)
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                         draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                                 articleIds: r.articleIds, quotes: r.quotes, draftArticleIds: r.draftArticleIds,
                                 draft: r.draft, confidence: r.confidence, rule: r.rule}] AS edges
