import neo4j, { type Integer } from "neo4j-driver";

/** Server-side ceilings for the analyst queries, whatever the client sends. */
export const LIMITS = {
  depth: { min: 1, max: 3 },
  maxHops: { min: 1, max: 8 },
  limit: { min: 1, max: 500 },
  /** connections: paths per query. */
  paths: { min: 1, max: 10 },
  /** connections: the hub bound a client may set. */
  maxDegree: { min: 1, max: 1_000_000 },
  /** Search text beyond this many characters is ignored (names are far shorter). */
  searchTextLength: 200,
} as const;

/** The value within bounds, as a Neo4j integer (a JS number would reach Cypher as a float). */
export function clamp(value: number | null | undefined, bounds: { min: number; max: number }, fallback: number): Integer {
  if (value === null || value === undefined || !Number.isFinite(value)) return neo4j.int(fallback);
  return neo4j.int(Math.min(bounds.max, Math.max(bounds.min, Math.trunc(value))));
}

/**
 * regionLinks collects region b's members into a set when b's regions have at most this many
 * direct members, and otherwise tests each link's far end by its nearest regions. Measured at M and
 * L (BENCHMARKS.md): the set wins for cities and small provinces, the region test for large
 * provinces and countries.
 */
export const REGION_MEMBER_SET_LIMIT = neo4j.int(4000);

/**
 * regionCooperation stops after this many links and counts its pairs over them (the page holds at
 * most `limit`); `truncated` says when it stopped.
 */
export const REGION_COOPERATION_SCAN = neo4j.int(5000);

/**
 * neighborhood counts the entities within reach up to this many (`total`; `totalCapped` when there
 * are more): the walk reads at most one more, so a hub costs a bounded read, not all its members.
 * On a 50,000-member hub, depth 1: 16 ms reading 201 (limit + 1), 21 ms reading 1,001, 50 ms 5,001.
 */
export const NEIGHBORHOOD_COUNT_CEILING = neo4j.int(1000);

/**
 * rankings read at most this many stated relations for their subgraph (`truncated` beyond): the
 * betweenness centrality computed over it costs nodes × edges.
 */
export const RANKING_RELATION_CEILING = neo4j.int(3000);

/** rankings.regionPairs reads at most this many links (`truncated` beyond) and counts its pairs over them. */
export const REGION_PAIRS_SCAN = neo4j.int(5000);

/**
 * entity reads at most this many relations of each type (a hub's staff, a country's places) and
 * counts a group's total up to it (`totalCapped` beyond): a bounded read whatever the hub.
 */
export const ENTITY_GROUP_COUNT_CEILING = neo4j.int(5000);
