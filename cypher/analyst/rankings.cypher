// The subgraph the rankings are computed over (graphql/analyst.graphql, rankings; the ranking
// itself is src/api/analyst/rankings.ts, with graphology): for each region of $regions (one for
// mostConnected, a and b for brokers), the entities that lie in it (containment LOCATED_IN /
// PART_OF, stated or from the gazetteer, up to 8 steps down, as regionLinks places them; the
// region itself included), and every stated relation (not containment) with at least one end
// among them, with the other end wherever it lies (an agreement or event with no place of its own
// is how two areas meet). `sides` says which of $regions an entity lies in (0, 1 or both).
// Relations are read up to $scan + 1 (the resolver says truncated beyond $scan); each is returned
// once, however many of its ends lie in an area.
// With $window only relations dated in [$since, $until] count (fragments/fact-in-window.cypher,
// written in where /*@…*/ marks it by src/api/analyst/queries.ts); what lies in a region is not
// dated. Unless $includeDrafts, drafts awaiting review are neither members, relations nor ends.
// Only the members at an end of a relation come back (an isolated one ranks nowhere); `found`
// lists the ids of $regions that are regions shown (the resolver checks the others are known).
UNWIND range(0, size($regions) - 1) AS side
MATCH (top:Region {id: $regions[side]})
WHERE $includeDrafts OR NOT coalesce(top.draft, false)
MATCH (top) (()<-[c:PART_OF|LOCATED_IN]-(m) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false))){0,8} (x)
WITH DISTINCT side, top.id AS region, x
WITH x, collect(side) AS sides, collect(region) AS regions
WITH collect({x: x, sides: sides}) AS members, apoc.coll.toSet(apoc.coll.flatten(collect(regions))) AS found
CALL (members) {
  UNWIND members AS member
  WITH member.x AS x
  MATCH (x)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]-(y:Entity)
  WHERE x <> y
    AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(y.draft, false)))
    AND /*@factInWindow(r)*/ true
  WITH DISTINCT r
  LIMIT $scan + 1
  RETURN collect(r) AS rels
}
WITH members, found, rels,
     apoc.coll.toSet(reduce(acc = [], r IN rels | acc + [startNode(r), endNode(r)])) AS ends
RETURN found,
       [m IN members WHERE m.x IN ends | {id: m.x.id, sides: m.sides}] AS members,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS relations,
       [n IN ends | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                     draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes
