import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll } from "vitest";
import { type RunningApi, startApi } from "../../src/api/app.js";
import type { Route } from "../../src/api/http-server.js";
import { mintToken, type Role } from "../../src/auth/token.js";
import { log } from "../../src/log.js";
import { DATABASE, seededGraph } from "./neo4j.js";

export const TEST_JWT_SECRET = "test-secret-for-the-api-suites-0123456789";

/** The real API server on a free port, over the run's Neo4j. */
export function startTestApi(
  driver: Driver,
  overrides: { txTimeoutMs?: number; deadlineMs?: number; routes?: Route[]; corsOrigins?: string[]; allowedHosts?: string[] } = {},
): Promise<RunningApi> {
  return startApi({
    driver,
    database: DATABASE,
    host: "127.0.0.1",
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    requestTimeoutMs: 20_000,
    txTimeoutMs: overrides.txTimeoutMs ?? 15_000,
    requestDeadlineMs: overrides.deadlineMs,
    development: false,
    log,
    routes: overrides.routes,
    corsOrigins: overrides.corsOrigins,
    allowedHosts: overrides.allowedHosts,
  });
}

/**
 * Registers hooks that seed the graph and start the API before the suite's tests and close both
 * after; read `.driver` and `.api` inside tests.
 */
export function seededApiForSuite(routes?: Route[]): { driver: Driver; api: RunningApi } {
  const handle = {} as { driver: Driver; api: RunningApi };
  beforeAll(async () => {
    handle.driver = await seededGraph();
    handle.api = await startTestApi(handle.driver, { routes });
  });
  afterAll(async () => {
    await handle.api?.close();
    await handle.driver?.close();
  });
  return handle;
}

export function token(role: Role, secret = TEST_JWT_SECRET, expiresIn = "5m"): Promise<string> {
  return mintToken(secret, { subject: "test", roles: [role], expiresIn });
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; stacktrace?: unknown } }>;
}

/** POST /graphql over real HTTP. */
export async function gql<T = Record<string, any>>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
  bearer?: string,
): Promise<GqlResponse<T>> {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
