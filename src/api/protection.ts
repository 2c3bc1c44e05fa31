import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { costLimit, costLimitRule } from "./cost-limit.js";

/** Ceilings on what one request may ask of the generated API (introspection is exempt). */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2000,
} as const;

/**
 * graphql-armor's validation rules, run before any resolver: query depth, alias and directive
 * counts; graphql-js's own token limit, applied while parsing (`parseOptions`); and the cost limit
 * (cost-limit.ts: armor's cost model, but with page sizes read from variables as well as literals,
 * which a validation rule cannot see). Page sizes are capped by @limit in the type definitions.
 *
 * The token count is not armor's: its plugin parses the query a second time inside an Apollo
 * hook, where any error, a plain syntax error included, becomes an HTTP 500. graphql-js's
 * `maxTokens` fails the one parse Apollo does, which Apollo answers with HTTP 400.
 */
export function queryProtection<T extends object>() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { enabled: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const armed = armor.protect();
  return {
    validationRules: [...armed.validationRules, costLimitRule(QUERY_LIMITS.maxCost)],
    // graphql-armor is typed against Apollo's CommonJS build; the plugin objects are the same.
    plugins: [...(armed.plugins as unknown as ApolloServerPlugin<T>[]), costLimit<T>(QUERY_LIMITS.maxCost)],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
  };
}
