// Stated facts about $id per period: the entity's own relationships, and for a region those of
// every entity placed in it (up to four LOCATED_IN / PART_OF steps down). Containment facts are
// the gazetteer's, not events, and are left out. A fact's date is the one every analyst query
// uses (fragments/fact-date.cypher: its own, its agreement's or event's, else its article's); its
// period is the month ("2023-02"), or the year ("2019") when the date is known to the year only.
// Facts without any date are counted apart, window or not. With $window, the dated facts whose
// date overlaps [$since, $until] (fragments/date-in-window.cypher) are kept.
// The /*@…*/ markers are written in by src/api/analyst/queries.ts.
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
WITH e, r, /*@factDate(r)*/ null AS t
WHERE t IS NULL OR /*@dateInWindow(t)*/ true
WITH e, r,
     CASE WHEN t IS NULL THEN null
          WHEN t.p = 'year' THEN toString(t.d.year)
          ELSE substring(toString(t.d), 0, 7) END AS period
WITH e, period, count(r) AS facts, apoc.coll.toSet(apoc.coll.flatten(collect(r.articleIds))) AS articleIds
ORDER BY period
WITH e, collect(CASE WHEN period IS NOT NULL THEN {period: period, facts: facts, articleIds: articleIds} END) AS periods,
     sum(CASE WHEN period IS NULL THEN facts ELSE 0 END) AS undated
RETURN e.id AS id, periods, undated
