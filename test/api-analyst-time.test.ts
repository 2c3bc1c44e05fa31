import { describe, expect, it } from "vitest";
import { gql, seededApiForSuite } from "./support/api.js";

const seeded = seededApiForSuite();

/** One query per request, in turn: the data, or the test fails on the errors. */
async function data<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await gql(seeded.api, query, variables);
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

const NEIGHBORHOOD = `query ($id: ID!, $depth: Int, $limit: Int, $types: [String!], $direction: RelationDirection, $since: String, $until: String) {
  neighborhood(id: $id, depth: $depth, limit: $limit, types: $types, direction: $direction, since: $since, until: $until) {
    nodes { id } edges { source type target } truncated total totalCapped
  }
}`;
const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);
const edges = (list: Array<{ source: string; type: string; target: string }>) =>
  list.map((e) => `${e.source} ${e.type} ${e.target}`).sort();

describe("neighborhood: by relation type and direction, and how much was cut", () => {
  it("counts what is within reach and says when the limit cut it", async () => {
    const all = (await data(NEIGHBORHOOD, { id: "hktdc" })).neighborhood;
    expect(ids(all.nodes).sort()).toEqual(
      ["chen-jiaxian", "chongqing", "hk-electronics-fair-spring-2024", "hktdc", "hong-kong", "innoex-2024", "zhong-yongxi"].sort(),
    );
    expect(all).toMatchObject({ truncated: false, total: 7, totalCapped: false });
    const cut = (await data(NEIGHBORHOOD, { id: "hktdc", depth: 2, limit: 5 })).neighborhood;
    expect(cut.nodes).toHaveLength(5);
    expect(cut).toMatchObject({ truncated: true, total: 42, totalCapped: false });
  });

  it("walks only the given relation types in the given direction", async () => {
    const staff = (await data(NEIGHBORHOOD, { id: "hktdc", types: ["WORKS_AT"], direction: "IN" })).neighborhood;
    // The start first, then the rest in the order the walk reached them.
    expect(staff.nodes[0].id).toBe("hktdc");
    expect(ids(staff.nodes).sort()).toEqual(["chen-jiaxian", "hktdc", "zhong-yongxi"]);
    expect(edges(staff.edges)).toEqual(["chen-jiaxian WORKS_AT hktdc", "zhong-yongxi WORKS_AT hktdc"]);
    expect(staff).toMatchObject({ truncated: false, total: 3 });
    // HKTDC works nowhere: nothing goes out of it by WORKS_AT.
    const out = (await data(NEIGHBORHOOD, { id: "hktdc", types: ["WORKS_AT"], direction: "OUT" })).neighborhood;
    expect(ids(out.nodes)).toEqual(["hktdc"]);
    expect(out.edges).toEqual([]);
    // Two steps out of HKBU: its agreement and what the agreement concerns and was announced at,
    // its city and what Hong Kong is party to, visited and part of; never who is party to the agreement.
    const hkbu = (await data(NEIGHBORHOOD, { id: "hkbu", depth: 2, direction: "OUT" })).neighborhood;
    expect(ids(hkbu.nodes).sort()).toEqual(
      [
        "china",
        "chongqing-dima-robot",
        "chongqing-hong-kong-cooperation-conference-mechanism",
        "hkbu",
        "hkbu-sdnu-mass-spectrometry-research-agreement-2023",
        "hong-kong",
        "lu-hk-sci-tech-innovation-cooperation-conference-2023",
        "mass-spectrometry-imaging",
        "quantitative-mass-spectrometry-analysis",
      ].sort(),
    );
    expect(ids(hkbu.nodes)).not.toContain("shandong-normal-university");
    expect(hkbu.total).toBe(9);
  });

  it("refuses an unknown relation type", async () => {
    const r = await gql(seeded.api, NEIGHBORHOOD, { id: "hktdc", types: ["KNOWS"] });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("since/until on every analyst query that returns facts", () => {
  it("neighborhood: facts dated in the window, gazetteer containment always", async () => {
    // InnoEX (its own date 2024-04-13) falls before the window; the spring fair, dated 2024-04 to
    // the month, overlaps it.
    const n = (await data(NEIGHBORHOOD, { id: "hktdc", since: "2024-04-15" })).neighborhood;
    expect(ids(n.nodes)).not.toContain("innoex-2024");
    expect(edges(n.edges)).toEqual([
      "chen-jiaxian WORKS_AT hktdc",
      "chongqing VISITED hktdc",
      "hktdc LOCATED_IN hong-kong",
      "hktdc ORGANIZED hk-electronics-fair-spring-2024",
      "zhong-yongxi WORKS_AT hktdc",
    ]);
    expect(n.total).toBe(6);
    const before = (await data(NEIGHBORHOOD, { id: "hktdc", until: "2023" })).neighborhood;
    expect(ids(before.nodes)).toEqual(["hktdc", "hong-kong"]);
    expect(edges(before.edges)).toEqual(["hktdc LOCATED_IN hong-kong"]);
  });

  it("connection: every step in the window, else the gazetteer shortcut", async () => {
    const Q = `query ($since: String, $until: String) { connection(from: "cityu", to: "hktdc", since: $since, until: $until) { edges { source type target } } }`;
    const all = (await data(Q)).connection;
    // Without a window: a stated path of six steps (Neo4j's SHORTEST 1 picks one of the paths that
    // tie: through an event and an agreement, or through a customer and an exhibition).
    expect(all.edges).toHaveLength(6);
    expect(all.edges[0]).toMatchObject({ source: "cityu", type: "SPUN_OFF" });
    expect(all.edges.map((e: any) => e.type)).not.toContain("LOCATED_IN");
    // The spin-off's article (article-000) states no publication date: its facts are in no window.
    for (const window of [{ since: "2024" }, { until: "2023" }]) {
      expect(edges((await data(Q, window)).connection.edges)).toEqual(["cityu LOCATED_IN hong-kong", "hktdc LOCATED_IN hong-kong"]);
    }
  });

  it("connections: paths whose stated steps are dated in the window", async () => {
    const Q = `query ($since: String, $until: String) { connections(from: "hkbu", to: "shandong", since: $since, until: $until) { nodes { id } } }`;
    const path = (p: any) => ids(p.nodes).join(" ");
    const feb2023 = (await data(Q, { since: "2023-02", until: "2023-02" })).connections;
    expect(feb2023).toHaveLength(3);
    expect(feb2023.slice(0, 2).map(path)).toEqual([
      "hkbu hkbu-sdnu-mass-spectrometry-research-agreement-2023 shandong-normal-university shandong",
      "hkbu hkbu-sdnu-mass-spectrometry-research-agreement-2023 lu-hk-sci-tech-innovation-cooperation-conference-2023 zibo shandong",
    ]);
    expect((await data(Q, { since: "2024" })).connections).toEqual([]);
  });

  it("innovationChains: every edge of a chain in the window (the chain's article is undated)", async () => {
    const Q = `query ($through: ID, $since: String, $until: String) { innovationChains(through: $through, since: $since, until: $until) { lab { id } customer { id } } }`;
    const all = (await data(Q, { through: "cityu" })).innovationChains;
    expect(all.map((c: any) => c.customer.id)).toEqual(["atl", "catl"]);
    expect((await data(Q, { through: "cityu", since: "2020" })).innovationChains).toEqual([]);
    expect((await data(Q, { until: "2030" })).innovationChains).toEqual([]);
  });

  it("regionLinks: the links dated in the window", async () => {
    const Q = `query ($since: String, $until: String) { regionLinks(a: "hong-kong", b: "shandong", since: $since, until: $until) { source type target } }`;
    expect(edges((await data(Q)).regionLinks)).toHaveLength(6);
    expect(edges((await data(Q, { since: "2024" })).regionLinks)).toEqual([
      "hkstp CO_FOUNDED lu-hk-sci-tech-cooperation-innovation-center",
      "hong-kong-science-park COOPERATES_WITH china-sco-demonstration-zone",
      "shandong COOPERATES_WITH hong-kong",
    ]);
    expect(edges((await data(Q, { until: "2023" })).regionLinks)).toEqual([
      "hong-kong-all-districts-federation-of-industry-and-commerce COOPERATES_WITH zibo",
      "hong-kong-sar-government PARTICIPATED_IN lu-hk-sci-tech-innovation-cooperation-conference-2023",
      "hong-kong-science-park PARTICIPATED_IN lu-hk-sci-tech-innovation-cooperation-conference-2023",
    ]);
  });

  it.each([
    ["neighborhood", `{ neighborhood(id: "hktdc", since: "April 2024") { total } }`],
    ["connection", `{ connection(from: "cityu", to: "hktdc", until: "2023-02-30") { nodes { id } } }`],
    ["connections", `{ connections(from: "hkbu", to: "shandong", since: "2024", until: "2023") { nodes { id } } }`],
    ["innovationChains", `{ innovationChains(since: "20") { lab { id } } }`],
    ["regionLinks", `{ regionLinks(a: "hong-kong", b: "shandong", until: "2023-00") { type } }`],
  ])("%s refuses a malformed or reversed window with BAD_USER_INPUT", async (_name, query) => {
    const r = await gql(seeded.api, query);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
