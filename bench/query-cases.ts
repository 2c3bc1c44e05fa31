import neo4j from "neo4j-driver";
import { NEIGHBORHOOD_COUNT_CEILING, REGION_COOPERATION_SCAN, REGION_MEMBER_SET_LIMIT } from "../src/api/analyst/limits.js";
import { luceneQuery } from "../src/api/analyst/lucene.js";
import { analystCypher } from "../src/api/analyst/queries.js";
import { RELATION_TYPES } from "../src/model/relation.js";

const STATED_TYPES = Object.keys(RELATION_TYPES).filter((t) => t !== "LOCATED_IN" && t !== "PART_OF");

/**
 * Each case: a GraphQL request and the equivalent raw Cypher with its parameters (the same Cypher
 * the resolver runs, or for generated queries the hand-written query a Cypher expert would use).
 * The ratio GraphQL-over-HTTP / raw-through-the-driver is the API's overhead.
 */
export interface QueryCase {
  name: string;
  graphql: { query: string; variables?: Record<string, unknown> };
  cypher: string;
  params: Record<string, unknown>;
  /** For connection: raw first tries stated relations only, like the resolver. */
  cypherFallback?: Record<string, unknown>;
}

const int = (n: number) => neo4j.int(n);
/** No since/until: the resolvers pass the same neutral window (the time rule is still written in). */
const NO_WINDOW = { window: false, since: new neo4j.types.Date(1, 1, 1), until: new neo4j.types.Date(9999, 12, 31) };
/** neighborhood's defaults: any relation type, both directions, totals counted up to the ceiling. */
const EVERY_RELATION = { types: ["*"], direction: "BOTH", countCeiling: NEIGHBORHOOD_COUNT_CEILING };

export interface CaseIds {
  searchText: string;
  hub: string;
  from: string;
  to: string;
  through?: string;
  regionA: string;
  regionB: string;
}

/** Selection sets shared by the cases: a subgraph, and an innovation chain, each with evidence. */
const EDGES = "edges { source target type evidence { articleId quote } }";
const SUBGRAPH = `{ nodes { id kind name names } ${EDGES} }`;
const CHAIN = `{ lab { id name } spinoff { id name } productionLine { id name } customer { id name } ${EDGES} }`;

