// Cooperation between region $a and region $b, direct and bridged (graphql/analyst.graphql,
// regionCooperation). A link joins an end in a's area and an end in b's area:
// - direct: one stated relationship between them (any type but containment);
// - bridged: both ends are party to / participated in / co-founded one shared Agreement, Event,
//   Lab or Company, the bridge ((end)-[PARTY_TO|PARTICIPATED_IN|CO_FOUNDED]->(bridge)).
// Every edge comes back with its quotes and articles.
//
// Where an end lies (its placement, returned with the link), by the first of these that applies:
// - LOCATED: it has a containment chain (LOCATED_IN / PART_OF, stated or from the gazetteer)
//   and the chain reaches the area. An entity with a chain elsewhere is elsewhere.
// - NAME: it has no containment, it is an institution, company or lab, and one of its names
//   contains the name (2+ characters, Latin 4+) of a region of the area: 山东载盈健康产业有限公司
//   is in Shandong, Dongguan Daxin Energy in Dongguan. Every seed-graph organisation whose name
//   holds a place name is in that place (checked by hand: Hong Kong Bowei Chemical, Shandong
//   Intco, Germany Sunshine Electric, …).
// - EVENT: no containment, and it is an agreement announced at an event held in the area, or an
//   institution, company or lab with no region in its names that is party to one: the
//   agreements signed at the 2023 Zibo conference place iMakerbase, Jincheng Petrochemical and
//   Luwei Pharmaceutical (Zibo companies the article names without a place) in Zibo, the 2024
//   MoU signed in the China-SCO zone places SCO Holding Group there. The weakest basis: it says
//   where the parties met, so it is not used for people (a Hong Kong federation's signatory
//   signed in Zibo too) nor for a company whose name places it elsewhere (Germany Sunshine
//   Electric).
// $placements lists the bases that count. With $gazetteer false, gazetteer facts place no entity
// (HKBU is then placed by its name); a region's own place in the hierarchy (Zibo in Shandong)
// always counts.
//
// The search walks outwards from the entities LOCATED in a's area (breadth first, as
// region-links.cypher) and those placed there by NAME, then from those LOCATED in b's area to
// reach ends in a's area placed by NAME or EVENT; a link between an end placed by EVENT and one
// placed by NAME or EVENT is not found.
// Filters: $aKinds/$aTypes and $bKinds/$bTypes on the ends (labels, `type` property),
// $relationTypes on every edge (['*'] means any: never null or [], since a parameter that is
// null, an empty list or a list of strings in turn makes Neo4j plan the query again, seconds for
// this one), $bridgeKinds on the bridge, $direct/$bridged, and with $window a time window
// [$since, $until] (dates): every edge of a link must have a date that overlaps the window
// (fragments/date-in-window.cypher, written in where /*@…*/ marks it by src/api/analyst/queries.ts). An
// edge's date is its own (r.date), else the signing date of the agreement or the start date of
// the event it leads to, else the earliest publication date of its articles, each with its
// precision (a month-precise date covers the whole month); an undated edge fails any window.
// Unless $includeDrafts, drafts awaiting review are neither links, bridges, ends nor placements.
// The first $scan links found are aggregated per pair of ends (links, distinct articles, first
// and last date); the first $limit links in order of ends and bridge are returned with the
// details of their placements.
MATCH (ra:Region {id: $a}), (rb:Region {id: $b})
WHERE $includeDrafts OR (NOT coalesce(ra.draft, false) AND NOT coalesce(rb.draft, false))
// Side 0 walks from a's area and places the far end in b's by any basis; side 1 walks from b's
// area and places the far end in a's by NAME or EVENT (LOCATED-LOCATED links are side 0's).
// Side 0 also starts from the organisations of a's area placed by NAME, found through the
// full-text index by the area's region names (all of them when there are at most 300, else the
// top region's), and places their far ends by NAME or EVENT (side 1 finds those LOCATED in b).
//
// Each area's regions, as element ids (a far end lies in the area when its nearest region is one
// of them), and their usable names.
CALL (ra, rb) {
  UNWIND [0, 1] AS i
  WITH i, [ra, rb][i] AS top
  MATCH (top) (()<-[c:PART_OF|LOCATED_IN]-(m:Region) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false))){0,8} (r)
  WITH i, collect(DISTINCT r) AS rs
  ORDER BY i
  RETURN collect([r IN rs | elementId(r)]) AS regionIds,
         collect(apoc.coll.toSet(reduce(acc = [], r IN rs | acc + [n IN coalesce(r.names, []) WHERE size(n) >= 2 AND (size(n) >= 4 OR NOT n =~ '[ -~]+')]))) AS regionNames
}
// The links, found in a subquery so that no link at all still gives one row (links: []).
CALL (ra, rb, regionIds, regionNames) {
  UNWIND [{side: 0, from: ra, toIds: regionIds[1], toNames: regionNames[1]},
          {side: 1, from: rb, toIds: regionIds[0], toNames: regionNames[0]}] AS s
  WITH ra, rb, regionIds, s.side AS side, s.from AS fromTop, s.toIds AS toIds, s.toNames AS toNames
  CALL (side, fromTop) {
    MATCH (fromTop) ((p)<-[c:PART_OF|LOCATED_IN]-(m) WHERE ($gazetteer OR m:Region OR coalesce(c.basis, 'article') <> 'gazetteer')
                                                      AND ($includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false)))){0,8} (x)
    RETURN DISTINCT x, 'LOCATED' AS start
    UNION
    WITH side, fromTop WHERE side = 0 AND 'NAME' IN $placements
    MATCH (fromTop) (()<-[c:PART_OF|LOCATED_IN]-(m:Region) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false))){0,8} (r)
    WITH DISTINCT r
    UNWIND [n IN coalesce(r.names, []) WHERE size(n) >= 2 AND (size(n) >= 4 OR NOT n =~ '[ -~]+')] AS name
    WITH collect(DISTINCT {name: name, top: r.id = $a}) AS rns
    WITH CASE WHEN size(rns) <= 300 THEN rns ELSE [rn IN rns WHERE rn.top] END AS rns
    // One index query: every name as an escaped phrase, OR-ed.
    WITH [rn IN rns | rn.name] AS names
    WITH names, [n IN names | '"' + replace(replace(n, '\\', '\\\\'), '"', '\\"') + '"'] AS phrases
    WHERE size(phrases) > 0
    CALL db.index.fulltext.queryNodes('entity_names', apoc.text.join(phrases, ' OR ')) YIELD node
    WITH node AS x, names
    WHERE (x:Institution OR x:Company OR x:Lab)
      AND ($includeDrafts OR NOT coalesce(x.draft, false))
      AND any(n IN coalesce(x.names, []) WHERE any(rn IN names WHERE n CONTAINS rn))
      AND NOT EXISTS { MATCH (x)-[k:LOCATED_IN|PART_OF]->(d)
                       WHERE ($gazetteer OR coalesce(k.basis, 'article') <> 'gazetteer')
                         AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false))) }
    RETURN DISTINCT x, 'NAME' AS start
  }
  // The links from x: direct, then bridged. rels[0] touches x.
  CALL (x) {
    WITH x WHERE $direct
    MATCH (x)-[r:WORKS_AT|LEADS|FOUNDED|CO_FOUNDED|SPUN_OFF|INCUBATED|OPERATES|SUPPLIES|DEVELOPS|COOPERATES_WITH|PARTY_TO|CONCERNS|ORGANIZED|HOSTED|PARTICIPATED_IN|EXHIBITED_AT|ANNOUNCED_AT|INVESTED_IN|SUPPORTS|VISITED]-(y:Entity)
    WHERE x <> y
      AND ('*' IN $relationTypes OR type(r) IN $relationTypes)
      AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(y.draft, false)))
    RETURN y, null AS bridge, [r] AS rels
    UNION ALL
    WITH x WHERE $bridged
    MATCH (x)-[r1:PARTY_TO|PARTICIPATED_IN|CO_FOUNDED]->(bridge:Agreement|Event|Lab|Company)<-[r2:PARTY_TO|PARTICIPATED_IN|CO_FOUNDED]-(y:Entity)
    WHERE x <> y AND r1 <> r2
      AND any(l IN labels(bridge) WHERE l IN $bridgeKinds)
      AND ('*' IN $relationTypes OR (type(r1) IN $relationTypes AND type(r2) IN $relationTypes))
      AND ($includeDrafts OR none(z IN [r1, r2, bridge, y] WHERE coalesce(z.draft, false)))
    RETURN y, bridge, [r1, r2] AS rels
  }
  // Where y lies relative to the other area, worked out once per far end (an event's participants
  // are the far end of every other participant's link). The cheap tests come first: most far ends
  // have a containment chain, and only those without one are matched by name or event.
  WITH ra, rb, regionIds, side, start, toIds, toNames, collect({x: x, y: y, bridge: bridge, rels: rels}) AS found
  CALL (side, start, toIds, toNames, found) {
    UNWIND found AS f
    WITH DISTINCT f.y AS y, side, start, toIds, toNames
    WITH y, side, start, toIds, toNames,
         EXISTS { MATCH (y)-[k:LOCATED_IN|PART_OF]->(d)
                  WHERE ($gazetteer OR y:Region OR coalesce(k.basis, 'article') <> 'gazetteer')
                    AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false))) } AS located,
         (y:Institution OR y:Company OR y:Lab) AS organisation
    WITH y, CASE
             WHEN located THEN
               // y's nearest regions (through non-region containers such as a hotel), one of the area's.
               CASE WHEN side = 0 AND start = 'LOCATED' AND EXISTS {
                      MATCH (y) ((c)-[k:LOCATED_IN|PART_OF]->(d) WHERE NOT c:Region
                                   AND ($gazetteer OR coalesce(k.basis, 'article') <> 'gazetteer')
                                   AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false)))){0,8} (nearest:Region)
                      WHERE elementId(nearest) IN toIds } THEN 'LOCATED' END
             WHEN NOT (organisation OR y:Agreement) THEN null
             WHEN organisation AND any(n IN coalesce(y.names, []) WHERE any(rn IN toNames WHERE n CONTAINS rn)) THEN 'NAME'
             WHEN NOT EXISTS {
                    MATCH (y) (()-[:PARTY_TO]->(:Agreement)){0,1} (ag:Agreement)-[an:ANNOUNCED_AT]->(ev:Event)
                    WHERE $includeDrafts OR none(z IN [an, ag, ev] WHERE coalesce(z.draft, false))
                    MATCH (ev) ((c)-[k:LOCATED_IN|PART_OF]->(d) WHERE NOT c:Region
                                 AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false)))){1,8} (nearest:Region)
                    WHERE elementId(nearest) IN toIds } THEN null
             // An organisation whose name places it anywhere is not placed where it signed.
             WHEN organisation AND EXISTS {
                    MATCH (r:Region)
                    WHERE any(rn IN coalesce(r.names, []) WHERE size(rn) >= 2 AND (size(rn) >= 4 OR NOT rn =~ '[ -~]+')
                                                            AND any(n IN coalesce(y.names, []) WHERE n CONTAINS rn)) } THEN null
             ELSE 'EVENT'
           END AS basis
    WITH y, basis WHERE basis IN $placements
    RETURN apoc.map.fromPairs(collect([elementId(y), basis])) AS bases
  }
  UNWIND found AS f
  WITH ra, rb, regionIds, side, start, f.x AS x, f.y AS y, f.bridge AS bridge, f.rels AS rels, bases[elementId(f.y)] AS basis
  WHERE basis IS NOT NULL
  // Ends oriented a, b; the kind and type filters of each side.
  WITH ra, rb, regionIds, CASE side WHEN 0 THEN x ELSE y END AS ea, CASE side WHEN 0 THEN y ELSE x END AS eb, bridge,
       CASE side WHEN 0 THEN rels ELSE reverse(rels) END AS rels,
       CASE side WHEN 0 THEN start ELSE basis END AS basisA,
       CASE side WHEN 0 THEN basis ELSE 'LOCATED' END AS basisB
  WHERE ('*' IN $aKinds OR any(l IN labels(ea) WHERE l IN $aKinds)) AND ('*' IN $aTypes OR ea.type IN $aTypes)
    AND ('*' IN $bKinds OR any(l IN labels(eb) WHERE l IN $bKinds)) AND ('*' IN $bTypes OR eb.type IN $bTypes)
  // Each edge's date (fragments/fact-date.cypher: its own, the agreement's or event's it leads
  // to, else its earliest article's); with $window every one must overlap the window.
  WITH ra, rb, regionIds, ea, eb, bridge, rels, basisA, basisB,
       [r IN rels | /*@factDate(r)*/ null] AS dates
  WHERE all(t IN dates WHERE /*@dateInWindow(t)*/ true)
  // (No DISTINCT: each x is walked once and side 1 finds no link side 0 finds; only overlapping
  // areas give a link twice, once each way.)
  WITH ra, rb, regionIds, ea, eb, bridge, rels, basisA, basisB,
       [t IN dates WHERE t IS NOT NULL |
         CASE t.p WHEN 'year' THEN left(toString(t.d), 4) WHEN 'month' THEN left(toString(t.d), 7) ELSE toString(t.d) END] AS days
  LIMIT $scan
  RETURN collect({ea: ea, eb: eb, bridge: bridge, rels: rels, basisA: basisA, basisB: basisB, days: days,
                  articleIds: apoc.coll.toSet(reduce(acc = [], r IN rels | acc + coalesce(r.articleIds, [])))}) AS links
}
// The overview: per pair of ends.
CALL (links) {
  UNWIND links AS l
  WITH l.ea AS ea, l.eb AS eb, collect(l) AS ls
  WITH ea, eb, ls, reduce(acc = [], l IN ls | acc + l.days) AS days
  RETURN collect({a: ea {.id, .name, .names, .draft, .confidence, .rule, labels: labels(ea)},
                  b: eb {.id, .name, .names, .draft, .confidence, .rule, labels: labels(eb)}, links: size(ls),
                  articleIds: apoc.coll.sort(apoc.coll.toSet(reduce(acc = [], l IN ls | acc + l.articleIds))),
                  bridges: apoc.coll.sort(apoc.coll.toSet([l IN ls WHERE l.bridge IS NOT NULL | l.bridge.id])),
                  types: apoc.coll.sort(apoc.coll.toSet(reduce(acc = [], l IN ls | acc + [r IN l.rels | type(r)]))),
                  firstDate: apoc.coll.min(days), lastDate: apoc.coll.max(days)}) AS pairs
}
// The page: the first $limit links by ends, bridge and types, sorted as one list (an ORDER BY
// over the unwound links ran out of memory at S: every buffered row was charged for the whole
// list), then the details of each end's placement.
WITH links, pairs, ra, rb, regionIds,
     apoc.coll.sortMaps([l IN links | l {.*, key: l.ea.id + ' ' + l.eb.id + ' ' + coalesce(l.bridge.id, '') + ' ' +
                                            reduce(t = '', r IN l.rels | t + type(r) + ' ')}], '^key')[..$limit] AS page
