// Innovation chains: lab or institution -[SPUN_OFF]-> company -[OPERATES]-> production line
// -[SUPPLIES]-> customer, anywhere in the graph ($through is null; see innovation-chains-through
// for chains through one entity). Unless $includeDrafts, a chain with a draft awaiting review
// (a relationship or an entity with draft = true) is left out. With $window, every edge of a chain
// is a fact dated in [$since, $until] (fragments/fact-in-window.cypher, written in where /*@…*/
// marks it by src/api/analyst/queries.ts).
// The first $limit chains found are taken and only that page is sorted: a large graph holds
// about a million chains (M in BENCHMARKS.md), so sorting them all before the LIMIT took seconds.
MATCH (lab:Lab|Institution)-[s:SPUN_OFF]->(company:Company)-[o:OPERATES]->(line:ProductionLine)-[sup:SUPPLIES]->(customer:Entity)
WHERE ($includeDrafts
   OR none(x IN [lab, company, line, customer, s, o, sup] WHERE coalesce(x.draft, false)))
  AND all(rel IN [s, o, sup] WHERE /*@factInWindow(rel)*/ true)
WITH lab, company, line, customer, [s, o, sup] AS rels
LIMIT $limit
WITH lab, company, line, customer, rels
ORDER BY lab.id, company.id, line.id, customer.id
RETURN [n IN [lab, company, line, customer] | {id: n.id, labels: labels(n), name: n.name, names: n.names,
                                               draft: n.draft, confidence: n.confidence, rule: n.rule}] AS nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                     articleIds: r.articleIds, quotes: r.quotes, draftArticleIds: r.draftArticleIds,
                     draft: r.draft, confidence: r.confidence, rule: r.rule}] AS edges
