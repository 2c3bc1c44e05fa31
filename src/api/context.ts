import type { IncomingMessage } from "node:http";
import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import { GraphQLError } from "graphql";
import type { Driver } from "neo4j-driver";
import { TokenRefused, type VerifiedClaims } from "../auth/verify.js";

/** Per-request context: @neo4j/graphql's (driver, session and transaction settings, token) plus ours. */
export interface ApiContext extends Neo4jGraphQLContext {
  driver: Driver;
  database: string;
  txTimeoutMs: number;
  /** The bearer token's claims when it passed every check (src/auth/verify.ts). */
  jwt?: VerifiedClaims;
}

/**
 * The bearer token is checked here, once per request, by our rules (src/auth/verify.ts).
 * @neo4j/graphql gets only the verified claims as `jwt` (it trusts them and never decodes the raw
 * token). A request whose token is refused is answered 401 UNAUTHENTICATED with the reason, reads
 * included: a client sending a wrong credential learns it. No token means anonymous reading.
 */
export function contextFactory(
  driver: Driver,
  database: string,
  txTimeoutMs: number,
  authenticate: (token: string | undefined) => Promise<VerifiedClaims | undefined>,
) {
  return async (req: IncomingMessage): Promise<ApiContext> => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : undefined;
    let jwt: VerifiedClaims | undefined;
    try {
      jwt = await authenticate(token);
    } catch (err) {
      if (err instanceof TokenRefused) throw refused(err.message);
      throw err;
    }
    return {
      driver,
      database,
      txTimeoutMs,
      executionContext: driver,
      sessionConfig: { database },
      transaction: { timeout: txTimeoutMs },
      ...(jwt ? { jwt } : {}),
    };
  };
}

function refused(reason: string): GraphQLError {
  return new GraphQLError(`${reason}: send a valid bearer token, or none to read anonymously`, {
    extensions: {
      code: "UNAUTHENTICATED",
      http: { status: 401, headers: new Map([["www-authenticate", 'Bearer error="invalid_token"']]) },
    },
  });
}
