import type { Driver } from "neo4j-driver";
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

async function postGraphql(url: string, body: QueryCase["graphql"]): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { errors?: Array<{ message: string }> };
  if (json.errors) throw new Error(`GraphQL error: ${json.errors[0]?.message}`);
}

/** Each case measured twice in the same run: through the API over HTTP, and as raw Cypher. */
export async function measureLatency(
  apiUrl: string,
  driver: Driver,
  database: string,
  cases: QueryCase[],
  runs: number,
): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const c of cases) {
    const raw = await measure(async () => {
      const first = await driver.executeQuery(c.cypher, c.params, { database, routing: "READ" });
      if (c.cypherFallback && first.records.length === 0)
        await driver.executeQuery(c.cypher, c.cypherFallback, { database, routing: "READ" });
    }, runs);
    const graphql = await measure(() => postGraphql(apiUrl, c.graphql), runs);
    rows.push({ query: c.name, graphql, raw, ratioP95: round(graphql.p95 / raw.p95), addedP95: round(graphql.p95 - raw.p95) });
  }
  return rows;
}
