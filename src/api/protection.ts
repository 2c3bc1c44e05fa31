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
 * graphql-armor's validation rules, run before any resolver: query depth, a cost estimate, alias,
 * directive and token counts. Page sizes are capped by @limit in the type definitions.
 */
export function queryProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect();
}
