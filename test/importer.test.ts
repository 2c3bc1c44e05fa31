import type { Driver } from "neo4j-driver";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePlan } from "../src/db/import-plan.js";
import { type SeedSummary, seedGraph } from "../src/db/seed.js";
import type { ImportPlan } from "../src/ingest/plan.js";
import { log } from "../src/log.js";
import { EntityKind } from "../src/model/entity.js";
import { freshSeedImport, graphFingerprint } from "./support/fingerprint.js";
import { count, DATABASE, driverForSuite, resetGraph, testDriver } from "./support/neo4j.js";
import { SEED_DIR } from "./support/seed-corpus.js";

describe("npm run seed on an empty database", () => {
  let driver: Driver;
  let first: SeedSummary;
  beforeAll(async () => {
    driver = await testDriver();
    await resetGraph(driver);
    first = await seedGraph(driver, SEED_DIR, DATABASE, log);
  });
  afterAll(async () => driver.close());

  it("builds the whole graph: five articles, every kind of entity, every stated relation", async () => {
    expect(first.changes.nodesCreated).toBeGreaterThan(250);
    expect(first.nodes.Article).toBe(5);
    for (const label of [...EntityKind.options, "Measure"]) {
      expect(first.nodes[label], label).toBeGreaterThan(0);
    }
    for (const type of ["LOCATED_IN", "PART_OF", "WORKS_AT", "SPUN_OFF", "OPERATES", "SUPPLIES", "PARTY_TO", "ORGANIZED", "MENTIONS"]) {
      expect(first.relationships[type], type).toBeGreaterThan(0);
    }
    expect(first.perArticle.map((a) => a.id)).toEqual(["article-000", "article-001", "article-002", "article-003", "article-004"]);
    for (const a of first.perArticle) expect(a.relations, a.id).toBeGreaterThan(20);
  });

  it("is idempotent: a second run reports zero changes and leaves the graph byte for byte as it was", async () => {
    const before = await graphFingerprint(driver);
    const messages: string[] = [];
    const captured = pino({ level: "info" }, { write: (line: string) => void messages.push(JSON.parse(line).msg) });
    const second = await seedGraph(driver, SEED_DIR, DATABASE, captured);
    // Unchanged rows are found by reading and left out: not one write statement runs.
    expect(messages).toContain("article data valid; importing");
    expect(messages).not.toContain("importing");
    expect(second.changed).toBe(0);
    expect(second.changes).toEqual({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
    expect(second.nodes).toEqual(first.nodes);
    expect(second.relationships).toEqual(first.relationships);
    expect(await graphFingerprint(driver)).toBe(before);
  });

  it("gives every stated relation its evidence: each quote occurs verbatim in the article it cites", async () => {
    const unsupported = await count(
      driver,
      `MATCH ()-[r]->() WHERE r.basis = 'article'
       UNWIND range(0, size(r.quotes) - 1) AS i
       OPTIONAL MATCH (a:Article {id: r.articleIds[i]})
       WITH r, i, a WHERE a IS NULL OR NOT a.text CONTAINS r.quotes[i]
       RETURN count(*)`,
    );
    expect(unsupported).toBe(0);
    const withoutEvidence = await count(driver, "MATCH ()-[r]->() WHERE r.basis = 'article' AND size(r.articleIds) = 0 RETURN count(r)");
    expect(withoutEvidence).toBe(0);
    expect(await count(driver, "MATCH ()-[r]->() WHERE r.basis = 'gazetteer' RETURN count(r)")).toBeGreaterThan(50);
  });

  it("links every entity to the articles that mention it, with the surface forms they use", async () => {
    const orphans = await count(driver, "MATCH (e:Entity) WHERE NOT (:Article)-[:MENTIONS]->(e) AND NOT e:Region RETURN count(e)");
    expect(orphans).toBe(0);
    const { records } = await driver.executeQuery(
      "MATCH (:Article {id: 'article-000'})-[m:MENTIONS]->(e:Entity {id: 'cityu'}) RETURN m.surfaces AS surfaces",
      {},
      { database: DATABASE },
    );
    expect(records[0]?.get("surfaces")).toEqual(["홍콩도시대학"]);
  });
});

describe("importing into a graph that already holds part of the data", () => {
  const db = driverForSuite();

  it("creates what is new, updates what changed, and ends byte for byte where a fresh import ends", async () => {
    const { plan, fingerprint: fresh } = await freshSeedImport(db.driver);

    // An older state: every other entity and article, a changed quote on the relations kept.
    const entities = plan.entities.filter((_, i) => i % 2 === 0);
    const kept = new Set(entities.map((e) => e.id));
    const articles = plan.articles.slice(0, 3);
    const older: ImportPlan = {
      articles,
      entities,
      mentions: plan.mentions.filter((m) => kept.has(m.entityId) && articles.some((a) => a.id === m.articleId)),
      relations: plan.relations
        .filter((r) => kept.has(r.from) && kept.has(r.to))
        .map((r) => ({ ...r, props: { ...r.props, quotes: ["an older quote"] } })),
      measures: plan.measures.filter((m) => kept.has(m.entityId)),
    };
    expect(older.relations.length).toBeGreaterThan(20);
    await resetGraph(db.driver);
    await writePlan(db.driver, older, { database: DATABASE, log });

    const update = await writePlan(db.driver, plan, { database: DATABASE, log });
    expect(update.relationshipsCreated).toBe(
      plan.relations.length +
        plan.mentions.length +
        plan.measures.length -
        older.relations.length -
        older.mentions.length -
        older.measures.length,
    );
    expect(await count(db.driver, "MATCH ()-[r]->() WHERE 'an older quote' IN r.quotes RETURN count(r)")).toBe(0);
    expect(await graphFingerprint(db.driver)).toBe(fresh);
  });
});
