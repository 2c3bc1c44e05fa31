// Pairs of regions of one level (graphql/analyst.graphql, rankings.regionPairs) by how much links
// what lies in them. The regions: every Region whose level is $level, within region $within's
// subtree when $within is given (itself included). What lies in a region: containment down from
// it (LOCATED_IN / PART_OF, stated or gazetteer, up to 8 steps, as regionLinks). A link joins an
// entity lying in one region of the pair and one lying in the other:
// - direct: one stated relation (not containment) between them;
// - bridged: both party to / taking part in / co-founders of one Agreement, Event, Lab or Company
//   (the bridge), as regionCooperation bridges (the bridge may lie anywhere, or nowhere).
// An entity counts for the nearest regions of the level it lies in (in Jiaozhou, not also in
// Qingdao that Jiaozhou is part of), for each when it lies in two unrelated ones (a zone across
// two cities); a link inside one region is no pair. Per pair: links, distinct articles, first and last date of the
// links' relations (fragments/fact-date.cypher). With $window, only relations dated in
// [$since, $until] (fragments/fact-in-window.cypher; both edges of a bridged link). The /*@…*/
// markers are written in by src/api/analyst/queries.ts. Unless $includeDrafts, drafts are left out.
// Links are read up to $scan + 1 (the resolver says truncated beyond $scan); pairs are counted over
// those read. No row when $within is given and is no region shown.
OPTIONAL MATCH (w:Region {id: $within})
WITH w
WHERE $within IS NULL OR (w IS NOT NULL AND ($includeDrafts OR NOT coalesce(w.draft, false)))
CALL (w) {
  MATCH (g:Region {level: $level})
  WHERE ($includeDrafts OR NOT coalesce(g.draft, false))
    AND (w IS NULL OR g = w OR EXISTS { MATCH (g) ((:Region)-[c:PART_OF]->(:Region)){1,8} (w) })
  MATCH (g) (()<-[c:PART_OF|LOCATED_IN]-(m) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false))){0,8} (x)
  WITH DISTINCT g, x
  WITH x, collect(g) AS gs
  // The nearest regions only: an entity in Jiaozhou (a city in the city of Qingdao) lies in
  // Jiaozhou for this ranking, or every Jiaozhou link would pair Jiaozhou with Qingdao.
  WITH x, CASE WHEN size(gs) = 1 THEN gs
              ELSE [g IN gs WHERE none(h IN gs WHERE h <> g AND EXISTS { MATCH (h) ((:Region)-[:PART_OF]->(:Region)){1,8} (g) })] END AS gs
  RETURN collect([elementId(x), gs]) AS placed, collect(x) AS members
}
WITH apoc.map.fromPairs(placed) AS regionsOf, members
CALL (regionsOf, members) {
  UNWIND members AS x
  CALL (x, regionsOf) {
    MATCH (x)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]->(y:Entity)
    WHERE x <> y AND regionsOf[elementId(y)] IS NOT NULL
      AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(y.draft, false)))
      AND /*@factInWindow(r)*/ true
    RETURN y, [r] AS rels
    UNION ALL
    MATCH (x)-[r1:PARTY_TO|PARTICIPATED_IN|CO_FOUNDED]->(bridge:Agreement|Event|Lab|Company)<-[r2:PARTY_TO|PARTICIPATED_IN|CO_FOUNDED]-(y:Entity)
    WHERE x <> y AND r1 <> r2 AND elementId(x) < elementId(y) AND regionsOf[elementId(y)] IS NOT NULL
      AND ($includeDrafts OR none(z IN [r1, r2, bridge, y] WHERE coalesce(z.draft, false)))
      AND all(rel IN [r1, r2] WHERE /*@factInWindow(rel)*/ true)
    RETURN y, [r1, r2] AS rels
  }
  WITH regionsOf[elementId(x)] AS ga, regionsOf[elementId(y)] AS gb, rels
  LIMIT $scan + 1
  RETURN collect({ga: ga, gb: gb, rels: rels}) AS links
}
UNWIND CASE WHEN size(links) = 0 THEN [null] ELSE links END AS l
UNWIND coalesce(l.ga, [null]) AS a
UNWIND coalesce(l.gb, [null]) AS b
WITH links, l, a, b
WHERE a IS NULL OR a <> b
WITH links, l, CASE WHEN a.id < b.id THEN a ELSE b END AS p, CASE WHEN a.id < b.id THEN b ELSE a END AS q
WITH links, p, q, collect(l) AS ls
WITH links, p, q, ls,
     reduce(acc = [], l IN ls | acc + [r IN l.rels | /*@factDate(r)*/ null]) AS dates
RETURN size(links) AS scanned,
       collect(CASE WHEN p IS NULL THEN null ELSE {
         a: {id: p.id, labels: labels(p), name: p.name, names: p.names, draft: p.draft, confidence: p.confidence, rule: p.rule},
         b: {id: q.id, labels: labels(q), name: q.name, names: q.names, draft: q.draft, confidence: q.confidence, rule: q.rule},
         links: size(ls),
         articleIds: apoc.coll.sort(apoc.coll.toSet(reduce(acc = [], l IN ls | acc + reduce(ids = [], r IN l.rels | ids + coalesce(r.articleIds, []))))),
         days: [t IN dates WHERE t IS NOT NULL |
                CASE t.p WHEN 'year' THEN left(toString(t.d), 4) WHEN 'month' THEN left(toString(t.d), 7) ELSE toString(t.d) END]
       } END) AS pairs
