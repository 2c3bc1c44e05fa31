import { GraphQLError } from "graphql";
import neo4j, { type RecordShape } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import { KIND_OF_LABEL } from "../../model/entity-kinds.js";
import type { ApiContext } from "../context.js";
import { type EdgeRow, LABEL_OF_KIND, type NodeRow, toGraphEdge, toGraphNode } from "./graph-mapping.js";
import { clamp, LIMITS, REGION_MEMBER_SET_LIMIT } from "./limits.js";
import { cleanSearchText, luceneQuery } from "./lucene.js";

/** Runs a read-only analyst query from cypher/analyst/ with the request's transaction timeout. */
async function read(ctx: ApiContext, file: string, params: Record<string, unknown>): Promise<RecordShape[]> {
  const { records } = await ctx.driver.executeQuery(cypher(`analyst/${file}`), params, {
    database: ctx.database,
    routing: "READ",
    transactionConfig: { timeout: ctx.txTimeoutMs },
  });
  return records.map((r) => r.toObject());
}

function subgraph(row: RecordShape | undefined) {
  if (!row) return null;
  return { nodes: (row.nodes as NodeRow[]).map(toGraphNode), edges: (row.edges as EdgeRow[]).map(toGraphEdge) };
}

/** Every analyst query leaves drafts awaiting review out unless asked (graphql/analyst.graphql). */
interface DraftArg {
  includeDrafts?: boolean | null;
}

const includeDrafts = (args: DraftArg) => args.includeDrafts === true;

interface SearchArgs extends DraftArg {
  text: string;
  kinds?: string[] | null;
  limit?: number | null;
}

async function search(_: unknown, args: SearchArgs, ctx: ApiContext) {
  const text = cleanSearchText(args.text, LIMITS.searchTextLength);
  if (!text) throw new GraphQLError("search text must contain at least one letter or digit", { extensions: { code: "BAD_USER_INPUT" } });
  const limit = clamp(args.limit, LIMITS.limit, 20);
  const { query, exact } = luceneQuery(text);
  const rows = await read(ctx, "search.cypher", {
    lucene: query,
    exact,
    kinds: args.kinds?.length ? args.kinds.map((k) => LABEL_OF_KIND[k]) : null,
    limit,
    candidates: neo4j.int(Math.max(limit.toNumber() * 5, 100)),
    includeDrafts: includeDrafts(args),
  });
  return rows.map((r) => ({ ...r, kind: KIND_OF_LABEL[r.kind as keyof typeof KIND_OF_LABEL] }));
}

async function neighborhood(_: unknown, args: { id: string; depth?: number | null; limit?: number | null } & DraftArg, ctx: ApiContext) {
  const rows = await read(ctx, "neighborhood.cypher", {
    id: args.id,
    depth: clamp(args.depth, LIMITS.depth, 1),
    limit: clamp(args.limit, LIMITS.limit, 200),
    includeDrafts: includeDrafts(args),
  });
  const found = subgraph(rows[0]);
  if (!found) throw new GraphQLError(`no entity with id "${args.id}"`, { extensions: { code: "NOT_FOUND" } });
  return found;
}

async function connection(_: unknown, args: { from: string; to: string; maxHops?: number | null } & DraftArg, ctx: ApiContext) {
  if (args.from === args.to) {
    const rows = await read(ctx, "neighborhood.cypher", {
      id: args.from,
      depth: neo4j.int(0),
      limit: neo4j.int(1),
      includeDrafts: includeDrafts(args),
    });
    return rows[0] ? { nodes: (rows[0].nodes as NodeRow[]).map(toGraphNode), edges: [] } : null;
  }
  const params = { from: args.from, to: args.to, maxHops: clamp(args.maxHops, LIMITS.maxHops, 6), includeDrafts: includeDrafts(args) };
  const stated = await read(ctx, "connection.cypher", { ...params, statedOnly: true });
  if (stated[0]) return subgraph(stated[0]);
  return subgraph((await read(ctx, "connection.cypher", { ...params, statedOnly: false }))[0]);
}

async function innovationChains(_: unknown, args: { through?: string | null; limit?: number | null } & DraftArg, ctx: ApiContext) {
  const limit = clamp(args.limit, LIMITS.limit, 50);
  const drafts = includeDrafts(args);
  const rows = args.through
    ? await read(ctx, "innovation-chains-through.cypher", { through: args.through, limit, includeDrafts: drafts })
    : await read(ctx, "innovation-chains.cypher", { limit, includeDrafts: drafts });
  return rows.map((row) => {
    const [lab, spinoff, productionLine, customer] = (row.nodes as NodeRow[]).map(toGraphNode);
    return { lab, spinoff, productionLine, customer, edges: (row.edges as EdgeRow[]).map(toGraphEdge) };
  });
}

async function regionLinks(_: unknown, args: { a: string; b: string; limit?: number | null } & DraftArg, ctx: ApiContext) {
  const rows = await read(ctx, "region-links.cypher", {
    a: args.a,
    b: args.b,
    limit: clamp(args.limit, LIMITS.limit, 200),
    memberSetLimit: REGION_MEMBER_SET_LIMIT,
    includeDrafts: includeDrafts(args),
  });
  return rows.map((r) => toGraphEdge(r.edge as EdgeRow));
}

export const analystResolvers = { Query: { search, neighborhood, connection, innovationChains, regionLinks } };
