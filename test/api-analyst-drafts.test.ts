import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApi } from "../src/api/app.js";
import { seedGraph } from "../src/db/seed.js";
import { log } from "../src/log.js";
import { gql, startTestApi } from "./support/api.js";
import { draftCorpus } from "./support/draft-corpus.js";
import { DATABASE, resetGraph, testDriver } from "./support/neo4j.js";

// The seed graph plus article-905, whose facts are drafts awaiting review (test/support/draft-corpus.ts).
let driver: Driver;
let api: RunningApi;
beforeAll(async () => {
  driver = await testDriver();
  await resetGraph(driver);
  await seedGraph(driver, await draftCorpus(), DATABASE, log);
  api = await startTestApi(driver);
});
afterAll(async () => {
  await api?.close();
  await driver?.close();
});

const LAB = "cityu-catl-new-energy-joint-lab";
const EDGE = "source target type draft confidence rule evidence { articleId quote draft }";
const key = (e: { source: string; type: string; target: string }) => `${e.source} ${e.type} ${e.target}`;

async function data(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql(api, query, variables);
  expect(r.errors).toBeUndefined();
  return r.data as Record<string, any>;
}

describe("analyst queries leave drafts awaiting review out unless asked", () => {
  it("search finds a drafted entity only with includeDrafts", async () => {
    const Q = 'query ($d: Boolean) { search(text: "新能源联合实验室", includeDrafts: $d) { id } }';
    expect((await data(Q)).search.map((h: { id: string }) => h.id)).not.toContain(LAB);
    expect((await data(Q, { d: true })).search.map((h: { id: string }) => h.id)).toContain(LAB);
  });

  it("entity: a drafted entity's card only with includeDrafts; a curated one's drafted relations only then, marked", async () => {
    const CARD = `query ($id: ID!, $d: Boolean) { entity(id: $id, includeDrafts: $d) {
      id draft confidence rule relationGroups { type direction relations { other { id } edge { draft } evidence { quote draft article { id } } } } } }`;
    const hidden = await gql(api, CARD, { id: LAB });
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(hidden.errors?.[0]?.message).toContain("includeDrafts");
    expect((await data(CARD, { id: LAB, d: true })).entity).toMatchObject({ id: LAB, draft: true, confidence: 0.7, rule: "zh.suffix" });

    const cooperates = (card: any) =>
      card.relationGroups
        .find((g: any) => g.type === "COOPERATES_WITH" && g.direction === "OUT")
        ?.relations.find((r: any) => r.other.id === "catl");
    expect(cooperates((await data(CARD, { id: "cityu" })).entity)).toBeUndefined();
    expect(cooperates((await data(CARD, { id: "cityu", d: true })).entity)).toEqual({
      other: { id: "catl" },
      edge: { draft: true },
      evidence: [{ quote: "香港城市大学与宁德时代签署合作协议", draft: true, article: { id: "article-905" } }],
    });
  });

  it("neighborhood neither shows nor walks drafted relations and entities by default", async () => {
    const Q = `query ($d: Boolean) { neighborhood(id: "cityu", includeDrafts: $d) { nodes { id draft confidence rule } edges { ${EDGE} } } }`;
    const plain = (await data(Q)).neighborhood;
    expect(plain.nodes.map((n: { id: string }) => n.id)).not.toContain(LAB);
    expect(plain.edges.map(key)).not.toContain("cityu COOPERATES_WITH catl");
    expect(plain.edges.every((e: { draft: boolean }) => e.draft === false)).toBe(true);
    expect(plain.nodes.find((n: { id: string }) => n.id === "cityu")).toEqual({ id: "cityu", draft: false, confidence: null, rule: null });

    const all = (await data(Q, { d: true })).neighborhood;
    expect(all.nodes.find((n: { id: string }) => n.id === LAB)).toEqual({ id: LAB, draft: true, confidence: 0.7, rule: "zh.suffix" });
    expect(all.edges.find((e: any) => key(e) === "cityu COOPERATES_WITH catl")).toEqual({
      source: "cityu",
      target: "catl",
      type: "COOPERATES_WITH",
      draft: true,
      confidence: 0.55,
      rule: "zh.trigger.sign",
      evidence: [{ articleId: "article-905", quote: "香港城市大学与宁德时代签署合作协议", draft: true }],
    });
  });

  it("marks the drafted statement of a curated relation in its evidence, by default too", async () => {
    const Q = `{ neighborhood(id: "cityu") { edges { ${EDGE} } } }`;
    const spunOff = (await data(Q)).neighborhood.edges.find((e: any) => key(e) === "cityu SPUN_OFF sufang-new-energy-technology");
    expect(spunOff.draft).toBe(false);
    expect(spunOff.evidence.map((e: { articleId: string; draft: boolean }) => [e.articleId, e.draft])).toEqual([
      ["article-000", false],
      ["article-905", true],
    ]);
  });

  it("connection does not pass through drafts by default", async () => {
    const Q = `query ($d: Boolean) { connection(from: "catl", to: "${LAB}", includeDrafts: $d) { nodes { id } edges { ${EDGE} } } }`;
    expect((await data(Q)).connection).toBeNull();
    const path = (await data(Q, { d: true })).connection;
    expect(path.nodes.at(-1).id).toBe(LAB);
    expect(path.edges.some((e: { draft: boolean }) => e.draft)).toBe(true);
  });

  it("innovationChains leaves out a chain with a drafted link", async () => {
    const Q = `query ($d: Boolean) { innovationChains(through: "sufang-li-rich-cathode-pilot-line", includeDrafts: $d) { customer { id } edges { ${EDGE} } } }`;
    const customers = async (d?: boolean) => (await data(Q, { d })).innovationChains.map((c: any) => c.customer.id).sort();
    expect(await customers()).toEqual(["atl", "catl"]);
    expect(await customers(true)).toEqual(["atl", "catl", "cityu"]);
  });

  it("regionLinks counts neither drafted links nor drafted locations by default", async () => {
    const Q = `query ($d: Boolean) { regionLinks(a: "hong-kong", b: "dongguan", includeDrafts: $d) { ${EDGE} } }`;
    const plain = (await data(Q)).regionLinks;
    expect(plain.every((e: { draft: boolean }) => !e.draft)).toBe(true);
    expect(plain.map(key)).not.toContain(`cityu CO_FOUNDED ${LAB}`);
    const all = (await data(Q, { d: true })).regionLinks.map(key);
    expect(all).toContain(`cityu CO_FOUNDED ${LAB}`);
    expect(all).toEqual(expect.arrayContaining(plain.map(key)));
  });

  it("regionCooperation neither links, bridges nor places through drafts by default", async () => {
    const Q = `query ($d: Boolean) { regionCooperation(a: "hong-kong", b: "dongguan", includeDrafts: $d) {
      links { a { id draft } b { id draft } bridge { id draft } edges { ${EDGE} } placementB { basis edges { ${EDGE} } } } } }`;
    const mentionsLab = (l: any) => [l.a.id, l.b.id, l.bridge?.id].includes(LAB);
    const plain = (await data(Q)).regionCooperation.links;
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.some(mentionsLab)).toBe(false);
    for (const l of plain) for (const e of [...l.edges, ...l.placementB.edges]) expect(e.draft, key(e)).toBe(false);
    const all = (await data(Q, { d: true })).regionCooperation.links;
    const lab = all.find((l: any) => l.a.id === "cityu" && l.b.id === LAB);
    expect(lab.b.draft).toBe(true);
    expect(lab.edges).toEqual([expect.objectContaining({ source: "cityu", type: "CO_FOUNDED", target: LAB, draft: true })]);
    // The lab lies in Dongguan only by a drafted statement, and says so.
    expect(lab.placementB.basis).toBe("LOCATED");
    expect(lab.placementB.edges).toEqual([expect.objectContaining({ source: LAB, type: "LOCATED_IN", target: "dongguan", draft: true })]);
  });

  it("connections do not pass through drafts by default", async () => {
    const Q = `query ($d: Boolean) { connections(from: "catl", to: "${LAB}", includeDrafts: $d) { nodes { id } edges { ${EDGE} } } }`;
    expect((await data(Q)).connections).toEqual([]);
    const paths = (await data(Q, { d: true })).connections;
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.nodes.at(-1).id).toBe(LAB);
      expect(p.edges.some((e: { draft: boolean }) => e.draft)).toBe(true);
    }
  });
});
