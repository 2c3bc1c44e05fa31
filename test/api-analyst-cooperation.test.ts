import { describe, expect, it } from "vitest";
import { gql, seededApiForSuite } from "./support/api.js";

// regionCooperation and connections (issue 11) over HTTP on the seed graph.
const seeded = seededApiForSuite();

async function data(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql(seeded.api, query, variables);
  expect(r.errors).toBeUndefined();
  return r.data as Record<string, any>;
}

const NODE = "id kind name";
const EDGE = "source type target evidence { articleId quote }";
const PLACEMENT = `basis region { id } matchedName event { id } gazetteer edges { ${EDGE} }`;
const COOPERATION = `query ($a: ID!, $b: ID!, $aKinds: [EntityKind!], $aTypes: [String!], $bKinds: [EntityKind!], $relationTypes: [String!],
    $bridgeKinds: [EntityKind!], $direct: Boolean, $bridged: Boolean, $since: String, $until: String, $gazetteer: Boolean,
    $placements: [PlacementBasis!], $limit: Int) {
  regionCooperation(a: $a, b: $b, aKinds: $aKinds, aTypes: $aTypes, bKinds: $bKinds, relationTypes: $relationTypes,
      bridgeKinds: $bridgeKinds, direct: $direct, bridged: $bridged, since: $since, until: $until, gazetteer: $gazetteer,
      placements: $placements, limit: $limit) {
    total truncated
    links { a { ${NODE} } b { ${NODE} } bridge { ${NODE} } edges { ${EDGE} } dates articleIds
            placementA { ${PLACEMENT} } placementB { ${PLACEMENT} } }
    pairs { a { id } b { id } links articles articleIds bridges types firstDate lastDate }
  }
}`;

const cooperation = async (variables: Record<string, unknown>) => (await data(COOPERATION, variables)).regionCooperation;
const linkKey = (l: any) => `${l.a.id} ${l.bridge ? `[${l.bridge.id}] ` : ""}${l.b.id}`;
const HKBU_AGREEMENT = "hkbu-sdnu-mass-spectrometry-research-agreement-2023";
const CUHK_AGREEMENT = "cuhk-zaiying-wound-dressing-rd-agreement-2023";