export function queryCases(ids: CaseIds): QueryCase[] {
  const lucene = luceneQuery(ids.searchText);
  return [
    {
      name: "search",
      graphql: {
        query: "query ($t: String!) { search(text: $t, limit: 20) { id kind name names score } }",
        variables: { t: ids.searchText },
      },
      cypher: analystCypher("search.cypher"),
      params: { lucene: lucene.query, exact: lucene.exact, kinds: null, limit: int(20), candidates: int(100), includeDrafts: false },
    },
    {
      name: "neighborhood depth 1",
      graphql: {
        query: `query ($id: ID!) { neighborhood(id: $id, depth: 1) ${SUBGRAPH} }`,
        variables: { id: ids.hub },
      },
      cypher: analystCypher("neighborhood.cypher"),
      params: { id: ids.hub, depth: int(1), limit: int(200), includeDrafts: false, ...EVERY_RELATION, ...NO_WINDOW },
    },
    {
      name: "neighborhood depth 2",
      graphql: {
        query: `query ($id: ID!) { neighborhood(id: $id, depth: 2) ${SUBGRAPH} }`,
        variables: { id: ids.hub },
      },
      cypher: analystCypher("neighborhood.cypher"),
      params: { id: ids.hub, depth: int(2), limit: int(200), includeDrafts: false, ...EVERY_RELATION, ...NO_WINDOW },
    },
    {
      name: "connection",
      graphql: {
        query: `query ($a: ID!, $b: ID!) { connection(from: $a, to: $b) ${SUBGRAPH} }`,
        variables: { a: ids.from, b: ids.to },
      },
      cypher: analystCypher("connection.cypher"),
      params: { from: ids.from, to: ids.to, maxHops: int(6), statedOnly: true, includeDrafts: false, ...NO_WINDOW },
      cypherFallback: { from: ids.from, to: ids.to, maxHops: int(6), statedOnly: false, includeDrafts: false, ...NO_WINDOW },
    },
    {
      name: "innovationChains (through a company)",
      graphql: {
        query: `query ($t: ID) { innovationChains(through: $t) ${CHAIN} }`,
        variables: { t: ids.through ?? null },
      },
      cypher: analystCypher(ids.through ? "innovation-chains-through.cypher" : "innovation-chains.cypher"),
      params: { through: ids.through ?? null, limit: int(50), includeDrafts: false, ...NO_WINDOW },
    },
    {
      name: "innovationChains (anywhere)",
      graphql: {
        query: `{ innovationChains ${CHAIN} }`,
      },
      cypher: analystCypher("innovation-chains.cypher"),
      params: { limit: int(50), includeDrafts: false, ...NO_WINDOW },
    },
    {
      name: "regionLinks",
      graphql: {
        query: "query ($a: ID!, $b: ID!) { regionLinks(a: $a, b: $b) { source target type evidence { articleId quote } } }",
        variables: { a: ids.regionA, b: ids.regionB },
      },
      cypher: analystCypher("region-links.cypher"),
      params: {
        a: ids.regionA,
        b: ids.regionB,
        limit: int(200),
        memberSetLimit: REGION_MEMBER_SET_LIMIT,
        includeDrafts: false,
        ...NO_WINDOW,
      },
    },
    {
      name: "regionCooperation",
      graphql: {
        query: `query ($a: ID!, $b: ID!) { regionCooperation(a: $a, b: $b) {
          total links { a { id } b { id } bridge { id } ${EDGES} dates placementA { basis region { id } } placementB { basis region { id } } }
          pairs { a { id } b { id } links articles firstDate lastDate } } }`,
        variables: { a: ids.regionA, b: ids.regionB },
      },
      cypher: analystCypher("region-cooperation.cypher"),
      // As the resolver passes the defaults (src/api/analyst/resolvers.ts).
      params: {
        a: ids.regionA,
        b: ids.regionB,
        ...Object.fromEntries(["aKinds", "aTypes", "bKinds", "bTypes", "relationTypes"].map((k) => [k, ["*"]])),
        bridgeKinds: ["Agreement", "Event", "Lab", "Company"],
        direct: true,
        bridged: true,
        ...NO_WINDOW,
        gazetteer: true,
        placements: ["LOCATED", "NAME", "EVENT"],
        limit: int(200),
        scan: REGION_COOPERATION_SCAN,
        includeDrafts: false,
      },
    },
    {
      name: "connections (k = 3)",
      graphql: {
        query: `query ($a: ID!, $b: ID!) { connections(from: $a, to: $b) ${SUBGRAPH} }`,
        variables: { a: ids.from, b: ids.regionB },
      },
      cypher: analystCypher("connections.cypher").replace("SHORTEST $k", "SHORTEST 3"),
      params: {
        from: ids.from,
        to: ids.regionB,
        maxHops: int(6),
        avoid: [""],
        avoidKinds: [""],
        types: ["", ...STATED_TYPES],
        placeTypes: ["", "LOCATED_IN", "PART_OF"],
        maxDegree: int(50),
        includeDrafts: false,
        ...NO_WINDOW,
      },
    },
    {
      name: "generated: companies page",
      graphql: { query: "{ companies(limit: 50, sort: [{ name: ASC }]) { id name names } }" },
      cypher: "MATCH (c:Company) RETURN c.id AS id, c.name AS name, c.names AS names ORDER BY c.name LIMIT 50",
      params: {},
    },
    {
      name: "generated: entity with relations",
      graphql: {
        query:
          "query ($id: ID!) { institutions(where: { id: { eq: $id } }) { id name staff { id name } organized { id name } locatedIn { id name } } }",
        variables: { id: ids.hub },
      },
      // LIMIT 50 in each list, as @limit gives the generated API (see kinds.graphql).
      cypher: `MATCH (i:Institution {id: $id})
               RETURN i.id AS id, i.name AS name,
                      COLLECT { MATCH (p:Person)-[:WORKS_AT]->(i) RETURN p { .id, .name } LIMIT 50 } AS staff,
                      COLLECT { MATCH (i)-[:ORGANIZED]->(e:Event) RETURN e { .id, .name } LIMIT 50 } AS organized,
                      COLLECT { MATCH (i)-[:LOCATED_IN]->(r:Region) RETURN r { .id, .name } LIMIT 50 } AS locatedIn`,
      params: { id: ids.hub },
    },
  ];
}
