// Innovation chains: lab or institution -[SPUN_OFF]-> company -[OPERATES]-> production line
// -[SUPPLIES]-> customer. $through: an entity id that must be one of the four, or null.
MATCH (lab:Lab|Institution)-[s:SPUN_OFF]->(company:Company)-[o:OPERATES]->(line:ProductionLine)-[sup:SUPPLIES]->(customer:Entity)
WHERE $through IS NULL OR $through IN [lab.id, company.id, line.id, customer.id]
WITH lab, company, line, customer, [s, o, sup] AS rels
ORDER BY lab.id, company.id, line.id, customer.id
LIMIT $limit
RETURN [n IN [lab, company, line, customer] | {id: n.id, labels: labels(n), name: n.name, names: n.names}] AS nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r),
                     articleIds: r.articleIds, quotes: r.quotes}] AS edges
