// The whole card of entity $id in one query (graphql/analyst.graphql, entity): its stored
// properties (the resolver reads names with their languages and the kind's attributes from them,
// src/model/graph-fields.ts), where it lies, its figures and its relations with their evidence.
// Unless $includeDrafts, drafts awaiting review (the entity itself, relationships, the entity at
// the other end, measures) are left out; a missing draft property reads as curated. No row when
// no such entity is shown (the resolver then tells an unknown id from a hidden draft).
MATCH (e:Entity {id: $id})
WHERE $includeDrafts OR NOT coalesce(e.draft, false)
// Where it lies: every containment chain up from it (LOCATED_IN, then PART_OF up the regions, a
// venue in a city in a province in a country; an institution PART_OF its parent institution
// that is LOCATED_IN a city), stated or from the gazetteer, to a container with none above it.
// Bounded: at most 8 steps, the first 10 chains by length and ids.
CALL (e) {
  OPTIONAL MATCH p = (e) ((c)-[k:LOCATED_IN|PART_OF]->(d:Entity)
                          WHERE $includeDrafts OR (NOT coalesce(k.draft, false) AND NOT coalesce(d.draft, false))){1,8} (top)
  WHERE NOT EXISTS { MATCH (top)-[k2:LOCATED_IN|PART_OF]->(above:Entity)
                     WHERE $includeDrafts OR (NOT coalesce(k2.draft, false) AND NOT coalesce(above.draft, false)) }
  WITH p WHERE p IS NOT NULL
  WITH p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT 10
  RETURN collect([r IN relationships(p) | {
    node: {id: endNode(r).id, labels: labels(endNode(r)), name: endNode(r).name, names: endNode(r).names,
           draft: endNode(r).draft, confidence: endNode(r).confidence, rule: endNode(r).rule},
    edge: {source: startNode(r).id, target: endNode(r).id, type: type(r), articleIds: r.articleIds, quotes: r.quotes,
           draftArticleIds: r.draftArticleIds, draft: r.draft, confidence: r.confidence, rule: r.rule},
    basis: r.basis}]) AS locations
}
// Figures: the measures the articles state about it, by metric and article.
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_MEASURE]->(m:Measure)
  WHERE m IS NOT NULL AND ($includeDrafts OR NOT coalesce(m.draft, false))
  WITH m ORDER BY m.metric, m.articleId, m.id
  RETURN collect(m {.metric, .value, .unit, .qualifier, .asOf, .asOfPrecision, .articleId, .quote, .draft, .confidence, .rule}) AS figures
}
// Relations, grouped by type and direction (a relation of the entity to itself is left out). Each
// type and direction the entity has is read on its own, at most $countCeiling + 1 relations, so a
// hub with 100,000 staff costs a bounded read: a group's total counts up to that, `capped` says
// the read stopped, and its page is the first $limit by the other end's id among those read (all
// of them unless capped). Every relation comes with its date
// (fragments/fact-date.cypher) and with $window only those dated in the window count
// (fragments/fact-in-window.cypher: gazetteer containment always does).
CALL (e) {
  UNWIND [t IN apoc.node.relationship.types(e) WHERE NOT t IN ['MENTIONS', 'HAS_MEASURE']] AS type
  UNWIND ['OUT', 'IN'] AS direction
  // The degree store says which directions a type has at all: Neo4j 5.26 filters a dynamic type
  // after reading every relationship of the direction, so an empty group must not be read.
  WITH e, type, direction
  WHERE apoc.node.degree(e, CASE direction WHEN 'OUT' THEN type + '>' ELSE '<' + type END) > 0
  CALL (e, type, direction) {
    WITH e, type, direction WHERE direction = 'OUT'
    MATCH (e)-[r:$(type)]->(o:Entity)
    WHERE o <> e
      AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(o.draft, false)))
      AND /*@factInWindow(r)*/ true
    RETURN r, o LIMIT $countCeiling + 1
    UNION ALL
    WITH e, type, direction WHERE direction = 'IN'
    MATCH (e)<-[r:$(type)]-(o:Entity)
    WHERE o <> e
      AND ($includeDrafts OR (NOT coalesce(r.draft, false) AND NOT coalesce(o.draft, false)))
      AND /*@factInWindow(r)*/ true
    RETURN r, o LIMIT $countCeiling + 1
  }
  WITH type, direction, collect({key: o.id + ' ' + elementId(r), r: r, o: o}) AS read
  WITH type, direction, size(read) > $countCeiling AS capped, size(read) AS total,
       apoc.coll.sortMaps(read, '^key')[..$limit] AS page
  RETURN collect({type: type, direction: direction, total: total, capped: capped, page: page}) AS groups
}
// The articles the page's evidence and figures cite, once each, for their titles and dates.
WITH e, locations, figures, groups
CALL (groups, figures) {
  WITH apoc.coll.toSet(reduce(acc = [f IN figures | f.articleId], g IN groups |
                        acc + reduce(ids = [], x IN g.page | ids + coalesce(x.r.articleIds, [])))) AS ids
  OPTIONAL MATCH (a:Article) WHERE a.id IN ids
  RETURN collect(a {.id, .title, .titleEn, .language, .publishedAt, .publishedAtPrecision}) AS articles
}
RETURN properties(e) AS props, labels(e) AS labels, locations, figures, articles,
       [g IN groups | {
         type: g.type, direction: g.direction, total: g.total, capped: g.capped,
         relations: [x IN g.page | {
           other: {id: x.o.id, labels: labels(x.o), name: x.o.name, names: x.o.names,
                   draft: x.o.draft, confidence: x.o.confidence, rule: x.o.rule},
           edge: {source: startNode(x.r).id, target: endNode(x.r).id, type: type(x.r), articleIds: x.r.articleIds,
                  quotes: x.r.quotes, draftArticleIds: x.r.draftArticleIds, draft: x.r.draft, confidence: x.r.confidence,
                  rule: x.r.rule},
           props: {basis: x.r.basis, role: x.r.role, title: x.r.title, kind: x.r.kind, amount: x.r.amount,
                  amountUnit: x.r.amountUnit, amountQualifier: x.r.amountQualifier, status: x.r.status},
           date: /*@factDate(x.r)*/ null
         }]
       }] AS groups
