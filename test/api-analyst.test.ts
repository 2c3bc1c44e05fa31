import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { cypher } from "../src/db/cypher.js";
import { RELATION_TYPES } from "../src/model/relation.js";
import { gql, seededApiForSuite } from "./support/api.js";
import { graphFingerprint } from "./support/fingerprint.js";
import { testDriver } from "./support/neo4j.js";

const seeded = seededApiForSuite();

const SEARCH =
  "query ($text: String!, $kinds: [EntityKind!], $limit: Int) { search(text: $text, kinds: $kinds, limit: $limit) { id kind name names score } }";
const searchIds = async (text: string, kinds?: string[]) => {
  const r = await gql(seeded.api, SEARCH, { text, kinds });
  expect(r.errors).toBeUndefined();
  return (r.data?.search as Array<{ id: string }>).map((h) => h.id);
};

describe("search", () => {
  it.each([
    ["ja", "香港貿易発展局", "hktdc"],
    ["zh-Hant", "香港貿易發展局", "hktdc"],
    ["zh-Hans, never written so in any article", "香港贸易发展局", "hktdc"],
    ["en abbreviation", "HKTDC", "hktdc"],
    ["ko", "홍콩", "hong-kong"],
    ["en exact name", "Hong Kong", "hong-kong"],
    ["en, typed so far", "Hong Ko", "hong-kong"],
    ["zh-Hans finds the Traditional-only name", "重庆", "chongqing"],
    ["ko company name", "수팡신에너지과학기술유한회사", "sufang-new-energy-technology"],
    ["zh-Hant finds the Simplified name", "天目湖先進儲能技術研究院", "tianmu-lake-institute-of-advanced-energy-storage-technologies"],
    ["garbled form", "物理研讨所", "cas-institute-of-physics"],
  ])("%s: %s finds %s first", async (_lang, text, id) => {
    expect((await searchIds(text))[0]).toBe(id);
  });

  it("filters by kind", async () => {
    const r = await gql(seeded.api, SEARCH, { text: "香港", kinds: ["INSTITUTION"], limit: 50 });
    const hits = r.data?.search as Array<{ kind: string }>;
    expect(hits.length).toBeGreaterThan(3);
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(["INSTITUTION"]));
  });

  it.each(["", "   ", "\t\n"])("refuses empty or blank text %j with BAD_USER_INPUT", async (text) => {
    const r = await gql(seeded.api, SEARCH, { text });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers hostile strings cleanly and leaves the data intact", async () => {
    const before = await graphFingerprint(seeded.driver);
    const hostile = [
      `"; MATCH (n) DETACH DELETE n; //`,
      `') CALL db.index.fulltext.queryNodes('entity_names', '*') YIELD node DETACH DELETE node //`,
      "name:(hong OR kong)~2 AND *:* [a TO z] {x TO y} ^3 \\ / && || !",
      `"unbalanced quote`,
      "\u0000\u0007\u001b[31mred\u200b香港",
      "香港".repeat(10_000),
      "*",
    ];
    for (const text of hostile) {
      const r = await gql(seeded.api, SEARCH, { text });
      expect(r.status, text.slice(0, 40)).toBe(200);
      expect(r.errors, text.slice(0, 40)).toBeUndefined();
      expect(Array.isArray(r.data?.search)).toBe(true);
    }
    expect((await searchIds("\u0000\u0007香港\u200b"))[0]).toBe("hong-kong");
    expect(await graphFingerprint(seeded.driver)).toBe(before);
  });
});

