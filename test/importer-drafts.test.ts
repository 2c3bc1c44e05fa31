import { beforeAll, describe, expect, it } from "vitest";
import { seedGraph } from "../src/db/seed.js";
import { log } from "../src/log.js";
import { DRAFT_ANNOTATION, draftCorpus, writeDraftArticle } from "./support/draft-corpus.js";
import { graphFingerprint } from "./support/fingerprint.js";
import { count, DATABASE, driverForSuite, resetGraph } from "./support/neo4j.js";

describe("importing drafted facts", () => {
  const db = driverForSuite();
  let dir: string;
  const one = async (query: string, params: Record<string, unknown> = {}) => {
    const { records } = await db.driver.executeQuery(query, params, { database: DATABASE });
    return records[0]?.toObject() ?? {};
  };

  beforeAll(async () => {
    dir = await draftCorpus();
    await resetGraph(db.driver);
    await seedGraph(db.driver, dir, DATABASE, log);
  });

  it("stores a mention's marks on MENTIONS, and none on a hand-made mention", async () => {
    const marks = "RETURN m.draft AS draft, m.confidence AS confidence, m.rule AS rule";
    expect(await one(`MATCH (:Article {id: 'article-905'})-[m:MENTIONS]->(:Entity {id: 'cityu'}) ${marks}`)).toEqual({
      draft: true,
      confidence: 0.93,
      rule: "gazetteer.annotation",
    });
    expect(await one(`MATCH (:Article {id: 'article-905'})-[m:MENTIONS]->(:Entity {id: 'catl'}) ${marks}`)).toEqual({
      draft: null,
      confidence: null,
      rule: null,
    });
  });

  it("marks an entity the draft defines, and no curated entity", async () => {
    const marks = "RETURN e.draft AS draft, e.confidence AS confidence, e.rule AS rule";
    expect(await one(`MATCH (e:Entity {id: 'cityu-catl-new-energy-joint-lab'}) ${marks}`)).toEqual({
      draft: true,
      confidence: 0.7,
      rule: "zh.suffix",
    });
    expect(await one(`MATCH (e:Entity {id: 'cityu'}) ${marks}`)).toEqual({ draft: null, confidence: null, rule: null });
    expect(await count(db.driver, "MATCH (e:Entity) WHERE e.draft IS NOT NULL RETURN count(e)")).toBe(1);
  });

  it("marks a relation only drafts state as a draft, with the drafts' confidence and rule", async () => {
    expect(
      await one(
        `MATCH (:Entity {id: 'cityu'})-[r:COOPERATES_WITH]->(:Entity {id: 'catl'})
         RETURN r.draft AS draft, r.draftArticleIds AS draftArticleIds, r.confidence AS confidence, r.rule AS rule, r.articleIds AS articleIds`,
      ),
    ).toEqual({ draft: true, draftArticleIds: ["article-905"], confidence: 0.55, rule: "zh.trigger.sign", articleIds: ["article-905"] });
  });

  it("keeps a relation an article states by hand curated, naming the article whose statement is a draft", async () => {
    expect(
      await one(
        `MATCH (:Entity {id: 'cityu'})-[r:SPUN_OFF]->(:Entity {id: 'sufang-new-energy-technology'})
         RETURN r.draft AS draft, r.draftArticleIds AS draftArticleIds, r.confidence AS confidence, r.articleIds AS articleIds`,
      ),
    ).toEqual({ draft: false, draftArticleIds: ["article-905"], confidence: null, articleIds: ["article-000", "article-905"] });
    // Relations no draft states carry no draft property at all.
    expect(await count(db.driver, "MATCH ()-[r]->() WHERE r.draft IS NOT NULL AND type(r) <> 'MENTIONS' RETURN count(r)")).toBe(5);
  });

  it("marks a drafted measure", async () => {
    expect(
      await one(
        "MATCH (:Entity {id: 'cityu-catl-new-energy-joint-lab'})-[:HAS_MEASURE]->(m:Measure) RETURN m.draft AS draft, m.confidence AS confidence, m.rule AS rule, m.value AS value",
      ),
    ).toEqual({ draft: true, confidence: 0.45, rule: "cjk.measure.number-unit", value: 150000000 });
  });

  it("imports the same corpus a second time without changing anything", async () => {
    const before = await graphFingerprint(db.driver);
    const again = await seedGraph(db.driver, dir, DATABASE, log);
    expect(again.changed).toBe(0);
    expect(await graphFingerprint(db.driver)).toBe(before);
  });

  it("drops the draft marks of a relation once every statement of it is accepted, and keeps an accepted mention's", async () => {
    const accepted = structuredClone(DRAFT_ANNOTATION);
    for (const r of accepted.relations) r.draft = false;
    accepted.entities[0] = { ref: "cityu", seen: ["香港城市大学"], draft: false, confidence: 0.93, rule: "gazetteer.annotation" };
    await writeDraftArticle(dir, accepted);
    await seedGraph(db.driver, dir, DATABASE, log);
    expect(
      await one(
        `MATCH (:Entity {id: 'cityu'})-[r:COOPERATES_WITH]->(:Entity {id: 'catl'})
         RETURN r.draft AS draft, r.draftArticleIds AS draftArticleIds, r.confidence AS confidence, r.rule AS rule`,
      ),
    ).toEqual({ draft: null, draftArticleIds: null, confidence: null, rule: null });
    expect(
      await one("MATCH (:Article {id: 'article-905'})-[m:MENTIONS]->(:Entity {id: 'cityu'}) RETURN m.draft AS draft, m.rule AS rule"),
    ).toEqual({ draft: false, rule: "gazetteer.annotation" });
  });
});
