import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../log.js";

/** @neo4j/graphql's auth errors carry no code; clients need the standard ones. */
const CODE_BY_ERROR_NAME: Record<string, string> = {
  Neo4jGraphQLAuthenticationError: "UNAUTHENTICATED",
  Neo4jGraphQLForbiddenError: "FORBIDDEN",
};

/** Neo4j's codes for a transaction stopped by its timeout. */
const TIMEOUT = /TransactionTimedOut|TransactionTimedOutClientConfiguration/;

/**
 * Every error leaves with a code; internal failures leave without their message (which may hold
 * query details), and are logged instead. Stack traces only in development (Apollo's option).
 */
export function errorFormatter(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: Error & { code?: string } }).originalError;
    // A missing token surfaces as a plain Neo4jGraphQLError whose message is "Unauthenticated".
    const mapped = original
      ? (CODE_BY_ERROR_NAME[original.name] ?? (original.message === "Unauthenticated" ? "UNAUTHENTICATED" : undefined))
      : undefined;
    if (mapped) return { ...formatted, extensions: { ...formatted.extensions, code: mapped } };
    if (original?.code && TIMEOUT.test(original.code)) {
      return { message: "the query took too long and was stopped", path: formatted.path, extensions: { code: "TIMEOUT" } };
    }
    if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR" && !development) {
      log.error({ err: original ?? error, path: formatted.path }, "resolver failed");
      return { message: "internal error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    return formatted;
  };
}
