// Direct links between what lies in region $a and what lies in region $b. "Lies in" follows
// LOCATED_IN and PART_OF transitively (a Zibo company is in Shandong, an event at a Zibo hotel
// too); the containment edges themselves are not links and are left out.
// Shape (BENCHMARKS.md has the figures): region b's own region subtree is collected (a few hundred
// regions at most, a hash set for IN). Region a's members are walked breadth-first, lazily, and
// only their stated relations are expanded (listing the types skips MENTIONS, two thirds of a busy
// node's relationships). The other end y lies in b when the nearest regions above it (reached
// through non-region containers such as a hotel or a parent institution) are in b's subtree.
// This avoids collecting every entity of b (60 ms for a province at L). The first $limit links
// found are taken and only that page is sorted. The type list is checked against the model by
// test/api-analyst.test.ts.
MATCH (ra:Region {id: $a}), (rb:Region {id: $b})
CALL (rb) {
  CALL apoc.path.subgraphNodes(rb, {relationshipFilter: '<PART_OF|<LOCATED_IN', labelFilter: '+Region', maxLevel: 8}) YIELD node
  RETURN collect(elementId(node)) AS regionsOfB
}
CALL apoc.path.subgraphNodes(ra, {relationshipFilter: '<LOCATED_IN|<PART_OF', maxLevel: 8}) YIELD node AS x
MATCH (x)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]-(y:Entity)
WHERE x <> y
  AND EXISTS {
    MATCH (y) ((c)-[:LOCATED_IN|PART_OF]->(d) WHERE NOT c:Region){0,8} (nearest:Region)
    WHERE elementId(nearest) IN regionsOfB
  }
WITH DISTINCT r
LIMIT $limit
WITH r
ORDER BY type(r), startNode(r).id, endNode(r).id
RETURN {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes} AS edge
