import { describe, expect, it } from "vitest";
import { cypher } from "../src/db/cypher.js";
import { RELATION_TYPES } from "../src/model/relation.js";
import { gql, seededApiForSuite } from "./support/api.js";

const seeded = seededApiForSuite();

const FIELDS =
  "entities { rank entity { id kind } degree linksA linksB pairs betweenness community } total nodes edges communities truncated";
const BROKERS = `query ($a: ID!, $b: ID!, $kinds: [EntityKind!], $limit: Int, $since: String, $until: String) {
  rankings { brokers(a: $a, b: $b, kinds: $kinds, limit: $limit, since: $since, until: $until) { ${FIELDS} } }
}`;
const CONNECTED = `query ($region: ID!, $kinds: [EntityKind!], $limit: Int, $since: String, $until: String) {
  rankings { mostConnected(region: $region, kinds: $kinds, limit: $limit, since: $since, until: $until) { ${FIELDS} } }
}`;

async function ranking(query: string, variables: Record<string, unknown>) {
  const r = await gql(seeded.api, query, variables);
  expect(r.errors).toBeUndefined();
  const rankings = r.data?.rankings as Record<string, any>;
  return Object.values(rankings)[0];
}

const row = (e: any) => [e.rank, e.entity.id, e.degree, e.linksA, e.linksB, e.pairs, e.betweenness, e.community];

describe("rankings: brokers between two regions", () => {
  it("Hong Kong - Shandong: the Zibo conference first, then the agreements, by the pairs of ends they join", async () => {
    const r = await ranking(BROKERS, { a: "hong-kong", b: "shandong", limit: 8 });
    expect({ total: r.total, nodes: r.nodes, edges: r.edges, communities: r.communities, truncated: r.truncated }).toEqual({
      total: 14,
      nodes: 106,
      edges: 119,
      communities: 11,
      truncated: false,
    });
    expect(r.entities.map(row)).toEqual([
      [1, "lu-hk-sci-tech-innovation-cooperation-conference-2023", 24, 2, 2, 4, 0.574313, 0],
      [2, "hkbu-sdnu-mass-spectrometry-research-agreement-2023", 3, 1, 2, 2, 0.036081, 8],
      [3, "web3-technology-service-platform-agreement-2023", 3, 1, 2, 2, 0.031929, 5],
      [4, "huang-zhihui", 2, 1, 2, 2, 0.018132, 0],
      [5, "mou-sco-holding-group-hkstp-lu-hk-innovation-center", 3, 1, 2, 2, 0.005861, 3],
      [6, "china-sco-demonstration-zone", 2, 1, 1, 1, 0.415568, 3],
      [7, "chen-jiaxian", 2, 1, 1, 1, 0.26569, 2],
      [8, "lu-hk-sci-tech-cooperation-innovation-center", 4, 1, 1, 1, 0.023993, 3],
    ]);
    // The same answer every time (Louvain is seeded, the graph built in id order).
    expect((await ranking(BROKERS, { a: "hong-kong", b: "shandong", limit: 8 })).entities).toEqual(r.entities);
  });

  it("filters the brokers' kinds, and a window keeps the relations dated in it", async () => {
    const agreements = await ranking(BROKERS, { a: "hong-kong", b: "shandong", kinds: ["AGREEMENT"] });
    expect(agreements.entities.map((e: any) => [e.entity.id, e.linksA, e.linksB, e.pairs])).toEqual([
      ["hkbu-sdnu-mass-spectrometry-research-agreement-2023", 1, 2, 2],
      ["web3-technology-service-platform-agreement-2023", 1, 2, 2],
      ["mou-sco-holding-group-hkstp-lu-hk-innovation-center", 1, 2, 2],
      ["cuhk-zaiying-wound-dressing-rd-agreement-2023", 1, 1, 1],
      ["hk-all-districts-federation-zibo-strategic-cooperation-agreement-2019", 1, 1, 1],
    ]);
    expect(agreements.total).toBe(5);
    const since2024 = await ranking(BROKERS, { a: "hong-kong", b: "shandong", since: "2024" });
    expect(since2024.entities.map((e: any) => [e.entity.id, e.pairs])).toEqual([
      ["mou-sco-holding-group-hkstp-lu-hk-innovation-center", 2],
      ["chen-jiaxian", 1],
      ["lu-hk-sci-tech-cooperation-innovation-center", 1],
      ["china-sco-demonstration-zone", 1],
      ["huang-keqiang", 1],
    ]);
    expect({ nodes: since2024.nodes, edges: since2024.edges }).toEqual({ nodes: 56, edges: 65 });
  });
});

