import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../log.js";

/** @neo4j/graphql's auth errors carry no code; clients need the standard ones. */
const CODE_BY_ERROR_NAME: Record<string, string> = {
  Neo4jGraphQLAuthenticationError: "UNAUTHENTICATED",
  Neo4jGraphQLForbiddenError: "FORBIDDEN",
};

/** Neo4j's codes for a transaction stopped by its timeout. */
const TIMEOUT = /TransactionTimedOut|TransactionTimedOutClientConfiguration/;
/** The driver's codes for a database it cannot reach (stopped, killed, restarting, unreachable). */
const UNAVAILABLE = /^(?:ServiceUnavailable|SessionExpired)$|DatabaseUnavailable/;
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

/** graphql-js's token limit (parseOptions.maxTokens), and armor's prefix on its limit refusals. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./;
const ARMOR_PREFIX = /^Syntax Error: (?=.*\blimit of \d+ exceeded)/i;

/** Longest stretch of a client's input an error message repeats; longer quoted values are cut. */
export const ECHO_CHARS = 80;
const MAX_MESSAGE_CHARS = 1000;

/**
 * Cuts what an error repeats of the client's input (a quoted value, as graphql-js and our resolvers
 * quote it) to its first ECHO_CHARS characters, and the whole message to MAX_MESSAGE_CHARS: a
 * 900 KB id is not sent back whole.
 */
export function cutEchoes(message: string): string {
  // A quote with no closing one runs to the end; so every character is read once.
  const cut = message.replace(/"((?:[^"\\]|\\.)*)("|$)/g, (quoted, inner: string) =>
    inner.length > ECHO_CHARS ? `"${inner.slice(0, ECHO_CHARS)}…" (${inner.length} characters)` : quoted,
  );
  return cut.length > MAX_MESSAGE_CHARS ? `${cut.slice(0, MAX_MESSAGE_CHARS)}… (message cut)` : cut;
}

/**
 * Limit refusals say which limit, without the "Syntax Error:" that graphql-armor and graphql-js put
 * before them, and carry GRAPHQL_VALIDATION_FAILED (the token limit is checked while parsing).
 */
function limitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens) {
    return {
      message: `Token limit of ${tokens[1]} exceeded: the query has more than ${tokens[1]} tokens.`,
      locations: formatted.locations,
      extensions: { ...formatted.extensions, code: "GRAPHQL_VALIDATION_FAILED" },
    };
  }
  if (ARMOR_PREFIX.test(formatted.message)) return { ...formatted, message: formatted.message.replace(ARMOR_PREFIX, "") };
  return undefined;
}

/**
 * Every error leaves with a code; internal failures leave without their message (which may hold
 * query details), and are logged instead. Stack traces only in development (Apollo's option).
 */
export function errorFormatter(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return { ...out, message: cutEchoes(out.message) };
  };

  function format(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const limit = limitRefusal(formatted);
    if (limit) return limit;
    const original = (error as { originalError?: Error & { code?: string } }).originalError;
    // A missing token surfaces as a plain Neo4jGraphQLError whose message is "Unauthenticated".
    const mapped = original
      ? (CODE_BY_ERROR_NAME[original.name] ?? (original.message === "Unauthenticated" ? "UNAUTHENTICATED" : undefined))
      : undefined;
    if (mapped) return { ...formatted, extensions: { ...formatted.extensions, code: mapped } };
    if (original?.code && UNAVAILABLE.test(original.code)) {
      return {
        message: "the database is not reachable right now; try again shortly",
        path: formatted.path,
        extensions: { code: SERVICE_UNAVAILABLE },
      };
    }
    if (original?.code && TIMEOUT.test(original.code)) {
      return { message: "the query took too long and was stopped", path: formatted.path, extensions: { code: "TIMEOUT" } };
    }
    if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR" && !development) {
      log.error({ err: original ?? error, path: formatted.path }, "resolver failed");
      return { message: "internal error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    return formatted;
  }
}