describe("regionCooperation", () => {
  it("answers which Hong Kong universities work with Shandong: HKBU and CUHK, through their agreements, with quotes", async () => {
    const r = await cooperation({
      a: "hong-kong",
      b: "shandong",
      aKinds: ["INSTITUTION"],
      aTypes: ["university"],
      bridged: true,
      direct: false,
    });
    expect(r.links.map(linkKey)).toEqual([
      `cuhk [${CUHK_AGREEMENT}] shandong-zaiying-health-industry`,
      `hkbu [${HKBU_AGREEMENT}] shandong-normal-university`,
    ]);
    const [cuhk, hkbu] = r.links;
    expect(hkbu.bridge).toEqual({ id: HKBU_AGREEMENT, kind: "AGREEMENT", name: expect.stringContaining("Mass Spectrometry") });
    expect(hkbu.edges.map((e: any) => `${e.source} ${e.type} ${e.target}`)).toEqual([
      `hkbu PARTY_TO ${HKBU_AGREEMENT}`,
      `shandong-normal-university PARTY_TO ${HKBU_AGREEMENT}`,
    ]);
    for (const e of hkbu.edges)
      expect(e.evidence).toEqual([
        { articleId: "article-003", quote: "香港浸会大学与山东师范大学线上签订《质谱成像与质谱定量分析研究》合作协议" },
      ]);
    expect(cuhk.edges[1].evidence[0].quote).toBe("香港中文大学与山东载盈健康产业有限公司线上签订《难愈性创面抗菌自适应敷料研发》合作协议");
    expect(hkbu.dates).toEqual(["2023-02-23", "2023-02-23"]);
    expect(hkbu.articleIds).toEqual(["article-003"]);
    // Where the ends lie: HKBU and SDNU by the gazetteer; Zaiying has no location, its name says Shandong.
    expect(hkbu.placementA).toMatchObject({ basis: "LOCATED", region: { id: "hong-kong" }, gazetteer: true });
    expect(hkbu.placementA.edges.map((e: any) => `${e.source} ${e.type} ${e.target}`)).toEqual(["hkbu LOCATED_IN hong-kong"]);
    expect(hkbu.placementB).toMatchObject({ basis: "LOCATED", region: { id: "shandong" }, gazetteer: true });
    expect(cuhk.placementB).toEqual({
      basis: "NAME",
      region: { id: "shandong" },
      matchedName: "Shandong",
      event: null,
      gazetteer: false,
      edges: [],
    });
    expect(r.pairs).toEqual([
      {
        a: { id: "cuhk" },
        b: { id: "shandong-zaiying-health-industry" },
        links: 1,
        articles: 1,
        articleIds: ["article-003"],
        bridges: [CUHK_AGREEMENT],
        types: ["PARTY_TO"],
        firstDate: "2023-02-23",
        lastDate: "2023-02-23",
      },
      {
        a: { id: "hkbu" },
        b: { id: "shandong-normal-university" },
        links: 1,
        articles: 1,
        articleIds: ["article-003"],
        bridges: [HKBU_AGREEMENT],
        types: ["PARTY_TO"],
        firstDate: "2023-02-23",
        lastDate: "2023-02-23",
      },
    ]);
    expect(r).toMatchObject({ total: 2, truncated: false });
  });

  it("places an agreement with no location where it was announced (EVENT), with the announcement's quote", async () => {
    const r = await cooperation({ a: "hong-kong", b: "shandong", aKinds: ["INSTITUTION"], aTypes: ["university"], bridged: false });
    const direct = r.links.find((l: any) => l.b.id === HKBU_AGREEMENT);
    expect(direct.bridge).toBeNull();
    expect(direct.placementB).toMatchObject({
      basis: "EVENT",
      region: { id: "zibo" },
      event: { id: "lu-hk-sci-tech-innovation-cooperation-conference-2023" },
    });
    expect(direct.placementB.edges.map((e: any) => e.type)).toEqual(["ANNOUNCED_AT", "LOCATED_IN"]);
    expect(direct.placementB.edges[1].evidence.length).toBeGreaterThan(0);
    // Without EVENT placements the agreement is nowhere, and the link is left out.
    const strict = await cooperation({
      a: "hong-kong",
      b: "shandong",
      aKinds: ["INSTITUTION"],
      bridged: false,
      placements: ["LOCATED", "NAME"],
    });
    expect(strict.links.map(linkKey)).not.toContain(`hkbu ${HKBU_AGREEMENT}`);
  });

  it("keeps the old direct links, and finds the same cooperation whichever region comes first", async () => {
    const r = await cooperation({ a: "hong-kong", b: "shandong" });
    const keys = r.links.map(linkKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        "hkstp lu-hk-sci-tech-cooperation-innovation-center",
        "hong-kong-all-districts-federation-of-industry-and-commerce zibo",
        "hong-kong shandong",
        `hkbu [${HKBU_AGREEMENT}] shandong-normal-university`,
        `cuhk [${CUHK_AGREEMENT}] shandong-zaiying-health-industry`,
      ]),
    );
    for (const l of r.links) {
      for (const e of l.edges) {
        expect(["LOCATED_IN", "PART_OF"]).not.toContain(e.type);
        expect(e.evidence.length, `${e.source} ${e.type} ${e.target}`).toBeGreaterThan(0);
      }
    }
    const swapped = await cooperation({ a: "shandong", b: "hong-kong" });
    const flip = (l: any) => `${l.b.id} ${l.bridge ? `[${l.bridge.id}] ` : ""}${l.a.id}`;
    expect(swapped.links.map(flip).sort()).toEqual([...keys].sort());
    expect(swapped.total).toBe(r.total);
  });

  it("filters by time: since/until on the edges' dates", async () => {
    const all = await cooperation({ a: "hong-kong", b: "shandong" });
    const y2023 = await cooperation({ a: "hong-kong", b: "shandong", since: "2023", until: "2023-12" });
    expect(y2023.links.length).toBeGreaterThan(0);
    expect(y2023.links.length).toBeLessThan(all.links.length);
    for (const l of y2023.links) for (const d of l.dates) expect(d.startsWith("2023")).toBe(true);
    expect(y2023.links.map(linkKey)).toContain(`hkbu [${HKBU_AGREEMENT}] shandong-normal-university`);
    expect(y2023.links.map(linkKey)).not.toContain("hong-kong shandong"); // stated in 2024
    const from2024 = await cooperation({ a: "hong-kong", b: "shandong", since: "2024-01-01" });
    expect(from2024.links.map(linkKey)).toContain("hong-kong shandong");
    expect(from2024.links.map(linkKey)).not.toContain(`hkbu [${HKBU_AGREEMENT}] shandong-normal-university`);
    // A month-precise date covers its month: the 2019 federation agreement is dated 2019 only.
    const in2019 = await cooperation({ a: "hong-kong", b: "shandong", since: "2019-06-01", until: "2019-06-30" });
    expect(in2019.links.map(linkKey)).toEqual([
      "hong-kong-all-districts-federation-of-industry-and-commerce [hk-all-districts-federation-zibo-strategic-cooperation-agreement-2019] zibo",
    ]);
    // Nothing in the window (or nothing between the regions at all) is an empty answer, not an error.
    expect(await cooperation({ a: "hong-kong", b: "shandong", since: "2030" })).toEqual({
      total: 0,
      truncated: false,
      links: [],
      pairs: [],
    });
    expect((await cooperation({ a: "germany", b: "japan" })).total).toBe(0);
    const bad = await gql(seeded.api, COOPERATION, { a: "hong-kong", b: "shandong", since: "last year" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("filters by relation type, bridge kind and gazetteer", async () => {
    const coFounded = await cooperation({ a: "hong-kong", b: "shandong", relationTypes: ["CO_FOUNDED"] });
    expect(coFounded.links.length).toBeGreaterThan(0);
    for (const l of coFounded.links) for (const e of l.edges) expect(e.type).toBe("CO_FOUNDED");
    const events = await cooperation({ a: "hong-kong", b: "shandong", direct: false, bridgeKinds: ["EVENT"] });
    expect(events.links.length).toBeGreaterThan(0);
    for (const l of events.links) expect(l.bridge.kind).toBe("EVENT");
    // Without gazetteer facts, HKBU (placed in Hong Kong only by the gazetteer) is placed by its name.
    const noGazetteer = await cooperation({ a: "hong-kong", b: "shandong", aKinds: ["INSTITUTION"], direct: false, gazetteer: false });
    const hkbu = noGazetteer.links.find((l: any) => l.a.id === "hkbu");
    expect(hkbu.placementA).toMatchObject({ basis: "NAME", region: { id: "hong-kong" }, matchedName: "Hong Kong", gazetteer: false });
    for (const l of noGazetteer.links) for (const p of [l.placementA, l.placementB]) expect(p.gazetteer).toBe(false);
    for (const [args, code] of [
      [{ relationTypes: ["KNOWS"] }, "BAD_USER_INPUT"],
      [{ bridgeKinds: ["PERSON"] }, "BAD_USER_INPUT"],
      [{ a: "no-such-region" }, "NOT_FOUND"],
    ] as const) {
      const r = await gql(seeded.api, COOPERATION, { a: "hong-kong", b: "shandong", ...args });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(args)).toBe(code);
    }
  });

  it("returns at most limit links but counts every pair", async () => {
    const all = await cooperation({ a: "hong-kong", b: "shandong" });
    const two = await cooperation({ a: "hong-kong", b: "shandong", limit: 2 });
    expect(two.links).toHaveLength(2);
    expect(two.links.map(linkKey)).toEqual(all.links.slice(0, 2).map(linkKey));
    expect(two.pairs).toEqual(all.pairs);
    expect(two.total).toBe(all.total);
    expect(all.pairs.reduce((n: number, p: any) => n + p.links, 0)).toBe(all.total);
  });
});

const CONNECTIONS = `query ($from: ID!, $to: ID!, $k: Int, $avoid: [ID!], $avoidKinds: [EntityKind!], $relationTypes: [String!],
    $skipRelationTypes: [String!], $maxDegree: Int, $maxHops: Int) {
  connections(from: $from, to: $to, k: $k, avoid: $avoid, avoidKinds: $avoidKinds, relationTypes: $relationTypes,
      skipRelationTypes: $skipRelationTypes, maxDegree: $maxDegree, maxHops: $maxHops) {
    nodes { id kind } edges { ${EDGE} }
  }
}`;
const paths = async (variables: Record<string, unknown>) => (await data(CONNECTIONS, variables)).connections as Array<any>;
const ids = (p: any) => p.nodes.map((n: any) => n.id);

describe("connections", () => {
  it("HKBU -> Shandong: several distinct paths through the agreement, none through Hong Kong or China", async () => {
    const found = await paths({ from: "hkbu", to: "shandong" });
    expect(found).toHaveLength(3);
    expect(ids(found[0])).toEqual(["hkbu", HKBU_AGREEMENT, "shandong-normal-university", "shandong"]);
    expect(new Set(found.map((p) => ids(p).join(" "))).size).toBe(3);
    for (const p of found) {
      expect(ids(p)[1]).toBe(HKBU_AGREEMENT);
      expect(ids(p)).not.toContain("hong-kong");
      expect(ids(p)).not.toContain("china");
      expect(new Set(ids(p)).size).toBe(p.nodes.length);
      expect(p.edges).toHaveLength(p.nodes.length - 1);
    }
    expect(found.map((p) => p.edges.length)).toEqual([...found.map((p) => p.edges.length)].sort());
    // Every step but the containment that places the end is quoted.
    for (const p of found) {
      for (const e of p.edges) if (!["LOCATED_IN", "PART_OF"].includes(e.type)) expect(e.evidence.length).toBeGreaterThan(0);
    }
    expect(found[0].edges[0].evidence[0]).toEqual({ articleId: "article-003", quote: expect.stringContaining("香港浸会大学") });
  });

  it("avoid, avoidKinds, relation types and the hub bound change the answer", async () => {
    const noUniversity = await paths({ from: "hkbu", to: "shandong", avoid: ["shandong-normal-university"] });
    expect(noUniversity.length).toBeGreaterThan(0);
    for (const p of noUniversity) expect(ids(p)).not.toContain("shandong-normal-university");
    const noInstitution = await paths({ from: "hkbu", to: "shandong", avoidKinds: ["INSTITUTION"], k: 10 });
    for (const p of noInstitution) expect(p.nodes.slice(1, -1).map((n: any) => n.kind)).not.toContain("INSTITUTION");
    const noAgreements = await paths({ from: "hkbu", to: "shandong", avoidKinds: ["AGREEMENT"] });
    expect(noAgreements).toEqual([]); // HKBU's only stated relation is its agreement
    const partyOnly = await paths({ from: "hkbu", to: "shandong", relationTypes: ["PARTY_TO"] });
    expect(partyOnly.map(ids)).toEqual([["hkbu", HKBU_AGREEMENT, "shandong-normal-university", "shandong"]]);
    const noAnnounce = await paths({ from: "hkbu", to: "shandong", skipRelationTypes: ["ANNOUNCED_AT"], k: 10 });
    for (const p of noAnnounce) expect(p.edges.map((e: any) => e.type)).not.toContain("ANNOUNCED_AT");
    // The Zibo conference has 26 relationships: a bound of 20 makes it a hub, leaving one path.
    const strict = await paths({ from: "hkbu", to: "shandong", maxDegree: 20 });
    expect(strict.map(ids)).toEqual([["hkbu", HKBU_AGREEMENT, "shandong-normal-university", "shandong"]]);
  });

  it("bounds k and hops, refuses bad input", async () => {
    expect((await paths({ from: "hkbu", to: "shandong", k: 1000 })).length).toBeLessThanOrEqual(10);
    expect((await paths({ from: "hkbu", to: "shandong", k: 1 })).length).toBe(1);
    expect(await paths({ from: "hkbu", to: "shandong", maxHops: 2 })).toEqual([]);
    for (const p of await paths({ from: "hkbu", to: "shandong", k: 10, maxHops: 4 })) expect(p.edges.length).toBeLessThanOrEqual(4);
    const unknown = await gql(seeded.api, `{ connections(from: "hkbu", to: "no-such-entity") { nodes { id } } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    for (const v of [
      { from: "hkbu", to: "hkbu" },
      { from: "hkbu", to: "shandong", relationTypes: ["KNOWS"] },
    ]) {
      expect((await gql(seeded.api, CONNECTIONS, v)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
