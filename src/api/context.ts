import type { IncomingMessage } from "node:http";
import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import type { Driver } from "neo4j-driver";

/** Per-request context: @neo4j/graphql's (driver, session and transaction settings, token) plus ours. */
export interface ApiContext extends Neo4jGraphQLContext {
  driver: Driver;
  database: string;
  txTimeoutMs: number;
}

export function contextFactory(driver: Driver, database: string, txTimeoutMs: number) {
  return async (req: IncomingMessage): Promise<ApiContext> => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : undefined;
    return {
      driver,
      database,
      txTimeoutMs,
      executionContext: driver,
      sessionConfig: { database },
      transaction: { timeout: txTimeoutMs },
      ...(token ? { token } : {}),
    };
  };
}
