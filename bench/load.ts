import autocannon from "autocannon";

export interface LoadRow {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** HTTP throughput of one GraphQL request under `connections` concurrent clients, bounded in time. */
export async function measureLoad(apiUrl: string, body: unknown, connections: number, seconds: number): Promise<LoadRow> {
  const result = await autocannon({
    url: `${apiUrl}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    connections,
    duration: seconds,
  });
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
