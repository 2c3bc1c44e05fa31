// Direct links between what lies in region $a and what lies in region $b. "Lies in" follows
// LOCATED_IN and PART_OF transitively (a Zibo company is in Shandong, an event at a Zibo hotel
// too); the containment edges themselves are not links and are left out.
// Unless $includeDrafts, drafts awaiting review (relationships and entities with draft = true)
// count neither as links nor for what lies in a region; a missing draft property reads as curated.
// With $window, only links dated in [$since, $until] (fragments/fact-in-window.cypher, written in
// where /*@…*/ marks it by src/api/analyst/queries.ts); what lies in a region is not dated.
// Shape (BENCHMARKS.md has the figures): region a's members are walked breadth-first, lazily
// (Neo4j's pruning breadth-first expand streams each member once, nearest first), and only their
// stated relations are expanded (listing the types skips MENTIONS, two thirds of a busy node's
// relationships). Whether the far end y lies in b is tested one of two ways, chosen by b's size,
// estimated from the degrees of b's regions:
// - small b (its regions have at most $memberSetLimit direct members): collect b's members once
//   and test y against that set;
// - large b: walk up from y to its nearest regions (through non-region containers such as a
//   hotel or a parent institution) and test those against b's region subtree, a few hundred
//   regions, instead of collecting tens of thousands of members.
// Both give the same links (tested). The first $limit links found are the page, sorted. The type
// list is checked against the model by test/api-analyst.test.ts.
MATCH (ra:Region {id: $a}), (rb:Region {id: $b})
WHERE $includeDrafts OR (NOT coalesce(ra.draft, false) AND NOT coalesce(rb.draft, false))
CALL (rb) {
  MATCH (rb) (()<-[c:PART_OF|LOCATED_IN]-(x:Region) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(x.draft, false))){0,8} (node)
  WITH DISTINCT node
  RETURN collect(elementId(node)) AS regionsOfB,
         sum(apoc.node.degree(node, '<LOCATED_IN|<PART_OF')) <= $memberSetLimit AS small
}
CALL (rb, small) {
  WITH rb WHERE small
  MATCH (rb) (()<-[c:PART_OF|LOCATED_IN]-(x) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(x.draft, false))){0,8} (node)
  RETURN collect(DISTINCT elementId(node)) AS membersOfB
}
MATCH (ra) (()<-[c:PART_OF|LOCATED_IN]-(m) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false))){0,8} (x)
WITH DISTINCT x, small, regionsOfB, membersOfB
MATCH (x)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]-(y:Entity)
WHERE x <> y
  AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(y.draft, false)))
  AND /*@factInWindow(r)*/ true
  AND CASE
        WHEN small THEN elementId(y) IN membersOfB
        ELSE EXISTS {
          MATCH (y) ((c)-[k:LOCATED_IN|PART_OF]->(d) WHERE NOT c:Region AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false)))){0,8} (nearest:Region)
          WHERE elementId(nearest) IN regionsOfB
        }
      END
WITH DISTINCT r
LIMIT $limit
WITH r
ORDER BY type(r), startNode(r).id, endNode(r).id
RETURN {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes,
        draftArticleIds: r.draftArticleIds, draft: r.draft, confidence: r.confidence, rule: r.rule} AS edge
