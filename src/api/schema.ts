import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../log.js";
import { analystResolvers } from "./analyst/resolvers.js";
import type { ApiContext } from "./context.js";
import { reviewResolvers } from "./review/resolvers.js";
import { loadTypeDefs } from "./type-defs.js";

export interface ApiSchema {
  neoSchema: Neo4jGraphQL;
  schema: GraphQLSchema;
}

/** What the review API's resolvers need besides the request context. */
export interface ReviewSettings {
  seedDir: string;
  log: Logger;
}

/** The generated @neo4j/graphql schema over graphql/*.graphql, with the analyst and review resolvers. */
export async function buildApiSchema(driver: Driver | undefined, jwtSecret: string, review: ReviewSettings): Promise<ApiSchema> {
  const reviews = reviewResolvers(review);
  const neoSchema = new Neo4jGraphQL({
    typeDefs: loadTypeDefs(),
    driver,
    resolvers: { Query: { ...analystResolvers.Query, ...reviews.Query }, Mutation: reviews.Mutation },
    features: {
      authorization: { key: jwtSecret },
      // editedBy on every entity written through the API: the verified editor token's subject.
      populatedBy: { callbacks: { editor: (_parent, _args, context) => (context.jwt as ApiContext["jwt"])?.sub ?? "unknown" } },
    },
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
