import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { analystResolvers } from "./analyst/resolvers.js";
import { loadTypeDefs } from "./type-defs.js";

export interface ApiSchema {
  neoSchema: Neo4jGraphQL;
  schema: GraphQLSchema;
}

/** The generated @neo4j/graphql schema over graphql/*.graphql. */
export async function buildApiSchema(driver: Driver | undefined, jwtSecret: string): Promise<ApiSchema> {
  const neoSchema = new Neo4jGraphQL({
    typeDefs: loadTypeDefs(),
    driver,
    resolvers: analystResolvers,
    features: { authorization: { key: jwtSecret } },
  });
  const schema = await neoSchema.getSchema();
  return { neoSchema, schema };
}

/**
 * The library's own compatibility check (Neo4j 5.23+, APOC functions it calls): run at start so a
 * wrong server fails loudly instead of failing queries later.
 */
export async function assertCompatibleServer(neoSchema: Neo4jGraphQL, driver: Driver, database: string): Promise<void> {
  try {
    await neoSchema.checkNeo4jCompat({ driver, sessionConfig: { database } });
  } catch (err) {
    throw new Error(
      `the Neo4j server is not compatible with @neo4j/graphql 7: ${(err as Error).message}\n` +
        "It needs Neo4j 5.23 or later with APOC core installed (apoc.util.validatePredicate, apoc.date.convertFormat).",
    );
  }
}
