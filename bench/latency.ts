import type { Driver } from "neo4j-driver";
import { GraphqlClient } from "./graphql-client.js";
import type { QueryCase } from "./query-cases.js";
import { type Latency, measure, round } from "./stats.js";

export interface LatencyRow {
  query: string;
  graphql: Latency;
  raw: Latency;
  /** GraphQL-over-HTTP p95 / raw p95. */
  ratioP95: number;
  /** GraphQL-over-HTTP p95 minus raw p95, in ms. */
  addedP95: number;
}

export interface LatencyReport {
  /** The HTTP round trip alone: `{ __typename }` touches neither resolvers nor Neo4j. */
  httpFloor: Latency;
  rows: LatencyRow[];
}

/**
 * Each case measured both ways in the same run: as raw Cypher through the driver, then through
 * the API over HTTP. In blocks, not alternating run by run: alternating lets the API process's
 * work after a response (GC, socket clean-up) overlap the next raw query on 2 cores, which made
 * raw search 3× slower in a trial and the ratio look better than it is.
 */
export async function measureLatency(
  apiUrl: string,
  driver: Driver,
  database: string,
  cases: QueryCase[],
  runs: number,
): Promise<LatencyReport> {
  const client = new GraphqlClient(apiUrl);
  try {
    const httpFloor = await measure(() => client.post({ query: "{ __typename }" }), runs);
    const rows: LatencyRow[] = [];
    for (const c of cases) {
      const rawQuery = async () => {
        const first = await driver.executeQuery(c.cypher, c.params, { database, routing: "READ" });
        if (c.cypherFallback && first.records.length === 0)
          await driver.executeQuery(c.cypher, c.cypherFallback, { database, routing: "READ" });
      };
      const raw = await measure(rawQuery, runs);
      const graphql = await measure(() => client.post(c.graphql), runs);
      rows.push({ query: c.name, graphql, raw, ratioP95: round(graphql.p95 / raw.p95), addedP95: round(graphql.p95 - raw.p95) });
    }
    return { httpFloor, rows };
  } finally {
    client.close();
  }
}
