import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE, seededGraph } from "./support/neo4j.js";

/** Facts the articles state, asserted in the real database, found by the names each article uses. */
describe("the seeded graph states what the articles state", () => {
  let driver: Driver;
  const rows = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params, { database: DATABASE })).records.map((r) => r.toObject());

  beforeAll(async () => {
    driver = await seededGraph();
  });
  afterAll(async () => driver.close());

  it("ko: the company whose cathode project a CityU professor leads runs a 300-ton pilot line and sent samples to CATL and ATL", async () => {
    const found = await rows(
      `MATCH (uni:Institution) WHERE '홍콩도시대학' IN uni.names
       MATCH (prof:Person)-[w:WORKS_AT]->(uni)
       MATCH (prof)-[:LEADS]->(project:Technology)<-[:DEVELOPS]-(company:Company)
       MATCH (uni)-[:SPUN_OFF]->(company)-[:OPERATES]->(line:ProductionLine {stage: 'pilot'})-[s:SUPPLIES]->(customer)
       RETURN prof.name AS prof, w.title AS title, company.name AS company, line.capacity AS capacity, line.capacityUnit AS unit,
              collect(DISTINCT s.kind) AS kinds, collect(customer.id) AS customers`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ prof: "Liu Qi", title: "교수", capacity: 300, unit: "t", kinds: ["sample"] });
    expect([...((found[0]?.customers ?? []) as string[])].sort()).toEqual(["atl", "catl"]);
    const planned = await rows(
      "MATCH (:Company {id: 'sufang-new-energy-technology'})-[o:OPERATES]->(l:ProductionLine {stage: 'mass'}) RETURN l.capacity AS c, o.status AS s",
    );
    expect(planned).toEqual([{ c: 1000, s: "planned" }]);
  });

  it("zh-Hant and ja: HKTDC is one node mentioned by two articles under both scripts", async () => {
    const found = await rows(
      `MATCH (a:Article)-[m:MENTIONS]->(h:Institution) WHERE '香港貿易發展局' IN m.surfaces OR '香港貿易発展局' IN m.surfaces
       RETURN h.id AS id, h.name AS name, collect(a.language) AS languages`,
    );
    expect(found).toEqual([
      { id: "hktdc", name: "Hong Kong Trade Development Council", languages: expect.arrayContaining(["zh-Hant", "ja"]) },
    ]);
  });

  it("zh-Hans (machine-reworded): the garbled 中国科学院物理研讨所 resolves to the CAS Institute of Physics", async () => {
    const found = await rows(
      `MATCH (n:Entity) WHERE '中国科学院物理研讨所' IN n.garbledAliases
       OPTIONAL MATCH (n)-[:PART_OF]->(parent)
       RETURN n.name AS name, n.nameZhHans AS zh, parent.id AS parent`,
    );
    expect(found).toEqual([{ name: "Institute of Physics, Chinese Academy of Sciences", zh: "中国科学院物理研究所", parent: "cas" }]);
    const coBuilt = await rows(
      `MATCH (lab:Lab) WHERE lab.nameZhHans = '天目湖先进储能技术研究院'
       MATCH (founder)-[:CO_FOUNDED]->(lab) RETURN lab.garbledAliases AS garbled, collect(founder.id) AS founders`,
    );
    expect(coBuilt[0]?.garbled).toContain("天目湖先进储能技能研讨院");
    expect(coBuilt[0]?.founders).toContain("cas-institute-of-physics");
  });

  it("zh-Hans: the 2023 Zibo conference and the 2024 Qingdao exchange meeting stay two events", async () => {
    const found = await rows(
      `MATCH (e:Event)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..3]->(:Region {id: 'shandong'})
       WHERE e.name STARTS WITH 'Lu-Hong Kong'
       RETURN DISTINCT e.id AS id, toString(e.startDate) AS start ORDER BY start`,
    );
    expect(found).toEqual([
      { id: "lu-hk-sci-tech-innovation-cooperation-conference-2023", start: "2023-02-23" },
      { id: "lu-hk-sci-tech-innovation-cooperation-exchange-2024", start: "2024-03-25" },
    ]);
  });

  it("zh-Hant: InnoEX 2024 was co-organised by the ITIB and HKTDC and the Chongqing companies exhibited there", async () => {
    const found = await rows(
      `MATCH (e:Event) WHERE '香港國際創科展' IN e.names
       MATCH (org)-[:ORGANIZED]->(e)
       WITH e, collect(org.id) AS organizers
       MATCH (c:Company)-[:EXHIBITED_AT]->(e)
       RETURN organizers, collect(c.id) AS exhibitors, e.edition AS edition`,
    );
    expect([...((found[0]?.organizers ?? []) as string[])].sort()).toEqual(["hktdc", "itib"]);
    expect(found[0]?.exhibitors).toHaveLength(3);
    expect(found[0]?.edition).toBe(2);
  });

  it("ja: SCO Holding Group and HKSTP signed an MoU to co-build the Lu-Hong Kong centre, unveiled at the 2024 meeting", async () => {
    const found = await rows(
      `MATCH (mou:Agreement {type: 'mou'})-[:CONCERNS]->(center:Lab)-[:ANNOUNCED_AT]->(e:Event)
       MATCH (party)-[p:PARTY_TO]->(mou)
       RETURN center.id AS center, e.id AS event, collect(party.id) AS parties, p.quotes[0] AS quote`,
    );
    expect(found[0]).toMatchObject({
      center: "lu-hk-sci-tech-cooperation-innovation-center",
      event: "lu-hk-sci-tech-innovation-cooperation-exchange-2024",
    });
    expect([...((found[0]?.parties ?? []) as string[])].sort()).toEqual(["hkstp", "sco-holding-group"]);
  });

  it("zh-Hans: a Zibo company's project counts as Shandong through the region hierarchy, and amounts keep their units", async () => {
    const found = await rows(
      `MATCH (investor)-[i:INVESTED_IN]->(line:ProductionLine)
       RETURN investor.id AS investor, i.amount AS amount, i.amountUnit AS unit, line.id AS line`,
    );
    expect(found).toContainEqual({
      investor: "intco-international-hong-kong",
      amount: 1.2e9,
      unit: "CNY",
      line: "intco-pet-deep-processing-and-frame-project",
    });
    const inShandong = await rows(
      "MATCH (:Institution {id: 'zibo-bureau-of-science-and-technology'})-[:LOCATED_IN|PART_OF*1..4]->(r:Region {id: 'shandong'}) RETURN count(*) > 0 AS yes",
    );
    expect(inShandong[0]?.yes).toBe(true);
  });

  it("keeps unnamed participants as counts on the event, not invented nodes", async () => {
    const found = await rows(
      `MATCH (e:Event)-[:HAS_MEASURE]->(m:Measure {metric: 'participants'})
       WHERE any(n IN e.names WHERE n CONTAINS '하이즈프로젝트 연결회')
       RETURN m.value AS value, m.qualifier AS q, m.quote AS quote`,
    );
    expect(found).toEqual([{ value: 70, q: "over", quote: expect.stringContaining("70여 명") }]);
  });
});
