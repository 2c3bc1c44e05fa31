/** The explorer's only data source: the GraphQL API (analyst contract and generated queries). */
import { KIND_OF_LABEL, type KindName } from "../../src/model/entity-kinds.js";

/** The kinds come from the model (src/model/entity-kinds.ts), not a copy of them. */
export type Kind = KindName;

export interface SearchHit {
  id: string;
  kind: Kind;
  name: string;
  names: string[];
  score: number;
}
export interface GraphNode {
  id: string;
  kind: Kind;
  name: string;
  names: string[];
  /** Drafted by the extractor and not reviewed yet (absent where the API does not say: generated queries). */
  draft?: boolean;
}
export interface Evidence {
  articleId: string;
  quote: string;
  /** This article's statement of the fact awaits review. */
  draft?: boolean;
}
export interface GraphEdge {
  source: string;
  target: string;
  type: string;
  evidence: Evidence[];
  draft?: boolean;
  /** How sure the extractor was (0–1) and the rule that drafted it; kept after acceptance. */
  confidence?: number | null;
  rule?: string | null;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
export interface InnovationChain {
  lab: GraphNode;
  spinoff: GraphNode;
  productionLine: GraphNode;
  customer: GraphNode;
  edges: GraphEdge[];
}

/** A failed request: the API's message, and its error code (UNAUTHENTICATED, BAD_USER_INPUT, …) when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Errors a second try may not meet: the database restarting or busy, the network. */
const TRANSIENT = new Set(["SERVICE_UNAVAILABLE", "TIMEOUT", "NETWORK", "HTTP_502", "HTTP_503", "HTTP_504"]);

/**
 * POST /graphql; `bearer` only for the calls that need an editor (the review API). A query (never a
 * mutation) that meets a transient error is asked once more, a second later.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<T> {
  try {
    return await gqlOnce<T>(query, variables, bearer);
  } catch (err) {
    if (/^\s*mutation\b/.test(query) || !(err instanceof ApiError) || !TRANSIENT.has(err.code ?? "")) throw err;
    await new Promise((r) => setTimeout(r, 1000));
    return gqlOnce<T>(query, variables, bearer);
  }
}

async function gqlOnce<T>(query: string, variables: Record<string, unknown>, bearer?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("the API server cannot be reached", "NETWORK");
  }
  let body: { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the API answered ${res.status} ${res.statusText}`.trim(), `HTTP_${res.status}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join("; "), body.errors[0]?.extensions?.code);
  if (!body.data) throw new ApiError(`the API answered ${res.status} without data`);
  return body.data;
}

const NODE = "id kind name names draft";
const EDGE = "source target type draft confidence rule evidence { articleId quote draft }";

/** Options of every analyst query: includeDrafts adds facts the extractor drafted and nobody reviewed yet. */
export interface AnalystOptions {
  includeDrafts?: boolean;
  limit?: number;
}

export async function search(text: string, kinds?: Kind[], o: AnalystOptions = {}): Promise<SearchHit[]> {
  const q = `query ($text: String!, $kinds: [EntityKind!], $limit: Int, $includeDrafts: Boolean) {
    search(text: $text, kinds: $kinds, limit: $limit, includeDrafts: $includeDrafts) { id kind name names score } }`;
  return (await gql<{ search: SearchHit[] }>(q, { text, kinds, limit: o.limit ?? 12, includeDrafts: !!o.includeDrafts })).search;
}

export async function neighborhood(id: string, depth: number, o: AnalystOptions = {}): Promise<Subgraph> {
  const q = `query ($id: ID!, $depth: Int, $limit: Int, $includeDrafts: Boolean) {
    neighborhood(id: $id, depth: $depth, limit: $limit, includeDrafts: $includeDrafts) { nodes { ${NODE} } edges { ${EDGE} } } }`;
  const vars = { id, depth, limit: o.limit ?? 300, includeDrafts: !!o.includeDrafts };
  return (await gql<{ neighborhood: Subgraph }>(q, vars)).neighborhood;
}

export async function connection(from: string, to: string, o: AnalystOptions = {}): Promise<Subgraph | null> {
  const q = `query ($from: ID!, $to: ID!, $maxHops: Int, $includeDrafts: Boolean) {
    connection(from: $from, to: $to, maxHops: $maxHops, includeDrafts: $includeDrafts) { nodes { ${NODE} } edges { ${EDGE} } } }`;
  return (await gql<{ connection: Subgraph | null }>(q, { from, to, maxHops: 8, includeDrafts: !!o.includeDrafts })).connection;
}

/** Up to k shortest connections of stated relations, avoiding ids, a kind and (unless hubs) hubs. */
export async function connections(
  from: string,
  to: string,
  filters: { k?: number; avoid?: string[]; avoidKinds?: Kind[]; hubs?: boolean },
  o: AnalystOptions = {},
): Promise<Subgraph[]> {
  const q = `query ($from: ID!, $to: ID!, $k: Int, $avoid: [ID!], $avoidKinds: [EntityKind!], $maxDegree: Int, $includeDrafts: Boolean) {
    connections(from: $from, to: $to, k: $k, maxHops: 8, avoid: $avoid, avoidKinds: $avoidKinds, maxDegree: $maxDegree, includeDrafts: $includeDrafts) {
      nodes { ${NODE} } edges { ${EDGE} } } }`;
  const vars = {
    from,
    to,
    k: filters.k ?? 3,
    avoid: filters.avoid ?? [],
    avoidKinds: filters.avoidKinds ?? [],
    maxDegree: filters.hubs ? null : 50,
    includeDrafts: !!o.includeDrafts,
  };
  return (await gql<{ connections: Subgraph[] }>(q, vars)).connections;
}

export async function innovationChains(through: string | undefined, o: AnalystOptions = {}): Promise<InnovationChain[]> {
  const q = `query ($through: ID, $includeDrafts: Boolean) { innovationChains(through: $through, includeDrafts: $includeDrafts) {
    lab { ${NODE} } spinoff { ${NODE} } productionLine { ${NODE} } customer { ${NODE} } edges { ${EDGE} } } }`;
  const vars = { through: through || null, includeDrafts: !!o.includeDrafts };
  return (await gql<{ innovationChains: InnovationChain[] }>(q, vars)).innovationChains;
}

export async function regionLinks(a: string, b: string, o: AnalystOptions = {}): Promise<GraphEdge[]> {
  const q = `query ($a: ID!, $b: ID!, $includeDrafts: Boolean) { regionLinks(a: $a, b: $b, limit: 500, includeDrafts: $includeDrafts) { ${EDGE} } }`;
  return (await gql<{ regionLinks: GraphEdge[] }>(q, { a, b, includeDrafts: !!o.includeDrafts })).regionLinks;
}

export type PlacementBasis = "LOCATED" | "NAME" | "EVENT";
export interface Placement {
  basis: PlacementBasis;
  region: GraphNode;
  matchedName: string | null;
  event: GraphNode | null;
  gazetteer: boolean;
  edges: GraphEdge[];
}
export interface RegionLink {
  a: GraphNode;
  b: GraphNode;
  bridge: GraphNode | null;
  edges: GraphEdge[];
  dates: string[];
  placementA: Placement;
  placementB: Placement;
}
export interface RegionPair {
  a: GraphNode;
  b: GraphNode;
  links: number;
  articles: number;
  bridges: string[];
  firstDate: string | null;
  lastDate: string | null;
}
export interface RegionCooperation {
  links: RegionLink[];
  pairs: RegionPair[];
  total: number;
  truncated: boolean;
}

/** Direct and bridged cooperation between two regions, with where each end lies and the overview per pair. */
export async function regionCooperation(
  a: string,
  b: string,
  filters: { aKinds?: Kind[]; aTypes?: string[]; bridged?: boolean },
  o: AnalystOptions = {},
): Promise<RegionCooperation> {
  const placement = `basis region { ${NODE} } matchedName event { ${NODE} } gazetteer edges { ${EDGE} }`;
  const q = `query ($a: ID!, $b: ID!, $aKinds: [EntityKind!], $aTypes: [String!], $bridged: Boolean, $includeDrafts: Boolean) {
    regionCooperation(a: $a, b: $b, aKinds: $aKinds, aTypes: $aTypes, bridged: $bridged, limit: 500, includeDrafts: $includeDrafts) {
      total truncated
      links { a { ${NODE} } b { ${NODE} } bridge { ${NODE} } edges { ${EDGE} } dates placementA { ${placement} } placementB { ${placement} } }
      pairs { a { ${NODE} } b { ${NODE} } links articles bridges firstDate lastDate } } }`;
  const vars = {
    a,
    b,
    aKinds: filters.aKinds?.length ? filters.aKinds : null,
    aTypes: filters.aTypes?.length ? filters.aTypes : null,
    bridged: filters.bridged !== false,
    includeDrafts: !!o.includeDrafts,
  };
  return (await gql<{ regionCooperation: RegionCooperation }>(q, vars)).regionCooperation;
}

/** Names and kinds for ids (region links return edges only). */
export async function nodesByIds(ids: string[]): Promise<GraphNode[]> {
  const q = `query ($ids: [ID!]!) { entities(where: { id: { in: $ids } }, limit: 500) { __typename id name names } }`;
  const { entities } = await gql<{ entities: Array<{ __typename: string; id: string; name: string; names: string[] }> }>(q, { ids });
  return entities.map((e) => ({ id: e.id, name: e.name, names: e.names, kind: kindOfTypename(e.__typename) }));
}

/** A generated type's __typename is its node label. */
/** The kind of a generated type's __typename; a type the model does not know is an error, never a guess. */
export function kindOfTypename(typename: string): Kind {
  const kind = (KIND_OF_LABEL as Record<string, Kind | undefined>)[typename];
  if (!kind) throw new Error(`the API answered with an entity of unknown kind "${typename}"`);
  return kind;
}

interface Named {
  id: string;
  name: string;
}
interface Placed extends Named {
  partOf?: Placed[];
}

/** Everything the entity card shows, in one generated-API query. */
export interface EntityDetails {
  __typename: string;
  id: string;
  name: string;
  aliases: string[];
  aliasLangs: string[];
  garbledAliases: string[];
  nameZhHans?: string | null;
  nameZhHant?: string | null;
  nameKo?: string | null;
  nameJa?: string | null;
  description?: string | null;
  attributes: Record<string, unknown>;
  locatedIn?: Placed[];
  partOf?: Placed[];
  measures?: Array<{ metric: string; value: number; unit: string; qualifier: string; articleId: string; quote: string }>;
  roles?: Array<{ properties: { role?: string | null; title?: string | null }; node: Named }>;
}

const CHAIN = "id name partOf { id name partOf { id name partOf { id name } } }";
const MEASURES = "measures { metric value unit qualifier articleId quote }";

export async function entityDetails(id: string): Promise<EntityDetails | undefined> {
  const q = `query ($id: ID!) { entities(where: { id: { eq: $id } }) {
    __typename id name aliases aliasLangs garbledAliases nameZhHans nameZhHant nameKo nameJa description
    ... on Region { level partOf { ${CHAIN} } ${MEASURES} }
    ... on Institution { type founded foundedPrecision locatedIn { ${CHAIN} } ${MEASURES} }
    ... on Lab { type founded foundedPrecision locatedIn { ${CHAIN} } ${MEASURES} }
    ... on Company { founded foundedPrecision locatedIn { ${CHAIN} } ${MEASURES} }
    ... on Person { worksAtConnection { edges { properties { role title } node { id name } } } }
    ... on ProductionLine { stage status capacity capacityUnit capacityQualifier locatedIn { ${CHAIN} } ${MEASURES} }
    ... on Technology { type ${MEASURES} }
    ... on Event { type startDate startDatePrecision endDate endDatePrecision edition theme locatedIn { ${CHAIN} } ${MEASURES} }
    ... on Agreement { type title signedOn signedOnPrecision ${MEASURES} }
  } }`;
  const { entities } = await gql<{ entities: Array<Record<string, unknown>> }>(q, { id });
  const raw = entities[0];
  if (!raw) return undefined;
  const {
    __typename,
    id: _id,
    name,
    aliases,
    aliasLangs,
    garbledAliases,
    description,
    locatedIn,
    partOf,
    measures,
    worksAtConnection,
    ...rest
  } = raw;
  const names = ["nameZhHans", "nameZhHant", "nameKo", "nameJa"];
  const attributes = Object.fromEntries(Object.entries(rest).filter(([k, v]) => !names.includes(k) && v !== null && v !== undefined));
  return {
    ...(raw as unknown as EntityDetails),
    attributes,
    roles: (worksAtConnection as { edges: EntityDetails["roles"] } | undefined)?.edges,
  };
}

export interface Article {
  id: string;
  title: string | null;
  titleEn: string;
  source: string | null;
  publishedAt: string | null;
  language: string;
  note: string | null;
  text: string;
}

export async function article(id: string): Promise<Article | undefined> {
  const q = `query ($id: ID!) { articles(where: { id: { eq: $id } }) { id title titleEn source publishedAt language note text } }`;
  return (await gql<{ articles: Article[] }>(q, { id })).articles[0];
}

export interface ArticleMeta {
  id: string;
  title: string | null;
  titleEn: string;
  publishedAt: string | null;
}

/** Titles and dates of articles (for exports), by id. */
export async function articlesMeta(ids: string[]): Promise<Map<string, ArticleMeta>> {
  if (!ids.length) return new Map();
  const q = `query ($ids: [ID!]!) { articles(where: { id: { in: $ids } }, limit: 500) { id title titleEn publishedAt } }`;
  const { articles } = await gql<{ articles: ArticleMeta[] }>(q, { ids });
  return new Map(articles.map((a) => [a.id, a]));
}
