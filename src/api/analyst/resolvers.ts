import { GraphQLError } from "graphql";
import neo4j, { type RecordShape } from "neo4j-driver";
import { KIND_OF_LABEL } from "../../model/entity-kinds.js";
import { RELATION_TYPES } from "../../model/relation.js";
import type { ApiContext } from "../context.js";
import { type CardRow, toEntityCard } from "./entity-card.js";
import { type EdgeRow, LABEL_OF_KIND, type NodeRow, toGraphEdge, toGraphNode } from "./graph-mapping.js";
import {
  clamp,
  ENTITY_GROUP_COUNT_CEILING,
  LIMITS,
  NEIGHBORHOOD_COUNT_CEILING,
  RANKING_RELATION_CEILING,
  REGION_COOPERATION_SCAN,
  REGION_MEMBER_SET_LIMIT,
  REGION_PAIRS_SCAN,
} from "./limits.js";
import { cleanSearchText, luceneQuery } from "./lucene.js";
import { analystCypher } from "./queries.js";
import { rankSubgraph, type SubgraphRow } from "./rankings.js";

/** Runs a read-only analyst query from cypher/analyst/ with the request's transaction timeout. */
async function read(ctx: ApiContext, file: string, params: Record<string, unknown>): Promise<RecordShape[]> {
  const { records } = await ctx.driver.executeQuery(analystCypher(file), params, {
    database: ctx.database,
    routing: "READ",
    transactionConfig: { timeout: ctx.txTimeoutMs },
  });
  return records.map((r) => r.toObject());
}

/**
 * NOT_FOUND for ids no entity has: one rule for every analyst query (an empty answer means "none").
 * Only an empty answer can come from an unknown id, so it is checked then, not on every request.
 */
async function requireKnown(ctx: ApiContext, ...ids: Array<string | null | undefined>): Promise<void> {
  const given = ids.filter((id): id is string => typeof id === "string");
  if (given.length === 0) return;
  const [row] = await read(ctx, "unknown-ids.cypher", { ids: given });
  const unknown = (row?.unknown as string[] | undefined) ?? [];
  if (unknown.length > 0)
    throw new GraphQLError(`no entity with id ${unknown.map((id) => `"${id}"`).join(", ")}`, { extensions: { code: "NOT_FOUND" } });
}

