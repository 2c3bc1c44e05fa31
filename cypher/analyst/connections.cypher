// Up to $k shortest connections between two entities (graphql/analyst.graphql, connections),
// ignoring direction, through entities only, each with the evidence of every edge.
// A connection is made of stated relations; containment (LOCATED_IN / PART_OF, from the gazetteer
// or stated) only places an end in its region: the path may open with a chain down from $from
// (Shandong ⊃ Zibo ⊃ a Zibo company) and close with a chain up to $to (Shandong Normal University
// in Shandong), never use containment in between. So "both lie in Hong Kong" is no connection, and
// HKBU -> Shandong runs HKBU -PARTY_TO-> the agreement <-PARTY_TO- Shandong Normal University
// -LOCATED_IN-> Shandong.
// Between the ends (not on the placing chains, which name regions by design) a connection never
// passes through:
// - a hub: an entity with more than $maxDegree relationships to other entities (Hong Kong has 22
//   in the seed graph, most from the gazetteer; the resolver passes a huge bound for none);
// - an entity whose id is in $avoid or whose label is in $avoidKinds;
// - unless $includeDrafts, a draft awaiting review (entity or relationship).
// $types: the stated relation types the middle may use (the resolver applies the client's
// relationTypes / skipRelationTypes); $placeTypes: the containment types the placing chains may
// use. With $window, every stated step is a fact dated in [$since, $until]
// (fragments/fact-in-window.cypher, written in where /*@…*/ marks it by src/api/analyst/queries.ts);
// the placing chains only say where an end lies and are not dated. $maxHops (<= 8) bounds the length; $k (<= 10) the number of paths, shortest first.
// A path never visits an entity twice.
// Neo4j 5.26 takes no parameter for SHORTEST's count: the resolver writes the clamped integer in
// place of $k before running the query (at most 10 plans).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b AND ($includeDrafts OR (NOT coalesce(a.draft, false) AND NOT coalesce(b.draft, false)))
MATCH p = SHORTEST $k (a)
  ((c1)<-[g1:LOCATED_IN|PART_OF]-(m1)
     WHERE type(g1) IN $placeTypes
       AND NOT m1.id IN $avoid AND none(l IN labels(m1) WHERE l IN $avoidKinds)
       AND ($includeDrafts OR (NOT coalesce(g1.draft, false) AND NOT coalesce(m1.draft, false)))){0,4}
  (s)
  ((u)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]-(v:Entity)
     WHERE type(r) IN $types
       AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(v.draft, false)))
       AND /*@factInWindow(r)*/ true
       AND (v = b OR (NOT v.id IN $avoid AND none(l IN labels(v) WHERE l IN $avoidKinds)
                      AND apoc.node.degree(v) - apoc.node.degree(v, 'MENTIONS|HAS_MEASURE') <= $maxDegree))){1,8}
  (t)
  ((c2)-[g2:LOCATED_IN|PART_OF]->(m2)
     WHERE type(g2) IN $placeTypes
       AND (m2 = b OR (NOT m2.id IN $avoid AND none(l IN labels(m2) WHERE l IN $avoidKinds)))
       AND ($includeDrafts OR (NOT coalesce(g2.draft, false) AND NOT coalesce(m2.draft, false)))){0,4}
  (b)
WHERE length(p) <= $maxHops
WITH p
WHERE size(apoc.coll.toSet(nodes(p))) = size(nodes(p))
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                         draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                                 articleIds: r.articleIds, quotes: r.quotes, draftArticleIds: r.draftArticleIds,
                                 draft: r.draft, confidence: r.confidence, rule: r.rule}] AS edges
ORDER BY size(edges)