describe("rankings: the most connected entities of a region", () => {
  it("Shandong: its two conferences first, by degree, then betweenness", async () => {
    const r = await ranking(CONNECTED, { region: "shandong", limit: 5 });
    expect({ total: r.total, nodes: r.nodes, edges: r.edges, communities: r.communities, truncated: r.truncated }).toEqual({
      total: 26,
      nodes: 72,
      edges: 78,
      communities: 10,
      truncated: false,
    });
    expect(r.entities.map((e: any) => [e.rank, e.entity.id, e.entity.kind, e.degree, e.betweenness, e.community, e.pairs])).toEqual([
      [1, "lu-hk-sci-tech-innovation-cooperation-conference-2023", "EVENT", 24, 0.751911, 0, null],
      [2, "lu-hk-sci-tech-innovation-cooperation-exchange-2024", "EVENT", 20, 0.627096, 2, null],
      [3, "lu-hk-sci-tech-cooperation-innovation-center", "LAB", 4, 0.055936, 6, null],
      [4, "dagongfang-lu-hk-technology-transfer-center", "INSTITUTION", 3, 0.109054, 5, null],
      [5, "zibo", "REGION", 3, 0.055936, 5, null],
    ]);
  });

  it("Hong Kong's institutions", async () => {
    const r = await ranking(CONNECTED, { region: "hong-kong", kinds: ["INSTITUTION"], limit: 5 });
    expect(r.entities.map((e: any) => [e.entity.id, e.degree, e.betweenness])).toEqual([
      ["hktdc", 5, 0.052411],
      ["hong-kong-all-districts-federation-of-industry-and-commerce", 5, 0.006988],
      ["polyu", 3, 0.02341],
      ["hkstp", 3, 0.002096],
      ["cyberport", 2, 0.018169],
    ]);
    expect(r.total).toBe(13);
  });

  it("an unknown region is NOT_FOUND, a malformed window BAD_USER_INPUT, a window with nothing in it an empty ranking", async () => {
    const unknown = await gql(seeded.api, CONNECTED, { region: "atlantis" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const unknownB = await gql(seeded.api, BROKERS, { a: "hong-kong", b: "atlantis" });
    expect(unknownB.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const bad = await gql(seeded.api, CONNECTED, { region: "shandong", since: "2024-1" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const none = await ranking(CONNECTED, { region: "shandong", until: "2010" });
    expect(none).toEqual({ entities: [], total: 0, nodes: 0, edges: 0, communities: 0, truncated: false });
  });

  it("reads every stated relation type but containment (the list in rankings.cypher follows the model)", () => {
    const listed = cypher("analyst/rankings.cypher")
      .match(/MATCH \(x\)-\[r:([A-Z_|]+)\]/)?.[1]
      ?.split("|");
    const stated = Object.keys(RELATION_TYPES).filter((t) => t !== "LOCATED_IN" && t !== "PART_OF");
    expect(listed?.sort()).toEqual(stated.sort());
  });
});

describe("rankings: pairs of regions by the links between what lies in them", () => {
  const PAIRS = `query ($level: String, $within: ID, $limit: Int, $since: String, $until: String) {
    rankings { regionPairs(level: $level, within: $within, limit: $limit, since: $since, until: $until) {
      pairs { rank a { id } b { id } links articles articleIds firstDate lastDate } total truncated
    } }
  }`;
  const pairs = async (variables: Record<string, unknown>) => {
    const r = await gql(seeded.api, PAIRS, variables);
    expect(r.errors).toBeUndefined();
    return r.data?.rankings.regionPairs;
  };

  it("provinces: Hong Kong - Shandong and Chongqing - Hong Kong first, with their articles and dates", async () => {
    const r = await pairs({ limit: 4 });
    expect(r.pairs).toEqual([
      {
        rank: 1,
        a: { id: "hong-kong" },
        b: { id: "shandong" },
        links: 11,
        articles: 2,
        articleIds: ["article-003", "article-004"],
        firstDate: "2019",
        lastDate: "2024-04-28",
      },
      {
        rank: 2,
        a: { id: "chongqing" },
        b: { id: "hong-kong" },
        links: 11,
        articles: 1,
        articleIds: ["article-001"],
        firstDate: "2023-05",
        lastDate: "2024-04-18",
      },
      {
        rank: 3,
        a: { id: "beijing" },
        b: { id: "jiangsu" },
        links: 7,
        articles: 1,
        articleIds: ["article-002"],
        firstDate: "2018-08",
        lastDate: "2023-06-03",
      },
      {
        rank: 4,
        a: { id: "jiangsu" },
        b: { id: "shanghai" },
        links: 2,
        articles: 1,
        articleIds: ["article-002"],
        firstDate: "2023-06-03",
        lastDate: "2023-06-03",
      },
    ]);
    expect(r.total).toBe(12);
    expect(r.truncated).toBe(false);
  });

  it("a window, a level and a region to stay within", async () => {
    const since = await pairs({ since: "2024" });
    expect(since.pairs.map((p: any) => [p.a.id, p.b.id, p.links])).toEqual([
      ["chongqing", "hong-kong", 10],
      ["hong-kong", "shandong", 3],
      ["chongqing", "taiwan", 1],
    ]);
    const until = await pairs({ until: "2019" });
    expect(until.pairs.map((p: any) => [p.a.id, p.b.id, p.links, p.firstDate])).toEqual([
      ["beijing", "jiangsu", 3, "2018-08"],
      ["hong-kong", "shandong", 1, "2019"],
    ]);
    // Cities: an entity counts for its nearest city only (Jiaozhou, not also Qingdao around it).
    const cities = await pairs({ level: "city", within: "china" });
    expect(cities.pairs.map((p: any) => [p.a.id, p.b.id, p.links])).toEqual([
      ["chengdu", "liyang", 1],
      ["dongguan", "liyang", 1],
      ["hefei", "liyang", 1],
      ["shenzhen", "zibo", 1],
    ]);
    expect((await pairs({ level: "city", within: "shandong" })).pairs).toEqual([]);
  });

  it("an unknown region is NOT_FOUND, an unknown level BAD_USER_INPUT", async () => {
    const unknown = await gql(seeded.api, PAIRS, { within: "atlantis" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const level = await gql(seeded.api, PAIRS, { level: "planet" });
    expect(level.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