function subgraph(row: RecordShape | undefined) {
  if (!row) return null;
  return {
    nodes: (row.nodes as NodeRow[]).map(toGraphNode),
    edges: (row.edges as EdgeRow[]).map(toGraphEdge),
    truncated: row.truncated === true,
    total: row.total === undefined || row.total === null ? null : Number(row.total),
    totalCapped: row.totalCapped === undefined ? null : row.totalCapped === true,
  };
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

interface NeighborhoodArgs extends DraftArg, TimeArgs {
  id: string;
  depth?: number | null;
  limit?: number | null;
  types?: string[] | null;
  direction?: string | null;
}

async function neighborhood(_: unknown, args: NeighborhoodArgs, ctx: ApiContext) {
  const rows = await read(ctx, "neighborhood.cypher", {
    id: args.id,
    depth: clamp(args.depth, LIMITS.depth, 1),
    limit: clamp(args.limit, LIMITS.limit, 200),
    // Never null or []: ['*'] is any type (one parameter type, one plan).
    types: relationTypes(args.types, "types") ?? ["*"],
    direction: args.direction ?? "BOTH",
    countCeiling: NEIGHBORHOOD_COUNT_CEILING,
    includeDrafts: includeDrafts(args),
    ...timeWindow(args),
  });
  const found = subgraph(rows[0]);
  if (!found) throw new GraphQLError(`no entity with id "${args.id}"`, { extensions: { code: "NOT_FOUND" } });
  return found;
}

async function entity(_: unknown, args: { id: string; limit?: number | null } & TimeArgs & DraftArg, ctx: ApiContext) {
  const window = timeWindow(args);
  const rows = await read(ctx, "entity.cypher", {
    id: args.id,
    limit: clamp(args.limit, LIMITS.limit, 20),
    countCeiling: ENTITY_GROUP_COUNT_CEILING,
    includeDrafts: includeDrafts(args),
    ...window,
  });
  const row = rows[0];
  if (!row) {
    await requireKnown(ctx, args.id);
    throw new GraphQLError(`entity "${args.id}" is a draft awaiting review (ask with includeDrafts: true)`, {
      extensions: { code: "NOT_FOUND" },
    });
  }
  return toEntityCard(row as unknown as CardRow, ENTITY_GROUP_COUNT_CEILING.toNumber());
}

type ConnectionArgs = { from: string; to: string; maxHops?: number | null } & DraftArg & TimeArgs;

async function connection(_: unknown, args: ConnectionArgs, ctx: ApiContext) {
  const path = await shortestConnection(args, ctx);
  if (!path) await requireKnown(ctx, args.from, args.to);
  return path;
}

async function shortestConnection(args: ConnectionArgs, ctx: ApiContext) {
  const window = timeWindow(args);
  if (args.from === args.to) {
    const rows = await read(ctx, "neighborhood.cypher", {
      id: args.from,
      depth: neo4j.int(0),
      limit: neo4j.int(1),
      types: ["*"],
      direction: "BOTH",
      countCeiling: NEIGHBORHOOD_COUNT_CEILING,
      includeDrafts: includeDrafts(args),
      ...window,
    });
    return rows[0] ? { nodes: (rows[0].nodes as NodeRow[]).map(toGraphNode), edges: [], truncated: false } : null;
  }
  const params = {
    from: args.from,
    to: args.to,
    maxHops: clamp(args.maxHops, LIMITS.maxHops, 6),
    includeDrafts: includeDrafts(args),
    ...window,
  };
  const stated = await read(ctx, "connection.cypher", { ...params, statedOnly: true });
  if (stated[0]) return subgraph(stated[0]);
  return subgraph((await read(ctx, "connection.cypher", { ...params, statedOnly: false }))[0]);
}

async function timeline(_: unknown, args: { id: string; since?: string | null; until?: string | null } & DraftArg, ctx: ApiContext) {
  const rows = await read(ctx, "timeline.cypher", { id: args.id, includeDrafts: includeDrafts(args), ...timeWindow(args) });
  const row = rows[0];
  if (!row) throw new GraphQLError(`no entity with id "${args.id}"`, { extensions: { code: "NOT_FOUND" } });
  return { id: row.id, periods: row.periods, undated: Number(row.undated) };
}

async function innovationChains(
  _: unknown,
  args: { through?: string | null; limit?: number | null } & DraftArg & TimeArgs,
  ctx: ApiContext,
) {
  const limit = clamp(args.limit, LIMITS.limit, 50);
  const drafts = includeDrafts(args);
  const window = timeWindow(args);
  const rows = args.through
    ? await read(ctx, "innovation-chains-through.cypher", { through: args.through, limit, includeDrafts: drafts, ...window })
    : await read(ctx, "innovation-chains.cypher", { limit, includeDrafts: drafts, ...window });
  if (rows.length === 0) await requireKnown(ctx, args.through);
  return rows.map((row) => {
    const [lab, spinoff, productionLine, customer] = (row.nodes as NodeRow[]).map(toGraphNode);
    return { lab, spinoff, productionLine, customer, edges: (row.edges as EdgeRow[]).map(toGraphEdge) };
  });
}

async function regionLinks(_: unknown, args: { a: string; b: string; limit?: number | null } & DraftArg & TimeArgs, ctx: ApiContext) {
  const window = timeWindow(args);
  const rows = await read(ctx, "region-links.cypher", {
    ...window,
    a: args.a,
    b: args.b,
    limit: clamp(args.limit, LIMITS.limit, 200),
    memberSetLimit: REGION_MEMBER_SET_LIMIT,
    includeDrafts: includeDrafts(args),
  });
  if (rows.length === 0) await requireKnown(ctx, args.a, args.b);
  return rows.map((r) => toGraphEdge(r.edge as EdgeRow));
}

function badInput(message: string): never {
  throw new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

const CONTAINMENT = ["LOCATED_IN", "PART_OF"];
/** Every relation type but containment: what links and paths are made of. */
const STATED_TYPES = Object.keys(RELATION_TYPES).filter((t) => !CONTAINMENT.includes(t));

/** Relation types as the client names them, checked against the model; null stays null. */
function relationTypes(types: string[] | null | undefined, arg: string): string[] | null {
  if (!types) return null;
  const unknown = types.filter((t) => !(t in RELATION_TYPES));
  if (unknown.length) badInput(`${arg}: unknown relation type ${unknown.join(", ")}`);
  return types;
}

const labels = (kinds: string[] | null | undefined): string[] => (kinds ?? []).map((k) => LABEL_OF_KIND[k] ?? k);

/**
 * A date argument (YYYY, YYYY-MM or YYYY-MM-DD) as a Neo4j date: the first day of its period for
 * `since`, the last for `until`; null when absent.
 */
function dateArg(value: string | null | undefined, arg: string, end: boolean) {
  if (value === null || value === undefined || value === "") return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) badInput(`${arg}: expected YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end ? 12 : 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : end ? lastDay : 1;
  if (month < 1 || month > 12 || day < 1 || day > lastDay) badInput(`${arg}: no such date "${value}"`);
  return new neo4j.types.Date(year, month, day);
}

/** Every analyst query that returns facts takes these: dates as YYYY, YYYY-MM or YYYY-MM-DD. */
interface TimeArgs {
  since?: string | null;
  until?: string | null;
}

/**
 * The parameters of the shared time window (cypher/analyst/fragments/date-in-window.cypher):
 * `window` false when neither date is given. The dates are never null, so the parameters keep
 * their types from call to call and Neo4j keeps one plan. A malformed date is BAD_USER_INPUT.
 */
function timeWindow(args: TimeArgs) {
  const since = dateArg(args.since, "since", false);
  const until = dateArg(args.until, "until", true);
  if (since && until && since.toString() > until.toString()) badInput(`since (${args.since}) is after until (${args.until})`);
  return {
    window: since !== null || until !== null,
    since: since ?? new neo4j.types.Date(1, 1, 1),
    until: until ?? new neo4j.types.Date(9999, 12, 31),
  };
}

interface PlacementRow {
  basis: string;
  region: NodeRow;
  matchedName: string | null;
  event: NodeRow | null;
  edges: Array<EdgeRow & { basis: string | null }>;
}

function toPlacement(row: PlacementRow) {
  return {
    basis: row.basis,
    region: toGraphNode(row.region),
    matchedName: row.matchedName ?? null,
    event: row.event ? toGraphNode(row.event) : null,
    gazetteer: row.edges.some((e) => e.basis === "gazetteer"),
    edges: row.edges.map(toGraphEdge),
  };
}

interface PairRow {
  a: NodeRow;
  b: NodeRow;
  links: number;
  articleIds: string[];
  bridges: string[];
  types: string[];
  firstDate: string | null;
  lastDate: string | null;
}

interface LinkRow {
  a: NodeRow;
  b: NodeRow;
  bridge: NodeRow | null;
  edges: EdgeRow[];
  dates: string[];
  articleIds: string[];
  placements: [PlacementRow, PlacementRow];
}

interface RegionCooperationArgs extends DraftArg {
  a: string;
  b: string;
  aKinds?: string[] | null;
  aTypes?: string[] | null;
  bKinds?: string[] | null;
  bTypes?: string[] | null;
  relationTypes?: string[] | null;
  bridgeKinds?: string[] | null;
  direct?: boolean | null;
  bridged?: boolean | null;
  since?: string | null;
  until?: string | null;
  gazetteer?: boolean | null;
  placements?: string[] | null;
  limit?: number | null;
}

const BRIDGE_KINDS = ["AGREEMENT", "EVENT", "LAB", "COMPANY"];

async function regionCooperation(_: unknown, args: RegionCooperationArgs, ctx: ApiContext) {
  const bridgeKinds = args.bridgeKinds ?? BRIDGE_KINDS;
  const wrong = bridgeKinds.filter((k) => !BRIDGE_KINDS.includes(k));
  if (wrong.length) badInput(`bridgeKinds: a bridge is an agreement, event, lab or company, not ${wrong.join(", ")}`);
  // Lists are never null or empty here (['*'] is any), dates never null: a parameter whose type
  // changes between calls makes Neo4j plan the query again (region-cooperation.cypher).
  const any = (list: string[] | null | undefined) => (list?.length ? list : ["*"]);
  const rows = await read(ctx, "region-cooperation.cypher", {
    a: args.a,
    b: args.b,
    aKinds: any(labels(args.aKinds)),
    aTypes: any(args.aTypes),
    bKinds: any(labels(args.bKinds)),
    bTypes: any(args.bTypes),
    relationTypes: any(relationTypes(args.relationTypes, "relationTypes")),
    bridgeKinds: bridgeKinds.map((k) => LABEL_OF_KIND[k]),
    direct: args.direct !== false,
    bridged: args.bridged !== false,
    ...timeWindow(args),
    gazetteer: args.gazetteer !== false,
    placements: [...new Set(["LOCATED", ...(args.placements ?? ["NAME", "EVENT"])])],
    limit: clamp(args.limit, LIMITS.limit, 200),
    scan: REGION_COOPERATION_SCAN,
    includeDrafts: includeDrafts(args),
  });
  const row = rows[0];
  if (!row || Number(row.total) === 0) await requireKnown(ctx, args.a, args.b);
  if (!row) throw new GraphQLError(`no region with id "${args.a}" or "${args.b}"`, { extensions: { code: "NOT_FOUND" } });
  const pairs = (row.pairs as PairRow[]).map((p) => ({
    a: toGraphNode(p.a),
    b: toGraphNode(p.b),
    links: Number(p.links),
    articles: p.articleIds.length,
    articleIds: p.articleIds,
    bridges: p.bridges,
    types: p.types,
    firstDate: p.firstDate ?? null,
    lastDate: p.lastDate ?? null,
  }));
  pairs.sort((x, y) => y.links - x.links || y.articles - x.articles || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
  const links = (row.links as LinkRow[]).map((l) => ({
    a: toGraphNode(l.a),
    b: toGraphNode(l.b),
    bridge: l.bridge ? toGraphNode(l.bridge) : null,
    edges: l.edges.map(toGraphEdge),
    dates: l.dates,
    articleIds: l.articleIds,
    placementA: toPlacement(l.placements[0]),
    placementB: toPlacement(l.placements[1]),
  }));
  return { links, pairs, total: Number(row.total), truncated: row.truncated };
}

interface ConnectionsArgs extends DraftArg, TimeArgs {
  from: string;
  to: string;
  k?: number | null;
  maxHops?: number | null;
  avoid?: string[] | null;
  avoidKinds?: string[] | null;
  relationTypes?: string[] | null;
  skipRelationTypes?: string[] | null;
  maxDegree?: number | null;
}

async function connections(_: unknown, args: ConnectionsArgs, ctx: ApiContext) {
  if (args.from === args.to) badInput("from and to are the same entity");
  const use = relationTypes(args.relationTypes, "relationTypes");
  const skip = new Set(relationTypes(args.skipRelationTypes, "skipRelationTypes") ?? []);
  const k = clamp(args.k, LIMITS.paths, 3);
  // SHORTEST takes no parameter in Neo4j 5.26: the clamped integer is written into the query.
  const query = analystCypher("connections.cypher").replace("SHORTEST $k", `SHORTEST ${k.toNumber()}`);
  const { records } = await ctx.driver.executeQuery(
    query,
    {
      from: args.from,
      to: args.to,
      maxHops: clamp(args.maxHops, LIMITS.maxHops, 6),
      // Each list holds "" (no id, label or type is empty), so it is never an empty list: a
      // parameter that is sometimes [] and sometimes a list of strings is planned twice.
      avoid: ["", ...(args.avoid ?? [])],
      avoidKinds: ["", ...labels(args.avoidKinds)],
      types: ["", ...(use ?? STATED_TYPES).filter((t) => !CONTAINMENT.includes(t) && !skip.has(t))],
      placeTypes: ["", ...CONTAINMENT.filter((t) => !skip.has(t))],
      // null: no hubs; passed as a bound nothing reaches, so the parameter keeps its type (one plan)
      ...timeWindow(args),
      maxDegree: args.maxDegree === null ? neo4j.int(Number.MAX_SAFE_INTEGER) : clamp(args.maxDegree, LIMITS.maxDegree, 50),
      includeDrafts: includeDrafts(args),
    },
    { database: ctx.database, routing: "READ", transactionConfig: { timeout: ctx.txTimeoutMs } },
  );
  if (records.length === 0) await requireKnown(ctx, args.from, args.to);
  return records.map((r) => subgraph(r.toObject()));
}

interface RankingArgs extends DraftArg, TimeArgs {
  kinds?: string[] | null;
  limit?: number | null;
}

async function ranking(ctx: ApiContext, regions: string[], mode: "brokers" | "connected", args: RankingArgs) {
  const window = timeWindow(args);
  const rows = await read(ctx, "rankings.cypher", {
    regions,
    scan: RANKING_RELATION_CEILING,
    includeDrafts: includeDrafts(args),
    ...window,
  });
  const row = rows[0] as unknown as (SubgraphRow & { found: string[] }) | undefined;
  const found = new Set(row?.found ?? []);
  if (regions.some((id) => !found.has(id))) await requireKnown(ctx, ...regions);
  const ceiling = RANKING_RELATION_CEILING.toNumber();
  const sub = row ?? { members: [], relations: [], nodes: [] };
  const truncated = sub.relations.length > ceiling;
  return rankSubgraph(
    { ...sub, relations: sub.relations.slice(0, ceiling) },
    { mode, kinds: args.kinds?.length ? args.kinds : null, limit: clamp(args.limit, LIMITS.limit, 20).toNumber(), truncated },
  );
}

interface RegionPairRow {
  a: NodeRow;
  b: NodeRow;
  links: unknown;
  articleIds: string[];
  days: string[];
}

const REGION_LEVELS = ["country", "province", "city", "district", "zone", "venue"];

async function regionPairs(ctx: ApiContext, args: RankingArgs & { level?: string | null; within?: string | null }) {
  const level = args.level ?? "province";
  if (!REGION_LEVELS.includes(level)) badInput(`level: one of ${REGION_LEVELS.join(", ")}, not "${level}"`);
  const rows = await read(ctx, "region-pairs.cypher", {
    level,
    within: args.within ?? null,
    scan: REGION_PAIRS_SCAN,
    includeDrafts: includeDrafts(args),
    ...timeWindow(args),
  });
  const row = rows[0];
  if (!row) {
    await requireKnown(ctx, args.within);
    return { pairs: [], total: 0, truncated: false };
  }
  const pairs = (row.pairs as RegionPairRow[]).map((p) => {
    // YYYY, YYYY-MM and YYYY-MM-DD sort as text in date order.
    const days = [...p.days].sort();
    return {
      a: toGraphNode(p.a),
      b: toGraphNode(p.b),
      links: Number(p.links),
      articles: p.articleIds.length,
      articleIds: p.articleIds,
      firstDate: days[0] ?? null,
      lastDate: days.at(-1) ?? null,
    };
  });
  pairs.sort((x, y) => y.links - x.links || y.articles - x.articles || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
  return {
    pairs: pairs.slice(0, clamp(args.limit, LIMITS.limit, 20).toNumber()).map((p, i) => ({ ...p, rank: i + 1 })),
    total: pairs.length,
    truncated: Number(row.scanned) > REGION_PAIRS_SCAN.toNumber(),
  };
}

/**
 * `rankings` is a namespace: its fields are functions, which graphql-js's default resolver calls
 * with (args, context), so the schema module needs no resolvers for the Rankings type.
 */
function rankings() {
  return {
    brokers: (args: RankingArgs & { a: string; b: string }, ctx: ApiContext) => ranking(ctx, [args.a, args.b], "brokers", args),
    mostConnected: (args: RankingArgs & { region: string }, ctx: ApiContext) => ranking(ctx, [args.region], "connected", args),
    regionPairs: (args: RankingArgs & { level?: string | null; within?: string | null }, ctx: ApiContext) => regionPairs(ctx, args),
  };
}

export const analystResolvers = {
  Query: { search, entity, rankings, neighborhood, connection, innovationChains, regionLinks, regionCooperation, connections, timeline },
};
