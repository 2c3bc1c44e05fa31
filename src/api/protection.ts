import { ApolloArmor } from "@escape.tech/graphql-armor";

/** Ceilings on what one request may ask of the generated API (introspection is exempt). */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2000,
} as const;

/**
 * graphql-armor's validation rules, run before any resolver: query depth, a cost estimate, alias
 * and directive counts; and graphql-js's own token limit, applied while parsing (`parseOptions`).
 * Page sizes are capped by @limit in the type definitions.
 *
 * The token count is not armor's: its plugin parses the query a second time inside an Apollo
 * hook, where any error, a plain syntax error included, becomes an HTTP 500. graphql-js's
 * `maxTokens` fails the one parse Apollo does, which Apollo answers with HTTP 400.
 */
export function queryProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return { ...armor.protect(), parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}
