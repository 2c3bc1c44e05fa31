import type { Driver } from "neo4j-driver";
import type { CaseIds } from "./query-cases.js";

/**
 * Realistic arguments for the query cases, read from the graph: the best-connected institution
 * (the worst case for neighborhood), two companies far apart, the company on the most innovation
 * chains (roughly: most parents times most lines),
 * two regions with links, and a name to search for.
 */
export async function pickCaseIds(driver: Driver, database: string): Promise<CaseIds> {
  const one = async (query: string) => (await driver.executeQuery(query, {}, { database, routing: "READ" })).records[0]?.toObject() ?? {};
  const hub = await one("MATCH (i:Institution) RETURN i.id AS id, i.nameZhHant AS name ORDER BY COUNT { (i)--() } DESC LIMIT 1");
  const companies = await one(
    "MATCH (c:Company) WITH c ORDER BY c.id LIMIT 200 WITH collect(c.id) AS ids RETURN ids[0] AS from, ids[size(ids) - 1] AS to",
  );
  const chain = await one(
    `MATCH (c:Company) WHERE EXISTS { (:Lab|Institution)-[:SPUN_OFF]->(c)-[:OPERATES]->(:ProductionLine)-[:SUPPLIES]->() }
     RETURN c.id AS id ORDER BY COUNT { (c)<-[:SPUN_OFF]-() } * COUNT { (c)-[:OPERATES]->() } DESC LIMIT 1`,
  );
  const regions = await one(
    `MATCH (a:Region)<-[:PART_OF]-(:Region) WHERE a.level = 'province' OR a.id = 'hong-kong'
     WITH collect(a.id)[0..2] AS two RETURN coalesce(CASE WHEN 'hong-kong' IN two THEN 'hong-kong' END, two[0]) AS a,
     CASE WHEN EXISTS { MATCH (:Region {id: 'shandong'}) } THEN 'shandong' ELSE two[1] END AS b`,
  );
  return {
    searchText: String(hub.name ?? "香港"),
    hub: String(hub.id),
    from: String(companies.from),
    to: String(companies.to),
    through: chain.id ? String(chain.id) : undefined,
    regionA: String(regions.a),
    regionB: String(regions.b),
  };
}
