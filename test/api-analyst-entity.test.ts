import { describe, expect, it } from "vitest";
import { gql, seededApiForSuite } from "./support/api.js";
import { DATABASE } from "./support/neo4j.js";

const seeded = seededApiForSuite();

const CARD = `query ($id: ID!, $limit: Int, $since: String, $until: String) {
  entity(id: $id, limit: $limit, since: $since, until: $until) {
    id kind name description
    names { text lang role }
    attributes { name value precision unit qualifier }
    locations { steps { node { id kind } type gazetteer evidence { quote article { id } } } }
    figures { metric value unit qualifier asOf quote article { id titleEn publishedAt publishedAtPrecision } }
    relationGroups {
      type direction field total
      relations {
        other { id kind } edge { source target type } date datePrecision basis role title status
        evidence { quote draft article { id title titleEn language publishedAt publishedAtPrecision } }
      }
    }
    relationsTotal truncated draft
  }
}`;

const card = async (variables: Record<string, unknown>) => {
  const r = await gql<{ entity: any }>(seeded.api, CARD, variables);
  expect(r.errors).toBeUndefined();
  return r.data?.entity;
};

const ARTICLE_001 = {
  id: "article-001",
  title: "“重慶造”硬核成果吸引國際目光",
  titleEn: "'Made in Chongqing' hard-tech achievements draw international attention",
  language: "zh-Hant",
  publishedAt: "2024-04-18",
  publishedAtPrecision: "day",
};
const AGREEMENT_2019 = "hk-all-districts-federation-zibo-strategic-cooperation-agreement-2019";

