// Innovation chains (lab or institution -[SPUN_OFF]-> company -[OPERATES]-> production line
// -[SUPPLIES]-> customer) that pass through the entity $through, in any of the four positions.
// Each branch starts at $through by its unique id and walks outwards, instead of enumerating
// every chain and filtering (1.4 s at M, see BENCHMARKS.md). Each branch stops after $limit
// chains, since a hub can lie on hundreds of thousands; only the page is sorted.
// Unless $includeDrafts, a chain with a draft awaiting review (a relationship or an entity with
// draft = true) is left out. With $window, every edge of a chain is a fact dated in
// [$since, $until] (fragments/fact-in-window.cypher, written in where /*@…*/ marks it by
// src/api/analyst/queries.ts).
CALL () {
  MATCH (lab:Entity {id: $through})-[s:SPUN_OFF]->(company:Company)-[o:OPERATES]->(line:ProductionLine)-[sup:SUPPLIES]->(customer:Entity)
  WHERE (lab:Lab OR lab:Institution)
    AND ($includeDrafts OR none(x IN [lab, company, line, customer, s, o, sup] WHERE coalesce(x.draft, false)))
    AND all(rel IN [s, o, sup] WHERE /*@factInWindow(rel)*/ true)
  RETURN lab, company, line, customer, s, o, sup LIMIT $limit
  UNION
  MATCH (lab:Lab|Institution)-[s:SPUN_OFF]->(company:Company {id: $through})-[o:OPERATES]->(line:ProductionLine)-[sup:SUPPLIES]->(customer:Entity)
  WHERE ($includeDrafts OR none(x IN [lab, company, line, customer, s, o, sup] WHERE coalesce(x.draft, false)))
    AND all(rel IN [s, o, sup] WHERE /*@factInWindow(rel)*/ true)
  RETURN lab, company, line, customer, s, o, sup LIMIT $limit
  UNION
  MATCH (lab:Lab|Institution)-[s:SPUN_OFF]->(company:Company)-[o:OPERATES]->(line:ProductionLine {id: $through})-[sup:SUPPLIES]->(customer:Entity)
  WHERE ($includeDrafts OR none(x IN [lab, company, line, customer, s, o, sup] WHERE coalesce(x.draft, false)))
    AND all(rel IN [s, o, sup] WHERE /*@factInWindow(rel)*/ true)
  RETURN lab, company, line, customer, s, o, sup LIMIT $limit
  UNION
  MATCH (lab:Lab|Institution)-[s:SPUN_OFF]->(company:Company)-[o:OPERATES]->(line:ProductionLine)-[sup:SUPPLIES]->(customer:Entity {id: $through})
  WHERE ($includeDrafts OR none(x IN [lab, company, line, customer, s, o, sup] WHERE coalesce(x.draft, false)))
    AND all(rel IN [s, o, sup] WHERE /*@factInWindow(rel)*/ true)
  RETURN lab, company, line, customer, s, o, sup LIMIT $limit
}
WITH lab, company, line, customer, [s, o, sup] AS rels
ORDER BY lab.id, company.id, line.id, customer.id
LIMIT $limit
RETURN [n IN [lab, company, line, customer] | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                                               draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                     articleIds: r.articleIds, quotes: r.quotes, draftArticleIds: r.draftArticleIds,
                     draft: r.draft, confidence: r.confidence, rule: r.rule}] AS edges
