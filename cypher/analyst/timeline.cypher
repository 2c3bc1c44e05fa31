// Stated facts about $id per period: the entity's own relationships, and for a region those of
// every entity placed in it (up to four LOCATED_IN / PART_OF steps down). Containment facts are
// the gazetteer's, not events, and are left out. A fact's date is its own (r.date), else the
// signing date of the agreement or the start date of the event it leads to, else the earliest
// publication date of its articles (as regionCooperation dates an edge); its period is the month
// ("2023-02"), or the year ("2019") when the date is known to the year only. Facts without any
// date are counted apart. $since/$until (dates) keep the facts dated within the window.
MATCH (e:Entity {id: $id})
WHERE $includeDrafts OR NOT coalesce(e.draft, false)
CALL (e) {
  RETURN e AS m
  UNION
  WITH e WHERE e:Region
  MATCH (e)<-[:LOCATED_IN|PART_OF]-{1,4}(m:Entity)
  RETURN m
}
MATCH (m)-[r]-(o:Entity)
WHERE NOT type(r) IN ['LOCATED_IN', 'PART_OF']
  AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(o.draft, false)))
WITH e, collect(DISTINCT r) AS rels
UNWIND rels AS r
WITH e, r,
     CASE
       WHEN r.date IS NOT NULL THEN {d: r.date, p: coalesce(r.datePrecision, 'day')}
       WHEN endNode(r):Agreement AND endNode(r).signedOn IS NOT NULL THEN {d: endNode(r).signedOn, p: coalesce(endNode(r).signedOnPrecision, 'day')}
       WHEN endNode(r):Event AND endNode(r).startDate IS NOT NULL THEN {d: endNode(r).startDate, p: coalesce(endNode(r).startDatePrecision, 'day')}
       ELSE COLLECT { MATCH (art:Article) WHERE art.id IN r.articleIds AND art.publishedAt IS NOT NULL
                      RETURN {d: art.publishedAt, p: coalesce(art.publishedAtPrecision, 'day')} ORDER BY art.publishedAt LIMIT 1 }[0]
     END AS t
WHERE t IS NULL OR NOT $window OR (t.d >= $since AND t.d <= $until)
WITH e, r,
     CASE WHEN t IS NULL THEN null
          WHEN t.p = 'year' THEN toString(t.d.year)
          ELSE substring(toString(t.d), 0, 7) END AS period
WITH e, period, count(r) AS facts, apoc.coll.toSet(apoc.coll.flatten(collect(r.articleIds))) AS articleIds
ORDER BY period
WITH e, collect(CASE WHEN period IS NOT NULL THEN {period: period, facts: facts, articleIds: articleIds} END) AS periods,
     sum(CASE WHEN period IS NULL THEN facts ELSE 0 END) AS undated
RETURN e.id AS id, periods, undated