describe("entity: the whole card in one query", () => {
  it("HKTDC: names with languages, its place, relations grouped by type and direction with quotes, article titles and dates", async () => {
    const e = await card({ id: "hktdc" });
    expect(e).toMatchObject({ id: "hktdc", kind: "INSTITUTION", name: "Hong Kong Trade Development Council", draft: false });
    expect(e.description).toBe("Statutory body promoting Hong Kong's trade.");
    expect(e.names).toEqual([
      { text: "Hong Kong Trade Development Council", lang: "en", role: "CANONICAL" },
      { text: "香港贸易发展局", lang: "zh-Hans", role: "OFFICIAL" },
      { text: "香港貿易發展局", lang: "zh-Hant", role: "OFFICIAL" },
      { text: "홍콩무역발전국", lang: "ko", role: "OFFICIAL" },
      { text: "香港貿易発展局", lang: "ja", role: "OFFICIAL" },
      { text: "HKTDC", lang: "en", role: "ALIAS" },
      { text: "香港贸发局", lang: "zh-Hans", role: "ALIAS" },
      { text: "香港貿發局", lang: "zh-Hant", role: "ALIAS" },
    ]);
    expect(e.attributes).toEqual([{ name: "type", value: "statutory-body", precision: null, unit: null, qualifier: null }]);
    // Gazetteer containment: no quote.
    expect(e.locations).toEqual([
      {
        steps: [
          { node: { id: "hong-kong", kind: "REGION" }, type: "LOCATED_IN", gazetteer: true, evidence: [] },
          { node: { id: "china", kind: "REGION" }, type: "PART_OF", gazetteer: true, evidence: [] },
        ],
      },
    ]);
    expect(e.figures).toEqual([]);
    expect(e.relationGroups.map((g: any) => [g.type, g.direction, g.field, g.total, g.relations.map((r: any) => r.other.id)])).toEqual([
      ["LOCATED_IN", "OUT", "locatedIn", 1, ["hong-kong"]],
      ["ORGANIZED", "OUT", "organized", 2, ["hk-electronics-fair-spring-2024", "innoex-2024"]],
      ["VISITED", "IN", "visitors", 1, ["chongqing"]],
      ["WORKS_AT", "IN", "staff", 2, ["chen-jiaxian", "zhong-yongxi"]],
    ]);
    expect(e.relationsTotal).toBe(6);
    expect(e.truncated).toBe(false);
    const organized = e.relationGroups[1].relations;
    // A fact's date: the event's own start date where stated (InnoEX, to the day; the spring fair, to the month).
    expect(organized[1]).toEqual({
      other: { id: "innoex-2024", kind: "EVENT" },
      edge: { source: "hktdc", target: "innoex-2024", type: "ORGANIZED" },
      date: "2024-04-13",
      datePrecision: "day",
      basis: "article",
      role: null,
      title: null,
      status: null,
      evidence: [{ quote: "本屆創科展由香港特別行政區政府創新科技及工業局和香港貿易發展局合辦", draft: false, article: ARTICLE_001 }],
    });
    expect(organized[0]).toMatchObject({ date: "2024-04", datePrecision: "month" });
    // Else the article's publication date; relation qualifiers as stated.
    expect(e.relationGroups[3].relations[0]).toMatchObject({
      other: { id: "chen-jiaxian", kind: "PERSON" },
      edge: { source: "chen-jiaxian", target: "hktdc", type: "WORKS_AT" },
      date: "2024-04-28",
      role: "chief representative, North and Northeast China",
      title: "華北・東北首席代表",
      evidence: [
        {
          quote: "香港貿易発展局華北・東北首席代表の陳嘉賢氏",
          article: {
            id: "article-004",
            language: "ja",
            publishedAt: "2024-04-28",
            title: "魯港科学技術革新協力交流会が上海協力機構モデル区で開催",
          },
        },
      ],
    });
  });

  it("an agreement: a year-only signing date reads 2019 and dates its parties; limit cuts each group and says so", async () => {
    const e = await card({ id: AGREEMENT_2019 });
    expect(e.kind).toBe("AGREEMENT");
    expect(e.names).toEqual([
      {
        text: "Hong Kong All Districts Federation of Industry and Commerce - Zibo Strategic Cooperation Agreement (2019)",
        lang: "en",
        role: "CANONICAL",
      },
      { text: "战略合作协议", lang: "zh-Hans", role: "ALIAS" },
    ]);
    expect(e.attributes).toEqual([
      { name: "type", value: "cooperation-agreement", precision: null, unit: null, qualifier: null },
      { name: "signedOn", value: "2019", precision: "year", unit: null, qualifier: null },
    ]);
    expect(e.locations).toEqual([]);
    expect(
      e.relationGroups.map((g: any) => [
        g.type,
        g.direction,
        g.field,
        g.total,
        g.relations.map((r: any) => [r.other.id, r.date, r.datePrecision]),
      ]),
    ).toEqual([
      ["CONCERNS", "OUT", "concerns", 1, [["zibo-hong-kong-city", "2023-02", "month"]]],
      [
        "PARTY_TO",
        "IN",
        "parties",
        2,
        [
          ["hong-kong-all-districts-federation-of-industry-and-commerce", "2019", "year"],
          ["zibo", "2019", "year"],
        ],
      ],
    ]);
    expect(e.relationGroups[0].relations[0].status).toBe("planned");
    expect(e.relationGroups[0].relations[0].evidence[0].article).toMatchObject({
      id: "article-003",
      publishedAt: "2023-02",
      publishedAtPrecision: "month",
    });
    expect(e.truncated).toBe(false);

    const cut = await card({ id: AGREEMENT_2019, limit: 1 });
    expect(cut.relationGroups.map((g: any) => [g.type, g.total, g.relations.length])).toEqual([
      ["CONCERNS", 1, 1],
      ["PARTY_TO", 2, 1],
    ]);
    expect(cut.relationsTotal).toBe(3);
    expect(cut.truncated).toBe(true);
  });

  it("since/until keep the relations dated in the window (a year-only date covers its year)", async () => {
    const groups = async (since?: string, until?: string) =>
      (await card({ id: AGREEMENT_2019, since, until })).relationGroups.map((g: any) => `${g.type} ${g.direction} ${g.total}`);
    expect(await groups("2020")).toEqual(["CONCERNS OUT 1"]);
    expect(await groups(undefined, "2019")).toEqual(["PARTY_TO IN 2"]);
    expect(await groups("2019-06", "2019-06-30")).toEqual(["PARTY_TO IN 2"]);
    expect(await groups("2023-02-15", "2023-03")).toEqual(["CONCERNS OUT 1"]);
    expect(await groups("2021", "2022")).toEqual([]);
    // Gazetteer containment is timeless: HKTDC still lies in Hong Kong in any window. InnoEX
    // (2024-04-13) is before the window; the spring fair, dated to the month 2024-04, overlaps it.
    const hktdc = await card({ id: "hktdc", since: "2024-04-15" });
    expect(hktdc.relationGroups.map((g: any) => `${g.type} ${g.direction} ${g.total} ${g.relations.map((r: any) => r.other.id)}`)).toEqual([
      "LOCATED_IN OUT 1 hong-kong",
      "ORGANIZED OUT 1 hk-electronics-fair-spring-2024",
      "VISITED IN 1 chongqing",
      "WORKS_AT IN 2 chen-jiaxian,zhong-yongxi",
    ]);
    expect(hktdc.relationsTotal).toBe(5);
  });

  it("an institute: a garbled alias, its figures with their articles, its stated place and the gazetteer chain above it", async () => {
    const e = await card({ id: "tianmu-lake-institute-of-advanced-energy-storage-technologies" });
    expect(e.names).toEqual([
      { text: "Tianmu Lake Institute of Advanced Energy Storage Technologies", lang: "en", role: "CANONICAL" },
      { text: "天目湖先进储能技术研究院", lang: "zh-Hans", role: "OFFICIAL" },
      { text: "天目湖先進儲能技術研究院", lang: "zh-Hant", role: "OFFICIAL" },
      { text: "天目湖先进储能技能研讨院", lang: "zh-Hans", role: "GARBLED" },
    ]);
    expect(e.figures.map((f: any) => `${f.metric} ${f.qualifier} ${f.value} ${f.unit}`)).toEqual([
      "companies-incubated exact 5 companies",
      "enterprises-served over 200 enterprises",
      "equipment-investment over 150000000 CNY",
      "invention-patent-applications exact 54 patents",
      "pilot-lines exact 4 lines",
      "research-floor-area exact 50000 m2",
      "scientist-studios exact 7 studios",
      "technical-service-revenue over 100000000 CNY",
      "years-in-operation exact 2 years",
    ]);
    for (const f of e.figures)
      expect(f.article).toMatchObject({ id: "article-002", publishedAt: "2023-06-03", publishedAtPrecision: "day" });
    expect(e.locations).toHaveLength(1);
    expect(e.locations[0].steps.map((s: any) => [s.node.id, s.type, s.gazetteer])).toEqual([
      ["jiangsu-zhongguancun-hi-tech-zone", "LOCATED_IN", false],
      ["liyang", "PART_OF", true],
      ["changzhou", "PART_OF", true],
      ["jiangsu", "PART_OF", true],
      ["china", "PART_OF", true],
    ]);
    expect(e.locations[0].steps[0].evidence[0].article.id).toBe("article-002");
    expect(e.locations[0].steps[0].evidence[0].quote).toContain("天目湖先进储能技能研讨院");
  });

  it("an event held at a hotel in Zibo: every chain to the top, shortest first; dates and numbers as attributes", async () => {
    const e = await card({ id: "lu-hk-sci-tech-innovation-cooperation-conference-2023" });
    expect(e.attributes.map((a: any) => [a.name, a.value, a.precision])).toEqual([
      ["type", "conference", null],
      ["startDate", "2023-02-23", "day"],
      ["endDate", "2023-02-23", "day"],
      ["edition", "20", null],
      ["theme", "引进高端创新资源落户淄博、服务山东,加强与粤港澳大湾区协同创新", null],
    ]);
    expect(e.locations.map((c: any) => c.steps.map((s: any) => `${s.type} ${s.node.id}`))).toEqual([
      ["LOCATED_IN zibo", "PART_OF shandong", "PART_OF china"],
      ["LOCATED_IN qisheng-international-hotel", "PART_OF zibo", "PART_OF shandong", "PART_OF china"],
    ]);
    const line = await card({ id: "sufang-li-rich-cathode-pilot-line" });
    expect(line.attributes).toEqual([
      { name: "stage", value: "pilot", precision: null, unit: null, qualifier: null },
      { name: "status", value: "built", precision: null, unit: null, qualifier: null },
      { name: "capacity", value: "300", precision: null, unit: "t", qualifier: "exact" },
    ]);
  });

  it("an unknown id is NOT_FOUND, a malformed or reversed window BAD_USER_INPUT", async () => {
    const unknown = await gql(seeded.api, CARD, { id: "no-such-entity" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.errors?.[0]?.message).toContain('"no-such-entity"');
    for (const [since, until] of [
      ["2023/02", undefined],
      [undefined, "2023-13"],
      ["2024", "2023"],
    ]) {
      const bad = await gql(seeded.api, CARD, { id: "hktdc", since, until });
      expect(bad.errors?.[0]?.extensions?.code, `${since} ${until}`).toBe("BAD_USER_INPUT");
    }
  });
  it("a hub: each relation type is read up to 5,000, the total capped there and said so", async () => {
    const write = (query: string) => seeded.driver.executeQuery(query, {}, { database: DATABASE });
    await write(
      `MATCH (h:Entity {id: "hktdc"}) UNWIND range(1, 5200) AS i
       CREATE (:Entity:Person {id: "hub-staff-" + i, name: "Staff " + i, names: ["Staff " + i]})
              -[:WORKS_AT {articleIds: ["article-001"], quotes: ["香港貿發局"], basis: "article"}]->(h)`,
    );
    try {
      const r = await gql<{ entity: any }>(
        seeded.api,
        `{ entity(id: "hktdc", limit: 3) { relationGroups { type direction total totalCapped relations { other { id } } } relationsTotal truncated } }`,
      );
      expect(r.errors).toBeUndefined();
      const e = r.data?.entity;
      const staff = e.relationGroups.find((g: any) => g.type === "WORKS_AT");
      expect(staff.total).toBe(5000);
      expect(staff.totalCapped).toBe(true);
      expect(staff.relations).toHaveLength(3);
      const ids = staff.relations.map((x: any) => x.other.id);
      expect(ids).toEqual([...ids].sort());
      expect(e.relationGroups.find((g: any) => g.type === "ORGANIZED")).toMatchObject({ total: 2, totalCapped: false });
      expect(e.relationsTotal).toBe(5004);
      expect(e.truncated).toBe(true);
    } finally {
      await write(`MATCH (p:Person) WHERE p.id STARTS WITH "hub-staff-" DETACH DELETE p`);
    }
  });
});
