// Direct links between what lies in region $a and what lies in region $b. "Lies in" follows
// LOCATED_IN and PART_OF transitively (a Zibo company is in Shandong, an event at a Zibo hotel
// too); the containment edges themselves are not links and are left out.
// Region b's members are collected once (a set, so the IN test is a hash lookup); region a's
// members are walked breadth-first, nearest first, and only their stated relations are expanded
// (listing the types skips MENTIONS, two thirds of a busy node's relationships). The first $limit
// links found are taken and only that page is sorted: sorting every link between two provinces
// before the LIMIT cost 70 ms at M (BENCHMARKS.md). The type list is checked against the model by
// test/schema.test.ts.
MATCH (ra:Region {id: $a}), (rb:Region {id: $b})
CALL (rb) {
  CALL apoc.path.subgraphNodes(rb, {relationshipFilter: '<LOCATED_IN|<PART_OF', maxLevel: 8}) YIELD node
  RETURN collect(elementId(node)) AS inB
}
CALL apoc.path.subgraphNodes(ra, {relationshipFilter: '<LOCATED_IN|<PART_OF', maxLevel: 8}) YIELD node AS x
MATCH (x)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]-(y:Entity)
WHERE elementId(y) IN inB AND x <> y
WITH DISTINCT r
LIMIT $limit
WITH r
ORDER BY type(r), startNode(r).id, endNode(r).id
RETURN {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes} AS edge
