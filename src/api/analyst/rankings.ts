import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { kindOf, type NodeRow, toGraphNode } from "./graph-mapping.js";

// Both packages are CommonJS whose module.exports is the function; TypeScript (NodeNext) types
// their default import as the module object.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** rankings.cypher's row: the projected subgraph. */
export interface SubgraphRow {
  members: Array<{ id: string; sides: unknown[] }>;
  relations: Array<{ source: string; target: string; type: string }>;
  nodes: NodeRow[];
}

export interface RankingOptions {
  /** brokers: entities with neighbours in both areas; connected: entities of area 0. */
  mode: "brokers" | "connected";
  /** Kinds (EntityKind values) a ranked entity may have; null: any. */
  kinds: string[] | null;
  limit: number;
  /** The subgraph was cut at the relation ceiling. */
  truncated: boolean;
}

/** A small seeded generator (mulberry32): Louvain's moves are random, its answer must not be. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ranks the entities of a projected subgraph with graphology: an undirected simple graph of the
 * stated relations (parallel relations between two entities are one edge), nodes and edges added
 * in id order so every measure is repeatable. Each entity gets its degree (distinct neighbours),
 * its normalised betweenness centrality (graphology-metrics: the share of shortest paths between
 * two other entities that pass through it) and its Louvain community (graphology-communities-
 * louvain with a fixed seed; communities numbered from 0 in order of their smallest entity id).
 * - brokers: the entities with at least one neighbour in area a and one in area b, by the pairs
 *   (a neighbour in a, a neighbour in b) they join, then betweenness, then id;
 * - connected: the entities lying in the region, by degree, then betweenness, then id.
 */
export function rankSubgraph(row: SubgraphRow, opts: RankingOptions) {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  const nodes = [...row.nodes].sort((x, y) => x.id.localeCompare(y.id));
  for (const n of nodes) graph.addNode(n.id);
  const relations = [...row.relations].sort(
    (x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target) || x.type.localeCompare(y.type),
  );
  for (const r of relations) if (r.source !== r.target) graph.mergeEdge(r.source, r.target);

  const sides = new Map(row.members.map((m) => [m.id, new Set(m.sides.map(Number))]));
  const betweenness = graph.order > 2 ? betweennessCentrality(graph, { normalized: true }) : {};
  const rawCommunity = graph.order > 0 ? louvain(graph, { rng: seeded(20260101), getEdgeWeight: null }) : {};
  // Communities renumbered by their smallest member id (nodes are in id order).
  const numbering = new Map<number, number>();
  for (const n of nodes) {
    const c = rawCommunity[n.id];
    if (c !== undefined && !numbering.has(c)) numbering.set(c, numbering.size);
  }

  const kinds = opts.kinds ? new Set(opts.kinds) : null;
  const ranked = nodes.flatMap((n) => {
    if (kinds && !kinds.has(kindOf(n.labels))) return [];
    const neighbours = graph.neighbors(n.id);
    const inA = neighbours.filter((m: string) => sides.get(m)?.has(0)).length;
    const inB = neighbours.filter((m: string) => sides.get(m)?.has(1)).length;
    if (opts.mode === "brokers" && (inA === 0 || inB === 0)) return [];
    if (opts.mode === "connected" && !sides.get(n.id)?.has(0)) return [];
    return [
      {
        entity: toGraphNode(n),
        degree: neighbours.length,
        linksA: opts.mode === "brokers" ? inA : null,
        linksB: opts.mode === "brokers" ? inB : null,
        pairs: opts.mode === "brokers" ? inA * inB : null,
        betweenness: round(betweenness[n.id] ?? 0),
        community: numbering.get(rawCommunity[n.id] ?? -1) ?? 0,
      },
    ];
  });
  const key = (e: (typeof ranked)[number]) => (opts.mode === "brokers" ? (e.pairs ?? 0) : e.degree);
  ranked.sort((x, y) => key(y) - key(x) || y.betweenness - x.betweenness || x.entity.id.localeCompare(y.entity.id));
  return {
    entities: ranked.slice(0, opts.limit).map((e, i) => ({ ...e, rank: i + 1 })),
    total: ranked.length,
    nodes: graph.order,
    edges: graph.size,
    communities: numbering.size,
    truncated: opts.truncated,
  };
}

/** Six decimals: enough to rank, and the same on every machine. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