describe("neighborhood", () => {
  const Q =
    "query ($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { nodes { id kind name } edges { source target type evidence { articleId quote } } } }";

  it("returns the entity, its neighbours and the stated edges with their quotes", async () => {
    const r = await gql(seeded.api, Q, { id: "hktdc" });
    const ids = (r.data?.neighborhood.nodes as Array<{ id: string }>).map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["hktdc", "innoex-2024", "chen-jiaxian", "zhong-yongxi", "hong-kong"]));
    const organised = (r.data?.neighborhood.edges as Array<any>).find((e) => e.type === "ORGANIZED" && e.target === "innoex-2024");
    expect(organised.evidence[0].articleId).toBe("article-001");
    expect(organised.evidence[0].quote).toContain("香港貿易發展局合辦");
  });

  it("clamps depth to 3", async () => {
    const deep = await gql(seeded.api, Q, { id: "cityu", depth: 50, limit: 500 });
    const three = await gql(seeded.api, Q, { id: "cityu", depth: 3, limit: 500 });
    expect(deep.errors).toBeUndefined();
    expect(deep.data?.neighborhood.nodes.length).toBe(three.data?.neighborhood.nodes.length);
    const two = await gql(seeded.api, Q, { id: "cityu", depth: 2, limit: 500 });
    expect(three.data?.neighborhood.nodes.length).toBeGreaterThan(two.data?.neighborhood.nodes.length);
  });

  it("says when the limit cut it (truncated), and not when everything within reach came back", async () => {
    const T = "query ($id: ID!, $limit: Int) { neighborhood(id: $id, depth: 1, limit: $limit) { nodes { id } truncated } }";
    const cut = await gql(seeded.api, T, { id: "hong-kong", limit: 3 });
    expect(cut.data?.neighborhood.nodes).toHaveLength(3);
    expect(cut.data?.neighborhood.truncated).toBe(true);
    const whole = await gql(seeded.api, T, { id: "hong-kong", limit: 500 });
    expect(whole.data?.neighborhood.nodes.length).toBeGreaterThan(3);
    expect(whole.data?.neighborhood.truncated).toBe(false);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    const r = await gql(seeded.api, Q, { id: "no-such-entity" });
    expect(r.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("unknown ids", () => {
  it("are NOT_FOUND in every analyst query that takes an id, naming the id; an empty answer means none", async () => {
    for (const query of [
      `{ neighborhood(id: "no-such-entity") { nodes { id } } }`,
      `{ connection(from: "cityu", to: "no-such-entity") { nodes { id } } }`,
      `{ connections(from: "no-such-entity", to: "cityu") { nodes { id } } }`,
      `{ innovationChains(through: "no-such-entity") { lab { id } } }`,
      `{ regionLinks(a: "hong-kong", b: "no-such-entity") { type } }`,
      `{ regionCooperation(a: "no-such-entity", b: "shandong") { total } }`,
      `{ timeline(id: "no-such-entity") { undated } }`,
    ]) {
      const r = await gql(seeded.api, query);
      expect(r.errors?.[0]?.extensions?.code, query).toBe("NOT_FOUND");
      expect(r.errors?.[0]?.message, query).toContain('"no-such-entity"');
    }
    // A known entity with nothing to show is an empty answer, not an error.
    const none = await gql(seeded.api, `{ innovationChains(through: "hktdc") { lab { id } } }`);
    expect(none.errors).toBeUndefined();
    expect(none.data?.innovationChains).toEqual([]);
  });
});

describe("connection", () => {
  const Q =
    "query ($from: ID!, $to: ID!, $maxHops: Int) { connection(from: $from, to: $to, maxHops: $maxHops) { nodes { id } edges { source target type evidence { articleId quote } } } }";

  it("finds the shortest path between entities of different articles, ignoring direction, with evidence", async () => {
    const r = await gql(seeded.api, Q, { from: "cityu", to: "hktdc" });
    const path = r.data?.connection;
    expect(path.nodes[0].id).toBe("cityu");
    expect(path.nodes.at(-1).id).toBe("hktdc");
    expect(path.edges).toHaveLength(path.nodes.length - 1);
    const backwards = await gql(seeded.api, Q, { from: "hktdc", to: "cityu" });
    expect(backwards.data?.connection.nodes.length).toBe(path.nodes.length);
    // A path of stated relations exists, so it wins over "both lie in Hong Kong": every step is quoted.
    for (const e of path.edges) expect(e.evidence.length, `${e.source} ${e.type} ${e.target}`).toBeGreaterThan(0);
  });

  it("falls back to gazetteer containment when no stated path exists", async () => {
    const r = await gql(seeded.api, Q, { from: "changzhou", to: "jiangsu" });
    expect(r.data?.connection.edges).toEqual([{ source: "changzhou", target: "jiangsu", type: "PART_OF", evidence: [] }]);
  });

  it("is null when no path fits in maxHops, and clamps maxHops to 8", async () => {
    expect((await gql(seeded.api, Q, { from: "cityu", to: "hktdc", maxHops: 1 })).data?.connection).toBeNull();
    const far = await gql(seeded.api, Q, { from: "cityu", to: "hktdc", maxHops: 1000 });
    expect(far.data?.connection).not.toBeNull();
    expect(far.errors).toBeUndefined();
    expect(far.data?.connection.edges.length).toBeLessThanOrEqual(8);
  });
});

describe("innovationChains", () => {
  const Q =
    "query ($through: ID) { innovationChains(through: $through) { lab { id } spinoff { id } productionLine { id } customer { id } edges { type evidence { articleId quote } } } }";

  it("finds CityU -> Sufang -> 300 t pilot line -> CATL and ATL, quoting the Korean article", async () => {
    const r = await gql(seeded.api, Q, { through: "cityu" });
    const chains = r.data?.innovationChains as Array<any>;
    expect(chains.map((c) => c.customer.id).sort()).toEqual(["atl", "catl"]);
    for (const c of chains) {
      expect(c.spinoff.id).toBe("sufang-new-energy-technology");
      expect(c.productionLine.id).toBe("sufang-li-rich-cathode-pilot-line");
      expect(c.edges.map((e: any) => e.type)).toEqual(["SPUN_OFF", "OPERATES", "SUPPLIES"]);
      expect(c.edges[2].evidence[0].quote).toContain("샘플을 보냈다");
    }
    expect((await gql(seeded.api, Q, { through: "catl" })).data?.innovationChains).toHaveLength(1);
    expect((await gql(seeded.api, Q, { through: "hktdc" })).data?.innovationChains).toEqual([]);
  });

  it("through any entity, in any of the four positions, gives exactly the chains that contain it", async () => {
    const chainKey = (c: any) => [c.lab.id, c.spinoff.id, c.productionLine.id, c.customer.id].join(" > ");
    const all = ((await gql(seeded.api, Q, {})).data?.innovationChains as Array<any>).map(chainKey);
    expect(all.length).toBeGreaterThan(1);
    const members = new Set(all.flatMap((k) => k.split(" > ")));
    for (const id of members) {
      const through = ((await gql(seeded.api, Q, { through: id })).data?.innovationChains as Array<any>).map(chainKey);
      expect(through.sort(), id).toEqual(all.filter((k) => k.split(" > ").includes(id)).sort());
    }
  });

  it("returns at most limit chains, sorted", async () => {
    const r = await gql(seeded.api, "{ innovationChains(limit: 1) { lab { id } } all: innovationChains { lab { id } } }");
    expect(r.data?.innovationChains).toHaveLength(1);
    const labs = (r.data?.all as Array<any>).map((c) => c.lab.id);
    expect(labs).toEqual([...labs].sort());
  });
});

describe("regionLinks", () => {
  const Q = "query ($a: ID!, $b: ID!) { regionLinks(a: $a, b: $b) { source target type evidence { articleId quote } } }";
  const key = (e: any) => `${e.source} ${e.type} ${e.target}`;

  it("finds Hong Kong-Shandong cooperation, counting Zibo and the SCO zone as Shandong", async () => {
    const r = await gql(seeded.api, Q, { a: "hong-kong", b: "shandong" });
    const links = (r.data?.regionLinks as Array<any>).map(key);
    expect(links).toEqual(
      expect.arrayContaining([
        "hkstp CO_FOUNDED lu-hk-sci-tech-cooperation-innovation-center",
        "hong-kong-all-districts-federation-of-industry-and-commerce COOPERATES_WITH zibo",
        "shandong COOPERATES_WITH hong-kong",
      ]),
    );
    expect(links.some((l) => l.includes("LOCATED_IN") || l.includes("PART_OF"))).toBe(false);
    const swapped = await gql(seeded.api, Q, { a: "shandong", b: "hong-kong" });
    expect((swapped.data?.regionLinks as Array<any>).map(key).sort()).toEqual([...links].sort());
  });

  it("expands every stated relation type but containment (the list in region-links.cypher follows the model)", () => {
    const listed = cypher("analyst/region-links.cypher")
      .match(/MATCH \(x\)-\[r:([A-Z_|]+)\]/)?.[1]
      ?.split("|");
    const stated = Object.keys(RELATION_TYPES).filter((t) => t !== "LOCATED_IN" && t !== "PART_OF");
    expect(listed?.sort()).toEqual(stated.sort());
  });

  it("gives the same links whichever way it tests membership of region b (member set or nearest regions)", async () => {
    const driver = await testDriver();
    try {
      for (const [a, b] of [
        ["hong-kong", "shandong"],
        ["shandong", "hong-kong"],
        ["hong-kong", "chongqing"],
      ]) {
        const links = async (memberSetLimit: number) => {
          const { records } = await driver.executeQuery(cypher("analyst/region-links.cypher"), {
            a,
            b,
            limit: neo4j.int(500),
            memberSetLimit: neo4j.int(memberSetLimit),
            includeDrafts: false,
          });
          return records.map((r) => key(r.get("edge"))).sort();
        };
        const bySet = await links(1_000_000);
        expect(bySet.length, `${a} ${b}`).toBeGreaterThan(0);
        expect(await links(0), `${a} ${b}`).toEqual(bySet);
      }
    } finally {
      await driver.close();
    }
  });

  it("returns at most limit links", async () => {
    const r = await gql(seeded.api, '{ regionLinks(a: "hong-kong", b: "shandong", limit: 2) { type } }');
    expect(r.data?.regionLinks).toHaveLength(2);
  });
});