// Each end is placed once, however many links of the page it has.
CALL (page, ra, rb, regionIds) {
  UNWIND page AS l
  UNWIND [{side: 0, en: l.ea, basis: l.basisA}, {side: 1, en: l.eb, basis: l.basisB}] AS end
  WITH DISTINCT end.side AS side, end.en AS en, end.basis AS basis, ra, rb, regionIds
  WITH {side: side, en: en, basis: basis, top: [ra, rb][side], ids: regionIds[side]} AS e
  OPTIONAL CALL (e) {
    // LOCATED: the shortest chain to the end's nearest region inside the area (a chain stops at
    // the first region, so there are few to choose from).
    WITH e, e.en AS en, e.top AS top WHERE e.basis = 'LOCATED'
    MATCH p = (en) ((c)-[k:LOCATED_IN|PART_OF]->(d) WHERE NOT c:Region
                                   AND ($gazetteer OR coalesce(k.basis, 'article') <> 'gazetteer')
                                   AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false)))){0,8} (r:Region)
    WHERE elementId(r) IN e.ids
    RETURN r AS region, relationships(p) AS chain, null AS matchedName, null AS event
    // On a tie, a place rather than a venue in it (Zibo, not its hotel), then by id: one answer always.
    ORDER BY length(p), CASE r.level WHEN 'venue' THEN 1 ELSE 0 END, r.id LIMIT 1
    UNION ALL
    // NAME: the longest region name of the area that the end's names contain.
    WITH e, e.top AS top WHERE e.basis = 'NAME'
    MATCH (top) (()<-[c:PART_OF|LOCATED_IN]-(m:Region) WHERE $includeDrafts OR (NOT coalesce(c.draft, false) AND NOT coalesce(m.draft, false))){0,8} (r)
    WITH DISTINCT e, r
    UNWIND [n IN coalesce(r.names, []) WHERE size(n) >= 2 AND (size(n) >= 4 OR NOT n =~ '[ -~]+')] AS name
    WITH r, name WHERE any(n IN coalesce(e.en.names, []) WHERE n CONTAINS name)
    RETURN r AS region, [] AS chain, name AS matchedName, null AS event
    ORDER BY size(name) DESC LIMIT 1
    UNION ALL
    // EVENT: the announcement and the event's chain to its nearest region inside the area.
    WITH e, e.en AS en, e.top AS top WHERE e.basis = 'EVENT'
    MATCH (en) (()-[:PARTY_TO]->(:Agreement)){0,1} (ag:Agreement)-[an:ANNOUNCED_AT]->(ev:Event)
    WHERE ($includeDrafts OR none(z IN [an, ag, ev] WHERE coalesce(z.draft, false)))
    MATCH p = (ev) ((c)-[k:LOCATED_IN|PART_OF]->(d) WHERE NOT c:Region
                     AND ($includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false)))){1,8} (r:Region)
    WHERE elementId(r) IN e.ids
    RETURN r AS region, [an] + relationships(p) AS chain, null AS matchedName, ev AS event
    ORDER BY length(p), CASE r.level WHEN 'venue' THEN 1 ELSE 0 END, r.id, ev.id LIMIT 1
  }
  RETURN apoc.map.fromPairs(collect([toString(e.side) + elementId(e.en),
                                     {basis: e.basis, region: region, chain: chain, matchedName: matchedName, event: event}])) AS placed
}
RETURN size(links) AS total, size(links) >= $scan AS truncated,
       pairs,
       [l IN page | {
         a: {id: l.ea.id, labels: labels(l.ea), name: l.ea.name, names: l.ea.names, draft: l.ea.draft, confidence: l.ea.confidence, rule: l.ea.rule},
         b: {id: l.eb.id, labels: labels(l.eb), name: l.eb.name, names: l.eb.names, draft: l.eb.draft, confidence: l.eb.confidence, rule: l.eb.rule},
         bridge: CASE WHEN l.bridge IS NULL THEN null ELSE {id: l.bridge.id, labels: labels(l.bridge), name: l.bridge.name, names: l.bridge.names,
                                                           draft: l.bridge.draft, confidence: l.bridge.confidence, rule: l.bridge.rule} END,
         edges: [r IN l.rels | {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes,
                                draftArticleIds: r.draftArticleIds, draft: r.draft, confidence: r.confidence, rule: r.rule}],
         dates: l.days, articleIds: l.articleIds,
         placements: [pl IN [placed['0' + elementId(l.ea)], placed['1' + elementId(l.eb)]] | {
           basis: pl.basis,
           region: {id: pl.region.id, labels: labels(pl.region), name: pl.region.name, names: pl.region.names,
                    draft: pl.region.draft, confidence: pl.region.confidence, rule: pl.region.rule},
           matchedName: pl.matchedName,
           event: CASE WHEN pl.event IS NULL THEN null ELSE {id: pl.event.id, labels: labels(pl.event), name: pl.event.name, names: pl.event.names,
                                                            draft: pl.event.draft, confidence: pl.event.confidence, rule: pl.event.rule} END,
           edges: [r IN pl.chain | {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes,
                                    draftArticleIds: r.draftArticleIds, draft: r.draft, confidence: r.confidence, rule: r.rule, basis: r.basis}]
         }]
       }] AS links
